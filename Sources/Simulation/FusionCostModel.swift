/// The time of one step per amplitude, by kernel class and qubit count, that `GateFusion`
/// compares before merging two steps.
///
/// Measured on the development machine (Intel Xeon, AVX-512, one thread, `Double`, the
/// kernel benchmark at n = 16 for a state in cache and n = 24 for one in memory). Only the
/// ratios matter, and they were about the same in `Float`. A step on a state in memory costs
/// at least one pass over it (1.26 ns per amplitude); in cache, its arithmetic sets the time,
/// so there merging pays only when it removes work, not when it removes a pass.
struct FusionCostModel {
  /// Whether the steps run on a block resident in cache.
  let resident: Bool

  /// Nanoseconds per amplitude of a dense step on 1…5 qubits, in cache.
  private static let denseInCache: [Double] = [0.4, 1.7, 3.0, 5.6, 15]
  /// The same, on a state in memory.
  private static let denseInMemory: [Double] = [1.26, 1.45, 2.1, 6.0, 14]

  /// Nanoseconds per amplitude of a step of `kind` acting on `qubits` qubits.
  func cost(_ kind: ExecutionPlan.Step.Kind, qubits: Int) -> Double {
    switch kind {
    case .diagonal: return resident ? 0.4 : 1.2
    case .permutation: return resident ? 0.8 : 1.3
    case .dense:
      let table = resident ? Self.denseInCache : Self.denseInMemory
      return table[Swift.min(Swift.max(qubits, 1), table.count) - 1]
    }
  }

  /// The widest fused step of `kind` the vector kernels run (wider ones fall back to scalar code).
  func maximumQubits(_ kind: ExecutionPlan.Step.Kind) -> Int {
    kind == .diagonal ? 10 : 5
  }
}
