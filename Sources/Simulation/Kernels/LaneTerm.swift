/// How one lane-exchanged input vector of a group contributes to one output vector.
///
/// `StateKernels.mixGroups` writes every output vector of a group as a sum of terms over
/// the group's input vectors, each with its lanes exchanged at a constant distance; the
/// term type says what a term does lane by lane: multiply and add (dense matrices,
/// permutations with phases) or select (permutations, which need no arithmetic).
protocol LaneTerm {
  associatedtype Vector: SIMD where Vector.Scalar: AmplitudeScalar

  /// The term whose complex lane `i` carries `value(i)`, zero where the term does not
  /// contribute.
  init(lanes value: (Int) -> (real: Double, imaginary: Double))

  /// This term's share of `input`, the first term of a sum; `swapped` is `input` with the
  /// real and imaginary parts of every lane exchanged.
  func contribution(of input: Vector, swapped: Vector) -> Vector

  /// Adds this term's share of `input` to `sum`.
  func accumulate(_ input: Vector, swapped: Vector, into sum: inout Vector)
}

extension LaneCoefficient: LaneTerm {
  @inline(__always)
  func contribution(of input: Vector, swapped: Vector) -> Vector {
    real * input + imaginary * swapped
  }

  @inline(__always)
  func accumulate(_ input: Vector, swapped: Vector, into sum: inout Vector) {
    sum += contribution(of: input, swapped: swapped)
  }
}

/// The lanes a permutation term moves, unchanged, into the output vector.
///
/// Each output lane of a permutation has exactly one source, so the sum starts at zero and
/// every term overwrites its own lanes: a blend, no arithmetic.
struct LaneSelection<Vector: SIMD>: LaneTerm where Vector.Scalar: AmplitudeScalar {
  var lanes: SIMDMask<Vector.MaskStorage>

  init(lanes value: (Int) -> (real: Double, imaginary: Double)) {
    var lanes = SIMDMask<Vector.MaskStorage>()
    for lane in 0..<Vector.scalarCount / 2 where value(lane) != (0, 0) {
      lanes[2 * lane] = true
      lanes[2 * lane + 1] = true
    }
    self.lanes = lanes
  }

  @inline(__always)
  func contribution(of input: Vector, swapped: Vector) -> Vector {
    Vector().replacing(with: input, where: lanes)
  }

  @inline(__always)
  func accumulate(_ input: Vector, swapped: Vector, into sum: inout Vector) {
    sum.replace(with: input, where: lanes)
  }
}
