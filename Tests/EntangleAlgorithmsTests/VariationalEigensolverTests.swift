import EntangleCircuits
import EntangleAlgorithms
import Testing

/// VQE against the full-CI energies from exact diagonalisation, and the published STO-3G values.
@Suite("Variational eigensolver")
struct VariationalEigensolverTests {
  /// Chemical accuracy: 1.6 mHa (1 kcal/mol).
  static let chemicalAccuracy = 1.6e-3

  @Test("the double-excitation ansatz reaches full CI at 0.7414 Å (−1.1373 Ha, published) from θ = 0")
  func doubleExcitationAtEquilibrium() throws {
    let molecule = try HydrogenMolecule(bondLength: 0.7414)
    let solver = try VariationalEigensolver(
      ansatz: HydrogenMolecule.doubleExcitationAnsatz(parameter: Parameter("theta")),
      hamiltonian: molecule.qubitHamiltonian)
    let result = try solver.minimize(using: LBFGS(), from: ["theta": 0])
    #expect(abs(result.energy - (try molecule.fullConfigurationInteractionEnergy())) < 1e-8)
    #expect(abs(result.energy - -1.1373) < 1e-4)
    #expect(abs(try solver.energy(at: ["theta": 0]) - molecule.hartreeFockEnergy) < 1e-10)
  }

  @Test(
    "both ansätze are within chemical accuracy of full CI from 0.3 to 2.5 Å",
    arguments: [0.3, 0.5, 0.7414, 1.0, 1.5, 2.0, 2.5])
  func dissociationCurve(bondLength: Double) throws {
    let molecule = try HydrogenMolecule(bondLength: bondLength)
    let exact = try molecule.fullConfigurationInteractionEnergy()
    let doubleExcitation = try VariationalEigensolver(
      ansatz: HydrogenMolecule.doubleExcitationAnsatz(parameter: Parameter("theta")),
      hamiltonian: molecule.qubitHamiltonian
    ).minimize(using: LBFGS(), from: ["theta": 0])
    #expect(abs(doubleExcitation.energy - exact) < 1e-8)
    let hardwareEfficient = try VariationalEigensolver(
      ansatz: HydrogenMolecule.hardwareEfficientAnsatz(), hamiltonian: molecule.qubitHamiltonian
    ).minimize(using: LBFGS(), restarts: 4, seed: 7)
    #expect(hardwareEfficient.energy - exact < Self.chemicalAccuracy, "error \(hardwareEfficient.energy - exact) Ha")
    #expect(hardwareEfficient.energy >= exact - 1e-9)  // variational: never below the ground state
  }

  @Test("an ansatz without parameters, or narrower than the Hamiltonian, is refused")
  func invalidAnsatz() throws {
    let hamiltonian = try PauliSum("0.5 * ZZ + 0.1 * XI")
    #expect(throws: AlgorithmError.self) {
      try VariationalEigensolver(ansatz: Circuit(qubits: 2) { H(0) }, hamiltonian: hamiltonian)
    }
    #expect(throws: AlgorithmError.self) {
      try VariationalEigensolver(ansatz: Circuit(qubits: 1) { RY(Parameter("a"), 0) }, hamiltonian: hamiltonian)
    }
  }
}
