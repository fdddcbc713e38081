import EntangleCircuits
import ComplexModule
import EntangleTestSupport
import Testing

/// The test support is the source of expected values, so it is checked against hand-computed results too.
@Suite("Test support")
struct TestSupportTests {
  @Test("the seeded generator repeats and matches SplitMix64's published first output")
  func seededGenerator() {
    var a = SeededGenerator(seed: 0), b = SeededGenerator(seed: 0)
    // SplitMix64 with seed 0 starts with 0xE220A8397B1DCDAF (Vigna's reference implementation).
    #expect(a.next() == 0xE220_A839_7B1D_CDAF)
    _ = b.next()
    #expect((0..<10).map { _ in a.next() } == (0..<10).map { _ in b.next() })
  }

  @Test("random states are normalized and reproducible")
  func randomStates() {
    let state = RandomState.make(qubits: 4, seed: 9)
    #expect(state.count == 16)
    #expect(abs(probabilities(state).reduce(0, +) - 1) < tolerance)
    #expect(state == RandomState.make(qubits: 4, seed: 9))
    #expect(state != RandomState.make(qubits: 4, seed: 10))
  }

  @Test("random unitaries are unitary", arguments: 1...5)
  func randomUnitaries(_ k: Int) {
    #expect(unitarityDeviation(RandomUnitary.make(qubits: k, seed: UInt64(k))) < tolerance)
  }

  @Test("random circuits are reproducible, fit their qubits and draw every gate case")
  func randomCircuits() throws {
    let circuit = RandomCircuit.make(qubits: 6, gates: 400, seed: 3)
    #expect(circuit == RandomCircuit.make(qubits: 6, gates: 400, seed: 3))
    #expect(circuit.operations.count == 400)
    var names: Set<String> = []
    var controlCounts: Set<Int> = []
    var unitarySizes: Set<Int> = []
    var fourierKinds: Set<[Bool]> = []
    for operation in circuit.operations {
      guard case let .gate(gate, _, controls) = operation.kind else { Issue.record("not a gate"); continue }
      names.insert(gate.name)
      controlCounts.insert(controls.count)
      if case .unitary(let matrix) = gate { unitarySizes.insert(matrix.qubitCount) }
      if case let .qft(_, swaps, inverse) = gate { fourierKinds.insert([swaps, inverse]) }
    }
    let allNames: Set<String> = [
      "id", "x", "y", "z", "h", "s", "sdg", "t", "tdg", "sx", "sxdg", "rx", "ry", "rz", "p", "u", "u2",
      "swap", "iswap", "rxx", "ryy", "rzz", "global_phase", "unitary", "qft", "iqft",
    ]
    #expect(names == allNames)
    #expect(controlCounts == [0, 1, 2])
    #expect(unitarySizes == [1, 2, 3, 4, 5])
    #expect(fourierKinds.count == 4)
  }

  @Test("gate classes restrict the draw; symbols make parameterised circuits")
  func restrictedCircuits() throws {
    let rotations = RandomCircuit.make(qubits: 3, gates: 50, seed: 4, classes: [.rotation], maximumExtraControls: 0)
    for operation in rotations.operations {
      guard case let .gate(gate, _, controls) = operation.kind else { continue }
      #expect(["rx", "ry", "rz", "p"].contains(gate.name) && controls.isEmpty)
    }
    let symbolic = RandomCircuit.make(qubits: 3, gates: 20, seed: 4, classes: [.rotation, .twoQubit], symbols: ["a", "b"])
    #expect(symbolic.parameterNames == ["a", "b"])
    #expect(throws: CircuitError.self) { try ReferenceSimulator.unitary(of: symbolic) }
    #expect(unitarityDeviation(try ReferenceSimulator.unitary(of: symbolic, bindings: ["a": 0.3, "b": -1.2])) < 1e-10)
  }

  @Test("the reference simulator's full matrix of an operation agrees with apply on basis states")
  func referenceConsistency() throws {
    let operation = Operation.gate(.u(theta: 0.4, phi: 1.1, lambda: -0.3), on: [2], controls: [0])
    let full = try ReferenceSimulator.matrix(of: operation, qubits: 3)
    for j in 0..<8 {
      let column = try ReferenceSimulator.apply(operation, to: ReferenceSimulator.basisState(j, qubits: 3))
      #expect(maxDifference(column, (0..<8).map { full[$0, j] }) < tolerance)
    }
    // H on qubit 1 of |000⟩ gives (|000⟩ + |010⟩)/√2: qubit 1 is bit 1 (index 2).
    let r = 0.5.squareRoot()
    let state = try ReferenceSimulator.run(Circuit(qubits: 3) { H(1) })
    #expect(maxDifference(state, [c(r), 0, c(r), 0, 0, 0, 0, 0]) < tolerance)
    #expect(throws: ReferenceSimulator.Failure.notUnitary("reset qubit 0")) { try ReferenceSimulator.run(Circuit(qubits: 1) { Reset(0) }) }
    #expect(throws: ReferenceSimulator.Failure.tooManyQubits(9)) { try ReferenceSimulator.unitary(of: Circuit(qubits: 9)) }
  }

  @Test("equality up to a global phase")
  func globalPhase() {
    let state = RandomState.make(qubits: 2, seed: 1)
    let rotated = state.map { expi(1.3) * $0 }
    #expect(maxDifference(state, rotated) > 0.1)
    #expect(maxDifferenceUpToGlobalPhase(state, rotated) < tolerance)
    #expect(maxDifferenceUpToGlobalPhase(state, RandomState.make(qubits: 2, seed: 2)) > 0.1)
    #expect(maxDifference(state, Array(state.prefix(2))) == .infinity)
    #expect(abs(innerProduct(state, state).real - 1) < tolerance)
  }
}
