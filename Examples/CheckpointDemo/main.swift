// A run that survives being killed: a graph of quantum energies and slow classical steps
// whose results are checkpointed as they finish; run it again with the same store and only
// what had not finished is computed.
//
//   swift run checkpoint-demo --store /tmp/demo-store [--log computed.txt] [--tasks 20] [--milliseconds 50]
//
// Every classical step appends its name to the log when it starts computing, so a test (or
// you) can check that a re-run recomputes nothing that was stored.

import Entangle
import Foundation
import EntangleRuntime

/// Appends lines to a file, one writer at a time.
actor ComputationLog {
  let url: URL?

  init(url: URL?) { self.url = url }

  func append(_ line: String) throws {
    guard let url else { return }
    if !FileManager.default.fileExists(atPath: url.path) { _ = FileManager.default.createFile(atPath: url.path, contents: nil) }
    let handle = try FileHandle(forWritingTo: url)
    defer { try? handle.close() }
    try handle.seekToEnd()
    try handle.write(contentsOf: Data((line + "\n").utf8))
  }
}

func option(_ name: String) -> String? {
  let arguments = CommandLine.arguments
  guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
  return arguments[index + 1]
}

guard let storePath = option("--store") else {
  FileHandle.standardError.write(Data("usage: checkpoint-demo --store DIR [--log FILE] [--tasks N] [--milliseconds M]\n".utf8))
  exit(2)
}
let taskCount = option("--tasks").flatMap(Int.init) ?? 20
let milliseconds = option("--milliseconds").flatMap(Int.init) ?? 50
let log = ComputationLog(url: option("--log").map { URL(fileURLWithPath: $0) })

do {
  let store = try CheckpointStore(directory: URL(fileURLWithPath: storePath))
  let ansatz = try Circuit(qubits: 2) {
    RY(Parameter("theta"), 0)
    CX(0, 1)
  }
  let hamiltonian = try PauliSum([(1, "ZZ"), (0.5, "XI"), (-0.25, "IZ")])
  var graph = TaskGraph()
  let energies = (0..<taskCount).map { index in
    graph.quantum(
      "energy[\(index)]",
      QuantumJob(ansatz, bindings: ["theta": Double(index) * 0.1], request: .expectation(hamiltonian)))
  }
  let steps = graph.map("step", inputs: energies) { context, result in
    try await log.append(context.taskName)
    try await Task.sleep(for: .milliseconds(milliseconds))  // stands for slow classical work
    return try result.expectationValue() * 2
  }
  let total = graph.reduce("total", steps) { context, values in
    try await log.append(context.taskName)
    return values.reduce(0, +)
  }
  let budget = ResourceBudget(memoryBytes: 1 << 30, threads: 2)
  let results = try await GraphRun(graph, executor: LocalExecutor(resources: budget), options: RunOptions(checkpoint: store))
    .run()
  let statistics = results.statistics
  print("total = \(try results.value(of: total))")
  print("computed \(statistics.executed) tasks, loaded \(statistics.loadedFromCheckpoint) from the checkpoint store")
} catch {
  FileHandle.standardError.write(Data("checkpoint-demo: \(error)\n".utf8))
  exit(1)
}
