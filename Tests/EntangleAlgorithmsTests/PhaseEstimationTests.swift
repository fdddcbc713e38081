import EntangleCircuits
import ComplexModule
import Foundation
import EntangleAlgorithms
import Testing

/// Phase estimation against the analytic distribution (Nielsen & Chuang §5.2.1):
/// P(m) = |Σ_{k<2^t} e^{2πik(φ − m/2^t)}|² / 2^{2t}. Tolerance 1e-10.
@Suite struct PhaseEstimationTests {
  static func formula(phase: Double, bits: Int, outcome: Int) -> Double {
    let size = 1 << bits
    var sum = Complex<Double>.zero
    for k in 0..<size {
      let angle = 2 * Double.pi * Double(k) * (phase - Double(outcome) / Double(size))
      sum += Complex(cos(angle), sin(angle))
    }
    return sum.lengthSquared / Double(size * size)
  }

  @Test(arguments: [(5, 0), (5, 1), (5, 7), (5, 16), (5, 31), (1, 1), (8, 201)])
  func exactPhasesAreFoundWithCertainty(bits: Int, numerator: Int) throws {
    let phase = Double(numerator) / Double(1 << bits)
    let result = try PhaseEstimation(phase: phase, countingQubits: bits).run()
    #expect(result.mostLikelyOutcome == numerator)
    #expect(abs(result.probability - 1) < 1e-10)
    #expect(result.estimate == phase)
  }

  @Test(arguments: [0.1, 1.0 / 3, 0.7071, 0.9, 0.999], [3, 6, 8])
  func inexactPhasesFollowTheFormula(phase: Double, bits: Int) throws {
    let result = try PhaseEstimation(phase: phase, countingQubits: bits).run()
    for (outcome, probability) in result.distribution.enumerated() {
      #expect(abs(probability - Self.formula(phase: phase, bits: bits, outcome: outcome)) < 1e-10, "m = \(outcome)")
    }
    let nearest = Int((phase * Double(1 << bits)).rounded()) % (1 << bits)
    #expect(result.distribution[nearest] >= 4 / (Double.pi * Double.pi))
    #expect(result.mostLikelyOutcome == nearest)
  }

  @Test func phasesOutsideTheUnitIntervalWrapAround() throws {
    let result = try PhaseEstimation(phase: -0.25, countingQubits: 4).run()
    #expect(result.mostLikelyOutcome == 12)
    #expect(abs(result.probability - 1) < 1e-10)
  }

  @Test func nonDiagonalUnitaryThroughRepeatedSquaring() throws {
    // U = H·P(2π·3/8)·H has eigenstate H|1⟩ = |−⟩ with eigenphase 3/8.
    let s = 1 / 2.0.squareRoot()
    let hadamard = try Matrix([[Complex(s), Complex(s)], [Complex(s), Complex(-s)]])
    let angle = 2 * Double.pi * 3 / 8
    let phase = try Matrix([[.one, .zero], [.zero, Complex(cos(angle), sin(angle))]])
    let minus = try Circuit(qubits: 1) {
      X(0)
      H(0)
    }
    let result = try PhaseEstimation(unitary: hadamard * phase * hadamard, eigenstatePreparation: minus, countingQubits: 3).run()
    #expect(result.mostLikelyOutcome == 3)
    #expect(abs(result.probability - 1) < 1e-10)
  }

  @Test func twoQubitUnitaryUsesLittleEndianTargets() throws {
    // diag over |q1 q0⟩ = |00⟩, |01⟩, |10⟩, |11⟩; preparing |10⟩ (X on qubit 1) selects the phase 5/8.
    let phases = [0.0, 1.0 / 4, 5.0 / 8, 3.0 / 8]
    var rows = [[Complex<Double>]](repeating: [Complex<Double>](repeating: .zero, count: 4), count: 4)
    for (i, turns) in phases.enumerated() { rows[i][i] = Complex(cos(2 * .pi * turns), sin(2 * .pi * turns)) }
    let prepare = try Circuit(qubits: 2) { X(1) }
    let estimation = try PhaseEstimation(unitary: try Matrix(rows), eigenstatePreparation: prepare, countingQubits: 4)
    #expect(estimation.qubitCount == 6)
    let result = try estimation.run()
    #expect(result.mostLikelyOutcome == 10)
    #expect(abs(result.probability - 1) < 1e-10)
  }

  @Test func refusesBadInput() throws {
    #expect(throws: AlgorithmError.self) { try PhaseEstimation(phase: .nan, countingQubits: 3) }
    #expect(throws: AlgorithmError.self) { try PhaseEstimation(phase: 0.5, countingQubits: 0) }
    #expect(throws: AlgorithmError.self) { try PhaseEstimation(phase: 0.5, countingQubits: 21) }
    let notUnitary = try Matrix([[.one, .one], [.zero, .one]])
    #expect(throws: AlgorithmError.self) {
      try PhaseEstimation(unitary: notUnitary, eigenstatePreparation: Circuit(qubits: 1), countingQubits: 2)
    }
    #expect(throws: AlgorithmError.self) {
      try PhaseEstimation(unitary: .identity(dimension: 2), eigenstatePreparation: Circuit(qubits: 2), countingQubits: 2)
    }
  }
}
