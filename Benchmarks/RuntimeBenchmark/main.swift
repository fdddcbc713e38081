// Measures the hybrid runtime's own cost: scheduling overhead per task (10,000 trivial
// classical tasks) and the throughput of 1,000 ten-qubit expectation tasks under budgets of
// one and two threads, beside the same work done directly by CompiledCircuit.
//
//   swift run -c release --toolset Toolsets/native.json runtime-benchmark [repeats]

import Entangle
import Foundation
import EntangleRuntime

let repeats = CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 5
let clock = ContinuousClock()

func seconds(_ duration: Duration) -> Double {
  Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
}

/// Median, min and max of `repeats` timings of `body`, in seconds.
func measure(_ body: () async throws -> Void) async throws -> (median: Double, min: Double, max: Double) {
  var times: [Double] = []
  for _ in 0..<repeats {
    let start = clock.now
    try await body()
    times.append(seconds(clock.now - start))
  }
  times.sort()
  return (times[times.count / 2], times[0], times[times.count - 1])
}

func report(_ label: String, _ timing: (median: Double, min: Double, max: Double), per count: Int, unit: String) {
  let scale = unit == "µs" ? 1e6 : 1e3
  let line = String(
    format: "%-66@ %9.3f s  (min %.3f, max %.3f)  %8.2f %@ per task  %9.0f tasks/s",
    label as NSString, timing.median, timing.min, timing.max, timing.median / Double(count) * scale,
    unit as NSString, Double(count) / timing.median)
  print(line)
}

let machine = ResourceBudget.machine()
print("runtime-benchmark: \(repeats) repeats, median (min, max); machine budget \(machine)")

// 1. Scheduling overhead: 10,000 independent trivial tasks, and a gather over them.
let trivialCount = 10_000
for threads in [1, 2] {
  let budget = ResourceBudget(memoryBytes: machine.memoryBytes, threads: threads)
  let timing = try await measure {
    var graph = TaskGraph()
    let values = graph.map("trivial", over: 0..<trivialCount) { _, index in index }
    let sum = graph.reduce("sum", values) { _, values in values.reduce(0, +) }
    let results = try await GraphRun(graph, executor: LocalExecutor(resources: budget)).run()
    let total = try results.value(of: sum)
    precondition(total == trivialCount * (trivialCount - 1) / 2)
  }
  report("10,000 trivial classical tasks, \(threads) thread budget", timing, per: trivialCount + 1, unit: "µs")
}

// 2. Throughput: 1,000 ten-qubit expectation values of a layered ansatz.
let qubits = 10
let ansatz = try Circuit(qubits: qubits) {
  for layer in 0..<3 {
    for q in 0..<qubits { RY(Parameter("t\(layer)_\(q)"), q) }
    for q in 0..<(qubits - 1) { CX(q, q + 1) }
  }
}
let hamiltonian = try PauliSum(
  (0..<(qubits - 1)).map { q -> (Double, String) in
    var text = Array(repeating: Character("I"), count: qubits)
    text[qubits - 1 - q] = "Z"
    text[qubits - 2 - q] = "Z"
    return (1.0, String(text))
  } + [(0.5, String(repeating: "X", count: qubits))])
var generator = SeededRandomNumberGenerator(seed: 42)
let bindings = (0..<1000).map { _ in
  Dictionary(uniqueKeysWithValues: ansatz.parameterNames.map { ($0, Double.random(in: -.pi ... .pi, using: &generator)) })
}
let compiled = try CompiledCircuit(ansatz)

for threads in [1, 2] {
  let budget = ResourceBudget(memoryBytes: machine.memoryBytes, threads: threads)
  let direct = try await measure {
    _ = try compiled.expectationValues(of: hamiltonian, forEach: bindings, threads: threads)
  }
  report("direct CompiledCircuit.expectationValues, \(threads) thread\(threads == 1 ? "" : "s")", direct, per: 1000, unit: "µs")
  let graphTiming = try await measure {
    var graph = TaskGraph()
    let energies = bindings.enumerated().map { index, binding in
      graph.quantum("energy\(index)", QuantumJob(ansatz, bindings: binding, request: .expectation(hamiltonian)))
    }
    let results = try await GraphRun(graph, executor: LocalExecutor(resources: budget)).run()
    precondition(results.statistics.failed == 0 && energies.count == 1000)
  }
  report("1,000 ten-qubit expectation tasks (graph), \(threads) thread budget", graphTiming, per: 1000, unit: "µs")
  let offloadTiming = try await measure {
    let runtime = QuantumRuntime(executor: LocalExecutor(resources: budget))
    let table = try await runtime.expectations(ansatz, bindings: bindings, observables: [hamiltonian])
    precondition(table.count == 1000)
  }
  report("1,000 ten-qubit expectations (offload), \(threads) thread budget", offloadTiming, per: 1000, unit: "µs")
}
