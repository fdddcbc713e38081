/// The bookkeeping every optimizer shares: checked calls of the objective with their counts, the
/// best point evaluated, the observer, and the stopping rules.
struct OptimizationRun {
  private let objective: Objective
  private let stopping: StoppingCriteria
  private let observer: ((OptimizationProgress) -> OptimizationDecision)?
  private(set) var evaluations = EvaluationCounts()
  private(set) var iterations = 0
  private(set) var bestPoint: [Double]
  private(set) var bestValue = Double.infinity

  /// Checks the arguments every optimizer takes.
  ///
  /// - Throws: ``AlgorithmError`` for a dimension below 1, a start point of the wrong length or not
  ///   finite, a missing gradient when `needsGradient`, or stopping criteria out of range.
  init(
    optimizer: String, objective: Objective, start: [Double], stopping: StoppingCriteria, needsGradient: Bool,
    observer: ((OptimizationProgress) -> OptimizationDecision)?
  ) throws(AlgorithmError) {
    guard objective.dimension >= 1 else {
      throw .invalidArgument(name: "the objective's dimension", value: "\(objective.dimension)", expected: "at least 1")
    }
    guard start.count == objective.dimension else {
      throw .dimensionMismatch(name: "the start point", expected: objective.dimension, actual: start.count)
    }
    guard start.allSatisfy(\.isFinite) else {
      throw .invalidArgument(name: "the start point", value: "\(start)", expected: "finite in every coordinate")
    }
    if needsGradient && !objective.hasGradient { throw .gradientRequired(optimizer: optimizer) }
    guard stopping.maximumIterations >= 1 else {
      throw .invalidArgument(name: "maximumIterations", value: "\(stopping.maximumIterations)", expected: "at least 1")
    }
    if let maximum = stopping.maximumEvaluations, maximum < 1 {
      throw .invalidArgument(name: "maximumEvaluations", value: "\(maximum)", expected: "at least 1, or nil for no limit")
    }
    for (name, tolerance) in [
      ("valueTolerance", stopping.valueTolerance), ("gradientTolerance", stopping.gradientTolerance),
      ("stepTolerance", stopping.stepTolerance),
    ] where !(tolerance >= 0 && tolerance.isFinite) {
      throw .invalidArgument(name: name, value: "\(tolerance)", expected: "finite and non-negative")
    }
    self.objective = objective
    self.stopping = stopping
    self.observer = observer
    bestPoint = start
  }

  /// f(x), checked to be finite.
  mutating func value(at point: [Double]) throws -> Double {
    evaluations.values += 1
    let value = try objective.value(point)
    guard value.isFinite else { throw AlgorithmError.nonFiniteObjective(quantity: "value \(value)", point: point) }
    record(point, value)
    return value
  }

  /// f(x) and ∇f(x), checked to be finite and of the objective's dimension.
  mutating func valueAndGradient(at point: [Double]) throws -> (value: Double, gradient: [Double]) {
    guard let valueAndGradient = objective.valueAndGradient else {
      throw AlgorithmError.gradientRequired(optimizer: "this optimizer")
    }
    evaluations.gradients += 1
    let (value, gradient) = try valueAndGradient(point)
    guard gradient.count == objective.dimension else {
      throw AlgorithmError.dimensionMismatch(name: "the gradient", expected: objective.dimension, actual: gradient.count)
    }
    guard value.isFinite else { throw AlgorithmError.nonFiniteObjective(quantity: "value \(value)", point: point) }
    if let index = gradient.firstIndex(where: { !$0.isFinite }) {
      throw AlgorithmError.nonFiniteObjective(quantity: "gradient component \(index) (\(gradient[index]))", point: point)
    }
    record(point, value)
    return (value, gradient)
  }

  private mutating func record(_ point: [Double], _ value: Double) {
    if value < bestValue {
      bestValue = value
      bestPoint = point
    }
  }

  /// Which convergence test passes after an iteration, if any (gradient, then step, then value).
  func convergence(previousValue: Double?, value: Double, gradientNorm: Double?, stepLength: Double?)
    -> ConvergenceCriterion?
  {
    if let gradientNorm, gradientNorm <= stopping.gradientTolerance { return .gradient }
    if let stepLength, stepLength <= stopping.stepTolerance { return .step }
    if let previousValue, abs(value - previousValue) <= stopping.valueTolerance * Swift.max(1, abs(value)) {
      return .value
    }
    return nil
  }

  /// Ends an iteration: shows the observer its progress, then says whether the run stops and why
  /// (convergence first, then the observer, then the limits).
  mutating func finishIteration(
    value: Double, gradientNorm: Double?, point: [Double], converged: ConvergenceCriterion?
  ) -> StopReason? {
    iterations += 1
    let progress = OptimizationProgress(
      iteration: iterations, value: value, gradientNorm: gradientNorm, evaluations: evaluations, point: point)
    let decision = observer?(progress) ?? .continue
    if let converged { return .converged(converged) }
    if decision == .stop { return .stoppedByObserver }
    if iterations >= stopping.maximumIterations { return .maximumIterations }
    if let maximum = stopping.maximumEvaluations, evaluations.total >= maximum { return .maximumEvaluations }
    return nil
  }

  /// The best point evaluated, as the result of a run that ended for `reason`.
  func result(_ reason: StopReason) -> OptimizationResult {
    OptimizationResult(
      point: bestPoint, value: bestValue, iterations: iterations, evaluations: evaluations, stopReason: reason)
  }
}

extension Array where Element == Double {
  /// Σ aᵢ bᵢ.
  func dot(_ other: [Double]) -> Double {
    zip(self, other).reduce(0) { $0 + $1.0 * $1.1 }
  }

  /// ‖a‖₂.
  var norm: Double { dot(self).squareRoot() }

  /// a + scale · b.
  func adding(_ other: [Double], scaledBy scale: Double = 1) -> [Double] {
    zip(self, other).map { $0 + scale * $1 }
  }

  /// scale · a.
  func scaled(by scale: Double) -> [Double] { map { scale * $0 } }
}

extension AlgorithmError {
  /// Throws ``invalidArgument(name:value:expected:)`` unless `value` is positive and finite.
  static func requirePositive(_ value: Double, name: String) throws(AlgorithmError) {
    guard value > 0 && value.isFinite else {
      throw .invalidArgument(name: name, value: "\(value)", expected: "positive and finite")
    }
  }

  /// Throws ``invalidArgument(name:value:expected:)`` unless `value` is in 0..<1 (a decay or momentum).
  static func requireFraction(_ value: Double, name: String) throws(AlgorithmError) {
    guard (0..<1).contains(value) else { throw .invalidArgument(name: name, value: "\(value)", expected: "in 0..<1") }
  }
}
