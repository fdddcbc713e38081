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
}
