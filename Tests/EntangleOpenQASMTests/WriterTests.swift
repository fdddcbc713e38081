import EntangleCircuits
import ComplexModule
import EntangleTestSupport
import Foundation
import EntangleOpenQASM
import EntangleSimulation
import Testing

/// Written programs read back to the same state, and Qiskit reads them when it is installed.
@Suite("Writing OpenQASM 2.0")
struct WriterTests {
  /// Every gate class.
  static let classes = Set(RandomCircuit.GateClass.allCases)

  /// The state a circuit makes from a seeded random input, on the production simulator.
  func run(_ circuit: Circuit, qubits: Int, seed: UInt64) throws -> [Complex<Double>] {
    var state = try StateVector(amplitudes: RandomState.make(qubits: qubits, seed: seed))
    try state.apply(circuit)
    return state.amplitudes
  }

  @Test("seeded random circuits of every gate round-trip to the same state (≤ 1e-10)", arguments: 1...6, [0, 2, 5])
  func roundTrip(qubits: Int, extraControls: Int) throws {
    for seed in UInt64(0)..<6 {
      let circuit = RandomCircuit.make(
        qubits: qubits, gates: 30, seed: seed * 101 + UInt64(qubits * 7 + extraControls), classes: Self.classes,
        maximumExtraControls: extraControls, maximumUnitaryQubits: min(qubits, 3))
      let text = try OpenQASM.serialize(circuit)
      let reread = try OpenQASM.parse(text, file: "written.qasm").circuit
      #expect(reread.qubitCount == qubits)
      let difference = maxDifference(try run(reread, qubits: qubits, seed: seed), try run(circuit, qubits: qubits, seed: seed))
      #expect(difference <= 1e-10, "seed \(seed):\n\(text)")
    }
  }

  @Test("one-qubit unitaries round-trip exactly, with up to 5 controls", arguments: 0...5)
  func singleQubitUnitaries(controls: Int) throws {
    var generator = SeededGenerator(seed: UInt64(controls))
    for _ in 0..<4 {
      let dense = RandomUnitary.make(qubits: 1, using: &generator)
      let matrix = try Matrix(dimension: 2, elements: dense.elements)
      let circuit = try Circuit(qubits: controls + 1, operations: [
        .gate(.unitary(matrix), on: [controls], controls: Array(0..<controls)),
      ])
      let reread = try OpenQASM.parse(OpenQASM.serialize(circuit)).circuit
      #expect(maxDifference(try ReferenceSimulator.unitary(of: reread), try ReferenceSimulator.unitary(of: circuit)) <= 1e-10)
    }
  }

  @Test("unitary matrices on 2 to 5 qubits round-trip exactly, with up to 2 controls", arguments: 2...5, 0...2)
  func multiQubitUnitaries(qubits: Int, controls: Int) throws {
    guard qubits + controls <= ReferenceSimulator.maximumQubits else { return }
    var generator = SeededGenerator(seed: UInt64(qubits * 10 + controls))
    let dense = RandomUnitary.make(qubits: qubits, using: &generator)
    let matrix = try Matrix(dimension: dense.dimension, elements: dense.elements)
    // Scrambled targets, so that the index order of the matrix is checked too.
    let targets = Array((controls..<controls + qubits).shuffled(using: &generator))
    let circuit = try Circuit(qubits: controls + qubits, operations: [
      .gate(.unitary(matrix), on: targets, controls: Array(0..<controls)),
    ])
    let reread = try OpenQASM.parse(OpenQASM.serialize(circuit)).circuit
    // Two random inputs check the whole matrix, phase included (a difference would show on almost every state).
    for seed in UInt64(0)..<2 {
      let input = RandomState.make(qubits: circuit.qubitCount, seed: seed)
      #expect(maxDifference(try run(reread, qubits: circuit.qubitCount, seed: seed),
                            try ReferenceSimulator.run(circuit, from: input)) <= 1e-10)
    }
  }

  @Test("measure, reset, barrier and conditions are written as OpenQASM statements")
  func nonUnitary() throws {
    var circuit = try Circuit(qubits: 2, bits: 2)
    try circuit.append(.gate(.h, on: [0]))
    try circuit.append(Operation(.barrier(qubits: [0, 1])))
    try circuit.append(Operation(.measure(qubit: 0, bit: 0)))
    try circuit.append(Operation(.gate(.x, targets: [1], controls: []), condition: ClassicalCondition(bits: [0, 1], value: 1)))
    try circuit.append(Operation(.reset(qubit: 0)))
    let text = try OpenQASM.serialize(circuit)
    #expect(text == """
      OPENQASM 2.0;
      include "qelib1.inc";
      qreg q[2];
      creg c[2];
      h q[0];
      barrier q[0],q[1];
      measure q[0] -> c[0];
      if(c==1) x q[1];
      reset q[0];

      """)
    #expect(try OpenQASM.parse(text).circuit == circuit)
  }

  @Test("what OpenQASM 2 cannot say is refused with a reason")
  func refusals() throws {
    let dense = RandomUnitary.make(qubits: 7, seed: 1)
    let large = try Circuit(qubits: 7, operations: [
      .gate(.unitary(try Matrix(dimension: dense.dimension, elements: dense.elements)), on: Array(0..<7)),
    ])
    #expect(throws: OpenQASMError.self) { try OpenQASM.serialize(large) }
    let symbolic = try Circuit(qubits: 1, operations: [.gate(.rx(Parameter("theta")), on: [0])])
    do {
      _ = try OpenQASM.serialize(symbolic)
      Issue.record("a symbolic circuit was written")
    } catch {
      #expect(error.message.contains("theta"))
    }
    let manyControls = try Circuit(qubits: 12, operations: [.gate(.x, on: [11], controls: Array(0..<11))])
    #expect(throws: OpenQASMError.self) { try OpenQASM.serialize(manyControls) }
    var partial = try Circuit(qubits: 1, bits: 2)
    try partial.append(Operation(.gate(.x, targets: [0], controls: []), condition: ClassicalCondition(bits: [1], value: 1)))
    #expect(throws: OpenQASMError.self) { try OpenQASM.serialize(partial) }
  }

  @Test("Qiskit's qasm2.loads reads written programs to the same state", .enabled(if: Qiskit.python != nil))
  func qiskitReadsBack() throws {
    for seed in UInt64(0)..<4 {
      let circuit = RandomCircuit.make(qubits: 4, gates: 25, seed: 500 + seed, classes: Self.classes, maximumExtraControls: 2)
      let qiskitState = try Qiskit.statevector(of: try OpenQASM.serialize(circuit))
      #expect(maxDifference(qiskitState, try ReferenceSimulator.run(circuit)) <= 1e-10, "seed \(seed)")
    }
  }
}
