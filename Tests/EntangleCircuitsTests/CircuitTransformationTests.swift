import EntangleCircuits
import ComplexModule
import EntangleTestSupport
import RealModule
import Testing

@Suite("Circuit transformations")
struct CircuitTransformationTests {
  @Test("circuit followed by its inverse is the identity", arguments: [1, 2, 3, 4, 5] as [UInt64])
  func inverseOfRandomCircuit(_ seed: UInt64) throws {
    let circuit = RandomCircuit.make(qubits: 3, gates: 25, seed: seed, maximumUnitaryQubits: 3)
    let inverse = try circuit.inverse()
    #expect(inverse.operations.count == circuit.operations.count)
    let product = try ReferenceSimulator.unitary(of: circuit.appending(inverse))
    #expect(maxDifference(product, .identity(8)) < 1e-10)
    // And the inverse's unitary is the adjoint of the circuit's.
    let u = try ReferenceSimulator.unitary(of: circuit)
    #expect(try maxDifference(ReferenceSimulator.unitary(of: inverse), u.adjoint) < 1e-10)
  }

  @Test("inverse of a larger random circuit returns a random state to itself", arguments: [7, 8] as [UInt64])
  func inverseOnState(_ seed: UInt64) throws {
    let circuit = RandomCircuit.make(qubits: 6, gates: 40, seed: seed)
    let start = RandomState.make(qubits: 6, seed: seed)
    let end = try ReferenceSimulator.run(circuit.appending(circuit.inverse()), from: start)
    #expect(maxDifference(end, start) < 1e-10)
  }

  @Test("inverse keeps barriers and refuses measurements, resets and conditions")
  func inverseRefusals() throws {
    let withBarrier = try Circuit(qubits: 2) {
      S(0)
      Barrier(0, 1)
      T(1)
    }
    #expect(try withBarrier.inverse().operations == [.gate(.tdg, on: [1]), Operation(.barrier(qubits: [0, 1])), .gate(.sdg, on: [0])])
    let measured = try Circuit(qubits: 1, bits: 1) { Measure(0, into: 0) }
    #expect(throws: CircuitError.notInvertible(operation: "measure qubit 0 into bit 0")) { try measured.inverse() }
    #expect(throws: CircuitError.notInvertible(operation: "reset qubit 0")) { try Circuit(qubits: 1) { Reset(0) }.inverse() }
    let conditioned = try Circuit(qubits: 1, bits: 1) { X(0).conditioned(on: [0], equals: 1) }
    #expect(throws: CircuitError.self) { try conditioned.inverse() }
  }

  @Test("controlled(by:) puts the circuit's unitary on the block where the control is 1")
  func controlledCircuit() throws {
    let circuit = RandomCircuit.make(qubits: 3, gates: 15, seed: 31, maximumExtraControls: 1, maximumUnitaryQubits: 2)
    let u = try ReferenceSimulator.unitary(of: circuit)
    let wide = try Circuit(qubits: 4, operations: circuit.operations)
    let controlled = try wide.controlled(by: [3])
    var expected = DenseMatrix.identity(16)
    for r in 0..<8 {
      for c in 0..<8 { expected[8 + r, 8 + c] = u[r, c] }
    }
    #expect(try maxDifference(ReferenceSimulator.unitary(of: controlled), expected) < 1e-10)
  }

  @Test("controlled(by:) refuses a control used by a gate, a measurement, and a missing qubit")
  func controlledRefusals() throws {
    let circuit = try Circuit(qubits: 2, bits: 1) { CX(0, 1) }
    #expect(throws: CircuitError.repeatedQubit(qubit: 1, operation: "x on [1] controlled by [0, 1]")) {
      try circuit.controlled(by: [1])
    }
    #expect(throws: CircuitError.qubitOutOfRange(qubit: 2, qubitCount: 2, operation: "x on [1] controlled by [0, 2]")) {
      try circuit.controlled(by: [2])
    }
    let measured = try Circuit(qubits: 2, bits: 1) { Measure(0, into: 0) }
    #expect(throws: CircuitError.notControllable(operation: "measure qubit 0 into bit 0")) { try measured.controlled(by: [1]) }
  }

  @Test("repeated(n) is the n-th power of the unitary", arguments: [0, 1, 3])
  func repeatedCircuit(_ count: Int) throws {
    let circuit = RandomCircuit.make(qubits: 2, gates: 6, seed: 5, maximumUnitaryQubits: 2)
    let u = try ReferenceSimulator.unitary(of: circuit)
    var expected = DenseMatrix.identity(4)
    for _ in 0..<count { expected = u * expected }
    let repeated = try circuit.repeated(count)
    #expect(repeated.operations.count == count * circuit.operations.count)
    #expect(try maxDifference(ReferenceSimulator.unitary(of: repeated), expected) < 1e-10)
  }

  @Test("repeated with a negative count throws invalidCount")
  func repeatedNegative() throws {
    let error = #expect(throws: CircuitError.invalidCount(-1)) { try Circuit(qubits: 1) { H(0) }.repeated(-1) }
    #expect(error?.description.contains("-1") == true)
  }

  @Test("appending(on:) renames qubits and bits")
  func appendingOnQubits() throws {
    let base = try Circuit(qubits: 4, bits: 3) { H(0) }
    let piece = try Circuit(qubits: 2, bits: 1) {
      CX(0, 1)
      Measure(1, into: 0)
    }
    let combined = try base.appending(piece, on: [3, 1], bits: [2])
    #expect(combined.operations == [
      .gate(.h, on: [0]), .gate(.x, on: [1], controls: [3]), Operation(.measure(qubit: 1, bit: 2)),
    ])
    #expect(try base.appending(piece, bits: [2]).operations.last == Operation(.measure(qubit: 1, bit: 2)))
    #expect(throws: CircuitError.qubitOutOfRange(qubit: 1, qubitCount: 1, operation: "x on [1] controlled by [0]")) {
      try base.appending(piece, on: [3])
    }
    #expect(throws: CircuitError.repeatedQubit(qubit: 2, operation: "x on [2] controlled by [2]")) {
      try base.appending(piece, on: [2, 2], bits: [0])
    }
  }

  @Test("on(_:) places a sub-circuit on other qubits inside the DSL")
  func onRemapping() throws {
    let bell = try Circuit(qubits: 2) {
      H(0)
      CX(0, 1)
    }
    let circuit = try Circuit(qubits: 4) {
      bell.on([2, 0])
      bell
    }
    #expect(circuit.operations == [
      .gate(.h, on: [2]), .gate(.x, on: [0], controls: [2]), .gate(.h, on: [0]), .gate(.x, on: [1], controls: [0]),
    ])
    let state = try ReferenceSimulator.run(Circuit(qubits: 3) { bell.on([2, 0]) })
    let r = 0.5.squareRoot()
    // (|000⟩ + |101⟩)/√2: qubits 0 and 2 set give index 5.
    #expect(maxDifference(state, [c(r), 0, 0, 0, 0, c(r), 0, 0]) < tolerance)
  }

  @Test("Block {}.controlled(by:) adds the controls to every gate, keeps barriers, refuses measurements")
  func controlledBlock() throws {
    let circuit = try Circuit(qubits: 4) {
      Block {
        H(1)
        Barrier(1, 2)
        CX(1, 2)
      }.controlled(by: 0, 3)
    }
    #expect(circuit.operations == [
      .gate(.h, on: [1], controls: [0, 3]), Operation(.barrier(qubits: [1, 2])), .gate(.x, on: [2], controls: [1, 0, 3]),
    ])
    #expect(throws: CircuitError.notControllable(operation: "measure qubit 1 into bit 0")) {
      try Circuit(qubits: 2, bits: 1) { Block { Measure(1, into: 0) }.controlled(by: 0) }
    }
  }

  @Test("conditioned(on:equals:) sets the condition on every operation")
  func conditioned() throws {
    let circuit = try Circuit(qubits: 2, bits: 2) {
      Measure([0, 1], into: [0, 1])
      Block {
        X(0)
        Z(1)
      }.conditioned(on: [0, 1], equals: 2)
    }
    let condition = ClassicalCondition(bits: [0, 1], value: 2)
    #expect(circuit.operations == [
      Operation(.measure(qubit: 0, bit: 0)), Operation(.measure(qubit: 1, bit: 1)),
      Operation(.gate(.x, targets: [0], controls: []), condition: condition),
      Operation(.gate(.z, targets: [1], controls: []), condition: condition),
    ])
    #expect(circuit.hasNonUnitaryOperations)
    #expect(throws: ReferenceSimulator.Failure.self) { try ReferenceSimulator.run(circuit) }
  }

  @Test("a condition must fit its bits: value in 0..<2^bits, bits in range")
  func invalidConditions() throws {
    #expect(throws: CircuitError.invalidCondition(value: 4, bitCount: 2)) {
      try Circuit(qubits: 1, bits: 2) { X(0).conditioned(on: [0, 1], equals: 4) }
    }
    #expect(throws: CircuitError.invalidCondition(value: -1, bitCount: 1)) {
      try Circuit(qubits: 1, bits: 2) { X(0).conditioned(on: [0], equals: -1) }
    }
    let error = #expect(throws: CircuitError.bitOutOfRange(bit: 5, bitCount: 2, operation: "condition of x on [0]")) {
      try Circuit(qubits: 1, bits: 2) { X(0).conditioned(on: [5], equals: 1) }
    }
    #expect(error?.description.contains("bit 5") == true)
    #expect(error?.description.contains("2 bits") == true)
    let invalid = CircuitError.invalidCondition(value: 4, bitCount: 2)
    #expect(invalid.description.contains("4") && invalid.description.contains("2 classical bits"))
  }

  @Test("binding replaces every symbol; partial binding leaves the others")
  func binding() throws {
    let theta = Parameter("theta"), phi = Parameter("phi")
    let circuit = try Circuit(qubits: 2) {
      RX(2 * theta, 0)
      RZZ(phi - theta, 0, 1)
      H(1)
    }
    #expect(circuit.parameterNames == ["phi", "theta"])
    let bound = try circuit.bound(to: ["theta": 0.25, "phi": 1.5])
    #expect(bound.parameterNames.isEmpty)
    #expect(try angles(of: bound) == [0.5, 1.25])
    let partial = circuit.partiallyBound(to: ["theta": 0.25])
    #expect(partial.parameterNames == ["phi"])
    let firstGate = try #require(partial.operations.first.flatMap { if case let .gate(gate, _, _) = $0.kind { gate } else { nil } })
    #expect(try firstGate.parameters.first?.value() == 0.5)
    #expect(partial.operations[2] == .gate(.h, on: [1]))
    let u = try ReferenceSimulator.unitary(of: circuit, bindings: ["theta": 0.25, "phi": 1.5])
    #expect(try maxDifference(ReferenceSimulator.unitary(of: bound), u) < tolerance)
    #expect(throws: CircuitError.unknownParameter(name: "gamma")) { try circuit.bound(to: ["theta": 1, "phi": 2, "gamma": 3]) }
    #expect(throws: CircuitError.unboundParameter(name: "phi")) { try circuit.bound(to: ["theta": 1]) }
    #expect(throws: CircuitError.unboundParameter(name: "phi")) { try ReferenceSimulator.unitary(of: partial) }
  }

  /// The first angle of every gate that has one, evaluated without bindings.
  func angles(of circuit: Circuit) throws -> [Double] {
    try circuit.operations.compactMap { operation in
      guard case let .gate(gate, _, _) = operation.kind, let angle = gate.parameters.first else { return nil }
      return try angle.value()
    }
  }

  @Test("a bound circuit carries plain numbers, as Parameter+Arithmetic.swift promises")
  func boundCircuitHoldsConstants() throws {
    let theta = Parameter("theta")
    let bound = try Circuit(qubits: 1) { RX(2 * theta, 0) }.bound(to: ["theta": 0.25])
    #expect(bound.operations == [.gate(.rx(0.5), on: [0])])
    #expect(bound.operations[0].summary == "rx(0.5) on [0]")
  }

  @Test("conditioning an already conditioned operation does not silently drop the inner condition")
  func nestedConditions() throws {
    // Both conditions hold: bit 0 == 1 and bit 1 == 0, i.e. bits [0, 1] read 0b01.
    let circuit = try Circuit(qubits: 1, bits: 2) { X(0).conditioned(on: [0], equals: 1).conditioned(on: [1], equals: 0) }
    #expect(circuit.operations.first?.condition == ClassicalCondition(bits: [0, 1], value: 0b01))
    #expect(throws: CircuitError.conflictingConditions(operation: "x on [0]")) {
      try Circuit(qubits: 1, bits: 2) { X(0).conditioned(on: [0], equals: 1).conditioned(on: [0, 1], equals: 1) }
    }
    #expect(throws: CircuitError.conflictingConditions(operation: "x on [0]")) {
      try Circuit(qubits: 1, bits: 2) { X(0).conditioned(on: [1, 1], equals: 1) }
    }
  }
}
