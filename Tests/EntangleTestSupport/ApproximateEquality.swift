import EntangleCircuits
import ComplexModule
import RealModule

// Approximate comparison of amplitudes and matrices. Tests state their tolerance
// next to the call: `#expect(maxDifference(a, b) < 1e-12)`.

/// max_k |a_k − b_k|, or `.infinity` when the counts differ.
public func maxDifference(_ a: [Complex<Double>], _ b: [Complex<Double>]) -> Double {
  guard a.count == b.count else { return .infinity }
  return zip(a, b).reduce(0) { Swift.max($0, ($1.0 - $1.1).length) }
}

/// max over entries of |a − b|, or `.infinity` when the dimensions differ.
public func maxDifference(_ a: DenseMatrix, _ b: DenseMatrix) -> Double {
  guard a.dimension == b.dimension else { return .infinity }
  return maxDifference(a.elements, b.elements)
}

/// max over entries of |a − b| between a production matrix and a reference one.
public func maxDifference(_ a: Matrix, _ b: DenseMatrix) -> Double {
  maxDifference(DenseMatrix(a), b)
}

/// max over entries of |a − b| between two production matrices.
public func maxDifference(_ a: Matrix, _ b: Matrix) -> Double {
  maxDifference(DenseMatrix(a), DenseMatrix(b))
}

/// min over global phases φ of max_k |e^{iφ} a_k − b_k|, taking φ = arg⟨a|b⟩
/// (exact for vectors equal up to phase, an upper bound otherwise); `.infinity` when counts differ.
public func maxDifferenceUpToGlobalPhase(_ a: [Complex<Double>], _ b: [Complex<Double>]) -> Double {
  guard a.count == b.count else { return .infinity }
  let overlap = innerProduct(a, b)
  let phase = overlap.length > 0 ? overlap / Complex(overlap.length) : .one
  return maxDifference(a.map { phase * $0 }, b)
}

/// The global-phase-insensitive difference of two matrices, comparing all entries with one phase.
public func maxDifferenceUpToGlobalPhase(_ a: DenseMatrix, _ b: DenseMatrix) -> Double {
  guard a.dimension == b.dimension else { return .infinity }
  return maxDifferenceUpToGlobalPhase(a.elements, b.elements)
}

/// max over entries of |U·U† − I|: 0 for an exactly unitary matrix.
public func unitarityDeviation(_ u: DenseMatrix) -> Double {
  maxDifference(u * u.adjoint, .identity(u.dimension))
}

/// ⟨a|b⟩ = Σ_k conj(a_k)·b_k.
public func innerProduct(_ a: [Complex<Double>], _ b: [Complex<Double>]) -> Complex<Double> {
  precondition(a.count == b.count, "innerProduct of vectors of different length")
  var sum = Complex<Double>.zero
  for (x, y) in zip(a, b) { sum += x.conjugate * y }
  return sum
}

/// |a_k|² for every amplitude.
public func probabilities(_ state: [Complex<Double>]) -> [Double] {
  state.map { $0.lengthSquared }
}
