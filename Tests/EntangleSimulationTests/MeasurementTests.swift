import EntangleCircuits
import ComplexModule
import EntangleTestSupport
import EntangleSimulation
import RealModule
import Testing

@Suite("Measurement, reset, classical conditions and sampling")
struct MeasurementTests {
  @Test("measuring a basis state is certain and leaves it unchanged")
  func deterministicOutcomes() throws {
    var state = try StateVector(qubits: 3)
    let bits = try state.apply(Circuit(qubits: 3, bits: 3) {
      X(0); X(2)
      Measure([0, 1, 2], into: [0, 1, 2])
    })
    #expect(bits == [true, false, true])
    #expect(try state.amplitude(of: 0b101) == .one)
  }

  @Test("Bell pairs measure equal on both qubits and collapse", arguments: UInt64(0)..<20)
  func bellCorrelation(seed: UInt64) throws {
    var state = try StateVector(qubits: 2)
    let bits = try state.apply(Circuit(qubits: 2, bits: 2) { H(0); CX(0, 1); Measure(0, into: 0); Measure(1, into: 1) }, seed: seed)
    #expect(bits[0] == bits[1])
    let index = bits[0] ? 3 : 0
    #expect(abs(state.probabilities()[index] - 1) < 1e-15)
  }

  @Test("outcomes follow the Born rule: 3000 measurements of RY(2π/3)|0⟩ give P(1) = 3/4")
  func bornRule() throws {
    var generator = SeededRandomNumberGenerator(seed: 11)
    var ones = 0
    for _ in 0..<3000 {
      var state = try StateVector(qubits: 1)
      try state.apply(.ry(Parameter(2 * Double.pi / 3)), to: [0])
      ones += try state.measure(0, using: &generator)
    }
    // Binomial(3000, 0.75): standard deviation 23.7; allow 4σ.
    #expect(abs(Double(ones) - 2250) < 95)
  }

  @Test("reset returns a qubit to |0⟩ without touching the others", arguments: UInt64(0)..<8)
  func reset(seed: UInt64) throws {
    var state = try StateVector(qubits: 2)
    try state.apply(Circuit(qubits: 2) { H(0); X(1); Reset(0) }, seed: seed)
    #expect(abs(state.probabilities()[0b10] - 1) < 1e-15)
  }

  @Test("teleportation: mid-circuit measurements and conditioned corrections move a state", arguments: UInt64(0)..<6)
  func teleportation(seed: UInt64) throws {
    let theta = 1.1, phi = 0.4
    let circuit = try Circuit(qubits: 3, bits: 2) {
      U(theta, phi, 0, 0)  // the state to send, on qubit 0
      H(1); CX(1, 2)
      CX(0, 1); H(0)
      Measure(0, into: 0); Measure(1, into: 1)
      X(2).conditioned(on: [1], equals: 1)
      Z(2).conditioned(on: [0], equals: 1)
    }
    var state = try StateVector(qubits: 3)
    let bits = try state.apply(circuit, seed: seed)
    // Qubit 2 now holds U(θ, φ, 0)|0⟩ = cos(θ/2)|0⟩ + e^{iφ} sin(θ/2)|1⟩; qubits 0, 1 hold the measured bits.
    let low = (bits[0] ? 1 : 0) | (bits[1] ? 2 : 0)
    let zero = try state.amplitude(of: low), one = try state.amplitude(of: low | 4)
    let expectedOne = Complex(Double.cos(phi), Double.sin(phi)) * Complex(Double.sin(theta / 2))
    #expect(abs(zero.length - Double.cos(theta / 2)) < 1e-12)
    #expect((one * zero.conjugate / Complex(zero.length) - expectedOne).length < 1e-12)
  }

  @Test("a condition on a multi-bit value compares the whole register")
  func registerCondition() throws {
    var state = try StateVector(qubits: 3)
    let circuit = try Circuit(qubits: 3, bits: 2) {
      X(1)
      Measure([0, 1], into: [0, 1])       // bits = 0b10
      X(2).conditioned(on: [0, 1], equals: 2)
      X(0).conditioned(on: [0, 1], equals: 1)
    }
    try state.apply(circuit)
    #expect(try state.amplitude(of: 0b110) == .one)
  }

  @Test("sampled counts match the exact distribution (chi-square, 15 degrees of freedom)")
  func samplingChiSquare() throws {
    let circuit = RandomCircuit.make(qubits: 4, gates: 30, seed: 17, classes: [.generalSingleQubit, .twoQubit])
    var state = try StateVector(qubits: 4)
    try state.apply(circuit)
    let exact = state.probabilities()
    let shots = 200_000
    var generator = SeededRandomNumberGenerator(seed: 4)
    var observed = [Int](repeating: 0, count: 16)
    for index in try state.sample(shots: shots, using: &generator) { observed[index] += 1 }
    var chiSquare = 0.0
    for (count, p) in zip(observed, exact) where p > 1e-12 {
      let expected = p * Double(shots)
      chiSquare += (Double(count) - expected) * (Double(count) - expected) / expected
    }
    // The 99.9th percentile of χ² with 15 degrees of freedom is 37.70.
    #expect(chiSquare < 37.70)
    #expect(observed.reduce(0, +) == shots)
  }

  @Test("counts are keyed by bitstrings with qubit 0 rightmost")
  func countsOrder() throws {
    var state = try StateVector(qubits: 3)
    try state.apply(.x, to: [0])
    #expect(try state.counts(shots: 10) == ["001": 10])
    #expect(try state.counts(shots: 5, qubits: [2, 0]) == ["10": 5])
    #expect(throws: SimulationError.invalidCount(-1, what: "the number of shots")) { _ = try state.counts(shots: -1) }
  }

  @Test("marginal probabilities sum the right amplitudes")
  func marginals() throws {
    let circuit = RandomCircuit.make(qubits: 5, gates: 25, seed: 23, classes: [.generalSingleQubit, .twoQubit])
    var state = try StateVector(qubits: 5)
    try state.apply(circuit)
    let full = state.probabilities()
    let marginal = try state.probabilities(of: [3, 1])
    for outcome in 0..<4 {
      var expected = 0.0
      for index in full.indices where index >> 3 & 1 == outcome & 1 && index >> 1 & 1 == outcome >> 1 {
        expected += full[index]
      }
      #expect(abs(marginal[outcome] - expected) < 1e-14)
    }
    #expect(abs(try state.probabilityOfOne(3) - (marginal[1] + marginal[3])) < 1e-14)
  }
}
