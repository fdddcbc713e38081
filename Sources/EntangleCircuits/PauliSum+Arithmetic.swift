import ComplexModule
import RealModule

extension PauliSum {
  /// The observable with every coefficient multiplied by `rhs`.
  public static func * (lhs: PauliSum, rhs: Double) -> PauliSum { rhs * lhs }

  /// The observable with every coefficient negated.
  public static prefix func - (operand: PauliSum) -> PauliSum { -1 * operand }

  /// The difference of two observables: the terms of `lhs`, then those of `rhs` negated.
  public static func - (lhs: PauliSum, rhs: PauliSum) -> PauliSum { lhs + -rhs }

  /// Appends the terms of `rhs`.
  public static func += (lhs: inout PauliSum, rhs: PauliSum) { lhs.terms += rhs.terms }

  /// Appends the terms of `rhs` negated.
  public static func -= (lhs: inout PauliSum, rhs: PauliSum) { lhs.terms += (-rhs).terms }

  /// The product of two observables, multiplied out term by term with the phases of the Pauli
  /// algebra (XY = iZ, …), like terms combined and near-zero terms dropped (``simplified(tolerance:)``).
  ///
  /// The product of two Hermitian operators is Hermitian only when they commute; otherwise some
  /// coefficients are imaginary and cannot be held by a `PauliSum`. Imaginary parts that cancel
  /// (as in (A + B)² for anticommuting A, B, where AB + BA = 0) are dropped when they are within
  /// 1e-12 × Σ|aᵢ| · Σ|bⱼ| of zero.
  /// - Complexity: O(|lhs| · |rhs| · k) for strings with k non-identity factors.
  /// - Throws: ``CircuitError/nonHermitianProduct(pauli:imaginaryPart:)`` naming the first term
  ///   whose imaginary coefficient does not cancel.
  public static func * (lhs: PauliSum, rhs: PauliSum) throws(CircuitError) -> PauliSum {
    var products: [(pauli: PauliString, coefficient: Complex<Double>)] = []
    var indices: [PauliString: Int] = [:]
    for left in lhs.terms {
      for right in rhs.terms {
        let (phase, pauli) = left.pauli.multiplied(by: right.pauli)
        let coefficient = phase.complex * Complex(left.coefficient * right.coefficient)
        if let index = indices[pauli] {
          products[index].coefficient += coefficient
        } else {
          indices[pauli] = products.count
          products.append((pauli, coefficient))
        }
      }
    }
    let scale = lhs.terms.reduce(0) { $0 + abs($1.coefficient) } * rhs.terms.reduce(0) { $0 + abs($1.coefficient) }
    let tolerance = 1e-12 * scale
    if let offending = products.first(where: { abs($0.coefficient.imaginary) > tolerance }) {
      throw .nonHermitianProduct(pauli: offending.pauli.description, imaginaryPart: offending.coefficient.imaginary)
    }
    return PauliSum(products.map { Term($0.coefficient.real, $0.pauli) }).simplified(tolerance: tolerance)
  }

  /// The same observable with like terms combined (coefficients of equal Pauli strings added) and
  /// terms with |coefficient| ≤ `tolerance` dropped.
  ///
  /// Terms appear in the order their Pauli strings first appear in ``terms``, so the result is
  /// deterministic. A sum that simplifies to zero has no terms.
  /// - Complexity: O(number of terms · k) for strings with k non-identity factors.
  public func simplified(tolerance: Double = 1e-12) -> PauliSum {
    var combined: [Term] = []
    var indices: [PauliString: Int] = [:]
    for term in terms {
      if let index = indices[term.pauli] {
        combined[index].coefficient += term.coefficient
      } else {
        indices[term.pauli] = combined.count
        combined.append(term)
      }
    }
    return PauliSum(combined.filter { abs($0.coefficient) > tolerance })
  }
}
