/// A circuit is encoded as `{"qubits": n, "bits": m, "operations": [...]}`; each operation
/// as a JSON array: `["gate", gate, targets, controls]`, `["measure", qubit, bit]`,
/// `["reset", qubit]` or `["barrier", qubits]`, with the condition `[bits, value]` appended
/// when there is one.
///
/// Decoding checks every operation as ``Circuit/append(_:)`` does, so malformed input
/// throws `DecodingError.dataCorrupted` naming the problem; it never builds an invalid circuit.
extension Circuit: Codable {
  private enum CodingKeys: String, CodingKey {
    case qubits, bits, operations
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let qubits = try container.decode(Int.self, forKey: .qubits)
    let bits = try container.decode(Int.self, forKey: .bits)
    let operations = try container.decode([Operation].self, forKey: .operations)
    do {
      try self.init(qubits: qubits, bits: bits, operations: operations)
    } catch {
      throw DecodingError.dataCorruptedError(forKey: .operations, in: container, debugDescription: error.description)
    }
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(qubitCount, forKey: .qubits)
    try container.encode(classicalBitCount, forKey: .bits)
    try container.encode(operations, forKey: .operations)
  }
}

extension Operation: Codable {
  public init(from decoder: any Decoder) throws {
    var container = try decoder.unkeyedContainer()
    let tag = try container.decode(String.self)
    let kind: Kind
    switch tag {
    case "gate":
      kind = .gate(
        try container.decode(Gate.self), targets: try container.decode([Int].self),
        controls: try container.decode([Int].self))
    case "measure": kind = .measure(qubit: try container.decode(Int.self), bit: try container.decode(Int.self))
    case "reset": kind = .reset(qubit: try container.decode(Int.self))
    case "barrier": kind = .barrier(qubits: try container.decode([Int].self))
    default: throw DecodingError.dataCorruptedError(in: container, debugDescription: "unknown operation \(tag)")
    }
    var condition: ClassicalCondition?
    if !container.isAtEnd {
      var nested = try container.nestedUnkeyedContainer()
      condition = ClassicalCondition(bits: try nested.decode([Int].self), value: try nested.decode(Int.self))
    }
    self.init(kind, condition: condition)
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.unkeyedContainer()
    switch kind {
    case let .gate(gate, targets, controls):
      try container.encode("gate")
      try container.encode(gate)
      try container.encode(targets)
      try container.encode(controls)
    case let .measure(qubit, bit):
      try container.encode("measure")
      try container.encode(qubit)
      try container.encode(bit)
    case let .reset(qubit):
      try container.encode("reset")
      try container.encode(qubit)
    case let .barrier(qubits):
      try container.encode("barrier")
      try container.encode(qubits)
    }
    if let condition {
      var nested = container.nestedUnkeyedContainer()
      try nested.encode(condition.bits)
      try nested.encode(condition.value)
    }
  }
}
