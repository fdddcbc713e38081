import EntangleCircuits
import ComplexModule
import EntangleTestSupport
import Foundation
import EntangleSimulation
import Testing

/// Exact one- and two-qubit density-matrix arithmetic for the reference results (little-endian: qubit 0 is the low index bit).
enum ReferenceDensity {
  static let identity = DenseMatrix.identity(2)
  static let hadamard = DenseMatrix([[Complex(0.5.squareRoot()), Complex(0.5.squareRoot())], [Complex(0.5.squareRoot()), Complex(-0.5.squareRoot())]])

  static func ry(_ theta: Double) -> DenseMatrix {
    DenseMatrix([[Complex(cos(theta / 2)), Complex(-sin(theta / 2))], [Complex(sin(theta / 2)), Complex(cos(theta / 2))]])
  }

  /// A one-qubit matrix on `qubit` of two: I ⊗ M for qubit 0, M ⊗ I for qubit 1.
  static func onQubit(_ matrix: DenseMatrix, _ qubit: Int, of count: Int) -> DenseMatrix {
    guard count == 2 else { return matrix }
    return qubit == 0 ? .kronecker(identity, matrix) : .kronecker(matrix, identity)
  }

  /// CX with control qubit 0 and target qubit 1: swaps indices 1 (q0 = 1, q1 = 0) and 3.
  static let cx = DenseMatrix([
    [.one, .zero, .zero, .zero], [.zero, .zero, .zero, .one], [.zero, .zero, .one, .zero], [.zero, .one, .zero, .zero],
  ])

  static func conjugate(_ rho: DenseMatrix, by unitary: DenseMatrix) -> DenseMatrix { unitary * rho * unitary.adjoint }

  /// A one-qubit channel on `qubit` of a `count`-qubit density matrix.
  static func channel(_ channel: KrausChannel, on qubit: Int, of count: Int, _ rho: DenseMatrix) -> DenseMatrix {
    let embedded = channel.krausOperators.map { kraus in onQubit(DenseMatrix(kraus), qubit, of: count) }
    var result = DenseMatrix(zeros: rho.dimension)
    for k in embedded {
      let term = k * rho * k.adjoint
      for i in result.elements.indices { result.elements[i] += term.elements[i] }
    }
    return result
  }

  static func ground(_ count: Int) -> DenseMatrix {
    var rho = DenseMatrix(zeros: 1 << count)
    rho[0, 0] = .one
    return rho
  }
}

@Suite("Noise: trajectories converge to the exact channel results")
struct NoiseTrajectoryTests {
  /// Checks each averaged probability against the exact one within 4 standard errors of a mean of values in [0, 1].
  static func expectConverged(_ estimate: [Double], _ exact: [Double], shots: Int) {
    for (value, truth) in zip(estimate, exact) {
      let sigma = (Swift.max(truth * (1 - truth), 1e-6) / Double(shots)).squareRoot()
      #expect(abs(value - truth) < 4 * sigma, "estimate \(value) vs exact \(truth)")
    }
  }

  @Test("one qubit, non-unitary channels (amplitude and phase damping): averages within 4σ at seed 5")
  func oneQubitDamping() throws {
    var model = NoiseModel()
    let damping = try KrausChannel.amplitudeDamping(gamma: 0.3)
    let dephasing = try KrausChannel.phaseDamping(lambda: 0.4)
    try model.addError(.kraus(damping), gates: ["ry"])
    try model.addError(.kraus(dephasing), gates: ["h"])
    let circuit = try Circuit(qubits: 1) { RY(1.1, 0); H(0) }

    var rho = ReferenceDensity.conjugate(ReferenceDensity.ground(1), by: ReferenceDensity.ry(1.1))
    rho = ReferenceDensity.channel(damping, on: 0, of: 1, rho)
    rho = ReferenceDensity.conjugate(rho, by: ReferenceDensity.hadamard)
    rho = ReferenceDensity.channel(dephasing, on: 0, of: 1, rho)

    let shots = 4000
    let result = try TrajectorySimulator(noiseModel: model, threads: 2).run(circuit, shots: shots, seed: 5)
    Self.expectConverged(result.probabilities, [rho[0, 0].real, rho[1, 1].real], shots: shots)
    #expect(result.counts.values.reduce(0, +) == shots)
    Self.expectConverged([Double(result.counts["1", default: 0]) / Double(shots)], [rho[1, 1].real], shots: shots)
  }

  @Test("two qubits, depolarizing after h and cx, amplitude damping after ry: averages within 4σ at seed 9")
  func twoQubitMixture() throws {
    var model = NoiseModel()
    try model.addError(.depolarizing(probability: 0.1), gates: ["h", "cx"])
    let damping = try KrausChannel.amplitudeDamping(gamma: 0.2)
    try model.addError(.kraus(damping), gates: ["ry"])
    let circuit = try Circuit(qubits: 2) { H(0); CX(0, 1); RY(0.7, 1) }

    let one = try KrausChannel.depolarizing(probability: 0.1, qubits: 1)
    let two = try KrausChannel.depolarizing(probability: 0.1, qubits: 2)
    var rho = ReferenceDensity.conjugate(ReferenceDensity.ground(2), by: ReferenceDensity.onQubit(ReferenceDensity.hadamard, 0, of: 2))
    rho = ReferenceDensity.channel(one, on: 0, of: 2, rho)
    rho = ReferenceDensity.conjugate(rho, by: ReferenceDensity.cx)
    rho = applyKraus(two.krausOperators, to: rho)
    rho = ReferenceDensity.conjugate(rho, by: ReferenceDensity.onQubit(ReferenceDensity.ry(0.7), 1, of: 2))
    rho = ReferenceDensity.channel(damping, on: 1, of: 2, rho)

    let shots = 3000
    let result = try TrajectorySimulator(noiseModel: model, threads: 2).run(circuit, shots: shots, seed: 9)
    Self.expectConverged(result.probabilities, (0..<4).map { rho[$0, $0].real }, shots: shots)
  }

  @Test("a Bell pair with depolarizing λ on the CX has fidelity 1 − λ + λ/4 (exact mixture; trajectories within 4σ)", arguments: [0.1, 0.3])
  func bellFidelity(lambda: Double) throws {
    var model = NoiseModel()
    try model.addError(.depolarizing(probability: lambda), gates: ["cx"])
    let bell = try Circuit(qubits: 2) { H(0); CX(0, 1) }

    // |Φ+⟩⟨Φ+| through the two-qubit depolarizing channel, then ⟨Φ+|ρ|Φ+⟩ = (ρ₀₀ + ρ₀₃ + ρ₃₀ + ρ₃₃)/2.
    var phiPlus = DenseMatrix(zeros: 4)
    for i in [0, 3] { for j in [0, 3] { phiPlus[i, j] = Complex(0.5) } }
    let rho = applyKraus(try KrausChannel.depolarizing(probability: lambda, qubits: 2).krausOperators, to: phiPlus)
    let exact = (rho[0, 0] + rho[0, 3] + rho[3, 0] + rho[3, 3]).real / 2
    #expect(abs(exact - (1 - lambda + lambda / 4)) < 1e-12)

    let projector = try PauliSum([(0.25, "II"), (0.25, "XX"), (-0.25, "YY"), (0.25, "ZZ")])
    let result = try TrajectorySimulator(noiseModel: model, threads: 2).run(bell, shots: 2000, seed: 21, observables: [projector])
    let estimate = result.expectationValues[0], error = result.expectationStandardErrors[0]
    #expect(error > 0)
    #expect(abs(estimate - exact) < 4 * error, "fidelity \(estimate) ± \(error) vs \(exact)")
  }

  @Test("counts repeat exactly for a seed whatever the thread count, and include readout errors (4σ)")
  func seededAndReadout() throws {
    var model = NoiseModel()
    try model.addError(.kraus(try .bitFlip(probability: 0.1)))
    try model.setReadoutError(try ReadoutError(p0Given1: 0.25, p1Given0: 0), qubits: [0])
    let circuit = try Circuit(qubits: 2) { X(0); H(1) }
    let shots = 4000
    let one = try TrajectorySimulator(noiseModel: model, threads: 1).run(circuit, shots: shots, seed: 42)
    let two = try TrajectorySimulator(noiseModel: model, threads: 2).run(circuit, shots: shots, seed: 42)
    #expect(one.counts == two.counts)
    // Qubit 0 is 1 with probability 0.9 and read as 1 with probability 0.75 of that.
    let ones = one.counts.filter { $0.key.last == "1" }.values.reduce(0, +)
    let rate = 0.9 * 0.75
    #expect(abs(Double(ones) / Double(shots) - rate) < 4 * (rate * (1 - rate) / Double(shots)).squareRoot())
  }

  @Test("measurements and classical conditions run inside trajectories; a conditioned gate's channel follows its condition")
  func conditionedChannels() throws {
    var model = NoiseModel()
    try model.addError(.kraus(try .bitFlip(probability: 1)), gates: ["x"], qubits: [1])
    var conditioned = Operation.gate(.x, on: [1])
    conditioned.condition = ClassicalCondition(bits: [0], value: 1)
    let simulator = TrajectorySimulator(noiseModel: model, threads: 1)
    // Qubit 0 reads 0: the conditioned X and its certain bit flip are both skipped.
    let skipped = try Circuit(qubits: 2, bits: 1, operations: [Operation(.measure(qubit: 0, bit: 0)), conditioned])
    #expect(try simulator.run(skipped, shots: 20, seed: 1).counts == ["00": 20])
    // Qubit 0 reads 1: X runs on qubit 1 and the bit flip after it undoes it.
    let taken = try Circuit(qubits: 2, bits: 1, operations: [.gate(.x, on: [0]), Operation(.measure(qubit: 0, bit: 0)), conditioned])
    #expect(try simulator.run(taken, shots: 20, seed: 1).counts == ["01": 20])
  }

  @Test("StateVector.applyChannel checks its qubits and draws the branch it reports")
  func applyChannelChecks() throws {
    var state = try StateVector(basisState: 1, qubits: 1)
    var generator = SeededRandomNumberGenerator(seed: 0)
    let decay = try KrausChannel.amplitudeDamping(gamma: 1)
    #expect(try state.applyChannel(decay, to: [0], using: &generator) == 1)
    #expect(abs(state.probabilities()[0] - 1) < 1e-15)
    #expect(throws: SimulationError.qubitOutOfRange(qubit: 3, qubitCount: 1)) { try state.applyChannel(decay, to: [3], using: &generator) }
    #expect(throws: SimulationError.self) {
      try state.applyChannel(try .depolarizing(probability: 0.1, qubits: 2), to: [0], using: &generator)
    }
    #expect(throws: SimulationError.repeatedQubit(0)) {
      try TrajectorySimulator(noiseModel: NoiseModel()).run(try Circuit(qubits: 1) { H(0) }, shots: 1, measuring: [0, 0])
    }
    #expect(throws: SimulationError.invalidCount(0, what: "the number of shots")) {
      try TrajectorySimulator(noiseModel: NoiseModel()).run(try Circuit(qubits: 1) { H(0) }, shots: 0)
    }
  }
}
