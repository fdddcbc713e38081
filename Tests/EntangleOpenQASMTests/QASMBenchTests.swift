import EntangleCircuits
import Foundation
import EntangleOpenQASM
import EntangleSimulation
import Testing

/// Conformance with QASMBench (pnnl/QASMBench): the reference probabilities and parse results come from
/// qiskit 2.6 (`Fixtures/QASMBench/index.json` and `ref/`), not from this code.
@Suite("QASMBench conformance")
struct QASMBenchTests {
  static let withReference = Fixtures.index.filter { $0.ref != nil }
  static let parsedByQiskit = Fixtures.index.filter(\.qiskit_parses)
  static let brokenAsPublished = Fixtures.index.filter { !$0.qiskit_parses }

  @Test("the fixture set is complete")
  func inventory() {
    #expect(Fixtures.index.count == 124)
    #expect(Self.withReference.count == 90)
    #expect(Self.parsedByQiskit.count == 118)
    #expect(Self.brokenAsPublished.map(\.file).sorted() == ["4", "6", "8"].flatMap { n in
      ["small/vqe_uccsd_n\(n)/vqe_uccsd_n\(n).qasm", "small/vqe_uccsd_n\(n)/vqe_uccsd_n\(n)_transpiled.qasm"]
    })
  }

  @Test("every file qiskit parses parses, with qiskit's qubit and bit counts", arguments: parsedByQiskit)
  func parses(_ entry: Fixtures.IndexEntry) throws {
    let program = try OpenQASM.parse(contentsOf: Fixtures.qasmBench.appendingPathComponent(entry.file).path)
    #expect(program.circuit.qubitCount == entry.qubits)
    #expect(program.circuit.classicalBitCount == entry.clbits)
  }

  @Test("final-state probabilities match qiskit's within 1e-10", arguments: withReference)
  func probabilities(_ entry: Fixtures.IndexEntry) throws {
    let program = try OpenQASM.parse(contentsOf: Fixtures.qasmBench.appendingPathComponent(entry.file).path)
    // The reference is the state before the final measurements; these files measure only at the end.
    let unitaryPart = program.circuit.operations.filter { operation in
      if case .measure = operation.kind { return false }
      return true
    }
    try #require(!unitaryPart.contains { $0.condition != nil })
    let circuit = try Circuit(qubits: program.circuit.qubitCount, bits: program.circuit.classicalBitCount,
                              operations: unitaryPart)
    var state = try StateVector(qubits: circuit.qubitCount)
    try state.apply(circuit)
    let actual = state.probabilities()
    let expected = try Fixtures.referenceProbabilities(entry)
    try #require(actual.count == expected.count)
    let difference = zip(actual, expected).reduce(0.0) { max($0, abs($1.0 - $1.1)) }
    #expect(difference <= 1e-10, "largest difference \(difference)")
  }

  @Test("the files broken as published fail at the line qiskit names, for the undeclared register", arguments: brokenAsPublished)
  func broken(_ entry: Fixtures.IndexEntry) throws {
    // qiskit's message reads "<input>:LINE,COL: 'q' is not defined in this scope", its column counted from 0.
    let qiskitPlace = entry.qiskit_error!.split(separator: ":")[1].split(separator: ",").compactMap { Int($0) }
    let path = Fixtures.qasmBench.appendingPathComponent(entry.file).path
    do {
      _ = try OpenQASM.parse(contentsOf: path)
      Issue.record("\(entry.file) parsed")
    } catch {
      #expect(error.file == path)
      #expect(error.line == qiskitPlace[0])
      #expect(error.column == qiskitPlace[1] + 1)
      #expect(error.message.contains("undeclared register 'q'"), "\(error)")
    }
  }
}
