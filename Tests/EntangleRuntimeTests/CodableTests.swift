import EntangleCircuits
import ComplexModule
import Foundation
import Testing

@testable import EntangleRuntime

@Suite("Codable jobs and stable keys")
struct CodableTests {
  @Test("a circuit with expressions, a matrix, a QFT, measurements and conditions survives JSON")
  func circuitRoundTrip() throws {
    let theta = Parameter("theta")
    let s = 1 / 2.0.squareRoot()
    let hadamard = try Matrix([[Complex(s), Complex(s)], [Complex(s), Complex(-s)]])
    var circuit = try Circuit(qubits: 4, bits: 2) {
      H(0)
      RX(2 * theta + .pi / 4, 1)
      U(theta, Parameter.apply(.sin, theta), -theta, 2)
      CRZ(theta / 3, 0, 3)
      Unitary(hadamard, on: [3])
      QFT([0, 1, 2])
      Measure(0, into: 0)
      Reset(1)
      Barrier(0, 1)
    }
    try circuit.append(Operation(.gate(.x, targets: [2], controls: []), condition: ClassicalCondition(bits: [0], value: 1)))
    let data = try JSONEncoder().encode(circuit)
    let decoded = try JSONDecoder().decode(Circuit.self, from: data)
    #expect(decoded == circuit)
  }

  @Test("decoding a circuit with a qubit out of range throws instead of trapping")
  func invalidCircuitThrows() {
    let text = #"{"qubits": 1, "bits": 0, "operations": [["gate", ["x"], [3], []]]}"#
    #expect(throws: DecodingError.self) { try JSONDecoder().decode(Circuit.self, from: Data(text.utf8)) }
  }

  @Test("a job and every kind of result survive JSON")
  func jobAndResultRoundTrip() throws {
    let job = QuantumJob(
      try Fixtures.ansatz(), bindings: ["a": 0.25, "b": -1.5], request: .gradient(try Fixtures.hamiltonian()),
      precision: .single)
    #expect(try JSONDecoder().decode(QuantumJob.self, from: JSONEncoder().encode(job)) == job)
    let results: [QuantumResult] = [
      .state([Complex(0.5, -0.5), Complex(0, 0.5)]), .probabilities([0.25, 0.75]), .counts(["01": 3]),
      .expectation(-0.5), .expectations([1, 2]), .gradient(value: 0.5, gradient: ["a": 0.1]),
    ]
    for result in results {
      #expect(try JSONDecoder().decode(QuantumResult.self, from: JSONEncoder().encode(result)) == result)
    }
  }

  @Test("the content hash is FNV-1a-128 and separates jobs that differ")
  func contentHash() throws {
    // Reference values of FNV-1a-128 (draft-eastlake-fnv), checked with an independent script.
    #expect(StableHash.of("") == "6c62272e07bb014262b821756295c58d")
    #expect(StableHash.of("a") == "d228cb696f1a8caf78912b704e4a8964")
    #expect(StableHash.of("foobar") == "343e1662793c64bf6f0d3597ba446f18")
    let circuit = try Fixtures.ansatz()
    let h = try Fixtures.hamiltonian()
    let job = QuantumJob(circuit, bindings: ["a": 0.1, "b": 0.2], request: .expectation(h))
    let same = QuantumJob(circuit, bindings: ["b": 0.2, "a": 0.1], request: .expectation(h))
    let other = QuantumJob(circuit, bindings: ["a": 0.1, "b": 0.3], request: .expectation(h))
    #expect(job.contentHash == same.contentHash)
    #expect(job.contentHash != other.contentHash)
    #expect(job.contentHash.count == 32)
    // The serialisation documented on contentHash, computed independently (a Python script
    // packing the same little-endian fields); pinned so that a change, which would orphan every
    // stored checkpoint, cannot pass unnoticed.
    let pinned = QuantumJob(try Circuit(qubits: 1) { RY(Parameter("t"), 0) }, bindings: ["t": 0.5], request: .probabilities)
    #expect(pinned.contentHash == "bd877741d14e4c9d5878777ac071441a")
  }

  @Test("memory needs follow 16·2^n bytes per state, 8·2^n in single precision, two states for a gradient")
  func memoryNeeds() throws {
    let circuit = try Circuit(qubits: 10) { H(0) }
    let h = try PauliSum([(1, "Z")])
    #expect(QuantumJob(circuit, request: .expectation(h)).memoryBytes == 16 << 10)
    #expect(QuantumJob(circuit, request: .expectation(h), precision: .single).memoryBytes == 8 << 10)
    #expect(QuantumJob(circuit, request: .gradient(h)).memoryBytes == 32 << 10)
    #expect(QuantumJob(circuit, request: .probabilities).memoryBytes == 24 << 10)
    #expect(QuantumJob(circuit, request: .expectation(h)).resourceNeed(threadBudget: 8).threads == 1)
    let large = try Circuit(qubits: 20) { H(0) }
    #expect(QuantumJob(large, request: .expectation(h)).resourceNeed(threadBudget: 8).threads == 8)
  }
}
