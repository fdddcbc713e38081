extension Circuit {
  /// The inverse circuit: the operations in reverse order, each gate inverted.
  ///
  /// - Throws: ``CircuitError/notInvertible(operation:)`` for a measurement, a reset or a
  ///   classically conditioned operation.
  public func inverse() throws(CircuitError) -> Circuit {
    var result = try Circuit(qubits: qubitCount, bits: classicalBitCount)
    for operation in operations.reversed() {
      guard operation.condition == nil else { throw .notInvertible(operation: "conditioned " + operation.summary) }
      switch operation.kind {
      case let .gate(gate, targets, controls):
        result.operations.append(.gate(gate.inverse, on: targets, controls: controls))
      case .barrier:
        result.operations.append(operation)
      case .measure, .reset:
        throw .notInvertible(operation: operation.summary)
      }
    }
    return result
  }

  /// The circuit with every gate also controlled by `controls` (which must not be used by any gate).
  /// Classically conditioned gates keep their condition.
  ///
  /// - Throws: ``CircuitError/notControllable(operation:)`` for a measurement or reset; ``CircuitError/repeatedQubit(qubit:operation:)`` when a control is also a
  ///   gate's qubit; ``CircuitError/qubitOutOfRange(qubit:qubitCount:operation:)``.
  public func controlled(by controls: [Int]) throws(CircuitError) -> Circuit {
    var result = try Circuit(qubits: qubitCount, bits: classicalBitCount)
    for operation in operations {
      switch operation.kind {
      case let .gate(gate, targets, existing):
        try result.append(Operation(.gate(gate, targets: targets, controls: existing + controls), condition: operation.condition))
      case .barrier:
        try result.append(operation)
      case .measure, .reset:
        throw .notControllable(operation: operation.summary)
      }
    }
    return result
  }

  /// This circuit followed by `other`, whose qubit i is this circuit's `qubits[i]`
  /// (default: the same numbering) and whose bit j is this circuit's `bits[j]`.
  ///
  /// - Throws: ``CircuitError`` when a mapped qubit or bit does not exist here.
  public func appending(_ other: Circuit, on qubits: [Int]? = nil, bits: [Int]? = nil) throws(CircuitError) -> Circuit {
    var result = self
    try result.append(contentsOf: other.remapped(qubits: qubits, bits: bits))
    return result
  }

  /// The circuit's operations repeated `count` times.
  ///
  /// - Throws: ``CircuitError/invalidCount(_:)`` when `count` is negative.
  public func repeated(_ count: Int) throws(CircuitError) -> Circuit {
    guard count >= 0 else { throw .invalidCount(count) }
    var result = try Circuit(qubits: qubitCount, bits: classicalBitCount)
    for _ in 0..<count { result.operations += operations }
    return result
  }

  /// The circuit with every symbol given a value.
  ///
  /// - Throws: ``CircuitError/unknownParameter(name:)`` when `bindings` names a parameter the circuit
  ///   does not have; ``CircuitError/unboundParameter(name:)`` when a parameter is left without a value.
  public func bound(to bindings: [String: Double]) throws(CircuitError) -> Circuit {
    let names = parameterNames
    for name in bindings.keys.sorted() where !names.contains(name) { throw .unknownParameter(name: name) }
    for name in names where bindings[name] == nil { throw .unboundParameter(name: name) }
    return partiallyBound(to: bindings)
  }

  /// The circuit with the symbols named in `bindings` replaced by their values; other symbols stay.
  public func partiallyBound(to bindings: [String: Double]) -> Circuit {
    var result = self
    result.operations = operations.map { operation in
      guard case let .gate(gate, targets, controls) = operation.kind else { return operation }
      return Operation(.gate(gate.substituting(bindings), targets: targets, controls: controls), condition: operation.condition)
    }
    return result
  }

  /// The operations with qubit i renamed `qubits[i]` and bit j renamed `bits[j]`.
  ///
  /// - Throws: ``CircuitError/qubitOutOfRange(qubit:qubitCount:operation:)`` when the map is too short.
  func remapped(qubits: [Int]?, bits: [Int]?) throws(CircuitError) -> [Operation] {
    func mapQubit(_ q: Int, _ operation: Operation) throws(CircuitError) -> Int {
      guard let qubits else { return q }
      guard q < qubits.count else { throw .qubitOutOfRange(qubit: q, qubitCount: qubits.count, operation: operation.summary) }
      return qubits[q]
    }
    func mapBit(_ b: Int, _ operation: Operation) throws(CircuitError) -> Int {
      guard let bits else { return b }
      guard b < bits.count else { throw .bitOutOfRange(bit: b, bitCount: bits.count, operation: operation.summary) }
      return bits[b]
    }
    var result: [Operation] = []
    for operation in operations {
      var mapped = operation
      switch operation.kind {
      case let .gate(gate, targets, controls):
        var newTargets: [Int] = [], newControls: [Int] = []
        for q in targets { newTargets.append(try mapQubit(q, operation)) }
        for q in controls { newControls.append(try mapQubit(q, operation)) }
        mapped.kind = .gate(gate, targets: newTargets, controls: newControls)
      case let .measure(qubit, bit):
        mapped.kind = .measure(qubit: try mapQubit(qubit, operation), bit: try mapBit(bit, operation))
      case let .reset(qubit):
        mapped.kind = .reset(qubit: try mapQubit(qubit, operation))
      case let .barrier(barred):
        var newQubits: [Int] = []
        for q in barred { newQubits.append(try mapQubit(q, operation)) }
        mapped.kind = .barrier(qubits: newQubits)
      }
      if var condition = operation.condition {
        var newBits: [Int] = []
        for b in condition.bits { newBits.append(try mapBit(b, operation)) }
        condition.bits = newBits
        mapped.condition = condition
      }
      result.append(mapped)
    }
    return result
  }
}
