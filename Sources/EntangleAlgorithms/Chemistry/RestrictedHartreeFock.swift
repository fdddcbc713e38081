import RealModule

/// A closed-shell (restricted) Hartree–Fock solution: molecular orbitals and energies.
///
/// Roothaan–Hall self-consistent field with symmetric (Löwdin) orthogonalisation X = S^(−1/2),
/// started from the core-Hamiltonian guess (P = 0), following the procedure of Szabo & Ostlund,
/// *Modern Quantum Chemistry*, §3.4.6. The loop ends when the root-mean-square change of the
/// density matrix between iterations falls below `tolerance`.
struct RestrictedHartreeFock: Sendable {
  /// The molecular-orbital coefficients: `coefficients[μ][p]` is basis function μ's weight in orbital p.
  let coefficients: [[Double]]
  /// The orbital energies ε_p in hartree, ascending.
  let orbitalEnergies: [Double]
  /// The density matrix P_μν = 2 Σ_{occupied a} C_μa C_νa.
  let density: [[Double]]
  /// The electronic energy ½ Σ P_μν (H_μν + F_μν), in hartree.
  let electronicEnergy: Double
  /// The electronic energy plus the nuclear repulsion, in hartree.
  let totalEnergy: Double
  /// The number of Fock matrices diagonalised.
  let iterations: Int

  /// Runs the SCF for `electrons` electrons (an even number) in the basis of `integrals`.
  ///
  /// - Complexity: O(N⁴) per iteration for N basis functions.
  /// - Throws: ``AlgorithmError/invalidArgument(name:value:expected:)`` for an odd, negative or too
  ///   large electron count or a singular overlap matrix;
  ///   ``AlgorithmError/notConverged(method:iterations:residual:tolerance:)`` when the density has
  ///   not settled after `maximumIterations`.
  init(integrals: MolecularIntegrals, electrons: Int, tolerance: Double = 1e-10, maximumIterations: Int = 128)
    throws(AlgorithmError)
  {
    let n = integrals.basisCount
    guard electrons >= 0, electrons % 2 == 0, electrons <= 2 * n else {
      throw .invalidArgument(
        name: "electron count", value: "\(electrons)", expected: "even, between 0 and \(2 * n) for \(n) basis functions")
    }
    let occupied = electrons / 2
    let core = integrals.coreHamiltonian
    let orthogonalizer = try Self.inverseSquareRoot(integrals.overlap)

    func fock(_ density: [[Double]]) -> [[Double]] {
      // Szabo & Ostlund eq. 3.154: G_μν = Σ_λσ P_λσ [(μν|σλ) − ½ (μλ|σν)].
      var result = core
      for mu in 0..<n {
        for nu in 0..<n {
          var g = 0.0
          for lambda in 0..<n {
            for sigma in 0..<n {
              let coulomb = integrals.repulsion(mu, nu, sigma, lambda)
              let exchange = integrals.repulsion(mu, lambda, sigma, nu)
              g += density[lambda][sigma] * (coulomb - 0.5 * exchange)
            }
          }
          result[mu][nu] += g
        }
      }
      return result
    }
    func energy(_ density: [[Double]], _ fock: [[Double]]) -> Double {
      var sum = 0.0
      for mu in 0..<n { for nu in 0..<n { sum += density[mu][nu] * (core[mu][nu] + fock[mu][nu]) } }
      return 0.5 * sum
    }

    var density = Array(repeating: Array(repeating: 0.0, count: n), count: n)
    var iteration = 0
    var change = Double.infinity
    var orbitals: (energies: [Double], coefficients: [[Double]]) = ([], [])
    while change >= tolerance {
      guard iteration < maximumIterations else {
        throw .notConverged(method: "Restricted Hartree–Fock", iterations: iteration, residual: change, tolerance: tolerance)
      }
      iteration += 1
      // F' = Xᵀ F X is diagonalised; C = X C' (Szabo & Ostlund eqs. 3.177–3.178).
      let transformed = Self.product(Self.transpose(orthogonalizer), Self.product(fock(density), orthogonalizer))
      let (energies, vectors) = try HermitianMatrix(realRows: transformed, tolerance: 1e-9).eigenDecomposition()
      let primed = (0..<n).map { row in (0..<n).map { column in vectors[column][row].real } }
      orbitals = (energies, Self.product(orthogonalizer, primed))
      var next = density
      for mu in 0..<n {
        for nu in 0..<n {
          next[mu][nu] = 2 * (0..<occupied).reduce(0) { $0 + orbitals.coefficients[mu][$1] * orbitals.coefficients[nu][$1] }
        }
      }
      var squares = 0.0
      for mu in 0..<n { for nu in 0..<n { squares += (next[mu][nu] - density[mu][nu]) * (next[mu][nu] - density[mu][nu]) } }
      change = n == 0 ? 0 : (squares / Double(n * n)).squareRoot()
      density = next
    }
    coefficients = orbitals.coefficients
    orbitalEnergies = orbitals.energies
    self.density = density
    electronicEnergy = energy(density, fock(density))
    totalEnergy = electronicEnergy + integrals.nuclearRepulsion
    iterations = iteration
  }

  /// S^(−1/2) = U s^(−1/2) Uᵀ for the symmetric positive-definite overlap S = U s Uᵀ.
  static func inverseSquareRoot(_ overlap: [[Double]]) throws(AlgorithmError) -> [[Double]] {
    let n = overlap.count
    let (values, vectors) = try HermitianMatrix(realRows: overlap, tolerance: 1e-9).eigenDecomposition()
    if let smallest = values.first, smallest <= 1e-10 {
      throw .invalidArgument(
        name: "smallest overlap eigenvalue", value: "\(smallest)", expected: "positive (the basis functions are linearly dependent)")
    }
    var result = Array(repeating: Array(repeating: 0.0, count: n), count: n)
    for (value, vector) in zip(values, vectors) {
      let scale = 1 / value.squareRoot()
      for row in 0..<n { for column in 0..<n { result[row][column] += scale * vector[row].real * vector[column].real } }
    }
    return result
  }

  static func product(_ left: [[Double]], _ right: [[Double]]) -> [[Double]] {
    let inner = right.count, columns = right.first?.count ?? 0
    return left.map { row in (0..<columns).map { column in (0..<inner).reduce(0) { $0 + row[$1] * right[$1][column] } } }
  }

  static func transpose(_ matrix: [[Double]]) -> [[Double]] {
    let columns = matrix.first?.count ?? 0
    return (0..<columns).map { column in matrix.map { $0[column] } }
  }
}
