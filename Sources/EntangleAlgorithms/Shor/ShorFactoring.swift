import EntangleSimulation

/// Shor's algorithm for a small odd composite N that is not a prime power: the classical reduction of
/// factoring to order finding, with the order found by ``OrderFinding`` on a simulated state.
///
/// Each round chooses a base a in 2...N−2 (at random from the seed, or the one given). If
/// gcd(a, N) > 1 that gcd is a factor already. Otherwise one counting-register value x is sampled
/// from the order-finding distribution (one simulation per base, reused for later samples), the
/// convergent denominators of x/2^(2n) (and their least common multiples with earlier candidates for
/// the same base) are checked for a^r ≡ 1 (mod N), and an even order r with a^(r/2) ≢ −1 gives the
/// factors gcd(a^(r/2) ± 1, N) (Nielsen & Chuang, §5.3.2).
///
/// ```swift
/// let result = try ShorFactoring(number: 15).factor(seed: 1)
/// result.factors   // [3, 5]
/// ```
public struct ShorFactoring: Sendable, Hashable {
  /// The number to factor, N.
  public let number: Int

  /// Shor's algorithm for `number`.
  ///
  /// - Throws: ``AlgorithmError/unsupportedNumber(_:reason:)`` unless N is odd, composite, not a prime
  ///   power, and at most 2^7 − 1 (n = ⌈log₂ N⌉ ≤ 7 work qubits, 3n qubits simulated).
  public init(number: Int) throws(AlgorithmError) {
    let largest = (1 << OrderFinding.maximumWorkQubits) - 1
    guard number >= 15 else {
      throw .unsupportedNumber(number, reason: "the smallest odd composite that is not a prime power is 15")
    }
    guard number <= largest else {
      throw .unsupportedNumber(
        number,
        reason: "it needs more than \(OrderFinding.maximumWorkQubits) work qubits (N ≤ \(largest)), "
          + "and 3n qubits are simulated")
    }
    guard number % 2 == 1 else {
      throw .unsupportedNumber(number, reason: "it is even, so 2 is a factor; no quantum step is needed")
    }
    let prime = (3...number).first { number % $0 == 0 } ?? number
    guard prime != number else { throw .unsupportedNumber(number, reason: "it is prime") }
    var rest = number
    while rest % prime == 0 { rest /= prime }
    guard rest != 1 else {
      throw .unsupportedNumber(
        number, reason: "it is a power of the prime \(prime), which a classical root test finds; "
          + "order finding needs two distinct prime factors")
    }
    self.number = number
  }

  /// The number of work qubits n = ⌈log₂ N⌉; a run simulates 3n qubits.
  public var workQubits: Int { Int.bitWidth - (number - 1).leadingZeroBitCount }

  /// Finds two non-trivial factors of N.
  ///
  /// - Parameters:
  ///   - base: the base a to use throughout; chosen at random for each round when `nil`.
  ///   - seed: the seed of the base choices and of the measurement samples.
  ///   - maximumAttempts: the most order-finding runs (sampled measurements) before giving up.
  /// - Complexity: one 3n-qubit simulation per base tried, plus O(n³) classical work per sample.
  /// - Throws: ``AlgorithmError/invalidArgument(name:value:expected:)`` for a base outside 2...N−2 or a
  ///   `maximumAttempts` below 1; ``AlgorithmError/unsuitableBase(base:number:order:)`` when the given
  ///   base's order yields no factor; ``AlgorithmError/factoringFailed(number:attempts:)`` when the
  ///   attempts run out; ``AlgorithmError/simulation(_:)`` when the state does not fit in memory.
  public func factor(base: Int? = nil, seed: UInt64 = 0, maximumAttempts: Int = 20) throws(AlgorithmError)
    -> ShorResult
  {
    let n = number
    if let base, !(2...(n - 2)).contains(base) {
      throw .invalidArgument(name: "the base", value: "\(base)", expected: "in 2...\(n - 2)")
    }
    guard maximumAttempts >= 1 else {
      throw .invalidArgument(name: "the maximum number of attempts", value: "\(maximumAttempts)", expected: "1 or more")
    }
    var generator = SeededRandomNumberGenerator(seed: seed)
    var attempts = 0
    var measurements: [Int] = []
    while attempts < maximumAttempts {
      let a = base ?? Int.random(in: 2...(n - 2), using: &generator)
      let common = ModularArithmetic.gcd(a, n)
      if common > 1 {
        return ShorResult(
          number: n, factors: [common, n / common].sorted(), base: a, order: nil, attempts: attempts,
          measurements: measurements)
      }
      let finder = try OrderFinding(base: a, modulus: n)
      let sampler = CumulativeDistribution(try finder.distribution())
      // A random base gets a few samples before another is tried; a given base keeps its samples coming.
      let samplesForBase = base == nil ? Self.samplesPerRandomBase : maximumAttempts
      var candidates: Set<Int> = []
      var order: Int?
      for _ in 0..<samplesForBase where attempts < maximumAttempts && order == nil {
        attempts += 1
        let measured = sampler.sample(using: &generator)
        measurements.append(measured)
        let fresh = try finder.orderCandidates(fromMeasurement: measured)
        let combined = fresh + candidates.flatMap { old in fresh.map { ModularArithmetic.lcm(old, $0) } }
        candidates.formUnion(fresh)
        order = combined.filter { $0 < n && ModularArithmetic.power(a, $0, modulus: n) == 1 }.min()
      }
      guard let r = order else { continue }
      // r is a multiple of the true order; the true order is its smallest divisor d with a^d ≡ 1.
      let trueOrder = (1...r).first { r % $0 == 0 && ModularArithmetic.power(a, $0, modulus: n) == 1 } ?? r
      let half = trueOrder % 2 == 0 ? ModularArithmetic.power(a, trueOrder / 2, modulus: n) : n - 1
      if half != n - 1 {
        let p = ModularArithmetic.gcd(half - 1, n)
        let q = ModularArithmetic.gcd(half + 1, n)
        if let factor = [p, q].first(where: { $0 > 1 && $0 < n }) {
          return ShorResult(
            number: n, factors: [factor, n / factor].sorted(), base: a, order: trueOrder, attempts: attempts,
            measurements: measurements)
        }
      }
      if base != nil { throw .unsuitableBase(base: a, number: n, order: trueOrder) }
    }
    throw .factoringFailed(number: n, attempts: attempts)
  }

  /// How many measurements a randomly chosen base gets before another base is drawn.
  static let samplesPerRandomBase = 4
}
