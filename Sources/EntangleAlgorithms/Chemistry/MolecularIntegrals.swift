import RealModule

/// The one- and two-electron integrals of a molecule over contracted s-type Gaussians, in hartree.
///
/// The primitive formulas are those of Szabo & Ostlund, *Modern Quantum Chemistry*, Appendix A
/// (eqs. A.9, A.11, A.33 and A.41), summed over the contractions. Two-electron integrals use the
/// chemists' notation (μν|λσ) = ∫∫ φμ(1) φν(1) r₁₂⁻¹ φλ(2) φσ(2).
struct MolecularIntegrals: Sendable {
  /// The number of basis functions N.
  let basisCount: Int
  /// The overlap matrix S, N × N.
  let overlap: [[Double]]
  /// The kinetic-energy matrix T, N × N.
  let kinetic: [[Double]]
  /// The nuclear-attraction matrix V summed over all nuclei, N × N.
  let nuclearAttraction: [[Double]]
  /// The electron repulsion integrals (μν|λσ), flattened; read them with ``repulsion(_:_:_:_:)``.
  let electronRepulsion: [Double]
  /// The repulsion between the nuclei, Σ_{A<B} Z_A Z_B / R_AB.
  let nuclearRepulsion: Double

  /// The core Hamiltonian H = T + V.
  var coreHamiltonian: [[Double]] {
    zip(kinetic, nuclearAttraction).map { zip($0, $1).map(+) }
  }

  /// (μν|λσ) in chemists' notation.
  func repulsion(_ mu: Int, _ nu: Int, _ lambda: Int, _ sigma: Int) -> Double {
    electronRepulsion[((mu * basisCount + nu) * basisCount + lambda) * basisCount + sigma]
  }

  /// All integrals of `basis` in the field of `nuclei`.
  ///
  /// - Complexity: O(N⁴ K⁴) for N functions of K primitives (no permutational symmetry is used;
  ///   the basis sets here are small).
  init(basis: [ContractedGaussian], nuclei: [Nucleus]) {
    let count = basis.count
    basisCount = count
    var overlap = Array(repeating: Array(repeating: 0.0, count: count), count: count)
    var kinetic = overlap
    var attraction = overlap
    for row in 0..<count {
      for column in 0..<count {
        for (alpha, da) in basis[row].primitives {
          for (beta, db) in basis[column].primitives {
            let a = basis[row].center, b = basis[column].center
            let weight = da * db
            overlap[row][column] += weight * Self.primitiveOverlap(alpha, a, beta, b)
            kinetic[row][column] += weight * Self.primitiveKinetic(alpha, a, beta, b)
            for nucleus in nuclei {
              attraction[row][column] += weight * Self.primitiveAttraction(alpha, a, beta, b, nucleus)
            }
          }
        }
      }
    }
    var repulsion = Array(repeating: 0.0, count: count * count * count * count)
    for mu in 0..<count {
      for nu in 0..<count {
        for lambda in 0..<count {
          for sigma in 0..<count {
            var sum = 0.0
            for (alpha, da) in basis[mu].primitives {
              for (beta, db) in basis[nu].primitives {
                for (gamma, dc) in basis[lambda].primitives {
                  for (delta, dd) in basis[sigma].primitives {
                    sum += da * db * dc * dd * Self.primitiveRepulsion(
                      alpha, basis[mu].center, beta, basis[nu].center,
                      gamma, basis[lambda].center, delta, basis[sigma].center)
                  }
                }
              }
            }
            repulsion[((mu * count + nu) * count + lambda) * count + sigma] = sum
          }
        }
      }
    }
    var nuclearRepulsion = 0.0
    for first in nuclei.indices {
      for second in nuclei.indices where second > first {
        let distance = Self.length(nuclei[first].position - nuclei[second].position)
        nuclearRepulsion += nuclei[first].charge * nuclei[second].charge / distance
      }
    }
    self.overlap = overlap
    self.kinetic = kinetic
    nuclearAttraction = attraction
    electronRepulsion = repulsion
    self.nuclearRepulsion = nuclearRepulsion
  }

  // MARK: - Primitive integrals over unnormalised s Gaussians (Szabo & Ostlund, Appendix A)

  /// Eq. A.9: (A|B) = (π/(α+β))^(3/2) exp(−αβ/(α+β) |A−B|²).
  static func primitiveOverlap(_ alpha: Double, _ a: SIMD3<Double>, _ beta: Double, _ b: SIMD3<Double>) -> Double {
    let p = alpha + beta
    return Double.pow(.pi / p, 1.5) * Double.exp(-alpha * beta / p * lengthSquared(a - b))
  }

  /// Eq. A.11: (A|−½∇²|B) = αβ/(α+β) [3 − 2αβ/(α+β) |A−B|²] (π/(α+β))^(3/2) exp(−αβ/(α+β) |A−B|²).
  static func primitiveKinetic(_ alpha: Double, _ a: SIMD3<Double>, _ beta: Double, _ b: SIMD3<Double>) -> Double {
    let reduced = alpha * beta / (alpha + beta)
    let distanceSquared = lengthSquared(a - b)
    return reduced * (3 - 2 * reduced * distanceSquared) * primitiveOverlap(alpha, a, beta, b)
  }

  /// Eq. A.33: (A|−Z/r_C|B) = −2π/(α+β) Z exp(−αβ/(α+β) |A−B|²) F₀((α+β) |P−C|²), P = (αA+βB)/(α+β).
  static func primitiveAttraction(
    _ alpha: Double, _ a: SIMD3<Double>, _ beta: Double, _ b: SIMD3<Double>, _ nucleus: Nucleus
  ) -> Double {
    let p = alpha + beta
    let center = (alpha * a + beta * b) / p
    let prefactor = -2 * .pi / p * nucleus.charge * Double.exp(-alpha * beta / p * lengthSquared(a - b))
    return prefactor * boys(p * lengthSquared(center - nucleus.position))
  }

  /// Eq. A.41: (AB|CD) = 2π^(5/2) / [(α+β)(γ+δ)(α+β+γ+δ)^(1/2)]
  ///   × exp(−αβ/(α+β)|A−B|² − γδ/(γ+δ)|C−D|²) F₀((α+β)(γ+δ)/(α+β+γ+δ) |P−Q|²).
  static func primitiveRepulsion(
    _ alpha: Double, _ a: SIMD3<Double>, _ beta: Double, _ b: SIMD3<Double>,
    _ gamma: Double, _ c: SIMD3<Double>, _ delta: Double, _ d: SIMD3<Double>
  ) -> Double {
    let p = alpha + beta, q = gamma + delta
    let centerP = (alpha * a + beta * b) / p
    let centerQ = (gamma * c + delta * d) / q
    let prefactor = 2 * Double.pow(.pi, 2.5) / (p * q * (p + q).squareRoot())
    let decay = Double.exp(-alpha * beta / p * lengthSquared(a - b) - gamma * delta / q * lengthSquared(c - d))
    return prefactor * decay * boys(p * q / (p + q) * lengthSquared(centerP - centerQ))
  }

  /// The Boys function of order zero, F₀(t) = ∫₀¹ exp(−t s²) ds = ½ √(π/t) erf(√t) (Szabo & Ostlund, eq. A.32).
  ///
  /// Below t = 10⁻⁶ the closed form loses digits to cancellation, so the Taylor series
  /// F₀(t) = Σₖ (−t)ᵏ / (k! (2k+1)) = 1 − t/3 + t²/10 − … is used instead (its third term is below 10⁻¹³).
  static func boys(_ t: Double) -> Double {
    if t < 1e-6 { return 1 - t / 3 + t * t / 10 }
    let root = t.squareRoot()
    return 0.5 * (Double.pi / t).squareRoot() * Double.erf(root)
  }

  static func lengthSquared(_ vector: SIMD3<Double>) -> Double { (vector * vector).sum() }

  static func length(_ vector: SIMD3<Double>) -> Double { lengthSquared(vector).squareRoot() }
}
