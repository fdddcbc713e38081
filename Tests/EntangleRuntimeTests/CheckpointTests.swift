import EntangleCircuits
import Foundation
import Testing

@testable import EntangleRuntime

@Suite("De-duplication and checkpoints")
struct CheckpointTests {
  @Test("identical quantum jobs are computed once, in the graph and when submitted while running")
  func deduplication() async throws {
    let circuit = try Fixtures.ansatz()
    let h = try Fixtures.hamiltonian()
    let job = QuantumJob(circuit, bindings: ["a": 0.1, "b": 0.2], request: .expectation(h))
    var graph = TaskGraph()
    let first = graph.quantum("first", job)
    let second = graph.quantum("second", job)
    let other = graph.quantum("other", QuantumJob(circuit, bindings: ["a": 0.4, "b": 0.2], request: .expectation(h)))
    let submitted = graph.add("submitter") { context in
      let a = try await context.run(job)
      let b = try await context.run(job, name: "again")
      return try a.expectationValue() - b.expectationValue()
    }
    #expect(first == second)
    #expect(graph.count == 3)
    let executor = CountingExecutor()
    let results = try await GraphRun(graph, executor: executor).run()
    #expect(await executor.calls.value == 2)
    #expect(try results.value(of: submitted) == 0)
    #expect(try results.value(of: first) == results.value(of: second))
    let otherValue = try results.value(of: other).expectationValue()
    let firstValue = try results.value(of: first).expectationValue()
    #expect(otherValue != firstValue, "\(otherValue) \(firstValue)")
  }

  @Test("a re-run loads finished results from the store and recomputes nothing")
  func resume() async throws {
    let directory = Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let store = try CheckpointStore(directory: directory)
    let computations = Counter()
    let circuit = try Fixtures.ansatz()
    let h = try Fixtures.hamiltonian()

    func makeGraph(failing: Int?) -> (TaskGraph, TaskHandle<Double>) {
      var graph = TaskGraph()
      let values = graph.map("value", over: 0..<6) { _, index -> Double in
        await computations.increment("value[\(index)]")
        if index == failing { throw PermanentError() }
        return Double(index)
      }
      let energies = (0..<3).map { index in
        graph.quantum("energy\(index)", QuantumJob(circuit, bindings: ["a": Double(index), "b": 0.5], request: .expectation(h)))
      }
      let energySum = graph.reduce("energy-sum", energies) { _, results in
        await computations.increment("energy-sum")
        return try results.reduce(0) { $0 + (try $1.expectationValue()) }
      }
      let partial = graph.reduce("partial", values) { _, values in
        await computations.increment("partial")
        return values.reduce(0, +)
      }
      let total = graph.add("total", inputs: partial, energySum) { _, partial, energy in
        await computations.increment("total")
        return partial + energy
      }
      return (graph, total)
    }

    // First run: value[4] fails, so it, partial and total are not stored.
    let executor = CountingExecutor()
    let (failingGraph, _) = makeGraph(failing: 4)
    let first = try await GraphRun(failingGraph, executor: executor, options: RunOptions(checkpoint: store)).run()
    #expect(first.statistics.failed == 3)
    #expect(await computations.value == 7)  // six values and the energy sum
    #expect(await executor.calls.value == 3)
    #expect(store.keys.count == 9)

    // Second run: only what failed is computed.
    let (graph, total) = makeGraph(failing: nil)
    let second = try await GraphRun(graph, executor: executor, options: RunOptions(checkpoint: store)).run()
    #expect(await executor.calls.value == 3)
    #expect(await computations.names.dropFirst(7).sorted() == ["partial", "total", "value[4]"])
    #expect(second.statistics.loadedFromCheckpoint == 9)

    // Third run: everything is loaded.
    let (again, totalAgain) = makeGraph(failing: nil)
    let third = try await GraphRun(again, executor: executor, options: RunOptions(checkpoint: store)).run()
    #expect(await computations.value == 10)
    #expect(third.statistics.executed == 0)
    #expect(try third.value(of: totalAgain) == second.value(of: total))
    #expect(third.records.allSatisfy { $0.loadedFromCheckpoint })
  }

  @Test("a checkpoint file is replaced whole and holds its key")
  func atomicFiles() throws {
    let directory = Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let store = try CheckpointStore(directory: directory)
    try store.save(Data("1".utf8), key: "a")
    try store.save(Data("2".utf8), key: "a")
    #expect(try store.load(key: "a") == Data("2".utf8))
    #expect(try store.load(key: "b") == nil)
    let files = try FileManager.default.contentsOfDirectory(atPath: directory.path)
    #expect(files.count == 1)
    #expect(!files[0].hasSuffix(".tmp"))
    try store.removeAll()
    #expect(store.keys.isEmpty)
  }
}
