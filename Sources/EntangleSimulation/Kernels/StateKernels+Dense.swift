import ComplexModule

extension StateKernels {
  /// Applies a dense k-qubit unitary to `targets`, where every control bit is set.
  ///
  /// One target is the memory-bound common case and has its own loops: whole vectors
  /// paired and unrolled for high targets, one shuffle per vector for low targets. Two to
  /// five targets use `mixVectors`, which first moves each low target out of the lanes
  /// (exchanging it with a free qubit above the vector width, two vectors at a time), so
  /// that every one of the `2^k` inputs of a group is a whole vector and every matrix entry
  /// a scalar broadcast to all lanes. More targets, or a state too small to free a qubit
  /// for each low target, fall back to scalar code.
  ///
  /// - Complexity: O(4^k · 2^n / 2^c) for k targets and c controls.
  static func applyDense<S: AmplitudeScalar>(
    _ matrix: [Complex<Double>], targets: [Int], controlMask: Int,
    to amplitudes: UnsafeMutablePointer<S>, qubitCount: Int, threads: Int
  ) {
    assert(matrix.count == 1 << (2 * targets.count))
    run(
      DensePass(matrix: matrix), on: amplitudes, targets: targets, controlMask: controlMask,
      qubitCount: qubitCount, threads: threads)
  }

  /// What `applyDense` needs beyond the placement, for `run`.
  struct DensePass: VectorPass {
    let matrix: [Complex<Double>]

    func run<V: SIMD>(on vectors: UnsafeMutablePointer<V>, at placement: PassPlacement)
    where V.Scalar: AmplitudeScalar {
      let targets = placement.targets
      guard let layout = placement.layout(for: V.self), targets.count <= 5 else {
        placement.applyScalar(matrix, to: vectors)
        return
      }
      if targets.count == 1 {
        StateKernels.applySingleQubit(
          matrix, target: targets[0], layout: layout, to: vectors, threads: placement.threads)
        return
      }
      if StateKernels.mixInRegisters(
        matrix, targets: targets, layout: layout, qubitCount: placement.qubitCount, to: vectors,
        threads: placement.threads)
      {
        return
      }
      guard
        let standIns = layout.highStandIns(for: targets, qubitCount: placement.qubitCount)
      else {
        placement.applyScalar(matrix, to: vectors)
        return
      }
      let exchanged = VectorLayout(
        targets: standIns, controlMask: placement.controlMask,
        qubitCount: placement.qubitCount, laneBits: layout.laneBits)
      StateKernels.mixVectors(
        matrix, targets: targets, standIns: standIns, layout: exchanged, to: vectors,
        threads: placement.threads)
    }
  }
}
