import EntangleCircuits
import ComplexModule
import EntangleTestSupport
import EntangleSimulation
import Testing

@Suite("StateVector creation and validation")
struct StateVectorTests {
  @Test("|0…0⟩ and basis states have one amplitude of 1", arguments: [1, 3, 10])
  func basisStates(qubits: Int) throws {
    let zero = try StateVector(qubits: qubits)
    #expect(zero.count == 1 << qubits)
    #expect(try zero.amplitude(of: 0) == .one)
    #expect(abs(zero.normSquared - 1) < 1e-15)
    let last = (1 << qubits) - 1
    let basis = try StateVector(basisState: last, qubits: qubits)
    #expect(basis.probabilities()[last] == 1)
  }

  @Test("a state that cannot fit is refused before allocating, naming the bytes")
  func memoryGuard() {
    #expect {
      _ = try StateVector(qubits: 40)
    } throws: { error in
      guard case let .insufficientMemory(qubits, needed, _) = error as? SimulationError else { return false }
      return qubits == 40 && needed == 16 * Double(1 << 40)
        && String(describing: error).contains("17592186044416 bytes")
    }
    #expect(throws: SimulationError.insufficientMemory(qubits: 20, bytesNeeded: 16 * 1_048_576, bytesAvailable: 1 << 20)) {
      _ = try StateVector(qubits: 20, memoryLimit: MemoryLimit(bytes: 1 << 20))
    }
    // Single precision needs half: 8·2^20 bytes fit in 8 MiB.
    #expect(throws: Never.self) { _ = try StateVector<Float>(qubits: 20, memoryLimit: MemoryLimit(bytes: 8 << 20)) }
  }

  @Test("impossible sizes and indices are typed errors")
  func invalidRequests() {
    #expect(throws: SimulationError.invalidQubitCount(-1, maximum: 60)) { _ = try StateVector(qubits: -1) }
    #expect(throws: SimulationError.invalidQubitCount(0, maximum: 60)) { _ = try StateVector(qubits: 0) }
    #expect(throws: SimulationError.invalidQubitCount(0, maximum: 60)) { _ = try StateVector(amplitudes: [Complex<Double>.one]) }
    #expect(throws: SimulationError.invalidQubitCount(64, maximum: 60)) { _ = try StateVector(qubits: 64) }
    #expect(throws: SimulationError.basisStateOutOfRange(index: 8, qubitCount: 3)) {
      _ = try StateVector(basisState: 8, qubits: 3)
    }
    #expect(throws: SimulationError.basisStateOutOfRange(index: -1, qubitCount: 2)) {
      _ = try StateVector(qubits: 2).amplitude(of: -1)
    }
  }

  @Test("user amplitudes must be 2^n long and normalized")
  func userAmplitudes() throws {
    let half = Complex(1 / 2.0.squareRoot(), 0.0)
    let plus = try StateVector(amplitudes: [half, half])
    #expect(plus.qubitCount == 1)
    #expect(abs(plus.probabilities()[1] - 0.5) < 1e-15)
    #expect(throws: SimulationError.amplitudeCountNotPowerOfTwo(3)) {
      _ = try StateVector(amplitudes: [Complex<Double>](repeating: .one, count: 3))
    }
    #expect(throws: SimulationError.amplitudeCountNotPowerOfTwo(0)) { _ = try StateVector<Double>(amplitudes: []) }
    #expect {
      _ = try StateVector(amplitudes: [Complex<Double>.one, .one])
    } throws: { error in
      guard case let .notNormalized(norm, _) = error as? SimulationError else { return false }
      return abs(norm - 2.0.squareRoot()) < 1e-12
    }
  }

  @Test("bad gate requests name the qubit")
  func gateErrors() throws {
    var state = try StateVector(qubits: 3)
    #expect(throws: SimulationError.circuit(.qubitOutOfRange(qubit: 3, qubitCount: 3, operation: "h on [3]"))) {
      try state.apply(.h, to: [3])
    }
    #expect(throws: SimulationError.circuit(.repeatedQubit(qubit: 1, operation: "x on [1] controlled by [1]"))) {
      try state.apply(.x, to: [1], controls: [1])
    }
    #expect(throws: SimulationError.circuit(.unboundParameter(name: "theta"))) {
      try state.apply(.rz(Parameter("theta")), to: [0])
    }
    let big = try Circuit(qubits: 4) { H(3) }
    #expect(throws: SimulationError.sizeMismatch(expected: 3, actual: 4, what: "circuit applied to a state")) {
      try state.apply(big)
    }
    #expect(throws: SimulationError.qubitOutOfRange(qubit: 5, qubitCount: 3)) {
      _ = try state.probabilities(of: [0, 5])
    }
  }

  @Test("copies are independent values")
  func valueSemantics() throws {
    var a = try StateVector(qubits: 2)
    let b = a
    try a.apply(.x, to: [0])
    #expect(try a.amplitude(of: 1) == .one)
    #expect(try b.amplitude(of: 0) == .one)
  }
}
