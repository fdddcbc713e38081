import EntangleCircuits
import ComplexModule
import Foundation
import EntangleAlgorithms
import EntangleSimulation
import Testing

/// Teleportation with corrections reproduces the input on qubit 2 (fidelity 1 within 1e-12) in every
/// measurement branch. Without corrections, branch (b0, b1) leaves X^b1·Z^b0|ψ⟩, whose fidelity is
/// |⟨ψ|X^b1 Z^b0|ψ⟩|²; the four branches are equally likely, and their mean is exactly 1/2 for every
/// pure state (¼(1 + x² + y² + z²) with a unit Bloch vector). Tolerance 1e-12.
@Suite struct TeleportationTests {
  /// |⟨ψ|X^b1 Z^b0|ψ⟩|² from ψ = (cos(θ/2), e^{iφ} sin(θ/2)).
  static func uncorrectedFidelity(_ teleportation: Teleportation, bits: [Int]) -> Double {
    let a = Complex(cos(teleportation.theta / 2))
    let b = Complex(length: sin(teleportation.theta / 2), phase: teleportation.phi)
    let zb = bits[0] == 1 ? -b : b
    let (first, second) = bits[1] == 1 ? (zb, a) : (a, zb)
    return (a.conjugate * first + b.conjugate * second).lengthSquared
  }

  @Test func correctedFidelityIsOneInEveryBranch() throws {
    var branches: Set<[Int]> = []
    for stateSeed in UInt64(0)..<8 {
      let teleportation = Teleportation(randomStateSeed: stateSeed)
      for runSeed in UInt64(0)..<8 {
        let result = try teleportation.run(seed: runSeed)
        #expect(abs(result.fidelity - 1) < 1e-12, "state seed \(stateSeed), run seed \(runSeed)")
        branches.insert(result.measuredBits)
      }
    }
    #expect(branches == [[0, 0], [0, 1], [1, 0], [1, 1]])
  }

  @Test(arguments: [[0.0, 0.0, 0.0], [Double.pi, 0, 0], [Double.pi / 2, Double.pi / 4, 1], [2.1, -0.7, 3.3]])
  func givenAnglesTeleport(angles: [Double]) throws {
    let teleportation = try Teleportation(theta: angles[0], phi: angles[1], lambda: angles[2])
    for seed in UInt64(0)..<6 {
      #expect(abs(try teleportation.run(seed: seed).fidelity - 1) < 1e-12)
    }
  }

  @Test(arguments: [UInt64(3), 11, 29])
  func withoutCorrectionsTheMeanFidelityIsOneHalf(stateSeed: UInt64) throws {
    let teleportation = Teleportation(randomStateSeed: stateSeed)
    var byBranch: [[Int]: Double] = [:]
    var seed: UInt64 = 0
    while byBranch.count < 4 && seed < 200 {
      let result = try teleportation.run(seed: seed, corrections: false)
      #expect(abs(result.fidelity - Self.uncorrectedFidelity(teleportation, bits: result.measuredBits)) < 1e-12)
      byBranch[result.measuredBits] = result.fidelity
      seed += 1
    }
    #expect(byBranch.count == 4)
    #expect(abs(byBranch.values.reduce(0, +) / 4 - 0.5) < 1e-12)
    #expect(byBranch.values.contains { $0 < 1 - 1e-3 })
  }

  @Test func inputStateIsTheUGateOnZero() throws {
    let teleportation = try Teleportation(theta: 1.2, phi: 0.4, lambda: -2)
    var state = try StateVector(qubits: 1)
    try state.apply(.u(theta: Parameter(1.2), phi: Parameter(0.4), lambda: Parameter(-2)), to: [0])
    for (expected, actual) in zip(state.amplitudes, teleportation.inputState) {
      #expect((expected - actual).length < 1e-12)
    }
  }

  @Test func refusesNonFiniteAngles() {
    #expect(throws: AlgorithmError.self) { try Teleportation(theta: .infinity, phi: 0, lambda: 0) }
    #expect(throws: AlgorithmError.self) { try Teleportation(theta: 0, phi: .nan, lambda: 0) }
  }
}
