/// The continued-fraction expansion of a non-negative rational p/q, in exact integer arithmetic.
///
/// p/q = a₀ + 1/(a₁ + 1/(a₂ + …)). Its convergents hₖ/kₖ are the best rational approximations
/// with small denominators; Shor's algorithm reads the order r as the denominator of a
/// convergent of y/2^(2n) (Nielsen & Chuang, Theorem 5.1).
///
/// ```swift
/// let expansion = try ContinuedFraction(numerator: 5, denominator: 8)
/// expansion.terms          // [0, 1, 1, 1, 2]
/// expansion.convergents    // 0/1, 1/1, 1/2, 2/3, 5/8
/// ```
public struct ContinuedFraction: Sendable, Hashable {
  /// One convergent hₖ/kₖ, in lowest terms.
  public struct Convergent: Sendable, Hashable, CustomStringConvertible {
    /// hₖ.
    public let numerator: Int
    /// kₖ, at least 1.
    public let denominator: Int

    /// `numerator/denominator`.
    public var description: String { "\(numerator)/\(denominator)" }
  }

  /// The terms a₀, a₁, …, from Euclid's algorithm; the last is at least 2 unless there is only one.
  public let terms: [Int]

  /// The expansion of `numerator`/`denominator`.
  ///
  /// - Complexity: O(log denominator) integer divisions.
  /// - Throws: ``AlgorithmError/invalidArgument(name:value:expected:)`` for a negative numerator or a
  ///   denominator below 1.
  public init(numerator: Int, denominator: Int) throws(AlgorithmError) {
    guard numerator >= 0 else {
      throw .invalidArgument(name: "the numerator", value: "\(numerator)", expected: "0 or more")
    }
    guard denominator >= 1 else {
      throw .invalidArgument(name: "the denominator", value: "\(denominator)", expected: "1 or more")
    }
    var terms: [Int] = []
    var (p, q) = (numerator, denominator)
    while q != 0 {
      terms.append(p / q)
      (p, q) = (q, p % q)
    }
    self.terms = terms
  }

  /// The convergents h₀/k₀, h₁/k₁, …; the last equals the expanded fraction in lowest terms.
  ///
  /// hₖ = aₖhₖ₋₁ + hₖ₋₂ and kₖ = aₖkₖ₋₁ + kₖ₋₂ with h₋₁ = 1, h₋₂ = 0, k₋₁ = 0, k₋₂ = 1; each is at most
  /// the fraction's own numerator or denominator, so nothing overflows.
  public var convergents: [Convergent] {
    var (previousNumerator, numerator) = (0, 1)
    var (previousDenominator, denominator) = (1, 0)
    return terms.map { term in
      (previousNumerator, numerator) = (numerator, term * numerator + previousNumerator)
      (previousDenominator, denominator) = (denominator, term * denominator + previousDenominator)
      return Convergent(numerator: numerator, denominator: denominator)
    }
  }
}
