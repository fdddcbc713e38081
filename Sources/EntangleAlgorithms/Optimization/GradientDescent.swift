/// Gradient descent with momentum (heavy ball), optionally Nesterov's accelerated form.
///
/// Each iteration evaluates the gradient at one point y and updates the velocity and the iterate:
/// v ← μv − η∇f(y), x ← x + v, where y = x for the classical form and y = x + μv (the look-ahead
/// point) for Nesterov's (Sutskever, Martens, Dahl & Hinton, "On the importance of initialization
/// and momentum in deep learning", ICML 2013, eq. 3–4). μ = 0 is plain gradient descent.
///
/// Convergence tests: gradient norm at y, length of the step |v|, change of f between iterations
/// (all three from ``StoppingCriteria``). Progress reports y and f(y).
/// - Complexity: one gradient evaluation per iteration.
public struct GradientDescent: Optimizer {
  /// The step size η; positive. Stable for a quadratic when η·λ_max < 2(1 + μ).
  public var learningRate: Double
  /// The momentum μ in [0, 1).
  public var momentum: Double
  /// Whether to evaluate the gradient at the look-ahead point x + μv (Nesterov).
  public var nesterov: Bool
  /// When a run ends.
  public var stopping: StoppingCriteria

  /// A configured optimizer.
  public init(
    learningRate: Double = 0.01, momentum: Double = 0.9, nesterov: Bool = false,
    stopping: StoppingCriteria = StoppingCriteria()
  ) {
    self.learningRate = learningRate
    self.momentum = momentum
    self.nesterov = nesterov
    self.stopping = stopping
  }

  public func minimize(
    _ objective: Objective, from start: [Double], observer: ((OptimizationProgress) -> OptimizationDecision)?
  ) throws -> OptimizationResult {
    try AlgorithmError.requirePositive(learningRate, name: "learningRate")
    try AlgorithmError.requireFraction(momentum, name: "momentum")
    var run = try OptimizationRun(
      optimizer: "GradientDescent", objective: objective, start: start, stopping: stopping, needsGradient: true,
      observer: observer)
    var point = start
    var velocity = [Double](repeating: 0, count: start.count)
    var previousValue: Double?
    while true {
      let evaluated = nesterov ? point.adding(velocity, scaledBy: momentum) : point
      let (value, gradient) = try run.valueAndGradient(at: evaluated)
      velocity = velocity.scaled(by: momentum).adding(gradient, scaledBy: -learningRate)
      point = point.adding(velocity)
      let gradientNorm = gradient.norm
      let converged = run.convergence(
        previousValue: previousValue, value: value, gradientNorm: gradientNorm, stepLength: velocity.norm)
      if let reason = run.finishIteration(
        value: value, gradientNorm: gradientNorm, point: evaluated, converged: converged)
      {
        return run.result(reason)
      }
      previousValue = value
    }
  }
}
