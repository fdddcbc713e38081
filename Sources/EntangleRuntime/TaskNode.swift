import Foundation

/// One task as the scheduler sees it: its inputs, what it needs, and how to run it; the
/// output is type-erased here and cast back by its ``TaskHandle``.
struct TaskNode: Sendable {
  enum Work: Sendable {
    /// A Swift closure taking the context and the inputs' values, in order.
    case classical(@Sendable (TaskContext, [any Sendable]) async throws -> any Sendable)
    /// A job for the executor.
    case quantum(QuantumJob)
  }

  var id: Int
  let name: String
  /// The task's key in checkpoints and for de-duplication: a classical task's name; a
  /// quantum task's `quantum-` + content hash.
  let key: String
  let work: Work
  let inputs: [Int]
  /// What the task declares it needs (a quantum task's need is computed from its job).
  let resources: ResourceBudget
  let retry: RetryPolicy?
  let timeout: Duration?
  /// How to write and read the output in a checkpoint, when the output is `Codable`.
  let codec: OutputCodec?

  /// What the task holds while it runs under a budget of `threadBudget` threads.
  func need(threadBudget: Int) -> ResourceBudget {
    switch work {
    case .classical: return resources
    case .quantum(let job): return job.resourceNeed(threadBudget: threadBudget)
    }
  }

  /// `classical` or the job's summary, for traces and graphs.
  var kindSummary: String {
    switch work {
    case .classical: return "classical"
    case .quantum(let job): return job.summary
    }
  }

  var isQuantum: Bool {
    if case .quantum = work { return true }
    return false
  }

  static func classical<each Input, Output: Sendable>(
    name: String, inputs: repeat TaskHandle<each Input>, resources: ResourceBudget, retry: RetryPolicy?,
    timeout: Duration?, body: @escaping @Sendable (TaskContext, repeat each Input) async throws -> Output
  ) -> TaskNode {
    var ids: [Int] = []
    for handle in repeat each inputs { ids.append(handle.id) }
    let erased: @Sendable (TaskContext, [any Sendable]) async throws -> any Sendable = { context, values in
      var position = 0
      func next<Value>(_: Value.Type) throws -> Value {
        defer { position += 1 }
        guard position < values.count, let value = values[position] as? Value else {
          throw TaskError.invalidUse("input \(position) of task '\(name)' is not a \(Value.self)")
        }
        return value
      }
      return try await body(context, repeat try next((each Input).self))
    }
    return TaskNode(
      id: -1, name: name, key: name, work: .classical(erased), inputs: ids, resources: resources.normalized, retry: retry,
      timeout: timeout, codec: OutputCodec(Output.self))
  }

  static func gathering<Input, Output: Sendable>(
    name: String, inputs: [TaskHandle<Input>], resources: ResourceBudget, retry: RetryPolicy?, timeout: Duration?,
    body: @escaping @Sendable (TaskContext, [Input]) async throws -> Output
  ) -> TaskNode {
    let erased: @Sendable (TaskContext, [any Sendable]) async throws -> any Sendable = { context, values in
      var typed: [Input] = []
      typed.reserveCapacity(values.count)
      for (position, value) in values.enumerated() {
        guard let value = value as? Input else {
          throw TaskError.invalidUse("input \(position) of task '\(name)' is not a \(Input.self)")
        }
        typed.append(value)
      }
      return try await body(context, typed)
    }
    return TaskNode(
      id: -1, name: name, key: name, work: .classical(erased), inputs: inputs.map(\.id),
      resources: resources.normalized, retry: retry, timeout: timeout, codec: OutputCodec(Output.self))
  }

  static func quantum(name: String, job: QuantumJob, retry: RetryPolicy?, timeout: Duration?) -> TaskNode {
    TaskNode(
      id: -1, name: name, key: "quantum-" + job.contentHash, work: .quantum(job), inputs: [],
      resources: ResourceBudget(memoryBytes: job.memoryBytes, threads: 1), retry: retry, timeout: timeout,
      codec: OutputCodec(QuantumResult.self))
  }
}

extension ResourceBudget {
  /// At least one thread and no negative memory: every task occupies a thread while it runs.
  var normalized: ResourceBudget {
    ResourceBudget(memoryBytes: Swift.max(0, memoryBytes), threads: Swift.max(1, threads))
  }
}

/// Encodes and decodes a task's type-erased output as JSON, for checkpoints.
struct OutputCodec: Sendable {
  let encode: @Sendable (any Sendable) throws -> Data
  let decode: @Sendable (Data) throws -> any Sendable

  /// A codec for `Output` when it is `Codable` (found at run time), else `nil`.
  init?<Output>(_ type: Output.Type) {
    guard let codable = type as? any (Codable & Sendable).Type else { return nil }
    self.init(codable)
  }

  private init<Value: Codable & Sendable>(_: Value.Type) {
    encode = { value in
      guard let value = value as? Value else {
        throw TaskError.invalidUse("an output is not a \(Value.self)")
      }
      return try JSONEncoder().encode(value)
    }
    decode = { data in try JSONDecoder().decode(Value.self, from: data) }
  }
}
