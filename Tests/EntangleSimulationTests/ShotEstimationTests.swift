import EntangleCircuits
import ComplexModule
import EntangleTestSupport
import EntangleSimulation
import Testing

@Suite("Expectation values estimated from shots")
struct ShotEstimationTests {
  private let observable: PauliSum

  init() throws {
    observable = try PauliSum("-1.05 * III + 0.39 * IZI - 0.39 * IIZ + 0.5 * ZZZ + 0.18 * XXI + 0.7 * YIX - 0.3 * IYY + 0.2 * XZY")
  }

  @Test("the estimate agrees with the exact value within 4 standard errors", arguments: UInt64(0)..<4)
  func agreesWithExact(seed: UInt64) throws {
    let state = try StateVector(amplitudes: RandomState.make(qubits: 3, seed: seed))
    let exact = try state.expectation(of: observable)
    let estimate = try state.estimatedExpectation(of: observable, shots: 4000, seed: seed)
    #expect(estimate.standardError > 0)
    #expect(abs(estimate.value - exact) < 4 * estimate.standardError, "exact \(exact), estimate \(estimate)")
  }

  @Test("the standard error shrinks like 1/√shots")
  func standardErrorScaling() throws {
    let state = try StateVector(amplitudes: RandomState.make(qubits: 3, seed: 11))
    let small = try state.estimatedExpectation(of: observable, shots: 1000, seed: 1).standardError
    let large = try state.estimatedExpectation(of: observable, shots: 16000, seed: 2).standardError
    // √16 = 4; the sample standard deviations themselves vary by a few per cent at these sizes.
    #expect(abs(small / large - 4) < 0.4, "ratio \(small / large)")
  }

  @Test("the same seed repeats the estimate")
  func seeded() throws {
    let state = try StateVector(amplitudes: RandomState.make(qubits: 3, seed: 5))
    let first = try state.estimatedExpectation(of: observable, shots: 200, seed: 9)
    let second = try state.estimatedExpectation(of: observable, shots: 200, seed: 9)
    #expect(first == second)
  }

  @Test("identity terms are exact, and an eigenstate gives its eigenvalue with no error")
  func exactCases() throws {
    let state = try StateVector(amplitudes: RandomState.make(qubits: 2, seed: 3))
    let identity = try state.estimatedExpectation(of: PauliSum("2.5 * II - 0.5"), shots: 10, seed: 0)
    #expect(abs(identity.value - 2) < 1e-12 && identity.standardError == 0)
    // |00⟩ + |11⟩ over √2 is a +1 eigenstate of XX, −1 of YY and +1 of ZZ.
    var bell = try StateVector(qubits: 2)
    try bell.apply(.h, to: [0])
    try bell.apply(.x, to: [1], controls: [0])
    let estimate = try bell.estimatedExpectation(of: PauliSum("XX + 2 YY + 4 ZZ"), shots: 50, seed: 4)
    #expect(abs(estimate.value - 3) < 1e-12 && estimate.standardError == 0)
  }

  @Test("a shot count that is not positive is refused", arguments: [0, -3])
  func invalidShots(shots: Int) throws {
    let state = try StateVector(qubits: 2)
    #expect(throws: SimulationError.invalidCount(shots, what: "the number of shots")) {
      try state.estimatedExpectation(of: PauliSum("ZZ"), shots: shots, seed: 0)
    }
  }

  @Test("a term on a qubit the state lacks is refused")
  func qubitOutOfRange() throws {
    let state = try StateVector(qubits: 2)
    #expect(throws: SimulationError.qubitOutOfRange(qubit: 2, qubitCount: 2)) {
      try state.estimatedExpectation(of: PauliSum("XII"), shots: 10, seed: 0)
    }
  }
}
