import RealModule

/// A deterministic random number generator (SplitMix64) so that randomized tests repeat exactly.
///
/// SplitMix64 is Steele, Lea and Flood's generator ("Fast splittable pseudorandom number
/// generators", OOPSLA 2014), the seeding generator of xoshiro: tiny, full period 2^64,
/// and good enough for drawing test angles, states and circuits.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
  private var state: UInt64

  /// A generator whose output is fixed by `seed`.
  public init(seed: UInt64) { state = seed }

  /// The next 64 random bits.
  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A standard normal sample (Box–Muller), used for Haar-like random states and unitaries.
  public mutating func nextGaussian() -> Double {
    let u1 = Double.random(in: Double.ulpOfOne..<1, using: &self)
    let u2 = Double.random(in: 0..<1, using: &self)
    return (-2 * Double.log(u1)).squareRoot() * Double.cos(2 * .pi * u2)
  }
}
