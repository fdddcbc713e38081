import EntangleCircuits
import RealModule
import ComplexModule

/// The hydrogen molecule H₂ in the STO-3G basis at a fixed bond length, from first principles:
/// Gaussian integrals, restricted Hartree–Fock, and the Jordan–Wigner qubit Hamiltonian.
///
/// Energies are in hartree and include the nuclear repulsion, so they are total Born–Oppenheimer
/// energies. The qubit Hamiltonian acts on 4 qubits in OpenFermion's interleaved spin-orbital
/// order: qubit 2p is molecular orbital p (0 bonding σg, 1 antibonding σu) with spin up, qubit
/// 2p + 1 the same orbital with spin down. Qubit k is bit k of a basis index (little-endian), so
/// the Hartree–Fock determinant, both electrons in σg, is index 0b0011.
///
/// ```swift
/// let molecule = try HydrogenMolecule(bondLength: 0.7414)
/// molecule.hartreeFockEnergy                          // −1.11676 Ha
/// try molecule.fullConfigurationInteractionEnergy()   // −1.13728 Ha
/// ```
public struct HydrogenMolecule: Sendable {
  /// Bohr radii per ångström: 1 Å = 1/0.529177210903 bohr (CODATA 2018).
  public static let bohrPerAngstrom = 1 / 0.529177210903

  /// The number of qubits of ``qubitHamiltonian``: two spatial orbitals, two spins.
  public static let qubitCount = 4

  /// The basis index of the Hartree–Fock state |0011⟩: qubits 0 and 1 (σg up and down) occupied.
  public static let hartreeFockState = 0b0011

  /// The internuclear distance, in ångström.
  public let bondLength: Double
  /// The nuclear repulsion 1/R, in hartree.
  public let nuclearRepulsion: Double
  /// The restricted Hartree–Fock total energy, in hartree.
  public let hartreeFockEnergy: Double
  /// The restricted Hartree–Fock orbital energies (σg, σu), in hartree.
  public let orbitalEnergies: [Double]
  /// The electronic Hamiltonian plus the nuclear repulsion as a 4-qubit Pauli sum (identity
  /// term first), like terms combined and terms below 10⁻¹² dropped. Qubit order as described
  /// on the type.
  public let qubitHamiltonian: PauliSum

  /// Builds the integrals, Hartree–Fock solution and qubit Hamiltonian at `bondLength` ångström.
  ///
  /// - Complexity: constant (a few milliseconds): 2 basis functions of 3 primitives.
  /// - Throws: ``AlgorithmError/invalidArgument(name:value:expected:)`` naming the bond length
  ///   when it is not a positive finite number;
  ///   ``AlgorithmError/notConverged(method:iterations:residual:tolerance:)`` if the
  ///   self-consistent field does not settle.
  public init(bondLength: Double) throws(AlgorithmError) {
    let bohr = bondLength * Self.bohrPerAngstrom
    guard bondLength > 0, bohr.isFinite else {
      throw .invalidArgument(name: "bond length", value: "\(bondLength) Å", expected: "a positive finite distance in ångström")
    }
    let nuclei = [
      Nucleus(charge: 1, position: SIMD3(0, 0, 0)),
      Nucleus(charge: 1, position: SIMD3(0, 0, bohr)),
    ]
    let integrals = MolecularIntegrals(
      basis: nuclei.map { ContractedGaussian.sto3GHydrogen(center: $0.position) }, nuclei: nuclei)
    let hartreeFock = try RestrictedHartreeFock(integrals: integrals, electrons: 2)
    let hamiltonian = OrbitalHamiltonian(integrals: integrals, coefficients: hartreeFock.coefficients)
    self.bondLength = bondLength
    nuclearRepulsion = integrals.nuclearRepulsion
    hartreeFockEnergy = hartreeFock.totalEnergy
    orbitalEnergies = hartreeFock.orbitalEnergies
    qubitHamiltonian = try JordanWigner.transform(hamiltonian.fermionOperator)
  }

  /// The full configuration interaction (exact) ground-state energy in the basis, in hartree: the
  /// lowest eigenvalue of ``qubitHamiltonian`` among the 6 two-electron basis states.
  ///
  /// - Complexity: a 6 × 6 Jacobi diagonalisation.
  /// - Throws: ``AlgorithmError/notConverged(method:iterations:residual:tolerance:)`` from the
  ///   eigen-solver (not expected for finite coefficients).
  public func fullConfigurationInteractionEnergy() throws(AlgorithmError) -> Double {
    try ExactDiagonalization(qubitHamiltonian, qubits: Self.qubitCount).groundState(particleNumber: 2).energy
  }

  /// The double-excitation ansatz on 4 qubits: |ψ(θ)⟩ = cos θ |0011⟩ + sin θ |1100⟩.
  ///
  /// The circuit prepares the Hartree–Fock state with X on qubits 0 and 1, then applies
  /// exp(θ (T − T†)) = exp(−iθG) with T = a†₂ a†₃ a₁ a₀ and G = i(T − T†). The Jordan–Wigner image
  /// of G is a sum of 8 commuting Pauli strings with X or Y on all four qubits (an odd number of
  /// Y's), each weighted ±1/8; each factor exp(−iθ c P) is a basis change (H for X, RX(π/2) for Y),
  /// a CNOT ladder, RZ(2cθ) = RZ(±θ/4) on qubit 3, and the ladder and basis change undone. With
  /// the Jordan–Wigner ordering |n⟩ = (a†₀)^{n₀}⋯(a†₃)^{n₃}|vacuum⟩, T|0011⟩ = +|1100⟩, which
  /// fixes the sign of sin θ.
  ///
  /// - Parameter parameter: the angle θ in radians (a symbol such as `Parameter("theta")`, or an
  ///   expression or number).
  /// - Complexity: 8 × (6 CNOTs + 1 RZ + 8 basis-change gates) + 2 X gates.
  /// - Throws: ``AlgorithmError/circuit(_:)`` if the circuit cannot be formed (not expected).
  public static func doubleExcitationAnsatz(parameter: Parameter) throws(AlgorithmError) -> Circuit {
    var excitation = FermionOperator()
    excitation.add(.one, [.creation(2), .creation(3), .annihilation(1), .annihilation(0)])
    let generator = Complex(0, 1) * (excitation + Complex(-1) * excitation.adjoint)
    let terms = try JordanWigner.transform(generator).terms
    do {
      var circuit = try Circuit(qubits: qubitCount)
      try circuit.append(X(0))
      try circuit.append(X(1))
      for term in terms {
        try circuit.append(contentsOf: pauliExponential(term.pauli, angle: parameter * (2 * term.coefficient)))
      }
      return circuit
    } catch {
      throw .circuit(error)
    }
  }

  /// exp(−i (angle/2) P) for a Pauli string P: rotate each factor to Z, collect the parity on the
  /// highest qubit with a CNOT ladder, RZ(angle) there, and undo.
  static func pauliExponential(_ pauli: PauliString, angle: Parameter) -> [Operation] {
    let qubits = pauli.qubits
    guard let last = qubits.last else { return [] }
    var toZ: [Operation] = [], fromZ: [Operation] = []
    for qubit in qubits {
      switch pauli[qubit] {
      case .x:
        toZ.append(H(qubit).operation)
        fromZ.append(H(qubit).operation)
      case .y:
        // RX(π/2) Y RX(π/2)† = Z.
        toZ.append(RX(Double.pi / 2, qubit).operation)
        fromZ.append(RX(-Double.pi / 2, qubit).operation)
      case .z, .i:
        break
      }
    }
    let ladder = zip(qubits, qubits.dropFirst()).map { CX($0, $1).operation }
    return toZ + ladder + [RZ(angle, last).operation] + ladder.reversed() + fromZ
  }
}
