/// A fixed point nucleus in the Born–Oppenheimer approximation: its charge and position in bohr.
struct Nucleus: Sendable {
  /// The charge Z in units of the elementary charge.
  var charge: Double
  /// The position, in bohr.
  var position: SIMD3<Double>
}
