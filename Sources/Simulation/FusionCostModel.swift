/// The time of one step per amplitude, by kernel class, width and placement, that
/// `GateFusion` compares before merging two steps.
///
/// Measured on the development machine (Intel Xeon, AVX-512, one thread, `Double`): a state
/// of 2^16 amplitudes for a block in cache, 2^24 for a state in memory. Only ratios matter,
/// and they were about the same in `Float`. In cache, arithmetic and shuffles set the time,
/// so merging pays only when it removes work: two one-qubit gates on different qubits
/// (0.35 ns each) cost less than their two-qubit product (1.4 ns). In memory, every step
/// costs at least one pass (1.26 ns), so there merging into two or three qubits pays.
/// Steps with a target among the qubits inside one SIMD vector (the lane qubits: 0–1 in
/// `Double`, 0–2 in `Float`) exchange lanes and cost more.
struct FusionCostModel {
  /// Whether the steps run on a block resident in cache.
  let resident: Bool
  /// The qubits inside one SIMD vector.
  let laneMask: Int

  init(resident: Bool, bytesPerAmplitude: Int = 16) {
    self.resident = resident
    // One 64-byte vector holds 64 / bytesPerAmplitude amplitudes.
    laneMask = 64 / Swift.max(bytesPerAmplitude, 1) - 1
  }

  /// Nanoseconds per amplitude of a dense step on 1…5 qubits above the lanes, in cache.
  private static let dense: [Double] = [0.35, 1.4, 2.4, 5.6, 14.5]
  /// The factor for a dense step on 2 or 3 qubits with a lane target (3.4–4 measured).
  private static let laneFactor = 3.5
  /// Nanoseconds per amplitude of one pass over a state in memory.
  private static let pass = 1.26

  /// Nanoseconds per amplitude of a fused step of `kind` on the qubits in `qubitMask`.
  func cost(_ kind: ExecutionPlan.Step.Kind, qubitMask: Int) -> Double {
    cost(kind, width: qubitMask.nonzeroBitCount, inLanes: qubitMask & laneMask != 0)
  }

  /// Nanoseconds per amplitude of `step` as it stands: its controls narrow it.
  func cost(of step: ExecutionPlan.Step) -> Double {
    guard let (kind, targets, _) = step.unitary else { return 0 }
    return cost(kind, width: targets.count, inLanes: step.qubitMask & laneMask != 0)
  }

  /// Nanoseconds per amplitude of a step of `kind` on `width` target qubits.
  func cost(_ kind: ExecutionPlan.Step.Kind, width: Int, inLanes: Bool) -> Double {
    let width = Swift.max(width, 1)
    let arithmetic: Double
    switch kind {
    case .diagonal: arithmetic = 0.36
    case .permutation: arithmetic = inLanes ? 0.75 : 0.3
    case .dense:
      let base = Self.dense[Swift.min(width, Self.dense.count) - 1]
      arithmetic = inLanes && (2...3).contains(width) ? base * Self.laneFactor : base * (inLanes ? 1.3 : 1)
    }
    return resident ? arithmetic : Swift.max(Self.pass, arithmetic * 1.05)
  }

  /// The widest fused diagonal: the diagonal kernel costs the same up to 10 qubits.
  let maximumDiagonalQubits = 10
}
