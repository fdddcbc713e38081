/// Classical and quantum tasks and the data dependencies between them, built ahead of a run.
///
/// A classical task is an async Swift closure that receives a ``TaskContext`` and the values
/// of its inputs, in order; a quantum task is a ``QuantumJob``. Every task has a stable key,
/// used for de-duplication and checkpoints: a classical task's name, or `quantum-` and a
/// quantum job's content hash. Adding a quantum job identical to one already in the graph
/// (same circuit, bindings, request and precision) returns the existing task, so it is
/// computed once.
///
/// ```swift
/// var graph = TaskGraph()
/// let angles = graph.add("angles") { _ in [0.1, 0.2, 0.3] }
/// let energies = graph.map("energy", over: [0.1, 0.2, 0.3]) { context, angle in
///   try await context.run(QuantumJob(ansatz, bindings: ["t": angle], request: .expectation(h))).expectationValue()
/// }
/// let lowest = graph.reduce("lowest", energies) { _, values in values.min() ?? .nan }
/// let results = try await GraphRun(graph, executor: LocalExecutor()).run()
/// print(try results.value(of: lowest))
/// ```
/// Building never throws: problems (two classical tasks with one name) are reported when the
/// run starts, by ``GraphRun/run()``.
public struct TaskGraph: Sendable {
  var nodes: [TaskNode] = []
  private var quantumIndex: [QuantumJob: Int] = [:]
  private var keys: Set<String> = []
  /// Keys given to more than one task, in the order found.
  private(set) var duplicateKeys: [String] = []

  /// An empty graph.
  public init() {}

  /// The number of tasks.
  public var count: Int { nodes.count }

  /// Adds a classical task named `name` (its key: names must be distinct) that runs `body`
  /// with the values of `inputs` once they are all available.
  ///
  /// - Parameters:
  ///   - resources: what the task holds while it runs (default: one thread, 1 MiB); at least one thread.
  ///   - retry: the retry policy (default: the run's).
  ///   - timeout: the longest one attempt may take; a slower one fails with ``TaskError/timedOut(task:after:)``.
  /// - Returns: a handle to the task's output. A `Codable` output is written to the run's
  ///   checkpoint store, if it has one.
  @discardableResult
  public mutating func add<each Input, Output: Sendable>(
    _ name: String, inputs: repeat TaskHandle<each Input>, resources: ResourceBudget = .classicalDefault,
    retry: RetryPolicy? = nil, timeout: Duration? = nil,
    _ body: @escaping @Sendable (TaskContext, repeat each Input) async throws -> Output
  ) -> TaskHandle<Output> {
    let node = TaskNode.classical(
      name: name, inputs: repeat each inputs, resources: resources, retry: retry, timeout: timeout, body: body)
    return TaskHandle(id: append(node), name: name)
  }

  /// Adds a quantum task that runs `job` on the run's executor, or returns the task already
  /// holding an identical job.
  ///
  /// - Complexity: O(size of the job) to hash it.
  @discardableResult
  public mutating func quantum(
    _ name: String, _ job: QuantumJob, retry: RetryPolicy? = nil, timeout: Duration? = nil
  ) -> TaskHandle<QuantumResult> {
    if let existing = quantumIndex[job] { return TaskHandle(id: existing, name: nodes[existing].name) }
    let id = append(TaskNode.quantum(name: name, job: job, retry: retry, timeout: timeout))
    quantumIndex[job] = id
    return TaskHandle(id: id, name: name)
  }

  /// Fans out: one classical task per element, named `name[0]`, `name[1]`, …, each running
  /// `body` with its element.
  public mutating func map<Element: Sendable, Output: Sendable>(
    _ name: String, over elements: some Sequence<Element>, resources: ResourceBudget = .classicalDefault,
    retry: RetryPolicy? = nil, timeout: Duration? = nil,
    _ body: @escaping @Sendable (TaskContext, Element) async throws -> Output
  ) -> [TaskHandle<Output>] {
    elements.enumerated().map { index, element in
      add("\(name)[\(index)]", resources: resources, retry: retry, timeout: timeout) { context in
        try await body(context, element)
      }
    }
  }

  /// Fans out over other tasks' outputs: one task per input, named `name[0]`, `name[1]`, …
  public mutating func map<Input, Output: Sendable>(
    _ name: String, inputs: [TaskHandle<Input>], resources: ResourceBudget = .classicalDefault,
    retry: RetryPolicy? = nil, timeout: Duration? = nil,
    _ body: @escaping @Sendable (TaskContext, Input) async throws -> Output
  ) -> [TaskHandle<Output>] {
    inputs.enumerated().map { index, input in
      add("\(name)[\(index)]", inputs: input, resources: resources, retry: retry, timeout: timeout, body)
    }
  }

  /// Gathers: one task that runs `body` with the values of all `inputs`, in order.
  @discardableResult
  public mutating func reduce<Input, Output: Sendable>(
    _ name: String, _ inputs: [TaskHandle<Input>], resources: ResourceBudget = .classicalDefault,
    retry: RetryPolicy? = nil, timeout: Duration? = nil,
    _ body: @escaping @Sendable (TaskContext, [Input]) async throws -> Output
  ) -> TaskHandle<Output> {
    let node = TaskNode.gathering(
      name: name, inputs: inputs, resources: resources, retry: retry, timeout: timeout, body: body)
    return TaskHandle(id: append(node), name: name)
  }

  /// The graph in Graphviz DOT: one node per task (boxes classical, ellipses quantum), one
  /// edge per input.
  public func dot() -> String {
    GraphvizWriter.dot(nodes: nodes.map { ($0.name, $0.kindSummary, $0.isQuantum, $0.inputs, nil) })
  }

  private mutating func append(_ node: TaskNode) -> Int {
    var node = node
    node.id = nodes.count
    if !keys.insert(node.key).inserted { duplicateKeys.append(node.key) }
    nodes.append(node)
    return node.id
  }
}
