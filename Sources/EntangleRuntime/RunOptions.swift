/// How a ``GraphRun`` runs: its budget, retries, checkpoints and progress reports.
public struct RunOptions: Sendable {
  /// The memory and threads tasks may hold at once (default: the executor's resources).
  public var budget: ResourceBudget?
  /// The retry policy of tasks that do not set their own (default: no retries).
  public var retry: RetryPolicy
  /// Where finished results are written, and found again on a re-run (default: none).
  public var checkpoint: CheckpointStore?
  /// Called on the scheduler after every task starts or settles; keep it short.
  public var progress: (@Sendable (RunProgress) -> Void)?

  /// Options with the given budget, retry policy, checkpoint store and progress callback.
  public init(
    budget: ResourceBudget? = nil, retry: RetryPolicy = .none, checkpoint: CheckpointStore? = nil,
    progress: (@Sendable (RunProgress) -> Void)? = nil
  ) {
    self.budget = budget
    self.retry = retry
    self.checkpoint = checkpoint
    self.progress = progress
  }
}

/// How far a run has got.
public struct RunProgress: Hashable, Sendable, CustomStringConvertible {
  /// Tasks settled: succeeded, failed or cancelled.
  public var done: Int
  /// Of those, the ones that failed or were cancelled.
  public var failed: Int
  /// Tasks holding resources now.
  public var running: Int
  /// Tasks not started yet (waiting for inputs or for resources).
  public var pending: Int
  /// All tasks known so far (a growing graph adds more).
  public var total: Int { done + running + pending }

  public var description: String { "\(done)/\(total) done (\(failed) failed), \(running) running, \(pending) pending" }
}
