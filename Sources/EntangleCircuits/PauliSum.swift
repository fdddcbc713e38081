/// A weighted sum of Pauli strings, Σ cₖ Pₖ with real coefficients: a Hermitian observable.
public struct PauliSum: Hashable, Sendable, CustomStringConvertible {
  /// One weighted term.
  public struct Term: Hashable, Sendable {
    /// The real weight.
    public var coefficient: Double
    /// The Pauli product.
    public var pauli: PauliString

    /// The term `coefficient · pauli`.
    public init(_ coefficient: Double, _ pauli: PauliString) {
      self.coefficient = coefficient
      self.pauli = pauli
    }
  }

  /// The terms, in the order given.
  public var terms: [Term]

  /// A sum of terms.
  public init(_ terms: [Term] = []) { self.terms = terms }

  /// A sum from (coefficient, Pauli text) pairs, e.g. `[(0.5, "ZZ"), (-1, "XI")]`.
  ///
  /// - Throws: ``CircuitError/invalidPauli(character:position:string:)`` for bad text.
  public init(_ terms: [(Double, String)]) throws(CircuitError) {
    var result: [Term] = []
    for (coefficient, text) in terms { result.append(Term(coefficient, try PauliString(text))) }
    self.terms = result
  }

  /// The highest qubit named by any term, plus one (0 for a multiple of the identity).
  public var minimumQubitCount: Int {
    terms.map { ($0.pauli.operators.keys.max() ?? -1) + 1 }.max() ?? 0
  }

  public var description: String {
    terms.map { "\($0.coefficient) * \($0.pauli)" }.joined(separator: " + ")
  }

  /// The sum of two observables: the terms of both, in order.
  public static func + (lhs: PauliSum, rhs: PauliSum) -> PauliSum { PauliSum(lhs.terms + rhs.terms) }
  /// The observable with every coefficient multiplied by `lhs`.
  public static func * (lhs: Double, rhs: PauliSum) -> PauliSum {
    PauliSum(rhs.terms.map { Term(lhs * $0.coefficient, $0.pauli) })
  }
}
