import EntangleCircuits
import ComplexModule
import EntangleTestSupport
import EntangleSimulation
import Testing

@Suite("Expectation values, inner products and fidelity")
struct ExpectationTests {
  @Test("random Pauli sums against the dense reference", arguments: UInt64(0)..<6)
  func randomPauliSums(seed: UInt64) throws {
    let n = 5
    var generator = SeededGenerator(seed: seed)
    let input = RandomState.make(qubits: n, using: &generator)
    var terms: [PauliSum.Term] = []
    for _ in 0..<12 {
      var operators: [Int: Pauli] = [:]
      for q in 0..<n { operators[q] = Pauli.allCases.randomElement(using: &generator)! }
      terms.append(PauliSum.Term(Double.random(in: -2..<2, using: &generator), try PauliString(operators)))
    }
    let observable = PauliSum(terms)
    let state = try StateVector(amplitudes: input)
    let expected = ReferenceSimulator.expectation(of: observable, in: input)
    #expect(abs(try state.expectation(of: observable) - expected) < 1e-12)
  }

  @Test("textbook values: ⟨Z⟩ of |0⟩ and |1⟩, ⟨X⟩ of |+⟩, ⟨Y⟩ of |+i⟩, Bell correlations")
  func analyticValues() throws {
    var state = try StateVector(qubits: 2)
    #expect(try state.expectation(of: PauliString("IZ")) == 1)
    try state.apply(.x, to: [0])
    #expect(try state.expectation(of: PauliString("IZ")) == -1)
    var plus = try StateVector(qubits: 1)
    try plus.apply(.h, to: [0])
    #expect(abs(try plus.expectation(of: PauliString("X")) - 1) < 1e-15)
    try plus.apply(.s, to: [0])
    #expect(abs(try plus.expectation(of: PauliString("Y")) - 1) < 1e-15)
    var bell = try StateVector(qubits: 2)
    try bell.apply(Circuit(qubits: 2) { H(0); CX(0, 1) })
    let values = try ["XX", "YY", "ZZ", "ZI", "II"].map { try bell.expectation(of: PauliString($0)) }
    for (value, expected) in zip(values, [1.0, -1, 1, 0, 1]) { #expect(abs(value - expected) < 1e-15) }
    #expect(abs(try bell.expectation(of: PauliSum([(0.5, "XX"), (0.25, "ZZ"), (2, "II")])) - 2.75) < 1e-15)
    #expect(throws: SimulationError.qubitOutOfRange(qubit: 2, qubitCount: 2)) {
      _ = try bell.expectation(of: PauliString("ZII"))
    }
  }

  @Test("inner product and fidelity match the reference")
  func innerProducts() throws {
    let a = RandomState.make(qubits: 6, seed: 1), b = RandomState.make(qubits: 6, seed: 2)
    let stateA = try StateVector(amplitudes: a), stateB = try StateVector(amplitudes: b)
    let expected = innerProduct(a, b)
    #expect((try stateA.innerProduct(with: stateB) - expected).length < 1e-14)
    #expect(abs(try stateA.fidelity(with: stateB) - expected.lengthSquared) < 1e-14)
    #expect(abs(try stateA.fidelity(with: stateA) - 1) < 1e-14)
    #expect(throws: SimulationError.sizeMismatch(expected: 6, actual: 2, what: "inner product")) {
      _ = try stateA.innerProduct(with: StateVector(qubits: 2))
    }
  }
}
