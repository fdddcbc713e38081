import EntangleCircuits
import Foundation
import EntangleOpenQASM
import Testing

@testable import EntangleSimulation

/// Which QASMBench circuits hold a textbook QFT block, and that replacing it changes no amplitude.
@Suite("FourierRecognition on QASMBench")
struct QASMBenchFourierRecognitionTests {
  static let files = QASMBenchTests.parsedByQiskit.map(\.file)

  /// The files with a recognised block of at least 2 qubits, and the blocks' gates.
  ///
  /// `qpe_n9` is not among them: its "inverse QFT" puts every cu1 before every H, which is a different
  /// unitary. `inverseqft_n4`, `ipea_n2` and `shor_n5` use measured, classically conditioned phases.
  /// The transpiled files spell each cu1 in rz and cx, which is not read.
  static let expected: [String: [Gate]] = [
    "medium/qft_n18/qft_n18.qasm": [.qft(qubitCount: 18, swaps: false)],
    "small/pea_n5/pea_n5.qasm": [.qft(qubitCount: 4, swaps: false, inverse: true)],
    "small/qft_n4/qft_n4.qasm": [.qft(qubitCount: 4, swaps: false)],
  ]

  @Test("the QASMBench files with a QFT block", arguments: files)
  func recognised(_ file: String) throws {
    let program = try OpenQASM.parse(contentsOf: Fixtures.qasmBench.appendingPathComponent(file).path)
    let operations = program.circuit.operations
    let rewritten = FourierRecognition.rewrite(operations, bindings: [:], minimumQubits: 2)
    let blocks = rewritten.compactMap { operation -> Gate? in
      guard case let .gate(gate, _, _) = operation.kind, case .qft = gate else { return nil }
      return gate
    }
    #expect(blocks == Self.expected[file] ?? [])
    guard !blocks.isEmpty else { return }
    // The same amplitudes before the final measurements (these files measure only at the end).
    let isUnitary = { (operation: Operation) -> Bool in
      if case .measure = operation.kind { return false }
      return true
    }
    let bits = program.circuit.classicalBitCount
    var original = try StateVector(qubits: program.circuit.qubitCount)
    try original.apply(Circuit(qubits: original.qubitCount, bits: bits, operations: operations.filter(isUnitary)))
    var replaced = try StateVector(qubits: program.circuit.qubitCount)
    try replaced.apply(Circuit(qubits: replaced.qubitCount, bits: bits, operations: rewritten.filter(isUnitary)))
    let difference = zip(original.amplitudes, replaced.amplitudes).reduce(0.0) { max($0, ($1.0 - $1.1).length) }
    #expect(difference <= 1e-12, "largest difference \(difference)")
  }
}
