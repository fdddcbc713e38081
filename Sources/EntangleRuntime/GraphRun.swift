/// One run of a ``TaskGraph`` on an executor: the scheduler.
///
/// Every task whose inputs are ready runs as soon as its memory and threads fit beside what
/// the running tasks hold; the budget is never exceeded (``RunStatistics/peakInUse`` records
/// the most held at once). Among ready tasks the one with the longest chain of tasks still
/// depending on it goes first (critical path first); a ready task that does not fit lets
/// smaller ones behind it start. A task that needs more than the whole budget fails at once
/// with ``TaskError/exceedsBudget(task:needed:budget:)``.
///
/// A failed task's error reaches every task that depends on it, wrapped in
/// ``TaskError/dependencyFailed(task:underlying:)``; transient errors are retried by policy;
/// ``cancel()`` stops the whole run and ``cancel(subtreeOf:)`` a task and its dependents.
/// Cancelling the Swift task that awaits ``run()`` cancels the graph too.
///
/// ```swift
/// let run = GraphRun(graph, executor: LocalExecutor(), options: RunOptions(checkpoint: store))
/// let results = try await run.run()
/// try results.chromeTrace().write(to: traceURL)
/// ```
public actor GraphRun {
  private enum Status: String {
    case waiting, queued, running, succeeded, failed, cancelled
  }

  private struct NodeState {
    var status = Status.waiting
    var remainingInputs = 0
    var dependents: [Int] = []
    var submitted: [Int] = []
    var priority = 0
    var outcome: Result<any Sendable, any Error>?
    var loadedFromCheckpoint = false
    var queuedAt: Duration?
    var startedAt: Duration?
    var endedAt: Duration?
    var attempts = 0
    var lane: Int?
    var rank = 0
    var held: ResourceBudget?
    var body: Task<Void, Never>?
    var valueWaiters: [CheckedContinuation<Result<any Sendable, any Error>, Never>] = []
  }

  /// An entry of the ready queue: a task to start, or a running task waiting to take its
  /// resources back after awaiting a value or before a retry.
  private struct Waiter: Comparable {
    var priority: Int
    var sequence: Int
    var node: Int
    var need: ResourceBudget
    var resumeToken: Int?

    static func < (lhs: Waiter, rhs: Waiter) -> Bool {
      lhs.priority != rhs.priority ? lhs.priority < rhs.priority : lhs.sequence > rhs.sequence
    }
  }

  /// The memory and threads tasks may hold at once.
  public nonisolated let budget: ResourceBudget
  private let executor: any QuantumExecutor
  private let options: RunOptions
  private var nodes: [TaskNode]
  private var states: [NodeState] = []
  private let duplicateKeys: [String]
  private var keys: Set<String>
  private var quantumIndex: [QuantumJob: Int] = [:]

  private var queue = PriorityQueue<Waiter>()
  private var sequence = 0
  private var resumeWaiters: [Int: CheckedContinuation<Void, Never>] = [:]
  private var inUse = ResourceBudget(memoryBytes: 0, threads: 0)
  private var peak = ResourceBudget(memoryBytes: 0, threads: 0)
  private var holding = 0
  private var peakHolding = 0
  private var liveBodies = 0
  private var settledCount = 0
  private var runningCount = 0
  private var failedCount = 0
  private var freeLanes: [Int] = []
  private var laneCount = 0
  private var retries = 0
  private var checkpointFailures: [String] = []
  private var started = false
  private var registering = false
  private var isCancelled = false
  private var finish: CheckedContinuation<Void, Never>?
  private let clock = ContinuousClock()
  private var origin = ContinuousClock.now

  /// A run of `graph` whose quantum tasks go to `executor`.
  public init(_ graph: TaskGraph, executor: any QuantumExecutor, options: RunOptions = RunOptions()) {
    self.executor = executor
    self.options = options
    budget = options.budget ?? executor.resources
    nodes = graph.nodes
    duplicateKeys = graph.duplicateKeys
    keys = Set(graph.nodes.map(\.key))
    for node in graph.nodes {
      if case .quantum(let job) = node.work { quantumIndex[job] = node.id }
    }
  }

  /// Runs the graph to the end: every task succeeds, fails or is cancelled.
  ///
  /// Returns once every task has settled and every task body that was started has stopped.
  /// Task failures do not throw here; read them from ``GraphResults``.
  /// - Complexity: O(log n) scheduling work per task and O(1) per edge, besides the tasks' own work.
  /// - Throws: ``TaskError/duplicateKey(_:)`` when two classical tasks share a name;
  ///   ``TaskError/invalidUse(_:)`` when the run was started before.
  public func run() async throws(TaskError) -> GraphResults {
    guard !started else { throw .invalidUse("a GraphRun runs once; make a new one to run the graph again") }
    started = true
    if let duplicate = duplicateKeys.first { throw .duplicateKey(duplicate) }
    origin = clock.now
    states = Array(repeating: NodeState(), count: nodes.count)
    assignCriticalPathPriorities()
    // Queue every ready task before starting any, so the first to start is the most critical.
    registering = true
    for id in nodes.indices { register(id) }
    registering = false
    schedule()
    await withTaskCancellationHandler {
      await withCheckedContinuation { continuation in
        if isFinished { continuation.resume() } else { finish = continuation }
      }
    } onCancel: {
      Task { await self.cancel() }
    }
    return makeResults()
  }

  /// Cancels every task not yet settled: queued tasks never start, running ones are
  /// cancelled (Swift task cancellation) and settle as ``TaskError/cancelled(task:)``.
  public func cancel() {
    isCancelled = true
    // Dependents come after their inputs, so settling from the last task back marks every
    // task cancelled itself rather than failed by a cancelled input.
    for id in states.indices.reversed() where !isSettled(id) {
      settle(id, .failure(TaskError.cancelled(task: nodes[id].name)))
    }
  }

  /// Cancels the task of `handle`, every task depending on it (transitively), and every task
  /// they submitted.
  public func cancel<Output>(subtreeOf handle: TaskHandle<Output>) {
    guard states.indices.contains(handle.id) else { return }
    var stack = [handle.id]
    var seen: Set<Int> = []
    while let id = stack.popLast() {
      guard seen.insert(id).inserted else { continue }
      stack.append(contentsOf: states[id].dependents)
      stack.append(contentsOf: states[id].submitted)
    }
    for id in seen.sorted(by: >) where !isSettled(id) {
      settle(id, .failure(TaskError.cancelled(task: nodes[id].name)))
    }
  }

  /// How far the run has got.
  public var progress: RunProgress {
    RunProgress(
      done: settledCount, failed: failedCount, running: runningCount,
      pending: nodes.count - settledCount - runningCount)
  }

  // MARK: - Growing the graph

  /// Adds a task submitted by the running task `parent` and returns its id (an existing
  /// task's id for a quantum job already in the graph).
  func insert(_ node: TaskNode, submittedBy parent: Int) -> Int {
    if case .quantum(let job) = node.work, let existing = quantumIndex[job] { return existing }
    var node = node
    node.id = nodes.count
    if case .classical = node.work {
      let base = nodes[parent].key + "/" + node.name
      var key = base
      var suffix = 2
      while keys.contains(key) {
        key = base + "#\(suffix)"
        suffix += 1
      }
      node = TaskNode(
        id: node.id, name: node.name, key: key, work: node.work, inputs: node.inputs, resources: node.resources,
        retry: node.retry, timeout: node.timeout, codec: node.codec)
    }
    keys.insert(node.key)
    if case .quantum(let job) = node.work { quantumIndex[job] = node.id }
    nodes.append(node)
    var state = NodeState()
    // Work a waiting parent needs is on the critical path: ahead of everything it waits behind.
    state.priority = states[parent].priority + 1
    states.append(state)
    states[parent].submitted.append(node.id)
    guard node.inputs.allSatisfy({ $0 < node.id }) else {
      settle(node.id, .failure(TaskError.unknownTask(node.name)))
      return node.id
    }
    if isCancelled || (states[parent].status == .cancelled) {
      settle(node.id, .failure(TaskError.cancelled(task: node.name)))
    } else {
      register(node.id)
    }
    return node.id
  }

  /// The outcome of task `target`, awaited by the running task `caller`, which gives its
  /// resources back while it waits and takes them again before it continues.
  func awaitValue(of target: Int, from caller: Int) async -> Result<any Sendable, any Error> {
    guard states.indices.contains(target) else {
      return .failure(TaskError.unknownTask("#\(target)"))
    }
    if let outcome = states[target].outcome { return outcome }
    let held = states[caller].held
    if held != nil { releaseResources(of: caller) }
    let outcome = await withCheckedContinuation { states[target].valueWaiters.append($0) }
    if let held { await reacquire(held, for: caller, priority: Int.max / 2 + states[caller].priority) }
    return outcome
  }

  // MARK: - Scheduling

  private var isFinished: Bool { settledCount == nodes.count && liveBodies == 0 }

  private func isSettled(_ id: Int) -> Bool {
    switch states[id].status {
    case .succeeded, .failed, .cancelled: return true
    case .waiting, .queued, .running: return false
    }
  }

  private func now() -> Duration { clock.now - origin }

  /// Longest chain of tasks from each task to a sink, counting the task itself. Inputs always
  /// come earlier in `nodes`, so one backward sweep suffices.
  private func assignCriticalPathPriorities() {
    var dependents = Array(repeating: [Int](), count: nodes.count)
    for node in nodes { for input in node.inputs where input < node.id { dependents[input].append(node.id) } }
    for id in nodes.indices.reversed() {
      states[id].priority = 1 + (dependents[id].map { states[$0].priority }.max() ?? 0)
    }
  }

  /// Connects task `id` to its inputs, or loads its result from the checkpoint store.
  private func register(_ id: Int) {
    let node = nodes[id]
    if let store = options.checkpoint, let codec = node.codec, let data = try? store.load(key: node.key),
      let value = try? codec.decode(data)
    {
      states[id].loadedFromCheckpoint = true
      settle(id, .success(value))
      return
    }
    var remaining = 0
    for input in node.inputs {
      guard input < id else {
        settle(id, .failure(TaskError.unknownTask(node.name)))
        return
      }
      if let outcome = states[input].outcome {
        if case .failure(let error) = outcome {
          settle(id, .failure(TaskError.dependencyFailed(task: nodes[input].name, underlying: error)))
          return
        }
      } else {
        states[input].dependents.append(id)
        remaining += 1
      }
    }
    states[id].remainingInputs = remaining
    if remaining == 0 { enqueue(id) }
  }

  private func enqueue(_ id: Int) {
    let need = nodes[id].need(threadBudget: budget.threads)
    guard budget.contains(need) else {
      settle(id, .failure(TaskError.exceedsBudget(task: nodes[id].name, needed: need, budget: budget)))
      return
    }
    states[id].status = .queued
    states[id].queuedAt = now()
    push(Waiter(priority: states[id].priority, sequence: 0, node: id, need: need, resumeToken: nil))
    schedule()
  }

  private func push(_ waiter: Waiter) {
    var waiter = waiter
    waiter.sequence = sequence
    sequence += 1
    queue.push(waiter)
  }

  /// Starts (or resumes) ready tasks in priority order while they fit.
  private func schedule() {
    guard !registering else { return }
    var skipped: [Waiter] = []
    while inUse.threads < budget.threads, let waiter = queue.popMax() {
      let id = waiter.node
      if waiter.resumeToken == nil, states[id].status != .queued { continue }  // settled meanwhile
      let need = waiter.need
      guard fits(need) else {
        skipped.append(waiter)
        continue
      }
      take(need, for: id)
      if let token = waiter.resumeToken {
        resumeWaiters.removeValue(forKey: token)?.resume()
      } else {
        start(id)
      }
    }
    for waiter in skipped { queue.push(waiter) }
  }

  private func fits(_ need: ResourceBudget) -> Bool {
    need.memoryBytes <= budget.memoryBytes - inUse.memoryBytes && need.threads <= budget.threads - inUse.threads
  }

  private func take(_ need: ResourceBudget, for id: Int) {
    inUse.memoryBytes += need.memoryBytes
    inUse.threads += need.threads
    peak.memoryBytes = Swift.max(peak.memoryBytes, inUse.memoryBytes)
    peak.threads = Swift.max(peak.threads, inUse.threads)
    states[id].held = need
    holding += 1
    peakHolding = Swift.max(peakHolding, holding)
  }

  private func releaseResources(of id: Int) {
    guard let held = states[id].held else { return }
    inUse.memoryBytes -= held.memoryBytes
    inUse.threads -= held.threads
    states[id].held = nil
    holding -= 1
    schedule()
  }

  private func reacquire(_ need: ResourceBudget, for id: Int, priority: Int) async {
    let token = sequence
    await withCheckedContinuation { continuation in
      resumeWaiters[token] = continuation
      push(Waiter(priority: priority, sequence: 0, node: id, need: need, resumeToken: token))
      schedule()
    }
  }

  private func start(_ id: Int) {
    states[id].status = .running
    runningCount += 1
    states[id].startedAt = now()
    states[id].attempts = 1
    if let lane = freeLanes.popLast() {
      states[id].lane = lane
    } else {
      states[id].lane = laneCount
      laneCount += 1
    }
    let node = nodes[id]
    let inputs = node.inputs.map { input -> any Sendable in
      guard case .success(let value)? = states[input].outcome else { return () }
      return value
    }
    let context = TaskContext(run: self, taskID: id, taskName: node.name)
    let executor = executor
    let policy = node.retry ?? options.retry
    liveBodies += 1
    states[id].body = Task.detached {
      await Self.execute(node, inputs: inputs, context: context, executor: executor, policy: policy, run: self)
    }
    reportProgress()
  }

  /// Runs a task's attempts outside the actor, reporting back to it.
  private static func execute(
    _ node: TaskNode, inputs: [any Sendable], context: TaskContext, executor: any QuantumExecutor,
    policy: RetryPolicy, run: GraphRun
  ) async {
    var attempt = 1
    while true {
      let placement = ExecutionPlacement()
      let work = Task {
        switch node.work {
        case .classical(let body): return try await body(context, inputs)
        case .quantum(let job):
          return try await ExecutionPlacement.$current.withValue(placement) { try await executor.run(job) } as any Sendable
        }
      }
      let outcome = await withTaskCancellationHandler {
        await Self.race(work, timeout: node.timeout)
      } onCancel: {
        work.cancel()
      }
      guard let result = outcome else {
        // Timed out: settle now, but hold the resources until the body really stops.
        let timeout = node.timeout ?? .zero
        await run.settle(node.id, .failure(TaskError.timedOut(task: node.name, after: timeout)))
        work.cancel()
        _ = await work.result
        await run.bodyEnded(node.id)
        return
      }
      if case .failure(let error) = result, !Task.isCancelled, policy.shouldRetry(error, afterAttempt: attempt) {
        guard await run.prepareRetry(node.id) else { break }
        try? await Task.sleep(for: policy.pause(afterAttempt: attempt))
        attempt += 1
        guard await run.beginRetry(node.id, attempt: attempt) else { break }
        continue
      }
      await run.recordRank(node.id, placement.rank)
      await run.settle(node.id, result)
      break
    }
    await run.bodyEnded(node.id)
  }

  /// The work's result, or `nil` if `timeout` passes first.
  private static func race(
    _ work: Task<any Sendable, any Error>, timeout: Duration?
  ) async -> Result<any Sendable, any Error>? {
    guard let timeout else { return await work.result }
    let referee = Referee()
    return await withCheckedContinuation { continuation in
      let timer = Task {
        try? await Task.sleep(for: timeout)
        if await referee.claim() { continuation.resume(returning: nil) }
      }
      Task {
        let result = await work.result
        timer.cancel()
        if await referee.claim() { continuation.resume(returning: result) }
      }
    }
  }

  /// Gives back a failed attempt's resources before the pause; false if the task was cancelled.
  private func prepareRetry(_ id: Int) -> Bool {
    guard states[id].status == .running else { return false }
    releaseResources(of: id)
    retries += 1
    return true
  }

  /// Takes the resources back for another attempt; false if the task was cancelled meanwhile.
  private func beginRetry(_ id: Int, attempt: Int) async -> Bool {
    guard states[id].status == .running else { return false }
    await reacquire(nodes[id].need(threadBudget: budget.threads), for: id, priority: states[id].priority)
    states[id].attempts = attempt
    return states[id].status == .running
  }

  /// A task body has stopped: its resources and lane are free.
  private func bodyEnded(_ id: Int) {
    releaseResources(of: id)
    if let lane = states[id].lane { freeLanes.append(lane) }
    liveBodies -= 1
    states[id].body = nil
    finishIfDone()
  }

  // MARK: - Settling

  /// Records a task's outcome (once), writes a checkpoint, wakes its waiters, and starts or
  /// fails its dependents.
  private func settle(_ first: Int, _ firstOutcome: Result<any Sendable, any Error>) {
    var work = [(first, firstOutcome)]
    while let (id, outcome) = work.popLast() {
      guard !isSettled(id) else { continue }
      let wasRunning = states[id].status == .running
      if wasRunning { runningCount -= 1 }
      states[id].outcome = outcome
      states[id].endedAt = now()
      settledCount += 1
      switch outcome {
      case .success(let value):
        states[id].status = .succeeded
        if !states[id].loadedFromCheckpoint { writeCheckpoint(id, value) }
      case .failure(let error):
        failedCount += 1
        if case TaskError.cancelled = error {
          states[id].status = .cancelled
          if wasRunning { states[id].body?.cancel() }
        } else {
          states[id].status = .failed
        }
      }
      for waiter in states[id].valueWaiters { waiter.resume(returning: outcome) }
      states[id].valueWaiters = []
      for dependent in states[id].dependents where states[dependent].status == .waiting {
        switch outcome {
        case .success:
          states[dependent].remainingInputs -= 1
          if states[dependent].remainingInputs == 0 { enqueue(dependent) }
        case .failure(let error):
          work.append((dependent, .failure(TaskError.dependencyFailed(task: nodes[id].name, underlying: error))))
        }
      }
    }
    reportProgress()
    finishIfDone()
  }

  private func writeCheckpoint(_ id: Int, _ value: any Sendable) {
    guard let store = options.checkpoint, let codec = nodes[id].codec else { return }
    do {
      try store.save(try codec.encode(value), key: nodes[id].key)
    } catch {
      checkpointFailures.append("\(nodes[id].name): \(error)")
    }
  }

  private func reportProgress() {
    options.progress?(progress)
  }

  private func finishIfDone() {
    guard isFinished, let finish else { return }
    self.finish = nil
    finish.resume()
  }

  // MARK: - Results

  private nonisolated static func microseconds(_ duration: Duration?) -> Double? {
    guard let duration else { return nil }
    return Double(duration.components.seconds) * 1e6 + Double(duration.components.attoseconds) * 1e-12
  }

  /// Notes the rank a task's quantum job ran on, for the trace.
  private func recordRank(_ id: Int, _ rank: Int) { states[id].rank = rank }

  private func makeResults() -> GraphResults {
    let records = nodes.indices.map { id in
      let node = nodes[id]
      let state = states[id]
      let need = node.need(threadBudget: budget.threads)
      var error: String?
      if case .failure(let failure)? = state.outcome { error = String(describing: failure) }
      return TaskRecord(
        id: id, name: node.name, key: node.key, kind: node.kindSummary, isQuantum: node.isQuantum,
        inputs: node.inputs, status: state.status.rawValue, loadedFromCheckpoint: state.loadedFromCheckpoint,
        queuedMicroseconds: Self.microseconds(state.queuedAt), startMicroseconds: Self.microseconds(state.startedAt),
        endMicroseconds: Self.microseconds(state.endedAt), lane: state.lane ?? 0, rank: state.rank, memoryBytes: need.memoryBytes,
        threads: need.threads, attempts: state.attempts, error: error)
    }
    let statistics = RunStatistics(
      budget: budget, peakInUse: peak, peakRunningTasks: peakHolding,
      executed: states.filter { $0.startedAt != nil }.count,
      loadedFromCheckpoint: states.filter(\.loadedFromCheckpoint).count,
      succeeded: states.filter { $0.status == .succeeded }.count,
      failed: states.filter { $0.status == .failed }.count,
      cancelled: states.filter { $0.status == .cancelled }.count, retries: retries,
      checkpointFailures: checkpointFailures,
      wallMicroseconds: Self.microseconds(now()) ?? 0)
    let outcomes = nodes.indices.map { id in states[id].outcome ?? .failure(TaskError.cancelled(task: nodes[id].name)) }
    return GraphResults(outcomes: outcomes, records: records, statistics: statistics)
  }
}

/// Decides a race once: the first to claim wins.
private actor Referee {
  private var claimed = false

  func claim() -> Bool {
    defer { claimed = true }
    return !claimed
  }
}
