import EntangleCircuits
import Foundation
import Testing

@testable import EntangleRuntime

@Suite("Scheduling")
struct SchedulerTests {
  @Test("a task runs after its inputs and receives their values in order")
  func dependencyOrder() async throws {
    let order = Counter()
    var graph = TaskGraph()
    let a = graph.add("a") { _ in
      await order.increment("a")
      return 2
    }
    let b = graph.add("b") { _ in
      await order.increment("b")
      return "x"
    }
    let c = graph.add("c", inputs: a, b) { _, number, text in
      await order.increment("c")
      return String(repeating: text, count: number)
    }
    let d = graph.add("d", inputs: c, a) { _, text, number in
      await order.increment("d")
      return text.count + number
    }
    let results = try await GraphRun(graph, executor: CountingExecutor()).run()
    #expect(try results.value(of: c) == "xx")
    #expect(try results.value(of: d) == 4)
    let names = await order.names
    #expect(names.firstIndex(of: "c")! > names.firstIndex(of: "a")!)
    #expect(names.firstIndex(of: "c")! > names.firstIndex(of: "b")!)
    #expect(names.last == "d")
  }

  @Test("map fans out and reduce gathers")
  func mapReduce() async throws {
    var graph = TaskGraph()
    let squares = graph.map("square", over: 1...10) { _, n in n * n }
    let total = graph.reduce("sum", squares) { _, values in values.reduce(0, +) }
    let doubled = graph.map("double", inputs: squares) { _, value in 2 * value }
    let results = try await GraphRun(graph, executor: CountingExecutor()).run()
    #expect(try results.value(of: total) == 385)
    #expect(try doubled.map { try results.value(of: $0) } == (1...10).map { 2 * $0 * $0 })
    #expect(squares[3].name == "square[3]")
  }

  @Test("200 tasks of mixed sizes never exceed the budget, and run concurrently when they fit")
  func budgetNeverExceeded() async throws {
    let budget = ResourceBudget(memoryBytes: 4 << 20, threads: 4)
    let tracker = ResourceTracker()
    var generator = SystemRandomNumberGenerator()
    var graph = TaskGraph()
    var handles: [TaskHandle<Int>] = []
    for index in 0..<200 {
      if index % 5 == 4 {
        // Quantum tasks from 2 to 14 qubits: 64 bytes to 256 KiB (probabilities add half a state).
        let qubits = 2 + index % 13
        let circuit = try Circuit(qubits: qubits) {
          H(0)
          for q in 1..<qubits { CX(q - 1, q) }
        }
        let job = QuantumJob(circuit, bindings: ["i": Double(index)], request: .probabilities)
        let quantum = graph.quantum("q\(index)", job)
        handles.append(graph.add("after-q\(index)", inputs: quantum) { _, result in try result.probabilityValues().count })
      } else {
        let need = ResourceBudget(
          memoryBytes: Int.random(in: (64 << 10)...(3 << 20), using: &generator),
          threads: Int.random(in: 1...3, using: &generator))
        handles.append(
          graph.add("c\(index)", resources: need) { _ in
            await tracker.enter(need)
            try await Task.sleep(for: .milliseconds(1))  // work that takes time, so tasks overlap
            await tracker.leave(need)
            return index
          })
      }
    }
    let executor = CountingExecutor(resources: budget)
    let results = try await GraphRun(graph, executor: executor).run()
    #expect(results.statistics.failed == 0)
    #expect(results.statistics.succeeded == 240)
    #expect(results.statistics.peakInUse.memoryBytes <= budget.memoryBytes)
    #expect(results.statistics.peakInUse.threads <= budget.threads)
    #expect(await tracker.peakMemory <= budget.memoryBytes)
    #expect(await tracker.peakThreads <= budget.threads)
    #expect(results.statistics.peakRunningTasks > 1)
    #expect(await tracker.peakTasks > 1)
    let executorPeak = await executor.base.statistics.peakInUse
    #expect(executorPeak.memoryBytes <= budget.memoryBytes && executorPeak.threads <= budget.threads)
  }

  @Test(
    "a task larger than the whole budget fails at once, naming the bytes needed and the budget",
    .timeLimit(.minutes(1)))
  func tooLargeFailsAtOnce() async throws {
    let budget = ResourceBudget(memoryBytes: 1 << 20, threads: 2)
    let circuit = try Circuit(qubits: 30) { H(0) }
    var graph = TaskGraph()
    let huge = graph.quantum("huge", QuantumJob(circuit, request: .expectation(try PauliSum([(1, "Z")]))))
    let after = graph.add("after", inputs: huge) { _, result in try result.expectationValue() }
    // The blocker holds the whole budget until the huge task and its dependent have failed:
    // were the huge task waiting for room instead, the run would never end.
    let bothFailed = Signal()
    let blocker = graph.add("blocker", resources: budget) { _ in
      await bothFailed.wait()
      return 1
    }
    let executor = CountingExecutor(resources: budget)
    let options = RunOptions(progress: { if $0.failed >= 2 { bothFailed.fire() } })
    let results = try await GraphRun(graph, executor: executor, options: options).run()
    #expect(try results.value(of: blocker) == 1)
    #expect(results.records[huge.id].startMicroseconds == nil)
    guard case let TaskError.exceedsBudget(task, needed, reported)? = results.error(of: huge) else {
      Issue.record("expected exceedsBudget, got \(String(describing: results.error(of: huge)))")
      return
    }
    #expect(task == "huge")
    #expect(needed.memoryBytes == 16 << 30)
    #expect(reported == budget)
    #expect(String(describing: TaskError.exceedsBudget(task: task, needed: needed, budget: reported)).contains("17179869184 bytes"))
    guard case TaskError.dependencyFailed(task: "huge", underlying: _)? = results.error(of: after) else {
      Issue.record("the dependent should fail with the cause")
      return
    }
    #expect(await executor.calls.value == 0)
    // The executor refuses it too when called directly.
    await #expect(throws: TaskError.self) {
      _ = try await executor.base.run(QuantumJob(circuit, request: .probabilities))
    }
  }

  @Test("among ready tasks the one on the longest remaining path starts first")
  func criticalPathFirst() async throws {
    var graph = TaskGraph()
    for index in 0..<3 { graph.add("short\(index)") { _ in index } }
    let first = graph.add("chain0") { _ in 0 }
    let second = graph.add("chain1", inputs: first) { _, value in value + 1 }
    graph.add("chain2", inputs: second) { _, value in value + 1 }
    let executor = CountingExecutor(resources: ResourceBudget(memoryBytes: 1 << 30, threads: 1))
    let results = try await GraphRun(graph, executor: executor).run()
    let started = results.records.sorted { ($0.startMicroseconds ?? 0) < ($1.startMicroseconds ?? 0) }.map(\.name)
    #expect(started.first == "chain0")
  }

  @Test("a task can submit more tasks and await them without holding the only thread")
  func growingGraph() async throws {
    var graph = TaskGraph()
    let circuit = try Fixtures.ansatz()
    let h = try Fixtures.hamiltonian()
    let parent = graph.add("parent") { context in
      var children: [TaskHandle<Int>] = []
      for index in 0..<5 { children.append(await context.submit("child") { _ in index * 10 }) }
      var total = 0
      for child in children { total += try await context.value(of: child) }
      let energy = try await context.run(QuantumJob(circuit, bindings: ["a": 0.3, "b": 0.7], request: .expectation(h)))
      return Double(total) + (try energy.expectationValue()) * 0
    }
    let executor = CountingExecutor(resources: ResourceBudget(memoryBytes: 1 << 30, threads: 1))
    let results = try await GraphRun(graph, executor: executor).run()
    #expect(try results.value(of: parent) == 100)
    #expect(results.records.count == 7)
    #expect(Set(results.records.map(\.key)).count == 7)
    #expect(results.records.contains { $0.key == "parent/child#5" })
  }
}
