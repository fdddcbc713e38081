import EntangleCircuits
import Foundation
import EntangleRuntime
import Synchronization

/// Runs quantum jobs on the other ranks of an MPI job: rank 0 runs the task graph (or any
/// classical code) and calls ``run(_:)``; every other rank serves jobs with
/// ``serveJobs(on:executor:)`` until rank 0 calls ``shutdown()``.
///
/// Jobs travel as binary property lists of their `Codable` forms. A circuit is sent to each
/// worker once and numbered; a job then carries only the number, its bindings, request and
/// precision, so a parameter sweep sends a few hundred bytes per evaluation. The result comes
/// back the same way, or the worker's error as text.
/// Each worker simulates one job at a time with its own ``LocalExecutor``, so the results are
/// the in-process executor's, bit for bit.
///
/// ```swift
/// let world = try MPICommunicator.world()
/// if world.rank == 0 {
///   let executor = try MPIExecutor(world: world)
///   let runtime = QuantumRuntime(executor: executor)
///   let energy = try await runtime.expectation(circuit, bindings: values, observable: h)
///   try executor.shutdown()
/// } else {
///   try await MPIExecutor.serveJobs(on: world)
/// }
/// try world.finalize()
/// ```
public final class MPIExecutor: QuantumExecutor {
  /// What every worker rank offers; the executor's budget is one worker's memory per job
  /// and one thread (one job) per worker.
  public let workerResources: ResourceBudget
  public let resources: ResourceBudget
  private let world: MPICommunicator
  private let idleWorkers: WorkerPool

  static let jobTag = 1
  static let resultTag = 2
  static let errorTag = 3
  static let stopTag = 4
  static let circuitTag = 5
  private let circuits = CircuitNumbers()

  /// An executor on rank 0 of `world`, sending jobs to ranks 1..<size.
  ///
  /// - Parameter workerResources: what one worker may use for a job (default: this machine's
  ///   budget, as on a node of identical machines).
  /// - Throws: ``MPIError/rankOutOfRange(rank:size:)`` when called on a rank other than 0 or
  ///   when the job has no other rank.
  public init(world: MPICommunicator, workerResources: ResourceBudget = .machine()) throws(MPIError) {
    guard world.rank == 0 else { throw .rankOutOfRange(rank: world.rank, size: 1) }
    guard world.size >= 2 else { throw .rankOutOfRange(rank: 1, size: world.size) }
    self.world = world
    self.workerResources = workerResources
    let workers = world.size - 1
    let memory = workerResources.memoryBytes.multipliedReportingOverflow(by: workers)
    resources = ResourceBudget(memoryBytes: memory.overflow ? Int.max : memory.partialValue, threads: workers)
    idleWorkers = WorkerPool(ranks: Array(1..<world.size))
  }

  /// Sends `job` to an idle worker and waits for its result.
  ///
  /// - Throws: ``MPIExecutorError/tooLargeForWorker(needed:available:)`` at once for a job no
  ///   worker can hold; ``MPIExecutorError/workerFailed(rank:message:)`` with the worker's
  ///   error; MPI and encoding failures.
  public func run(_ job: QuantumJob) async throws -> QuantumResult {
    guard job.memoryBytes <= workerResources.memoryBytes else {
      throw MPIExecutorError.tooLargeForWorker(needed: job.memoryBytes, available: workerResources.memoryBytes)
    }
    let encoder = PropertyListEncoder()
    encoder.outputFormat = .binary
    let worker = await idleWorkers.acquire()
    defer { Task { await idleWorkers.release(worker) } }
    ExecutionPlacement.current?.record(rank: worker)
    // A circuit goes to each worker once; later jobs on it name it by number.
    let (circuitNumber, isNew) = circuits.number(for: job.circuit, worker: worker)
    if isNew {
      try world.send(Array(try encoder.encode(CircuitMessage(number: circuitNumber, circuit: job.circuit))), to: worker, tag: Self.circuitTag)
    }
    let reference = JobMessage(
      circuit: circuitNumber, bindings: job.bindings, request: job.request, precision: job.precision)
    try world.send(Array(try encoder.encode(reference)), to: worker, tag: Self.jobTag)
    let message = try await receive(from: worker)
    guard message.tag == Self.resultTag else {
      throw MPIExecutorError.workerFailed(rank: worker, message: String(decoding: message.bytes, as: UTF8.self))
    }
    return try PropertyListDecoder().decode(QuantumResult.self, from: Data(message.bytes))
  }

  /// The result or error message from `worker`, polled off the cooperative thread pool.
  private func receive(from worker: Int) async throws -> MPICommunicator.Message {
    while true {
      if let message = try world.receiveIfAvailable(from: worker) { return message }
      try await Task.sleep(for: .microseconds(50))
    }
  }

  /// Tells every worker to stop serving; call once, after the last job.
  public func shutdown() throws(MPIError) {
    for worker in 1..<world.size { try world.send([], to: worker, tag: Self.stopTag) }
  }

  /// Serves jobs from rank 0 until it sends the stop message: the loop of every rank but 0.
  ///
  /// - Parameter executor: how jobs run here (default: a ``LocalExecutor`` with this
  ///   machine's budget).
  /// - Throws: MPI failures; a job's own failure goes back to rank 0 instead.
  public static func serveJobs(on world: MPICommunicator, executor: LocalExecutor = LocalExecutor()) async throws {
    let encoder = PropertyListEncoder()
    encoder.outputFormat = .binary
    var circuits: [Int: Circuit] = [:]
    while true {
      let message = try await receiveAny(on: world)
      if message.tag == stopTag { return }
      do {
        if message.tag == circuitTag {
          let known = try PropertyListDecoder().decode(CircuitMessage.self, from: Data(message.bytes))
          circuits[known.number] = known.circuit
          continue
        }
        let reference = try PropertyListDecoder().decode(JobMessage.self, from: Data(message.bytes))
        guard let circuit = circuits[reference.circuit] else {
          throw MPIExecutorError.workerFailed(rank: world.rank, message: "circuit \(reference.circuit) was never sent")
        }
        let job = QuantumJob(circuit, bindings: reference.bindings, request: reference.request, precision: reference.precision)
        let result = try await executor.run(job)
        try world.send(Array(try encoder.encode(result)), to: 0, tag: resultTag)
      } catch {
        try world.send(Array("\(error)".utf8), to: 0, tag: errorTag)
      }
    }
  }

  private static func receiveAny(on world: MPICommunicator) async throws -> MPICommunicator.Message {
    while true {
      if let message = try world.receiveIfAvailable(from: 0) { return message }
      try await Task.sleep(for: .microseconds(50))
    }
  }
}

/// A job the MPI executor could not run.
public enum MPIExecutorError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The job needs more memory than one worker has.
  case tooLargeForWorker(needed: Int, available: Int)
  /// The worker at `rank` failed the job with `message`.
  case workerFailed(rank: Int, message: String)

  public var description: String {
    switch self {
    case let .tooLargeForWorker(needed, available):
      return "the job needs \(needed) bytes but a worker rank offers \(available)"
    case let .workerFailed(rank, message):
      return "rank \(rank) failed the job: \(message)"
    }
  }
}

/// The worker ranks not running a job; tasks wait in order for one to become free.
actor WorkerPool {
  private var idle: [Int]
  private var waiting: [CheckedContinuation<Int, Never>] = []

  init(ranks: [Int]) { idle = ranks }

  func acquire() async -> Int {
    if !idle.isEmpty { return idle.removeFirst() }
    return await withCheckedContinuation { waiting.append($0) }
  }

  func release(_ rank: Int) {
    if waiting.isEmpty {
      idle.append(rank)
    } else {
      waiting.removeFirst().resume(returning: rank)
    }
  }
}

/// A circuit a worker keeps for later jobs.
struct CircuitMessage: Codable {
  var number: Int
  var circuit: Circuit
}

/// A job on a circuit the worker already has.
struct JobMessage: Codable {
  var circuit: Int
  var bindings: [String: Double]
  var request: QuantumRequest
  var precision: Precision
}

/// The numbers given to circuits, and which worker has which.
final class CircuitNumbers: @unchecked Sendable {
  private let state = Mutex<(numbers: [Circuit: Int], sent: Set<[Int]>)>(([:], []))

  /// The circuit's number, and whether `worker` has yet to receive it (it counts as sent now).
  func number(for circuit: Circuit, worker: Int) -> (Int, Bool) {
    state.withLock { state in
      let number = state.numbers[circuit] ?? state.numbers.count
      state.numbers[circuit] = number
      return (number, state.sent.insert([worker, number]).inserted)
    }
  }
}

// `localizedDescription` carries the same message as `"\(error)"`.
extension MPIExecutorError: LocalizedError {
  public var errorDescription: String? { description }
}
