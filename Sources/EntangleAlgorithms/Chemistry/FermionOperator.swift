import ComplexModule
import RealModule

/// A sum of products of fermionic creation and annihilation operators with complex weights.
///
/// A product is read left to right as written: `[.creation(2), .annihilation(0)]` is a†₂ a₀.
/// Modes are spin orbitals, numbered from 0.
struct FermionOperator: Sendable {
  /// One creation (a†ⱼ) or annihilation (aⱼ) operator.
  enum Ladder: Hashable, Sendable {
    case creation(Int)
    case annihilation(Int)

    /// The mode it acts on.
    var mode: Int {
      switch self {
      case let .creation(mode), let .annihilation(mode): return mode
      }
    }

    /// The Hermitian adjoint: a† ↔ a.
    var adjoint: Ladder {
      switch self {
      case let .creation(mode): return .annihilation(mode)
      case let .annihilation(mode): return .creation(mode)
      }
    }
  }

  /// One weighted product of ladder operators.
  struct Term: Sendable {
    var coefficient: Complex<Double>
    var product: [Ladder]
  }

  /// The terms, in the order added.
  var terms: [Term] = []

  /// The highest mode named, plus one.
  var modeCount: Int { (terms.flatMap { $0.product.map(\.mode) }.max() ?? -1) + 1 }

  /// Adds `coefficient` · product.
  mutating func add(_ coefficient: Complex<Double>, _ product: [Ladder]) {
    terms.append(Term(coefficient: coefficient, product: product))
  }

  /// The Hermitian adjoint: (c a†ᵢ a_j …)† = c̄ (… a†_j aᵢ).
  var adjoint: FermionOperator {
    FermionOperator(terms: terms.map { Term(coefficient: $0.coefficient.conjugate, product: $0.product.reversed().map(\.adjoint)) })
  }

  static func + (lhs: FermionOperator, rhs: FermionOperator) -> FermionOperator {
    FermionOperator(terms: lhs.terms + rhs.terms)
  }

  static func * (lhs: Complex<Double>, rhs: FermionOperator) -> FermionOperator {
    FermionOperator(terms: rhs.terms.map { Term(coefficient: lhs * $0.coefficient, product: $0.product) })
  }
}
