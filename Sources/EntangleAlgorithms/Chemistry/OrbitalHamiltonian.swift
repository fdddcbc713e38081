import ComplexModule
import RealModule

/// The electronic Hamiltonian in an orthonormal basis of spatial molecular orbitals.
///
/// H = E_nuc + Σ_pq h_pq Σ_σ a†_pσ a_qσ + ½ Σ_pqrs (pr|qs) Σ_στ a†_pσ a†_qτ a_sτ a_rσ
/// (Szabo & Ostlund, *Modern Quantum Chemistry*, §2.4, with ⟨pq|rs⟩ = (pr|qs) for
/// real spatial orbitals). Spin orbitals use OpenFermion's interleaved order: mode 2p is orbital p
/// with spin up, mode 2p + 1 is orbital p with spin down.
struct OrbitalHamiltonian: Sendable {
  /// The number of spatial orbitals M (2M spin orbitals).
  let orbitalCount: Int
  /// The constant term (the nuclear repulsion), in hartree.
  let constant: Double
  /// h_pq = ⟨p|T + V|q⟩, M × M.
  let oneElectron: [[Double]]
  /// (pq|rs) in chemists' notation, flattened; read them with ``repulsion(_:_:_:_:)``.
  let twoElectron: [Double]

  /// (pq|rs) over molecular orbitals.
  func repulsion(_ p: Int, _ q: Int, _ r: Int, _ s: Int) -> Double {
    twoElectron[((p * orbitalCount + q) * orbitalCount + r) * orbitalCount + s]
  }

  /// The integrals of `integrals` transformed to the orbitals whose coefficients are the columns
  /// of `coefficients` (`coefficients[μ][p]`).
  ///
  /// h_pq = Σ_μν C_μp H_μν C_νq; (pq|rs) = Σ C_μp C_νq C_λr C_σs (μν|λσ), done as four quarter
  /// transformations.
  /// - Complexity: O(N⁵).
  init(integrals: MolecularIntegrals, coefficients: [[Double]]) {
    let n = integrals.basisCount
    let core = integrals.coreHamiltonian
    var one = Array(repeating: Array(repeating: 0.0, count: n), count: n)
    for p in 0..<n {
      for q in 0..<n {
        var sum = 0.0
        for mu in 0..<n { for nu in 0..<n { sum += coefficients[mu][p] * core[mu][nu] * coefficients[nu][q] } }
        one[p][q] = sum
      }
    }
    // Each quarter transformation replaces one basis index (the last one, after rotating the
    // index order) by an orbital index: T'[b, c, d, p] = Σ_μ T[μ, b, c, d] C_μp.
    var tensor = integrals.electronRepulsion
    for _ in 0..<4 {
      var next = Array(repeating: 0.0, count: tensor.count)
      for mu in 0..<n {
        for rest in 0..<(n * n * n) {
          let value = tensor[mu * n * n * n + rest]
          guard value != 0 else { continue }
          for p in 0..<n { next[rest * n + p] += value * coefficients[mu][p] }
        }
      }
      tensor = next
    }
    orbitalCount = n
    constant = integrals.nuclearRepulsion
    oneElectron = one
    twoElectron = tensor
  }

  /// The Hamiltonian in spin orbitals (interleaved order: mode 2p + σ, σ = 0 up, 1 down).
  var fermionOperator: FermionOperator {
    var result = FermionOperator()
    if constant != 0 { result.add(Complex(constant), []) }
    let spins = 0..<2
    for p in 0..<orbitalCount {
      for q in 0..<orbitalCount where oneElectron[p][q] != 0 {
        for spin in spins {
          result.add(Complex(oneElectron[p][q]), [.creation(2 * p + spin), .annihilation(2 * q + spin)])
        }
      }
    }
    for p in 0..<orbitalCount {
      for q in 0..<orbitalCount {
        for r in 0..<orbitalCount {
          for s in 0..<orbitalCount {
            let value = repulsion(p, r, q, s)
            guard value != 0 else { continue }
            for sigma in spins {
              for tau in spins {
                let i = 2 * p + sigma, j = 2 * q + tau, k = 2 * r + sigma, l = 2 * s + tau
                guard i != j, k != l else { continue }
                result.add(Complex(0.5 * value), [.creation(i), .creation(j), .annihilation(l), .annihilation(k)])
              }
            }
          }
        }
      }
    }
    return result
  }
}
