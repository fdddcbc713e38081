import Foundation

/// A mistake in building or transforming a ``Circuit``.
///
/// Every case carries what is wrong (the qubit, the bit, the parameter or the
/// size) so that ``description`` is a message a person can act on.
public enum CircuitError: Error, Hashable, Sendable, CustomStringConvertible {
  /// A circuit was asked for with a negative number of qubits or classical bits.
  case invalidSize(qubits: Int, bits: Int)
  /// An operation names a qubit that the circuit does not have.
  case qubitOutOfRange(qubit: Int, qubitCount: Int, operation: String)
  /// An operation names the same qubit twice (as two targets, or as a target and a control).
  case repeatedQubit(qubit: Int, operation: String)
  /// An operation names a classical bit that the circuit does not have.
  case bitOutOfRange(bit: Int, bitCount: Int, operation: String)
  /// A gate was applied to the wrong number of target qubits.
  case wrongTargetCount(gate: String, expected: Int, actual: Int)
  /// A matrix whose dimension is not a power of two of at least 2, or whose element count does not match.
  case invalidMatrixShape(rows: Int, columns: Int)
  /// A matrix given as a unitary gate is not unitary; `deviation` is max |U·U† − I|.
  case notUnitary(deviation: Double)
  /// A classical condition compares bits with a value they cannot hold.
  case invalidCondition(value: Int, bitCount: Int)
  /// A parameter needed a value and none was bound.
  case unboundParameter(name: String)
  /// A binding names a parameter the circuit does not use.
  case unknownParameter(name: String)
  /// A parameter expression evaluated to NaN or infinity.
  case nonFiniteParameter(expression: String, value: Double)
  /// The operation cannot be inverted (measurement, reset, classically conditioned operations).
  case notInvertible(operation: String)
  /// The operation cannot take control qubits (measurement, reset, conditioned operations).
  case notControllable(operation: String)
  /// A repetition count or similar argument was negative.
  case invalidCount(Int)
  /// A measurement pairs a different number of qubits and classical bits.
  case measurementCountMismatch(qubits: Int, bits: Int)
  /// A Pauli string names a negative qubit.
  case negativeQubit(Int)
  /// Two classical conditions on one operation name the same bit.
  case conflictingConditions(operation: String)
  /// A dense matrix was asked for a gate too large to hold one (`qubits` targets).
  case matrixTooLarge(qubits: Int)
  /// A Pauli string contains a character other than I, X, Y, Z.
  case invalidPauli(character: Character, position: Int, string: String)
  /// The text of a Pauli sum does not follow its grammar: what was expected, what was found
  /// instead, and where (`column` counts characters from 1).
  case invalidPauliSum(expected: String, found: String, column: Int, text: String)
  /// The product of two Pauli sums is not Hermitian (the factors do not commute): the term whose
  /// imaginary coefficient did not cancel, and that coefficient.
  case nonHermitianProduct(pauli: String, imaginaryPart: Double)

  public var description: String {
    switch self {
    case let .invalidSize(qubits, bits):
      return "a circuit needs a non-negative number of qubits and bits, got \(qubits) qubits and \(bits) bits"
    case let .qubitOutOfRange(qubit, count, operation):
      return "\(operation): qubit \(qubit) is out of range; the circuit has \(count) qubit\(count == 1 ? "" : "s") (0..<\(count))"
    case let .repeatedQubit(qubit, operation):
      return "\(operation): qubit \(qubit) appears more than once; each qubit may be used once per gate"
    case let .bitOutOfRange(bit, count, operation):
      return "\(operation): classical bit \(bit) is out of range; the circuit has \(count) bit\(count == 1 ? "" : "s") (0..<\(count))"
    case let .wrongTargetCount(gate, expected, actual):
      return "gate \(gate) acts on \(expected) qubit\(expected == 1 ? "" : "s") but was given \(actual)"
    case let .invalidMatrixShape(rows, columns):
      return "a gate matrix must be square with dimension 2^k (k ≥ 1), got \(rows)×\(columns)"
    case let .notUnitary(deviation):
      return "the matrix is not unitary: max |U·U† − I| = \(deviation) (tolerance 1e-10)"
    case let .invalidCondition(value, bitCount):
      return "condition value \(value) cannot be held by \(bitCount) classical bit\(bitCount == 1 ? "" : "s")"
    case let .unboundParameter(name):
      return "parameter '\(name)' has no value; bind it with bound(to: [\"\(name)\": value])"
    case let .unknownParameter(name):
      return "the circuit has no parameter named '\(name)'"
    case let .nonFiniteParameter(expression, value):
      return "parameter expression \(expression) evaluates to \(value)"
    case let .notInvertible(operation):
      return "\(operation) cannot be inverted"
    case let .notControllable(operation):
      return "\(operation) cannot be controlled by other qubits"
    case let .invalidCount(count):
      return "a count must be non-negative, got \(count)"
    case let .measurementCountMismatch(qubits, bits):
      return "a measurement of \(qubits) qubit\(qubits == 1 ? "" : "s") into \(bits) classical bit\(bits == 1 ? "" : "s"); give one bit per qubit"
    case let .negativeQubit(qubit):
      return "qubit \(qubit) is negative; qubits are numbered from 0"
    case let .conflictingConditions(operation):
      return "\(operation): two conditions test the same classical bit; combine them into one condition"
    case let .matrixTooLarge(qubits):
      return "a dense matrix of a \(qubits)-qubit gate is too large to build (at most 12 qubits)"
    case let .invalidPauli(character, position, string):
      return "'\(character)' at position \(position) of Pauli string \"\(string)\" is not one of I, X, Y, Z"
    case let .invalidPauliSum(expected, found, column, text):
      return "expected \(expected) at column \(column), found \(found), in \"\(text)\""
    case let .nonHermitianProduct(pauli, imaginaryPart):
      return "the product of the two Pauli sums is not Hermitian: term \(pauli) has imaginary coefficient \(imaginaryPart)i; only sums that commute have a Hermitian product"
    }
  }
}

// `localizedDescription` carries the same message as `"\(error)"`.
extension CircuitError: LocalizedError {
  public var errorDescription: String? { description }
}
