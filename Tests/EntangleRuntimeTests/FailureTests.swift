import Foundation
import Testing

@testable import EntangleRuntime

@Suite("Failures, retries, cancellation and timeouts")
struct FailureTests {
  /// A task that signals it has started, then sleeps a minute unless cancelled.
  static func addSleeper(_ name: String, to graph: inout TaskGraph, signalling started: Signal) -> TaskHandle<Int> {
    graph.add(name) { _ -> Int in
      started.fire()
      try await Task.sleep(for: .seconds(60))
      return 1
    }
  }

  @Test("a failure reaches every dependent, wrapped with the name of the input that failed")
  func errorPropagation() async throws {
    var graph = TaskGraph()
    let source = graph.add("source") { _ -> Int in throw PermanentError() }
    let middle = graph.add("middle", inputs: source) { _, value in value + 1 }
    let sink = graph.add("sink", inputs: middle) { _, value in value + 1 }
    let independent = graph.add("independent") { _ in 7 }
    let results = try await GraphRun(graph, executor: CountingExecutor()).run()
    #expect(results.error(of: source) is PermanentError)
    guard case let TaskError.dependencyFailed(task, underlying)? = results.error(of: sink) else {
      Issue.record("sink should fail with dependencyFailed")
      return
    }
    #expect(task == "middle")
    guard case let TaskError.dependencyFailed(inner, cause) = underlying else {
      Issue.record("the chain should name the source")
      return
    }
    #expect(inner == "source")
    #expect(cause is PermanentError)
    #expect((results.error(of: sink) as? TaskError)?.rootCause is PermanentError)
    #expect(try results.value(of: independent) == 7)
    #expect(results.statistics.failed == 3)
  }

  @Test("transient errors are retried up to the policy's attempts; others are not")
  func retries() async throws {
    let flakyAttempts = Counter()
    let permanentAttempts = Counter()
    let hopelessAttempts = Counter()
    var graph = TaskGraph()
    let flaky = graph.add("flaky") { _ in
      await flakyAttempts.increment()
      if await flakyAttempts.value < 3 { throw FlakyError() }
      return "done"
    }
    let permanent = graph.add("permanent") { _ -> Int in
      await permanentAttempts.increment()
      throw PermanentError()
    }
    let hopeless = graph.add("hopeless", retry: RetryPolicy(maxAttempts: 2)) { _ -> Int in
      await hopelessAttempts.increment()
      throw FlakyError()
    }
    let options = RunOptions(retry: RetryPolicy(maxAttempts: 4, backoff: .milliseconds(1)))
    let results = try await GraphRun(graph, executor: CountingExecutor(), options: options).run()
    #expect(try results.value(of: flaky) == "done")
    #expect(await flakyAttempts.value == 3)
    #expect(results.error(of: permanent) is PermanentError)
    #expect(await permanentAttempts.value == 1)
    #expect(results.error(of: hopeless) is FlakyError)
    #expect(await hopelessAttempts.value == 2)
    #expect(results.records.first { $0.name == "flaky" }?.attempts == 3)
    #expect(results.statistics.retries == 3)
  }

  @Test("a closure can classify errors as transient")
  func classifierRetries() async throws {
    let attempts = Counter()
    var graph = TaskGraph()
    let task = graph.add("classified") { _ in
      await attempts.increment()
      if await attempts.value == 1 { throw PermanentError() }
      return 1
    }
    let policy = RetryPolicy(maxAttempts: 2) { $0 is PermanentError }
    let results = try await GraphRun(graph, executor: CountingExecutor(), options: RunOptions(retry: policy)).run()
    #expect(try results.value(of: task) == 1)
    #expect(await attempts.value == 2)
  }

  @Test("cancelling the run cancels running, queued and waiting tasks")
  func cancelGraph() async throws {
    let started = Signal()
    var graph = TaskGraph()
    let slow = Self.addSleeper("slow", to: &graph, signalling: started)
    let dependent = graph.add("dependent", inputs: slow) { _, value in value }
    let queued = graph.map("queued", over: 0..<4) { _, value in value }
    let run = GraphRun(graph, executor: CountingExecutor(resources: ResourceBudget(memoryBytes: 1 << 30, threads: 1)))
    let runTask = Task { try await run.run() }
    await started.wait()
    await run.cancel()
    let results = try await runTask.value
    #expect(results.error(of: slow).map { "\($0)" } == "task 'slow' was cancelled")
    #expect(results.statistics.cancelled == 6)
    #expect(results.error(of: dependent) != nil)
    #expect(queued.allSatisfy { results.error(of: $0) != nil })
  }

  @Test("cancelling the Swift task that awaits the run cancels the graph")
  func cancelBySwiftTask() async throws {
    let started = Signal()
    var graph = TaskGraph()
    let slow = Self.addSleeper("slow", to: &graph, signalling: started)
    let run = GraphRun(graph, executor: CountingExecutor())
    let runTask = Task { try await run.run() }
    await started.wait()
    runTask.cancel()
    let results = try await runTask.value
    guard case TaskError.cancelled(task: "slow")? = results.error(of: slow) else {
      Issue.record("expected the task to be cancelled")
      return
    }
  }

  @Test("cancelling a subtree leaves the rest of the graph alone")
  func cancelSubtree() async throws {
    let started = Signal()
    var graph = TaskGraph()
    let root = Self.addSleeper("root", to: &graph, signalling: started)
    let child = graph.add("child", inputs: root) { _, value in value + 1 }
    let grandchild = graph.add("grandchild", inputs: child) { _, value in value + 1 }
    let other = graph.add("other") { _ in 5 }
    let run = GraphRun(graph, executor: CountingExecutor())
    let runTask = Task { try await run.run() }
    await started.wait()
    await run.cancel(subtreeOf: root)
    let results = try await runTask.value
    for handle in [root, child, grandchild] {
      guard case TaskError.cancelled? = results.error(of: handle) else {
        Issue.record("\(handle.name) should be cancelled, got \(String(describing: results.error(of: handle)))")
        continue
      }
    }
    #expect(try results.value(of: other) == 5)
  }

  @Test("an attempt slower than its timeout fails with timedOut")
  func timeout() async throws {
    var graph = TaskGraph()
    let slow = graph.add("slow", timeout: .milliseconds(50)) { _ -> Int in
      try await Task.sleep(for: .seconds(60))
      return 1
    }
    let quick = graph.add("quick", timeout: .seconds(60)) { _ in 2 }
    let clock = ContinuousClock()
    let start = clock.now
    let results = try await GraphRun(graph, executor: CountingExecutor()).run()
    #expect(clock.now - start < .seconds(30))
    guard case let TaskError.timedOut(task, after)? = results.error(of: slow) else {
      Issue.record("expected timedOut, got \(String(describing: results.error(of: slow)))")
      return
    }
    #expect(task == "slow")
    #expect(after == .milliseconds(50))
    #expect(try results.value(of: quick) == 2)
  }

  @Test("two classical tasks with one name are refused when the run starts")
  func duplicateNames() async throws {
    var graph = TaskGraph()
    graph.add("same") { _ in 1 }
    graph.add("same") { _ in 2 }
    await #expect(throws: TaskError.self) { _ = try await GraphRun(graph, executor: CountingExecutor()).run() }
  }
}
