/// A method that searches for a minimum of an ``Objective``.
///
/// Every optimizer runs synchronously on the caller's thread, calls `observer` once per
/// iteration, stops by its ``StoppingCriteria`` or when the observer says so, and returns the best
/// point it evaluated. Optimizers are values: configure one, then call ``minimize(_:from:observer:)``
/// as often as needed; nothing is kept between runs.
public protocol Optimizer: Sendable {
  /// When a run ends.
  var stopping: StoppingCriteria { get set }

  /// Searches for a minimum of `objective` from `start`.
  ///
  /// - Parameters:
  ///   - objective: the function to minimise.
  ///   - start: the first point, of `objective.dimension` coordinates.
  ///   - observer: called once after every iteration with its progress; returning
  ///     ``OptimizationDecision/stop`` ends the run (``StopReason/stoppedByObserver``).
  /// - Returns: the lowest value evaluated, where, and why the run stopped.
  /// - Throws: ``AlgorithmError/dimensionMismatch(name:expected:actual:)`` for a start point or
  ///   gradient of the wrong length, ``AlgorithmError/gradientRequired(optimizer:)``,
  ///   ``AlgorithmError/nonFiniteObjective(quantity:point:)``,
  ///   ``AlgorithmError/invalidArgument(name:value:expected:)`` for a setting out of range, or any
  ///   error the objective throws.
  func minimize(
    _ objective: Objective, from start: [Double], observer: ((OptimizationProgress) -> OptimizationDecision)?
  ) throws -> OptimizationResult
}

extension Optimizer {
  /// Searches for a minimum of `objective` from `start`, without an observer.
  public func minimize(_ objective: Objective, from start: [Double]) throws -> OptimizationResult {
    try minimize(objective, from: start, observer: nil)
  }
}

/// What an observer tells the optimizer after an iteration.
public enum OptimizationDecision: Hashable, Sendable {
  /// Go on with the next iteration.
  case `continue`
  /// End the run now and return the best point so far.
  case stop
}

/// How many times an objective's closures were called.
public struct EvaluationCounts: Hashable, Sendable {
  /// Calls of ``Objective/value``.
  public var values = 0
  /// Calls of ``Objective/valueAndGradient`` (each also gives a value).
  public var gradients = 0

  /// All calls.
  public var total: Int { values + gradients }

  /// Counts of `values` and `gradients` calls.
  public init(values: Int = 0, gradients: Int = 0) {
    self.values = values
    self.gradients = gradients
  }
}

/// The state of a run after one iteration, as shown to an observer.
public struct OptimizationProgress: Sendable {
  /// The iteration just finished, counted from 1.
  public var iteration: Int
  /// The objective at ``point``.
  public var value: Double
  /// ‖∇f‖₂ at ``point`` for gradient-based optimizers; `nil` for the others.
  public var gradientNorm: Double?
  /// The objective's calls so far.
  public var evaluations: EvaluationCounts
  /// The point this iteration evaluated or accepted (the optimizer's doc says which).
  public var point: [Double]
}

/// Which convergence test ended a run.
public enum ConvergenceCriterion: Hashable, Sendable {
  /// The objective changed by at most ``StoppingCriteria/valueTolerance`` (relative).
  case value
  /// ‖∇f‖₂ fell to ``StoppingCriteria/gradientTolerance``.
  case gradient
  /// The step (or the simplex) shrank to ``StoppingCriteria/stepTolerance``.
  case step
}

/// Why a run ended.
public enum StopReason: Hashable, Sendable {
  /// A convergence test passed.
  case converged(ConvergenceCriterion)
  /// ``StoppingCriteria/maximumIterations`` iterations were done.
  case maximumIterations
  /// The objective was called at least ``StoppingCriteria/maximumEvaluations`` times.
  case maximumEvaluations
  /// The observer returned ``OptimizationDecision/stop``.
  case stoppedByObserver
  /// L-BFGS found no step along even the steepest-descent direction that lowered the objective
  /// enough; usually the point is a minimum to rounding, or the gradient is inconsistent with the value.
  case lineSearchFailed
}

/// The outcome of a run.
public struct OptimizationResult: Sendable {
  /// The point with the lowest value evaluated.
  public var point: [Double]
  /// The objective at ``point``.
  public var value: Double
  /// Iterations done.
  public var iterations: Int
  /// The objective's calls.
  public var evaluations: EvaluationCounts
  /// Why the run ended.
  public var stopReason: StopReason
}

/// When a run ends: limits on work and convergence tolerances.
///
/// The run ends at the first iteration after which one of these holds (convergence tests are
/// made at the end of each iteration; which tests an optimizer uses is in its documentation):
/// - ``maximumIterations`` iterations were done;
/// - the objective was called ``maximumEvaluations`` times or more (checked between iterations, so
///   one iteration — an L-BFGS line search, a Nelder–Mead shrink — can overrun the budget by its cost);
/// - |f_k − f_(k−1)| ≤ ``valueTolerance`` · max(1, |f_k|);
/// - ‖∇f‖₂ ≤ ``gradientTolerance``;
/// - ‖x_k − x_(k−1)‖₂ ≤ ``stepTolerance``.
/// A tolerance of 0 turns its test off (except for exact equality).
public struct StoppingCriteria: Hashable, Sendable {
  /// The most iterations; at least 1.
  public var maximumIterations: Int
  /// The most calls of the objective's closures, or `nil` for no limit.
  public var maximumEvaluations: Int?
  /// The relative change of the objective between iterations that counts as converged.
  public var valueTolerance: Double
  /// The gradient norm that counts as converged.
  public var gradientTolerance: Double
  /// The step length (Nelder–Mead: the simplex's size) that counts as converged.
  public var stepTolerance: Double

  /// Criteria with defaults suited to smooth, noise-free objectives.
  public init(
    maximumIterations: Int = 1000,
    maximumEvaluations: Int? = nil,
    valueTolerance: Double = 1e-15,
    gradientTolerance: Double = 1e-8,
    stepTolerance: Double = 1e-10
  ) {
    self.maximumIterations = maximumIterations
    self.maximumEvaluations = maximumEvaluations
    self.valueTolerance = valueTolerance
    self.gradientTolerance = gradientTolerance
    self.stepTolerance = stepTolerance
  }
}
