import EntangleCircuits
import Foundation
import EntangleSimulation

@testable import EntangleRuntime

/// Counts how often something happened, across tasks.
actor Counter {
  private(set) var value = 0
  private(set) var names: [String] = []

  func increment(_ name: String = "") {
    value += 1
    names.append(name)
  }
}

/// Wraps an executor and counts the jobs it is asked to run.
struct CountingExecutor: QuantumExecutor {
  let base: LocalExecutor
  let calls = Counter()

  init(resources: ResourceBudget = ResourceBudget(memoryBytes: 1 << 30, threads: 2)) {
    base = LocalExecutor(resources: resources)
  }

  var resources: ResourceBudget { base.resources }

  func run(_ job: QuantumJob) async throws -> QuantumResult {
    await calls.increment(job.summary)
    return try await base.run(job)
  }
}

/// Tracks the resources that task bodies declare while they run, independently of the scheduler.
actor ResourceTracker {
  private var memory = 0
  private var threads = 0
  private(set) var peakMemory = 0
  private(set) var peakThreads = 0
  private(set) var peakTasks = 0
  private var tasks = 0

  func enter(_ need: ResourceBudget) {
    memory += need.memoryBytes
    threads += need.threads
    tasks += 1
    peakMemory = max(peakMemory, memory)
    peakThreads = max(peakThreads, threads)
    peakTasks = max(peakTasks, tasks)
  }

  func leave(_ need: ResourceBudget) {
    memory -= need.memoryBytes
    threads -= need.threads
    tasks -= 1
  }
}

/// A one-shot signal a test awaits: a task tells the test it has started.
final class Signal: Sendable {
  let stream: AsyncStream<Void>
  private let continuation: AsyncStream<Void>.Continuation

  init() {
    (stream, continuation) = AsyncStream<Void>.makeStream()
  }

  func fire() { continuation.yield() }

  func wait() async {
    for await _ in stream { return }
  }
}

struct FlakyError: TransientError {}
struct PermanentError: Error, Equatable {}

enum Fixtures {
  /// RY(a) on 0, CX(0, 1), RZ(b) on 1, RX(a·b) on 2: a small parameterised circuit.
  static func ansatz(qubits: Int = 3) throws -> Circuit {
    try Circuit(qubits: qubits) {
      RY(Parameter("a"), 0)
      for q in 1..<qubits { CX(q - 1, q) }
      RZ(Parameter("b"), qubits - 1)
      RX(Parameter("a") * Parameter("b"), 0)
    }
  }

  static func hamiltonian() throws -> PauliSum {
    try PauliSum([(0.5, "ZZI"), (-0.25, "XIX"), (0.75, "IYZ"), (0.3, "IIZ"), (0.2, "IIX"), (0.1, "III")])
  }

  static func temporaryDirectory() -> URL {
    FileManager.default.temporaryDirectory.appendingPathComponent("hybrid-runtime-tests-\(UUID().uuidString)")
  }
}
