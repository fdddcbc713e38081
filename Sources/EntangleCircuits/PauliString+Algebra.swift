import ComplexModule
import RealModule

/// A power of i, the only phases a product of Pauli strings can carry: 1, i, −1, −i.
public enum PauliPhase: Int, Hashable, Sendable, CaseIterable, CustomStringConvertible {
  /// 1 = i⁰.
  case one = 0
  /// i = i¹.
  case i = 1
  /// −1 = i².
  case minusOne = 2
  /// −i = i³.
  case minusI = 3

  /// The phase i^`exponent` (any integer exponent).
  public init(powerOfI exponent: Int) {
    // Swift's % keeps the sign of the dividend; ((e % 4) + 4) % 4 is in 0..<4.
    self = PauliPhase(rawValue: ((exponent % 4) + 4) % 4)!
  }

  /// The phase as a complex number.
  public var complex: Complex<Double> {
    switch self {
    case .one: return .one
    case .i: return .i
    case .minusOne: return -.one
    case .minusI: return -.i
    }
  }

  /// Whether the phase is real (1 or −1).
  public var isReal: Bool { self == .one || self == .minusOne }

  /// The product of two phases.
  public static func * (lhs: PauliPhase, rhs: PauliPhase) -> PauliPhase {
    PauliPhase(powerOfI: lhs.rawValue + rhs.rawValue)
  }

  public var description: String {
    switch self {
    case .one: return "1"
    case .i: return "i"
    case .minusOne: return "-1"
    case .minusI: return "-i"
    }
  }
}

extension Pauli {
  /// The single-qubit product `self · other`: XY = iZ, YZ = iX, ZX = iY, and the reversed orders
  /// carry −i; P·P = I; I is neutral.
  public func multiplied(by other: Pauli) -> (phase: PauliPhase, product: Pauli) {
    switch (self, other) {
    case (.i, _): return (.one, other)
    case (_, .i): return (.one, self)
    case _ where self == other: return (.one, .i)
    case (.x, .y): return (.i, .z)
    case (.y, .z): return (.i, .x)
    case (.z, .x): return (.i, .y)
    case (.y, .x): return (.minusI, .z)
    case (.z, .y): return (.minusI, .x)
    default: return (.minusI, .y)  // (.x, .z)
    }
  }
}

extension PauliString {
  /// The product `self · other` as a phase times a Pauli string, qubit by qubit: (X₀)(Y₀) = i Z₀.
  ///
  /// - Complexity: O(k) for k non-identity factors in the two strings.
  public func multiplied(by other: PauliString) -> (phase: PauliPhase, product: PauliString) {
    var operators = self.operators
    var exponent = 0
    for (qubit, right) in other.operators {
      let (phase, product) = self[qubit].multiplied(by: right)
      exponent += phase.rawValue
      operators[qubit] = product == .i ? nil : product
    }
    return (PauliPhase(powerOfI: exponent), PauliString(uncheckedOperators: operators))
  }

  /// Whether `self · other = other · self`: true when the strings differ by a non-identity factor
  /// on an even number of qubits.
  ///
  /// - Complexity: O(k) for k non-identity factors.
  public func commutes(with other: PauliString) -> Bool {
    var anticommutingQubits = 0
    for (qubit, pauli) in operators {
      if let theirs = other.operators[qubit], theirs != pauli { anticommutingQubits += 1 }
    }
    return anticommutingQubits % 2 == 0
  }

  /// Whether the two strings commute qubit by qubit (on every qubit the factors are equal or one
  /// is I), so that both can be measured in one product basis.
  ///
  /// Qubit-wise commutation implies ``commutes(with:)``; the converse fails (XX and ZZ commute but
  /// not qubit-wise).
  /// - Complexity: O(k) for k non-identity factors.
  public func qubitWiseCommutes(with other: PauliString) -> Bool {
    operators.allSatisfy { qubit, pauli in other.operators[qubit].map { $0 == pauli } ?? true }
  }
}
