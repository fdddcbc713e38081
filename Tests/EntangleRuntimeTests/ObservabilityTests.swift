import EntangleCircuits
import Foundation
import Testing

@testable import EntangleRuntime

@Suite("Progress, traces and graphs")
struct ObservabilityTests {
  private func sampleGraph() throws -> TaskGraph {
    var graph = TaskGraph()
    let inputs = graph.map("prepare \"x\"", over: 0..<4) { _, index in Double(index) }
    let job = QuantumJob(try Fixtures.ansatz(), bindings: ["a": 0.2, "b": 0.4], request: .expectation(try Fixtures.hamiltonian()))
    let energy = graph.quantum("energy", job)
    let sum = graph.reduce("sum", inputs) { _, values in values.reduce(0, +) }
    graph.add("combine", inputs: sum, energy) { _, sum, energy in sum + (try energy.expectationValue()) }
    return graph
  }

  @Test("the DOT export names every task and every edge")
  func dot() throws {
    let graph = try sampleGraph()
    let text = graph.dot()
    #expect(text.hasPrefix("digraph tasks {"))
    for id in 0..<graph.count { #expect(text.contains("  t\(id) [")) }
    #expect(text.components(separatedBy: " -> ").count - 1 == 6)
    #expect(text.contains(#"prepare \"x\"[0]"#))
    #expect(text.contains("shape=ellipse"))
  }

  @Test("the Chrome trace parses as JSON and holds one complete event per task")
  func trace() async throws {
    let graph = try sampleGraph()
    let results = try await GraphRun(graph, executor: CountingExecutor()).run()
    let data = try results.chromeTrace()
    let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let events = try #require(object["traceEvents"] as? [[String: Any]])
    let complete = events.filter { $0["ph"] as? String == "X" }
    #expect(complete.count == graph.count)
    #expect(Set(complete.compactMap { $0["name"] as? String }) == Set(results.records.map(\.name)))
    for event in complete {
      #expect(event["pid"] as? Int == 0)
      #expect((event["ts"] as? Double).map { $0 >= 0 } ?? false)
      #expect((event["dur"] as? Double).map { $0 >= 0 } ?? false)
      #expect(event["tid"] is Int)
      #expect((event["args"] as? [String: Any])?["key"] is String)
    }
    #expect(results.dot().contains("fillcolor=palegreen"))
  }

  @Test("progress reports reach done = total with nothing running")
  func progress() async throws {
    let reports = ProgressLog()
    let graph = try sampleGraph()
    let options = RunOptions(progress: { progress in reports.append(progress) })
    _ = try await GraphRun(graph, executor: CountingExecutor(), options: options).run()
    let last = try #require(reports.all.last)
    #expect(last.done == graph.count && last.running == 0 && last.pending == 0)
    #expect(reports.all.contains { $0.running > 0 })
  }
}

/// Collects progress reports (called on the scheduler, so appends never overlap; the lock
/// keeps the compiler and the test's reads honest).
final class ProgressLog: Sendable {
  private let storage = LockedArray()
  func append(_ progress: RunProgress) { storage.append(progress) }
  var all: [RunProgress] { storage.values }
}

final class LockedArray: @unchecked Sendable {
  private let lock = NSLock()
  private var items: [RunProgress] = []
  func append(_ item: RunProgress) { lock.withLock { items.append(item) } }
  var values: [RunProgress] { lock.withLock { items } }
}
