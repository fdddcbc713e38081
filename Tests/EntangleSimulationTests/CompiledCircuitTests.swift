import EntangleCircuits
import ComplexModule
import EntangleTestSupport
import Testing

@testable import EntangleSimulation

/// A compiled circuit bound to new values computes what planning afresh for those values computes.
@Suite("Compiled circuits and parameter sweeps")
struct CompiledCircuitTests {
  static let symbols = ["a", "b", "c"]

  static func bindings(seed: UInt64) -> [String: Double] {
    var generator = SeededGenerator(seed: seed)
    return Dictionary(uniqueKeysWithValues: symbols.map { ($0, Double.random(in: -4..<4, using: &generator)) })
  }

  /// The state after `plan` from the seeded random input.
  static func run(_ plan: ExecutionPlan, qubits: Int, seed: UInt64) throws -> [Complex<Double>] {
    var state = try StateVector(amplitudes: RandomState.make(qubits: qubits, seed: seed))
    var generator = SeededRandomNumberGenerator(seed: seed)
    _ = try state.run(plan, using: &generator)
    return state.amplitudes
  }

  @Test(
    "bound plans agree with plans made for the binding, with fusion and segments",
    arguments: [(6, nil, 0), (8, 4, 1), (9, 5, 2), (10, 6, 3)] as [(Int, Int?, Int)])
  func boundPlansAgree(qubits: Int, block: Int?, chunk: Int) throws {
    let classes: Set<RandomCircuit.GateClass> = [.fixed, .rotation, .generalSingleQubit, .twoQubit, .unitary, .globalPhase]
    let options = ExecutionPlan.Options(fusion: true, blockQubits: block, chunkQubits: chunk)
    for seed in UInt64(1)...3 {
      let circuit = RandomCircuit.make(
        qubits: qubits, gates: 60, seed: seed, classes: classes, maximumUnitaryQubits: 3, symbols: Self.symbols)
      let compiled = try ExecutionPlan(compiling: circuit, stateQubits: qubits, options: options)
      for bindingSeed in UInt64(10)...12 {
        let values = Self.bindings(seed: bindingSeed &* seed)
        let fresh = try ExecutionPlan(circuit, bindings: values, stateQubits: qubits, options: .unoptimized)
        let expected = try Self.run(fresh, qubits: qubits, seed: seed)
        let actual = try Self.run(try compiled.bound(to: values), qubits: qubits, seed: seed)
        #expect(maxDifference(actual, expected) < 1e-12, "seed \(seed), binding \(bindingSeed)")
      }
    }
  }

  @Test("angles that make gates trivial do not break the compiled structure")
  func specialAngles() throws {
    let theta = Parameter("theta")
    let circuit = try Circuit(qubits: 3) {
      H(0)
      RX(theta, 0)
      RZ(2 * theta, 1)
      CX(0, 1)
      RY(theta, 2)
      RX(-1 * theta, 0)
      CRX(theta, 1, 2)
    }
    let compiled = try CompiledCircuit(circuit)
    for value in [0, Double.pi, 2 * Double.pi, -Double.pi / 2, 0.3] {
      var reused = try StateVector(qubits: 3)
      try reused.apply(compiled, bindings: ["theta": value])
      let expected = try ReferenceSimulator.run(
        circuit, from: [Complex(1)] + Array(repeating: .zero, count: 7), bindings: ["theta": value])
      #expect(maxDifference(reused.amplitudes, expected) < 1e-12, "theta = \(value)")
    }
  }

  @Test("segments on a state above the block size are bound like the rest")
  func standardOptionsWithSegments() throws {
    let qubits = 17
    let circuit = RandomCircuit.make(
      qubits: qubits, gates: 40, seed: 5, classes: [.fixed, .rotation, .twoQubit], maximumExtraControls: 1,
      symbols: Self.symbols)
    let compiled = try CompiledCircuit(circuit)
    #expect(compiled.executionSummary.segments > 0)
    let values = Self.bindings(seed: 99)
    var reused = try StateVector(qubits: qubits)
    try reused.apply(compiled, bindings: values)
    var fresh = try StateVector(qubits: qubits)
    try fresh.apply(circuit, bindings: values)
    #expect(maxDifference(reused.amplitudes, fresh.amplitudes) < 1e-12)
  }

  @Test("a batch of bindings gives each binding's expectation value")
  func batch() throws {
    let circuit = RandomCircuit.make(qubits: 5, gates: 30, seed: 3, classes: [.rotation, .twoQubit], symbols: Self.symbols)
    let observable = try PauliSum([(0.5, "ZZIII"), (-1.25, "IXYIZ"), (0.75, "IIIII"), (2, "XIIII")])
    let compiled = try CompiledCircuit(circuit)
    let batch = (UInt64(0)..<7).map { Self.bindings(seed: $0) }
    for threads in [1, 2] {
      let values = try compiled.expectationValues(of: observable, forEach: batch, threads: threads)
      for (binding, value) in zip(batch, values) {
        var state = try StateVector(qubits: 5)
        try state.apply(circuit, bindings: binding)
        #expect(abs(value - (try state.expectation(of: observable))) < 1e-12)
      }
    }
    #expect(try compiled.expectationValues(of: observable, forEach: []).isEmpty)
  }

  @Test("a missing value, a wrong size and an observable on absent qubits are typed errors")
  func errors() throws {
    let circuit = try Circuit(qubits: 2) { RX(Parameter("a"), 0); CX(0, 1) }
    let compiled = try CompiledCircuit(circuit)
    var state = try StateVector(qubits: 2)
    #expect(throws: SimulationError.circuit(.unboundParameter(name: "a"))) { try state.apply(compiled) }
    var larger = try StateVector(qubits: 3)
    #expect(throws: SimulationError.sizeMismatch(expected: 3, actual: 2, what: "compiled circuit applied to a state")) {
      try larger.apply(compiled, bindings: ["a": 1])
    }
    #expect(throws: SimulationError.sizeMismatch(expected: 1, actual: 2, what: "circuit compiled for a state")) {
      try CompiledCircuit(circuit, qubits: 1)
    }
    #expect(throws: SimulationError.qubitOutOfRange(qubit: 4, qubitCount: 2)) {
      try compiled.expectationValues(of: PauliSum([(1, "ZIIII")]), forEach: [["a": 0]])
    }
  }
}
