import RealModule
import EntangleSimulation

/// Simultaneous perturbation stochastic approximation: a gradient estimate from two evaluations
/// along a random ±1 direction, whatever the dimension (Spall, "Implementation of the simultaneous
/// perturbation algorithm for stochastic optimization", IEEE Trans. Aerospace and Electronic
/// Systems 34, 1998).
///
/// Iteration k = 0, 1, …: draw Δ ∈ {−1, +1}ⁿ, evaluate f(x ± c_kΔ), estimate ĝᵢ = (f₊ − f₋)/(2c_kΔᵢ)
/// and step x ← x − a_k ĝ, with Spall's gain sequences a_k = a/(k + 1 + A)^0.602 and
/// c_k = c/(k + 1)^0.101. The objective may be noisy (shot-based estimates): SPSA needs no gradient
/// and tolerates noise, at the price of many iterations. Δ comes from a generator seeded with
/// ``seed``, so a run repeats exactly for a deterministic objective.
///
/// With ``Gain/calibrated(firstStep:samples:)`` the gain a is chosen, as Spall advises, so that the
/// first step has about the given length: from `samples` gradient estimates at the start point,
/// a = firstStep · (A + 1)^0.602 / mean |f₊ − f₋|/(2c) (2 · samples extra evaluations).
///
/// Convergence test: step length only (the value and gradient estimates are too noisy to test).
/// Progress reports the iterate before the step and (f₊ + f₋)/2, an estimate of its value. The
/// result is the final iterate and its value from one more evaluation, not the lowest value seen
/// (which noise would bias).
/// - Complexity: two evaluations per iteration, plus the calibration and one final evaluation.
public struct SPSA: Optimizer {
  /// How the gain a is chosen.
  public enum Gain: Hashable, Sendable {
    /// A fixed a; positive.
    case fixed(Double)
    /// a chosen so that the first step is about `firstStep` long, from `samples` gradient estimates.
    case calibrated(firstStep: Double, samples: Int)
  }

  /// The gain a of the step sizes a_k.
  public var gain: Gain
  /// The perturbation size c of c_k; positive. Spall suggests about the standard deviation of the noise.
  public var perturbation: Double
  /// The stability constant A of a_k, or `nil` for 10% of ``StoppingCriteria/maximumIterations`` (Spall's advice).
  public var stability: Double?
  /// The decay exponent α of a_k (0.602 in Spall's practice, 1 asymptotically optimal).
  public var alpha: Double
  /// The decay exponent γ of c_k (0.101 in Spall's practice, 1/6 asymptotically optimal).
  public var gamma: Double
  /// The seed of the generator of the perturbation directions.
  public var seed: UInt64
  /// When a run ends.
  public var stopping: StoppingCriteria

  /// A configured optimizer.
  public init(
    gain: Gain = .calibrated(firstStep: 0.2, samples: 25), perturbation: Double = 0.1, stability: Double? = nil,
    alpha: Double = 0.602, gamma: Double = 0.101, seed: UInt64 = 0, stopping: StoppingCriteria = StoppingCriteria()
  ) {
    self.gain = gain
    self.perturbation = perturbation
    self.stability = stability
    self.alpha = alpha
    self.gamma = gamma
    self.seed = seed
    self.stopping = stopping
  }

  public func minimize(
    _ objective: Objective, from start: [Double], observer: ((OptimizationProgress) -> OptimizationDecision)?
  ) throws -> OptimizationResult {
    try AlgorithmError.requirePositive(perturbation, name: "perturbation")
    let stability = self.stability ?? 0.1 * Double(stopping.maximumIterations)
    guard stability >= 0 && stability.isFinite else {
      throw AlgorithmError.invalidArgument(name: "stability", value: "\(stability)", expected: "non-negative and finite")
    }
    try AlgorithmError.requirePositive(alpha, name: "alpha")
    try AlgorithmError.requirePositive(gamma, name: "gamma")
    var run = try OptimizationRun(
      optimizer: "SPSA", objective: objective, start: start, stopping: stopping, needsGradient: false,
      observer: observer)
    var generator = SeededRandomNumberGenerator(seed: seed)
    var point = start

    /// (f₊, f₋, Δ) at `point` with perturbation size `size`.
    func perturbedValues(size: Double) throws -> (plus: Double, minus: Double, direction: [Double]) {
      let direction = point.map { _ in Bool.random(using: &generator) ? 1.0 : -1.0 }
      let plus = try run.value(at: point.adding(direction, scaledBy: size))
      let minus = try run.value(at: point.adding(direction, scaledBy: -size))
      return (plus, minus, direction)
    }

    let a: Double
    switch gain {
    case .fixed(let value):
      try AlgorithmError.requirePositive(value, name: "the SPSA gain a")
      a = value
    case let .calibrated(firstStep, samples):
      try AlgorithmError.requirePositive(firstStep, name: "firstStep")
      guard samples >= 1 else {
        throw AlgorithmError.invalidArgument(name: "calibration samples", value: "\(samples)", expected: "at least 1")
      }
      var magnitude = 0.0
      for _ in 0..<samples {
        let (plus, minus, _) = try perturbedValues(size: perturbation)
        magnitude += abs(plus - minus) / (2 * perturbation) / Double(samples)
      }
      let scale = Double.pow(stability + 1, alpha)
      a = magnitude > 0 ? firstStep * scale / magnitude : firstStep * scale
    }

    let reason: StopReason
    var k = 0.0
    while true {
      let stepGain = a / Double.pow(k + 1 + stability, alpha)
      let size = perturbation / Double.pow(k + 1, gamma)
      let (plus, minus, direction) = try perturbedValues(size: size)
      // ĝᵢ = (f₊ − f₋)/(2cΔᵢ) and 1/Δᵢ = Δᵢ for Δᵢ = ±1.
      let step = direction.scaled(by: -stepGain * (plus - minus) / (2 * size))
      let evaluated = point
      point = point.adding(step)
      let converged: ConvergenceCriterion? = step.norm <= stopping.stepTolerance ? .step : nil
      if let stop = run.finishIteration(
        value: (plus + minus) / 2, gradientNorm: nil, point: evaluated, converged: converged)
      {
        reason = stop
        break
      }
      k += 1
    }
    let value = try run.value(at: point)
    var result = run.result(reason)
    result.point = point
    result.value = value
    return result
  }
}
