/// The factors ``ShorFactoring`` found and how it found them.
public struct ShorResult: Sendable, Hashable {
  /// The number factored, N.
  public let number: Int
  /// Two non-trivial factors p ≤ q with p·q = N.
  public let factors: [Int]
  /// The base a that gave the factors.
  public let base: Int
  /// The order r of a modulo N found by order finding, or `nil` when gcd(a, N) > 1 gave a factor
  /// before any quantum step.
  public let order: Int?
  /// The number of order-finding runs (each one sampled measurement of the counting register).
  public let attempts: Int
  /// The counting-register values measured, in order, across all bases tried.
  public let measurements: [Int]
}
