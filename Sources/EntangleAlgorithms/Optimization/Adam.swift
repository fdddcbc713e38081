/// Adam: gradient descent with per-coordinate steps scaled by running moments of the gradient
/// (Kingma & Ba, "Adam: A method for stochastic optimization", ICLR 2015, Algorithm 1).
///
/// Iteration t: m ← β₁m + (1 − β₁)g, v ← β₂v + (1 − β₂)g², m̂ = m/(1 − β₁ᵗ), v̂ = v/(1 − β₂ᵗ),
/// x ← x − α m̂/(√v̂ + ε). Each coordinate moves by about α per iteration whatever the gradient's
/// scale, which suits noisy gradients (shot-based parameter shifts); on a smooth objective it
/// converges more slowly than ``LBFGS``.
///
/// Convergence tests: gradient norm at x, step length, change of f (from ``StoppingCriteria``).
/// Progress reports the point whose gradient was taken and its value.
/// - Complexity: one gradient evaluation per iteration.
public struct Adam: Optimizer {
  /// The step size α; positive.
  public var learningRate: Double
  /// The decay β₁ of the first moment, in [0, 1).
  public var beta1: Double
  /// The decay β₂ of the second moment, in [0, 1).
  public var beta2: Double
  /// The ε that keeps the step finite when v̂ = 0; positive.
  public var epsilon: Double
  /// When a run ends.
  public var stopping: StoppingCriteria

  /// A configured optimizer; the defaults are the paper's.
  public init(
    learningRate: Double = 0.001, beta1: Double = 0.9, beta2: Double = 0.999, epsilon: Double = 1e-8,
    stopping: StoppingCriteria = StoppingCriteria()
  ) {
    self.learningRate = learningRate
    self.beta1 = beta1
    self.beta2 = beta2
    self.epsilon = epsilon
    self.stopping = stopping
  }

  public func minimize(
    _ objective: Objective, from start: [Double], observer: ((OptimizationProgress) -> OptimizationDecision)?
  ) throws -> OptimizationResult {
    try AlgorithmError.requirePositive(learningRate, name: "learningRate")
    try AlgorithmError.requireFraction(beta1, name: "beta1")
    try AlgorithmError.requireFraction(beta2, name: "beta2")
    try AlgorithmError.requirePositive(epsilon, name: "epsilon")
    var run = try OptimizationRun(
      optimizer: "Adam", objective: objective, start: start, stopping: stopping, needsGradient: true,
      observer: observer)
    var point = start
    var firstMoment = [Double](repeating: 0, count: start.count)
    var secondMoment = firstMoment
    var previousValue: Double?
    var beta1Power = 1.0, beta2Power = 1.0
    while true {
      let (value, gradient) = try run.valueAndGradient(at: point)
      beta1Power *= beta1
      beta2Power *= beta2
      var step = [Double](repeating: 0, count: point.count)
      for i in point.indices {
        firstMoment[i] = beta1 * firstMoment[i] + (1 - beta1) * gradient[i]
        secondMoment[i] = beta2 * secondMoment[i] + (1 - beta2) * gradient[i] * gradient[i]
        let corrected1 = firstMoment[i] / (1 - beta1Power)
        let corrected2 = secondMoment[i] / (1 - beta2Power)
        step[i] = -learningRate * corrected1 / (corrected2.squareRoot() + epsilon)
      }
      let evaluated = point
      point = point.adding(step)
      let gradientNorm = gradient.norm
      let converged = run.convergence(
        previousValue: previousValue, value: value, gradientNorm: gradientNorm, stepLength: step.norm)
      if let reason = run.finishIteration(
        value: value, gradientNorm: gradientNorm, point: evaluated, converged: converged)
      {
        return run.result(reason)
      }
      previousValue = value
    }
  }
}
