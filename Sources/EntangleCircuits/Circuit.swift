/// A quantum circuit: a number of qubits and classical bits and the operations on them, in order.
///
/// A circuit is a plain value; it knows nothing of how it is simulated. Every operation is
/// checked when it is added, so a circuit never holds a qubit out of range, a qubit used twice
/// in one gate, or a non-unitary matrix.
///
/// ```swift
/// let theta = Parameter("theta")
/// let circuit = try Circuit(qubits: 3) {
///   H(0)
///   for q in 1..<3 { CX(0, q) }
///   RZ(theta, 2)
/// }
/// let bound = try circuit.bound(to: ["theta": 0.5])
/// ```
/// Qubit k is bit k of a basis state's index (little-endian, as in Qiskit).
public struct Circuit: Hashable, Sendable {
  /// The number of qubits.
  public let qubitCount: Int
  /// The number of classical bits.
  public let classicalBitCount: Int
  /// The operations in the order they are applied.
  public internal(set) var operations: [Operation] = []

  /// An empty circuit.
  ///
  /// - Throws: ``CircuitError/invalidSize(qubits:bits:)`` for a negative count.
  public init(qubits: Int, bits: Int = 0) throws(CircuitError) {
    guard qubits >= 0, bits >= 0 else { throw .invalidSize(qubits: qubits, bits: bits) }
    qubitCount = qubits
    classicalBitCount = bits
  }

  /// A circuit built with the ``CircuitBuilder`` DSL.
  ///
  /// - Throws: ``CircuitError`` for the first operation that does not fit the circuit
  ///   (a qubit or bit out of range, a qubit repeated in one gate, a non-unitary matrix),
  ///   or whatever the builder closure throws.
  public init(qubits: Int, bits: Int = 0, @CircuitBuilder _ content: () throws -> [any CircuitComponent]) throws {
    try self.init(qubits: qubits, bits: bits)
    for component in try content() { try append(component) }
  }

  /// A circuit with the given operations.
  ///
  /// - Throws: ``CircuitError`` for the first operation that does not fit.
  public init(qubits: Int, bits: Int = 0, operations: [Operation]) throws(CircuitError) {
    try self.init(qubits: qubits, bits: bits)
    try append(contentsOf: operations)
  }

  /// Appends an operation after checking it against the circuit.
  ///
  /// - Throws: ``CircuitError`` naming the qubit, bit or matrix that is wrong.
  public mutating func append(_ operation: Operation) throws(CircuitError) {
    try validate(operation)
    operations.append(operation)
  }

  /// Appends operations in order; on an error nothing after the failing operation is added.
  public mutating func append(contentsOf operations: some Sequence<Operation>) throws(CircuitError) {
    for operation in operations { try append(operation) }
  }

  /// Appends the operations of a DSL component (a gate, a sub-circuit, …).
  public mutating func append(_ component: some CircuitComponent) throws(CircuitError) {
    try append(contentsOf: component.makeOperations())
  }

  /// The names of all symbolic parameters, sorted.
  public var parameterNames: [String] {
    var names: Set<String> = []
    for operation in operations {
      if case let .gate(gate, _, _) = operation.kind { names.formUnion(gate.symbols) }
    }
    return names.sorted()
  }

  /// Whether the circuit has measurements, resets or classical conditions
  /// (which make a run depend on random outcomes).
  public var hasNonUnitaryOperations: Bool {
    operations.contains { operation in
      if operation.condition != nil { return true }
      switch operation.kind {
      case .measure, .reset: return true
      case .gate, .barrier: return false
      }
    }
  }

  private func validate(_ operation: Operation) throws(CircuitError) {
    // Only for the error messages: describing the operation cost more than the rest of the
    // checks together (a third of `StateVector.apply(_:to:)` on 10 qubits).
    var name: String { operation.summary }
    switch operation.kind {
    case let .gate(gate, targets, _):
      guard targets.count == gate.qubitCount else {
        throw .wrongTargetCount(gate: gate.name, expected: gate.qubitCount, actual: targets.count)
      }
      if case .unitary(let matrix) = gate {
        let deviation = matrix.unitarityDeviation
        guard deviation <= 1e-10 else { throw .notUnitary(deviation: deviation) }
      }
    case let .measure(_, bit):
      guard (0..<classicalBitCount).contains(bit) else {
        throw .bitOutOfRange(bit: bit, bitCount: classicalBitCount, operation: name)
      }
    case .reset, .barrier:
      break
    }
    let qubits = operation.qubits
    // A gate has few qubits, and comparing pairs beats hashing them; a barrier may have many.
    var seen: Set<Int> = qubits.count > 16 ? Set(minimumCapacity: qubits.count) : []
    for (index, qubit) in qubits.enumerated() {
      guard (0..<qubitCount).contains(qubit) else {
        throw .qubitOutOfRange(qubit: qubit, qubitCount: qubitCount, operation: name)
      }
      let repeated = qubits.count > 16 ? !seen.insert(qubit).inserted : qubits[..<index].contains(qubit)
      guard !repeated else { throw .repeatedQubit(qubit: qubit, operation: name) }
    }
    if let condition = operation.condition {
      for bit in condition.bits where !(0..<classicalBitCount).contains(bit) {
        throw .bitOutOfRange(bit: bit, bitCount: classicalBitCount, operation: "condition of " + name)
      }
      guard Set(condition.bits).count == condition.bits.count else { throw .conflictingConditions(operation: name) }
      guard condition.bits.count < Int.bitWidth - 1, condition.value >= 0,
        condition.value < 1 << condition.bits.count
      else { throw .invalidCondition(value: condition.value, bitCount: condition.bits.count) }
    }
  }
}
