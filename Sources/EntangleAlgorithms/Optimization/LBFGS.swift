/// Limited-memory BFGS: quasi-Newton steps from the last few gradient differences, with a line
/// search that satisfies the strong Wolfe conditions (Nocedal & Wright, *Numerical Optimization*,
/// 2nd ed., 2006: Algorithm 7.4 for the two-loop recursion, Algorithms 3.5 and 3.6 for the line search).
///
/// The first step (and any step after the memory is cleared) goes along −∇f with initial length
/// min(1, 1/‖∇f‖); later steps try the full quasi-Newton step first, with the initial inverse
/// Hessian scaled by sᵀy/yᵀy (N&W eq. 7.20). A pair (s, y) is stored only when sᵀy > 0, which keeps
/// the approximation positive definite. When a line search fails along the quasi-Newton direction,
/// the memory is cleared and steepest descent is tried; if that also fails the run ends with
/// ``StopReason/lineSearchFailed``.
///
/// Convergence tests: gradient norm, step length, change of f (from ``StoppingCriteria``); when the
/// gradient at the start point already passes, the run returns after 0 iterations.
/// Progress reports the accepted point.
/// - Complexity: per iteration, one or a few gradient evaluations (the line search usually accepts
///   its first trial; at most ``maximumLineSearchEvaluations``) and O(m·n) arithmetic for memory m.
public struct LBFGS: Optimizer {
  /// How many (s, y) pairs to keep; at least 1.
  public var memory: Int
  /// The sufficient-decrease constant c₁ of the Wolfe conditions, in (0, 1).
  public var sufficientDecrease: Double
  /// The curvature constant c₂ of the strong Wolfe conditions, in (c₁, 1).
  public var curvature: Double
  /// The most evaluations one line search may make; at least 1.
  public var maximumLineSearchEvaluations: Int
  /// When a run ends.
  public var stopping: StoppingCriteria

  /// A configured optimizer; c₁ = 10⁻⁴ and c₂ = 0.9 are Nocedal & Wright's advice for quasi-Newton methods.
  public init(
    memory: Int = 10, sufficientDecrease: Double = 1e-4, curvature: Double = 0.9,
    maximumLineSearchEvaluations: Int = 30, stopping: StoppingCriteria = StoppingCriteria()
  ) {
    self.memory = memory
    self.sufficientDecrease = sufficientDecrease
    self.curvature = curvature
    self.maximumLineSearchEvaluations = maximumLineSearchEvaluations
    self.stopping = stopping
  }

  public func minimize(
    _ objective: Objective, from start: [Double], observer: ((OptimizationProgress) -> OptimizationDecision)?
  ) throws -> OptimizationResult {
    guard memory >= 1 else {
      throw AlgorithmError.invalidArgument(name: "memory", value: "\(memory)", expected: "at least 1")
    }
    guard sufficientDecrease > 0 && sufficientDecrease < curvature && curvature < 1 else {
      throw AlgorithmError.invalidArgument(
        name: "the Wolfe constants (c₁, c₂)", value: "(\(sufficientDecrease), \(curvature))", expected: "0 < c₁ < c₂ < 1")
    }
    guard maximumLineSearchEvaluations >= 1 else {
      throw AlgorithmError.invalidArgument(
        name: "maximumLineSearchEvaluations", value: "\(maximumLineSearchEvaluations)", expected: "at least 1")
    }
    var run = try OptimizationRun(
      optimizer: "LBFGS", objective: objective, start: start, stopping: stopping, needsGradient: true,
      observer: observer)
    var point = start
    var (value, gradient) = try run.valueAndGradient(at: point)
    if gradient.norm <= stopping.gradientTolerance { return run.result(.converged(.gradient)) }
    var history: [(s: [Double], y: [Double], rho: Double)] = []
    while true {
      var accepted: LinePoint?
      var direction = history.isEmpty ? gradient.scaled(by: -1) : searchDirection(gradient: gradient, history: history)
      if !history.isEmpty && direction.dot(gradient) < 0 {
        accepted = try lineSearch(run: &run, from: point, value: value, gradient: gradient, direction: direction, initialStep: 1)
      }
      if accepted == nil {
        // Steepest descent, from a clean memory.
        history.removeAll()
        direction = gradient.scaled(by: -1)
        accepted = try lineSearch(
          run: &run, from: point, value: value, gradient: gradient, direction: direction,
          initialStep: Swift.min(1, 1 / gradient.norm))
      }
      guard let accepted else { return run.result(.lineSearchFailed) }
      let step = direction.scaled(by: accepted.step)
      let change = accepted.gradient.adding(gradient, scaledBy: -1)
      let curvaturePair = step.dot(change)
      if curvaturePair > 1e-12 * step.norm * change.norm {
        history.append((step, change, 1 / curvaturePair))
        if history.count > memory { history.removeFirst() }
      }
      let previousValue = value
      point = point.adding(step)
      value = accepted.value
      gradient = accepted.gradient
      let gradientNorm = gradient.norm
      let converged = run.convergence(
        previousValue: previousValue, value: value, gradientNorm: gradientNorm, stepLength: step.norm)
      if let reason = run.finishIteration(value: value, gradientNorm: gradientNorm, point: point, converged: converged) {
        return run.result(reason)
      }
    }
  }

  /// −H∇f by the two-loop recursion (N&W Algorithm 7.4), H₀ = γI with γ = sᵀy/yᵀy of the newest pair.
  private func searchDirection(gradient: [Double], history: [(s: [Double], y: [Double], rho: Double)]) -> [Double] {
    var q = gradient
    var alphas = [Double](repeating: 0, count: history.count)
    for index in history.indices.reversed() {
      alphas[index] = history[index].rho * history[index].s.dot(q)
      q = q.adding(history[index].y, scaledBy: -alphas[index])
    }
    let newest = history[history.count - 1]
    var r = q.scaled(by: newest.s.dot(newest.y) / newest.y.dot(newest.y))
    for index in history.indices {
      let beta = history[index].rho * history[index].y.dot(r)
      r = r.adding(history[index].s, scaledBy: alphas[index] - beta)
    }
    return r.scaled(by: -1)
  }

  /// A trial point on the line x + αd: its step α, value φ(α), slope φ′(α) = ∇f·d, and gradient.
  private struct LinePoint {
    var step: Double
    var value: Double
    var slope: Double
    var gradient: [Double]
  }

  /// A step satisfying the strong Wolfe conditions (N&W Algorithm 3.5), or, when the evaluations
  /// run out, the best step found that satisfies sufficient decrease; `nil` when there is none.
  private func lineSearch(
    run: inout OptimizationRun, from point: [Double], value: Double, gradient: [Double], direction: [Double],
    initialStep: Double
  ) throws -> LinePoint? {
    let origin = LinePoint(step: 0, value: value, slope: gradient.dot(direction), gradient: gradient)
    var evaluationsLeft = maximumLineSearchEvaluations
    func evaluate(_ step: Double) throws -> LinePoint {
      evaluationsLeft -= 1
      let (value, gradient) = try run.valueAndGradient(at: point.adding(direction, scaledBy: step))
      return LinePoint(step: step, value: value, slope: gradient.dot(direction), gradient: gradient)
    }
    func sufficientlyLower(_ trial: LinePoint) -> Bool {
      trial.value <= origin.value + sufficientDecrease * trial.step * origin.slope
    }
    func curvatureHolds(_ trial: LinePoint) -> Bool { abs(trial.slope) <= -curvature * origin.slope }

    // N&W Algorithm 3.6: shrink [low, high] (low: lowest sufficient-decrease point so far) until a
    // point satisfies both conditions.
    func zoom(_ low: LinePoint, _ high: LinePoint) throws -> LinePoint? {
      var low = low, high = high
      while evaluationsLeft > 0 && abs(high.step - low.step) > 1e-16 * Swift.max(1, abs(low.step)) {
        let trial = try evaluate(interpolatedStep(low, high))
        if !sufficientlyLower(trial) || trial.value >= low.value {
          high = trial
        } else {
          if curvatureHolds(trial) { return trial }
          if trial.slope * (high.step - low.step) >= 0 { high = low }
          low = trial
        }
      }
      return low.step > 0 ? low : nil
    }

    var previous = origin
    var step = initialStep
    while evaluationsLeft > 0 {
      let trial = try evaluate(step)
      if !sufficientlyLower(trial) || (previous.step > 0 && trial.value >= previous.value) {
        return try zoom(previous, trial)
      }
      if curvatureHolds(trial) { return trial }
      if trial.slope >= 0 { return try zoom(trial, previous) }
      previous = trial
      step *= 2
    }
    return previous.step > 0 ? previous : nil
  }

  /// The minimiser of the cubic through two line points (N&W eq. 3.59), kept at least a tenth of
  /// the interval away from its ends; the midpoint when the cubic has no usable minimum.
  private func interpolatedStep(_ a: LinePoint, _ b: LinePoint) -> Double {
    let lower = Swift.min(a.step, b.step), upper = Swift.max(a.step, b.step)
    let width = upper - lower
    let d1 = a.slope + b.slope - 3 * (a.value - b.value) / (a.step - b.step)
    let radicand = d1 * d1 - a.slope * b.slope
    if radicand >= 0 {
      let d2 = (b.step > a.step ? 1.0 : -1.0) * radicand.squareRoot()
      let step = b.step - (b.step - a.step) * (b.slope + d2 - d1) / (b.slope - a.slope + 2 * d2)
      if step.isFinite && step > lower + 0.1 * width && step < upper - 0.1 * width { return step }
    }
    return (a.step + b.step) / 2
  }
}
