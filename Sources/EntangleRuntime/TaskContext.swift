/// What a running classical task can do with its graph: submit more tasks, await their
/// values, run quantum jobs, and cancel subtrees. A graph grows while it runs this way.
///
/// While a task awaits a value it gives back its memory and threads, so a parent that
/// waits for its children never keeps them from running; it takes them again, ahead of
/// tasks not yet started, before it continues.
public struct TaskContext: Sendable {
  let run: GraphRun
  let taskID: Int
  /// The name of the task this context belongs to.
  public let taskName: String

  /// Submits a classical task that runs `body` with the values of `inputs`.
  ///
  /// Its key is this task's key, `/`, and `name` (with `#2`, `#3`, … when the same name is
  /// submitted again), so a re-run that submits in the same order finds its checkpoints.
  /// - Returns: a handle to await with ``value(of:)``.
  public func submit<each Input, Output: Sendable>(
    _ name: String, inputs: repeat TaskHandle<each Input>, resources: ResourceBudget = .classicalDefault,
    retry: RetryPolicy? = nil, timeout: Duration? = nil,
    _ body: @escaping @Sendable (TaskContext, repeat each Input) async throws -> Output
  ) async -> TaskHandle<Output> {
    let node = TaskNode.classical(
      name: name, inputs: repeat each inputs, resources: resources, retry: retry, timeout: timeout, body: body)
    return TaskHandle(id: await run.insert(node, submittedBy: taskID), name: name)
  }

  /// Submits a quantum task, or finds the task already holding an identical job.
  public func submit(
    _ name: String, _ job: QuantumJob, retry: RetryPolicy? = nil, timeout: Duration? = nil
  ) async -> TaskHandle<QuantumResult> {
    let node = TaskNode.quantum(name: name, job: job, retry: retry, timeout: timeout)
    return TaskHandle(id: await run.insert(node, submittedBy: taskID), name: name)
  }

  /// The value of a task, once it has one; this task's resources are given back meanwhile.
  ///
  /// - Throws: the task's error; ``TaskError/cancelled(task:)`` if it was cancelled.
  public func value<Output>(of handle: TaskHandle<Output>) async throws -> Output {
    let outcome = await run.awaitValue(of: handle.id, from: taskID)
    let value = try outcome.get()
    guard let typed = value as? Output else {
      throw TaskError.unknownTask(handle.name)
    }
    return typed
  }

  /// Submits `job` as a task named `name` (default: the job's summary) and awaits its result.
  ///
  /// - Throws: the job's error.
  public func run(_ job: QuantumJob, name: String? = nil) async throws -> QuantumResult {
    try await value(of: submit(name ?? job.summary, job))
  }

  /// Cancels the task of `handle`, every task that depends on it, and every task they submitted.
  public func cancel<Output>(subtreeOf handle: TaskHandle<Output>) async {
    await run.cancel(subtreeOf: handle)
  }
}
