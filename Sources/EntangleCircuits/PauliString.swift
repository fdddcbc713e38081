/// A single-qubit Pauli operator.
public enum Pauli: Character, Hashable, Sendable, CaseIterable {
  case i = "I", x = "X", y = "Y", z = "Z"
}

/// A tensor product of Pauli operators, e.g. X₀ Z₂; qubits not named carry the identity.
///
/// The string form follows Qiskit: `"XIZ"` has Z on qubit 0 (rightmost) and X on qubit 2.
public struct PauliString: Hashable, Sendable, CustomStringConvertible {
  /// The non-identity factors, by qubit.
  public private(set) var operators: [Int: Pauli]

  /// A Pauli string from its factors by qubit; identities are dropped.
  ///
  /// - Throws: ``CircuitError/negativeQubit(_:)`` for a negative qubit.
  public init(_ operators: [Int: Pauli]) throws(CircuitError) {
    if let negative = operators.keys.filter({ $0 < 0 }).min() { throw .negativeQubit(negative) }
    self.operators = operators.filter { $0.value != .i }
  }

  /// The identity.
  public init() { operators = [:] }

  /// A Pauli string from factors already known to be on non-negative qubits.
  init(uncheckedOperators operators: [Int: Pauli]) {
    self.operators = operators.filter { $0.value != .i }
  }

  /// A Pauli string from text with qubit 0 rightmost, e.g. `"XIZ"` = X on 2, Z on 0.
  ///
  /// - Throws: ``CircuitError/invalidPauli(character:position:string:)`` for any character other than I, X, Y, Z.
  public init(_ text: String) throws(CircuitError) {
    var operators: [Int: Pauli] = [:]
    let characters = Array(text)
    for (position, character) in characters.enumerated() {
      let pauli: Pauli
      switch character {
      case "I", "i": pauli = .i
      case "X", "x": pauli = .x
      case "Y", "y": pauli = .y
      case "Z", "z": pauli = .z
      default: throw .invalidPauli(character: character, position: position, string: text)
      }
      operators[characters.count - 1 - position] = pauli
    }
    self.operators = operators.filter { $0.value != .i }
  }

  /// The qubits with a non-identity factor, ascending.
  public var qubits: [Int] { operators.keys.sorted() }

  /// The factor on `qubit` (`.i` when none).
  public subscript(qubit: Int) -> Pauli { operators[qubit] ?? .i }

  /// The one-term sum `coefficient · pauli`.
  public static func * (coefficient: Double, pauli: PauliString) -> PauliSum {
    PauliSum([PauliSum.Term(coefficient, pauli)])
  }

  /// Text with qubit 0 rightmost, as long as the highest qubit named (`"I"` for the identity).
  public var description: String {
    guard let top = operators.keys.max() else { return "I" }
    return String((0...top).reversed().map { self[$0].rawValue })
  }
}
