import Foundation

/// What a ``GraphRun`` produced: every task's value or error, a record of every task, and
/// statistics of the run.
public struct GraphResults: Sendable {
  let outcomes: [Result<any Sendable, any Error>]
  /// One record per task, in the order tasks were added (submitted tasks after the graph's).
  public let records: [TaskRecord]
  /// Totals and peaks of the run.
  public let statistics: RunStatistics

  /// The value of the task of `handle`.
  ///
  /// - Throws: the task's error (a ``TaskError/dependencyFailed(task:underlying:)`` chain when an
  ///   input failed); ``TaskError/unknownTask(_:)`` for a handle of another graph.
  public func value<Output>(of handle: TaskHandle<Output>) throws -> Output {
    guard outcomes.indices.contains(handle.id) else { throw TaskError.unknownTask(handle.name) }
    guard let value = try outcomes[handle.id].get() as? Output else { throw TaskError.unknownTask(handle.name) }
    return value
  }

  /// The error of the task of `handle`, or `nil` if it succeeded.
  public func error<Output>(of handle: TaskHandle<Output>) -> (any Error)? {
    guard outcomes.indices.contains(handle.id) else { return TaskError.unknownTask(handle.name) }
    if case .failure(let error) = outcomes[handle.id] { return error }
    return nil
  }

  /// The run as Chrome trace-event JSON (`{"traceEvents": [...]}`), which Perfetto and
  /// `chrome://tracing` show as a timeline: one complete event (`"ph": "X"`) per task, on the
  /// lane (`tid`) it ran on, in process (`pid`) = the rank it ran on (0 for classical tasks and
  /// in-process jobs; a worker rank for jobs an MPI executor sent away); times in microseconds from the
  /// start of the run. A task that never ran (loaded from a checkpoint, failed or cancelled
  /// before starting) is an event of zero duration when it settled. Arguments carry the key,
  /// kind, queueing time, memory, threads, attempts and status.
  ///
  /// - Throws: an `EncodingError` (not expected: every number is finite).
  public func chromeTrace() throws -> Data {
    try ChromeTrace.encode(records)
  }

  /// The graph as it ran, in Graphviz DOT, every task coloured by its outcome.
  public func dot() -> String {
    GraphvizWriter.dot(nodes: records.map { ($0.name, $0.kind, $0.isQuantum, $0.inputs, $0.status) })
  }
}

/// What happened to one task.
public struct TaskRecord: Hashable, Sendable, Codable {
  /// The task's index in the run.
  public var id: Int
  /// Its name.
  public var name: String
  /// Its key (checkpoints, de-duplication).
  public var key: String
  /// `classical`, or the quantum job's summary (`expectation on 10 qubits`).
  public var kind: String
  /// Whether it is a quantum task.
  public var isQuantum: Bool
  /// The indices of its inputs.
  public var inputs: [Int]
  /// `succeeded`, `failed` or `cancelled`.
  public var status: String
  /// Whether its value came from the checkpoint store.
  public var loadedFromCheckpoint: Bool
  /// When its inputs were ready (µs from the start of the run); `nil` if never.
  public var queuedMicroseconds: Double?
  /// When it started; `nil` if it never ran.
  public var startMicroseconds: Double?
  /// When it settled.
  public var endMicroseconds: Double?
  /// The trace lane it ran on.
  public var lane: Int
  /// The MPI rank its quantum job ran on (0 for classical tasks and in-process jobs).
  public var rank: Int
  /// The memory it held while running.
  public var memoryBytes: Int
  /// The threads it held while running.
  public var threads: Int
  /// Attempts made (0 if it never ran).
  public var attempts: Int
  /// Its error, described, if it failed.
  public var error: String?
}

/// Totals and peaks of a run.
public struct RunStatistics: Hashable, Sendable {
  /// The budget the run was held to.
  public var budget: ResourceBudget
  /// The most memory and threads held at once by running tasks (never above `budget`).
  public var peakInUse: ResourceBudget
  /// The most tasks holding resources at once.
  public var peakRunningTasks: Int
  /// Tasks whose bodies ran (retries not counted again).
  public var executed: Int
  /// Tasks whose values came from the checkpoint store.
  public var loadedFromCheckpoint: Int
  /// Tasks that succeeded (loaded ones included).
  public var succeeded: Int
  /// Tasks that failed.
  public var failed: Int
  /// Tasks that were cancelled.
  public var cancelled: Int
  /// Attempts beyond the first, over all tasks.
  public var retries: Int
  /// Results that could not be written to the checkpoint store, with why.
  public var checkpointFailures: [String]
  /// The run's length in microseconds.
  public var wallMicroseconds: Double
}
