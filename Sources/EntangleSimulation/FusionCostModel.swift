/// The time of one step per amplitude, by kernel class, width and placement, that
/// `GateFusion` compares before merging steps.
///
/// Measured on the development machine (Intel Xeon, AVX-512, one thread, `Double`, the
/// kernels called directly): a state of 2^16 amplitudes for a block in cache, 2^22 and 2^24
/// for states in memory. Only ratios matter, and they were about the same in `Float`. In
/// cache, arithmetic and shuffles set the time: a one-qubit gate costs 0.37 ns per
/// amplitude, a dense k-qubit one 0.47, 0.92, 2.25 and 4.0 ns for k = 2…5 (2 and 3 qubits
/// run at the multiply-add limit, `StateKernels.mixInRegisters`), so merging pays when it
/// removes enough gates (a quantum-volume SU(4) of eleven gates into one two-qubit step),
/// not for two two-qubit gates into one four-qubit step. In memory every step costs at
/// least one pass (1.26 ns per amplitude at n = 24) and about 1.25 times its arithmetic.
/// Steps with a qubit inside one SIMD vector (the lane qubits: 0–1 in `Double`, 0–2 in
/// `Float`) exchange lanes and cost more.
struct FusionCostModel {
  /// Whether the steps run on a block resident in cache.
  let resident: Bool
  /// The qubits inside one SIMD vector.
  let laneMask: Int

  /// The amplitudes of the whole state, over which a plan's one-off costs spread.
  let stateAmplitudes: Double

  init(resident: Bool, bytesPerAmplitude: Int = 16, stateQubits: Int = 62) {
    self.resident = resident
    stateAmplitudes = Double(1 << Swift.min(stateQubits, 62))
    // One 64-byte vector holds 64 / bytesPerAmplitude amplitudes.
    laneMask = 64 / Swift.max(bytesPerAmplitude, 1) - 1
  }

  /// Nanoseconds per amplitude of a dense step on 1…5 qubits above the lanes, in cache.
  private static let dense: [Double] = [0.37, 0.47, 0.92, 2.25, 4.0]
  /// The factor for a dense step with a qubit in the lanes, by width (measured 1.05, 1.5
  /// (2.3 with two lane targets), 1.35 (1.7), 1.2, 1.18).
  private static let laneFactor: [Double] = [1.1, 1.6, 1.4, 1.2, 1.15]
  /// Nanoseconds per amplitude of one pass over a state in memory.
  private static let pass = 1.26

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
    case .diagonal:
      arithmetic = 0.37
    case .permutation where width == 1 || !inLanes:
      arithmetic = inLanes ? 0.7 : 0.3
    case .permutation, .dense:
      // A wider permutation with a lane qubit runs as a dense step (see `applyPermutation`).
      let index = Swift.min(width, Self.dense.count) - 1
      arithmetic = Self.dense[index] * (inLanes ? Self.laneFactor[index] : 1)
    }
    return resident ? arithmetic : Swift.max(Self.pass, arithmetic * 1.25)
  }

  /// Nanoseconds per amplitude of the state for multiplying out, at each binding, a fused
  /// block of `kind` on `width` targets whose members have `memberTargets` targets each:
  /// about 2 ns per complex multiply-add of the product (2^width per diagonal member,
  /// 4^width · 2^t per dense one). An estimate, not a measured fit: with it, 4-qubit ansätze keep
  /// their parameterised gates apart and 20-qubit ones fuse them.
  func rebindingCost(_ kind: ExecutionPlan.Step.Kind, width: Int, memberTargets: [Int]) -> Double {
    let dimension = Double(1 << width)
    let operations = memberTargets.reduce(0.0) { total, targets in
      total + (kind == .diagonal ? dimension : dimension * dimension * Double(1 << targets))
    }
    return 2 * operations / stateAmplitudes
  }

  /// The widest fused diagonal: the diagonal kernel costs the same up to 10 qubits.
  let maximumDiagonalQubits = 10
}
