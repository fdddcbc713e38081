import ComplexModule

extension StateKernels {
  /// Applies a dense k-qubit unitary to `targets`, where every control bit is set.
  ///
  /// One target is the memory-bound common case and has its own loops: whole vectors
  /// paired and unrolled for high targets, one shuffle per vector for low targets. Up to
  /// five targets use one kernel that loads the `2^k` amplitudes of a group, permutes
  /// lanes for low targets, and accumulates per-lane coefficients; more fall back to
  /// scalar code.
  ///
  /// - Complexity: O(4^k · 2^n / 2^c) for k targets and c controls.
  static func applyDense<S: AmplitudeScalar>(
    _ matrix: [Complex<Double>], targets: [Int], controlMask: Int,
    to amplitudes: UnsafeMutablePointer<S>, qubitCount: Int, threads: Int
  ) {
    assert(matrix.count == 1 << (2 * targets.count))
    let raw = UnsafeMutableRawPointer(amplitudes)
    if S.self == Double.self {
      applyDense(
        matrix, targets: targets, controlMask: controlMask,
        to: raw.assumingMemoryBound(to: SIMD8<Double>.self), qubitCount: qubitCount,
        threads: threads)
    } else if S.self == Float.self && targets.count == 1 {
      applyDense(
        matrix, targets: targets, controlMask: controlMask,
        to: raw.assumingMemoryBound(to: SIMD16<Float>.self), qubitCount: qubitCount,
        threads: threads)
    } else if S.self == Float.self {
      // 32-byte vectors for the multi-qubit kernel: its sums over SIMD16<Float> were
      // compiled to scalar code (Swift 6.3), 7x slower than over SIMD8<Float>.
      applyDense(
        matrix, targets: targets, controlMask: controlMask,
        to: raw.assumingMemoryBound(to: SIMD8<Float>.self), qubitCount: qubitCount,
        threads: threads)
    } else {
      applyDense(
        matrix, targets: targets, controlMask: controlMask,
        to: raw.assumingMemoryBound(to: SIMD8<S>.self), qubitCount: qubitCount,
        threads: threads)
    }
  }

  /// `applyDense` on vectors of `V`, each `V.scalarCount / 2` amplitudes.
  static func applyDense<V: SIMD>(
    _ matrix: [Complex<Double>], targets: [Int], controlMask: Int,
    to vectors: UnsafeMutablePointer<V>, qubitCount: Int, threads: Int
  ) where V.Scalar: AmplitudeScalar {
    let laneBits = (V.scalarCount / 2).trailingZeroBitCount
    guard qubitCount >= laneBits, targets.count <= 5 else {
      applyDenseScalar(
        matrix, targets: targets, controlMask: controlMask,
        to: UnsafeMutableRawPointer(vectors).assumingMemoryBound(to: V.Scalar.self),
        qubitCount: qubitCount)
      return
    }
    let layout = VectorLayout(
      targets: targets, controlMask: controlMask, qubitCount: qubitCount, laneBits: laneBits)
    if targets.count == 1 {
      applySingleQubit(matrix, target: targets[0], layout: layout, to: vectors, threads: threads)
    } else {
      applyMultiQubit(matrix, targets: targets, layout: layout, to: vectors, threads: threads)
    }
  }
}
