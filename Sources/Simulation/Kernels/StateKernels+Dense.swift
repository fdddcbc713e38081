import ComplexModule

extension StateKernels {
  /// Applies a dense k-qubit unitary to `targets`, where every control bit is set.
  ///
  /// One target is the memory-bound common case and has its own loops: whole vectors
  /// paired and unrolled for high targets, one shuffle per vector for low targets. Two to
  /// five targets use `mixGroups`, which loads the `2^k` amplitudes of a group, exchanges
  /// lanes for low targets, and accumulates per-lane coefficients in registers; more fall
  /// back to scalar code.
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
      } else {
        let dimension = 1 << targets.count
        StateKernels.mixGroups(
          LaneCoefficient<V>.self, entry: { matrix[$0 * dimension + $1] }, targets: targets,
          layout: layout, to: vectors, threads: placement.threads)
      }
    }
  }
}
