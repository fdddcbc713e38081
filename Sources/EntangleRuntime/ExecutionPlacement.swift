import Synchronization

/// Where a quantum job ran, as its executor reports it: the MPI rank, for the trace.
///
/// The task graph binds a fresh ``ExecutionPlacement`` to ``current`` around each quantum job;
/// an executor that runs jobs elsewhere (``QuantumExecutor`` conformers such as the MPI
/// executor) calls ``record(rank:)`` on it. Jobs run in this process stay on rank 0.
public final class ExecutionPlacement: Sendable {
  /// The placement of the job running in this task, if the task graph asked for one.
  @TaskLocal public static var current: ExecutionPlacement?

  private let storedRank = Mutex(0)

  /// A placement on rank 0.
  public init() {}

  /// The rank the job ran on.
  public var rank: Int { storedRank.withLock { $0 } }

  /// Records that the job runs on `rank`.
  public func record(rank: Int) { storedRank.withLock { $0 = rank } }
}
