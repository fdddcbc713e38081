// Exact integer helpers for the classical parts of Shor's algorithm. Operands are below 2^7 here,
// so products stay far from overflow.
enum ModularArithmetic {
  /// The greatest common divisor of |a| and |b| (Euclid).
  static func gcd(_ a: Int, _ b: Int) -> Int {
    var (x, y) = (a.magnitude, b.magnitude)
    while y != 0 { (x, y) = (y, x % y) }
    return Int(x)
  }

  /// The least common multiple of two positive numbers.
  static func lcm(_ a: Int, _ b: Int) -> Int { a / gcd(a, b) * b }

  /// base^exponent mod modulus by repeated squaring, for a modulus below 2^31.
  static func power(_ base: Int, _ exponent: Int, modulus: Int) -> Int {
    var result = 1 % modulus
    var square = base % modulus
    var remaining = exponent
    while remaining > 0 {
      if remaining & 1 == 1 { result = result * square % modulus }
      square = square * square % modulus
      remaining >>= 1
    }
    return result
  }

  /// The smallest r ≥ 1 with base^r ≡ 1 (mod modulus), by trying r = 1, 2, …; nil when none is
  /// found below the modulus (base and modulus share a factor).
  static func order(of base: Int, modulus: Int) -> Int? {
    var value = base % modulus
    for r in 1..<max(modulus, 2) {
      if value == 1 { return r }
      value = value * base % modulus
    }
    return nil
  }
}
