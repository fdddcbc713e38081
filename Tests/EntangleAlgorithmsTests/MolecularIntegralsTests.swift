import Testing
@testable import EntangleAlgorithms

/// H₂ at R = 1.4 bohr in STO-3G against Szabo & Ostlund, *Modern Quantum Chemistry*, §3.5.2
/// (overlap, kinetic and core-Hamiltonian matrices, two-electron integrals, orbital energies and
/// the total energy −1.1167 Ha). Their values are printed to 4 decimals, so the tolerance is 1e-4.
@Suite struct MolecularIntegralsTests {
  static let tolerance = 1e-4

  static func szaboOstlundHydrogen() -> MolecularIntegrals {
    let nuclei = [Nucleus(charge: 1, position: SIMD3(0, 0, 0)), Nucleus(charge: 1, position: SIMD3(0, 0, 1.4))]
    return MolecularIntegrals(basis: nuclei.map { ContractedGaussian.sto3GHydrogen(center: $0.position) }, nuclei: nuclei)
  }

  @Test func oneElectronIntegralsMatchSzaboOstlund() {
    let integrals = Self.szaboOstlundHydrogen()
    #expect(abs(integrals.overlap[0][0] - 1) < 1e-8, "contracted functions are normalised")
    #expect(abs(integrals.overlap[0][1] - 0.6593) < Self.tolerance)
    #expect(abs(integrals.kinetic[0][0] - 0.7600) < Self.tolerance)
    #expect(abs(integrals.kinetic[0][1] - 0.2365) < Self.tolerance)
    #expect(abs(integrals.coreHamiltonian[0][0] - -1.1204) < Self.tolerance)
    #expect(abs(integrals.coreHamiltonian[0][1] - -0.9584) < Self.tolerance)
    #expect(abs(integrals.nuclearRepulsion - 1 / 1.4) < 1e-14)
  }

  @Test func twoElectronIntegralsMatchSzaboOstlund() {
    let integrals = Self.szaboOstlundHydrogen()
    #expect(abs(integrals.repulsion(0, 0, 0, 0) - 0.7746) < Self.tolerance)
    #expect(abs(integrals.repulsion(0, 0, 1, 1) - 0.5697) < Self.tolerance)
    #expect(abs(integrals.repulsion(1, 0, 1, 0) - 0.2970) < Self.tolerance)
    #expect(abs(integrals.repulsion(1, 0, 0, 0) - 0.4441) < Self.tolerance)
    // The eightfold permutational symmetry of real integrals.
    #expect(abs(integrals.repulsion(1, 0, 0, 0) - integrals.repulsion(0, 0, 0, 1)) < 1e-15)
  }

  @Test func hartreeFockEnergyMatchesSzaboOstlund() throws {
    let hartreeFock = try RestrictedHartreeFock(integrals: Self.szaboOstlundHydrogen(), electrons: 2)
    #expect(abs(hartreeFock.totalEnergy - -1.1167) < Self.tolerance)
    // PySCF's RHF/STO-3G at the same geometry: −1.11671432506255 Ha.
    #expect(abs(hartreeFock.totalEnergy - -1.11671432506255) < 1e-9)
    #expect(abs(hartreeFock.electronicEnergy - -1.8310) < Self.tolerance)
    // Orbital energies ε₁ = −0.5782, ε₂ = 0.6703 (Szabo & Ostlund, §3.5.2).
    #expect(abs(hartreeFock.orbitalEnergies[0] - -0.5782) < Self.tolerance)
    #expect(abs(hartreeFock.orbitalEnergies[1] - 0.6703) < Self.tolerance)
  }

  @Test func boysFunctionIsContinuousAtTheSeriesSwitch() {
    // F₀(t) = ½√(π/t) erf(√t); F₀(0) = 1, F₀(1) = 0.746824132812427 (∫₀¹ e^{−s²} ds).
    #expect(MolecularIntegrals.boys(0) == 1)
    #expect(abs(MolecularIntegrals.boys(1) - 0.746824132812427) < 1e-14)
    #expect(abs(MolecularIntegrals.boys(1e-6 * (1 - 1e-12)) - MolecularIntegrals.boys(1e-6 * (1 + 1e-12))) < 1e-12)
  }

  @Test func selfConsistentFieldReportsNonConvergence() {
    #expect(throws: AlgorithmError.self) {
      try RestrictedHartreeFock(integrals: Self.szaboOstlundHydrogen(), electrons: 2, maximumIterations: 1)
    }
  }

  @Test func oddElectronCountIsRejected() {
    #expect(throws: AlgorithmError.self) { try RestrictedHartreeFock(integrals: Self.szaboOstlundHydrogen(), electrons: 1) }
  }
}
