/// A function of real parameters to minimise, with its gradient when one is available.
///
/// The closures are synchronous and may throw: a variational algorithm runs its circuits inside
/// them, and an error they throw ends the optimisation and reaches the caller unchanged.
public struct Objective: Sendable {
  /// The number of parameters.
  public let dimension: Int
  /// f(x).
  public let value: @Sendable ([Double]) throws -> Double
  /// f(x) and ∇f(x) together, when the objective has a gradient.
  public let valueAndGradient: (@Sendable ([Double]) throws -> (value: Double, gradient: [Double]))?

  /// An objective without a gradient, for ``NelderMead`` and ``SPSA``.
  public init(dimension: Int, value: @escaping @Sendable ([Double]) throws -> Double) {
    self.dimension = dimension
    self.value = value
    valueAndGradient = nil
  }

  /// An objective with a gradient, for every optimizer.
  ///
  /// `gradient` returns the value with the gradient, since both usually come from one computation
  /// (an adjoint sweep, or the parameter-shift rule, which also needs the value's circuit).
  public init(
    dimension: Int,
    value: @escaping @Sendable ([Double]) throws -> Double,
    gradient: @escaping @Sendable ([Double]) throws -> (value: Double, gradient: [Double])
  ) {
    self.dimension = dimension
    self.value = value
    valueAndGradient = gradient
  }

  /// Whether the objective supplies a gradient.
  public var hasGradient: Bool { valueAndGradient != nil }
}
