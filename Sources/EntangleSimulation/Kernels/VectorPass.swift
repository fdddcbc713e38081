import ComplexModule

/// A pass written once over vectors of any scalar type, run by `StateKernels.run` on the
/// concrete vector type of the state's scalar.
///
/// Swift has no generic closures, so each entry point states what its pass needs (a
/// matrix, a diagonal, a permutation) as a small value of this type instead.
protocol VectorPass {
  /// Runs the pass on the state seen as vectors of `V.scalarCount / 2` amplitudes.
  func run<V: SIMD>(on vectors: UnsafeMutablePointer<V>, at placement: PassPlacement)
  where V.Scalar: AmplitudeScalar
}

/// The arguments every pass shares: the gate's qubits, the state's size and the threads.
struct PassPlacement {
  let targets: [Int]
  let controlMask: Int
  let qubitCount: Int
  let threads: Int

  /// The placement against vectors of `V`, or nil for a state smaller than one vector.
  func layout<V: SIMD>(for vector: V.Type) -> VectorLayout? where V.Scalar: AmplitudeScalar {
    let laneBits = (V.scalarCount / 2).trailingZeroBitCount
    guard qubitCount >= laneBits else { return nil }
    return VectorLayout(
      targets: targets, controlMask: controlMask, qubitCount: qubitCount, laneBits: laneBits)
  }

  /// Applies the gate's full `matrix` one amplitude at a time, for the cases the vector
  /// kernels leave out.
  func applyScalar<V: SIMD>(_ matrix: [Complex<Double>], to vectors: UnsafeMutablePointer<V>)
  where V.Scalar: AmplitudeScalar {
    StateKernels.applyDenseScalar(
      matrix, targets: targets, controlMask: controlMask,
      to: UnsafeMutableRawPointer(vectors).assumingMemoryBound(to: V.Scalar.self),
      qubitCount: qubitCount)
  }
}

extension StateKernels {
  /// Runs `pass` on `amplitudes` as 64-byte vectors, one cache line each: `SIMD8<Double>`
  /// or `SIMD16<Float>`.
  ///
  /// Picking the concrete type first specialises the SIMD code even when the caller is
  /// generic over `AmplitudeScalar`; any other scalar gets `SIMD8<S>`.
  @inline(__always)
  static func run<S: AmplitudeScalar>(
    _ pass: some VectorPass, on amplitudes: UnsafeMutablePointer<S>, targets: [Int],
    controlMask: Int, qubitCount: Int, threads: Int
  ) {
    let placement = PassPlacement(
      targets: targets, controlMask: controlMask, qubitCount: qubitCount, threads: threads)
    let raw = UnsafeMutableRawPointer(amplitudes)
    if S.self == Double.self {
      pass.run(on: raw.assumingMemoryBound(to: SIMD8<Double>.self), at: placement)
    } else if S.self == Float.self {
      pass.run(on: raw.assumingMemoryBound(to: SIMD16<Float>.self), at: placement)
    } else {
      pass.run(on: raw.assumingMemoryBound(to: SIMD8<S>.self), at: placement)
    }
  }
}
