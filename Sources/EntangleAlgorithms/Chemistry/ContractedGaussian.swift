import RealModule

/// A contracted s-type Gaussian basis function φ(r) = Σₖ dₖ Nₖ exp(−αₖ |r − A|²), positions in bohr.
///
/// Each primitive carries its own normalisation Nₖ = (2αₖ/π)^(3/4), so the contraction
/// coefficients dₖ are the tabulated ones (Szabo & Ostlund, *Modern Quantum Chemistry*, §3.6 and
/// Appendix A).
struct ContractedGaussian: Sendable {
  /// The centre A, in bohr.
  var center: SIMD3<Double>
  /// The primitive exponents αₖ, in bohr⁻².
  var exponents: [Double]
  /// The contraction coefficients dₖ multiplied by the primitive normalisations Nₖ.
  var normalizedCoefficients: [Double]

  init(center: SIMD3<Double>, exponents: [Double], coefficients: [Double]) {
    self.center = center
    self.exponents = exponents
    normalizedCoefficients = zip(exponents, coefficients).map { exponent, coefficient in
      coefficient * Double.pow(2 * exponent / .pi, 0.75)
    }
  }

  /// The primitives as (exponent, normalised coefficient) pairs.
  var primitives: Zip2Sequence<[Double], [Double]> { zip(exponents, normalizedCoefficients) }

  /// The STO-3G 1s function of hydrogen (Slater exponent ζ = 1.24) centred at `center` (bohr).
  ///
  /// Exponents and coefficients of Hehre, Stewart & Pople, J. Chem. Phys. 51, 2657 (1969), as used
  /// by Szabo & Ostlund §3.5.2 and tabulated by the Basis Set Exchange for STO-3G hydrogen.
  static func sto3GHydrogen(center: SIMD3<Double>) -> ContractedGaussian {
    ContractedGaussian(
      center: center,
      exponents: [3.42525091, 0.62391373, 0.16885540],
      coefficients: [0.15432897, 0.53532814, 0.44463454]
    )
  }
}
