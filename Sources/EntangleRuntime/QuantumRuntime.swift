import EntangleCircuits
import Foundation

/// The offload API: a classical program hands quantum sub-problems to an executor and awaits
/// their results, on one machine (``LocalExecutor``) or, with another executor, across ranks.
///
/// Identical jobs in flight at the same time are computed once and their result shared; with
/// `cachesResults`, finished results are kept too, keyed by the whole job.
///
/// ```swift
/// let runtime = QuantumRuntime(executor: LocalExecutor())
/// let energy = try await runtime.expectation(ansatz, bindings: ["t": 0.3], observable: h)
/// let table = try await runtime.expectations(ansatz, bindings: sweep, observables: [h, magnetisation])
/// ```
public actor QuantumRuntime {
  /// Where jobs run.
  public nonisolated let executor: any QuantumExecutor
  /// Whether finished results are kept and returned for identical jobs.
  public nonisolated let cachesResults: Bool
  private var inFlight: [QuantumJob: Task<QuantumResult, any Error>] = [:]
  private var cache: [QuantumJob: QuantumResult] = [:]

  /// A runtime that sends jobs to `executor` (default: a ``LocalExecutor`` with the machine's
  /// budget), keeping finished results when `cachesResults` is set.
  public init(executor: any QuantumExecutor = LocalExecutor(), cachesResults: Bool = false) {
    self.executor = executor
    self.cachesResults = cachesResults
  }

  /// Starts `job` and returns its future at once; identical jobs in flight share one.
  public func submit(_ job: QuantumJob) -> Task<QuantumResult, any Error> {
    if let cached = cache[job] { return Task { cached } }
    if let running = inFlight[job] { return running }
    let executor = executor
    let task = Task { try await executor.run(job) }
    inFlight[job] = task
    Task { await self.completed(job, task) }
    return task
  }

  /// Runs `job` and returns its result.
  /// - Throws: the executor's errors (``TaskError/simulation(_:)``, ``TaskError/exceedsBudget(task:needed:budget:)``).
  public func run(_ job: QuantumJob) async throws -> QuantumResult {
    try await submit(job).value
  }

  /// ⟨ψ|H|ψ⟩ for `circuit` with `bindings`, run from |0…0⟩.
  /// - Complexity: one simulation and one pass per X/Y pattern of H.
  /// - Throws: the errors of ``run(_:)``.
  public func expectation(
    _ circuit: Circuit, bindings: [String: Double] = [:], observable: PauliSum, precision: Precision = .double
  ) async throws -> Double {
    try await run(QuantumJob(circuit, bindings: bindings, request: .expectation(observable), precision: precision))
      .expectationValue()
  }

  /// Expectation values broadcast over bindings and observables, like Qiskit's Estimator:
  /// `result[i][j]` = ⟨ψ(bindingsᵢ)|Hⱼ|ψ(bindingsᵢ)⟩, every binding with every observable
  /// (so one binding × many observables is one row, many bindings × one observable one column).
  ///
  /// Each binding is one job that simulates once for all observables; the jobs run concurrently
  /// as the executor's budget allows.
  /// - Complexity: `bindings.count` simulations.
  /// - Throws: the first failing job's error.
  public func expectations(
    _ circuit: Circuit, bindings: [[String: Double]], observables: [PauliSum], precision: Precision = .double
  ) async throws -> [[Double]] {
    guard !observables.isEmpty else { return bindings.map { _ in [] } }
    let tasks = bindings.map {
      submit(QuantumJob(circuit, bindings: $0, request: .expectations(observables), precision: precision))
    }
    var rows: [[Double]] = []
    rows.reserveCapacity(tasks.count)
    for task in tasks { rows.append(try await task.value.expectationValues()) }
    return rows
  }

  /// The probability of every basis state (little-endian: bit k of the index is qubit k).
  /// - Throws: the errors of ``run(_:)``.
  public func probabilities(
    _ circuit: Circuit, bindings: [String: Double] = [:], precision: Precision = .double
  ) async throws -> [Double] {
    try await run(QuantumJob(circuit, bindings: bindings, request: .probabilities, precision: precision))
      .probabilityValues()
  }

  /// `shots` samples of every qubit, counted by bitstring (qubit 0 rightmost).
  /// - Throws: the errors of ``run(_:)``; ``TaskError/simulation(_:)`` for a negative `shots`.
  public func samples(
    _ circuit: Circuit, bindings: [String: Double] = [:], shots: Int, seed: UInt64 = 0,
    precision: Precision = .double
  ) async throws -> [String: Int] {
    try await run(
      QuantumJob(circuit, bindings: bindings, request: .samples(shots: shots, seed: seed), precision: precision)
    ).countValues()
  }

  /// ⟨ψ(θ)|H|ψ(θ)⟩ and its gradient with respect to every symbol, by the adjoint method.
  /// - Complexity: memory of two states; time of about three simulations.
  /// - Throws: the errors of ``run(_:)``.
  public func gradient(
    _ circuit: Circuit, bindings: [String: Double], observable: PauliSum, precision: Precision = .double
  ) async throws -> (value: Double, gradient: [String: Double]) {
    try await run(QuantumJob(circuit, bindings: bindings, request: .gradient(observable), precision: precision))
      .gradientValue()
  }

  /// Runs a task graph on this runtime's executor.
  /// - Throws: the errors of ``GraphRun/run()``.
  public func run(_ graph: TaskGraph, options: RunOptions = RunOptions()) async throws -> GraphResults {
    try await GraphRun(graph, executor: executor, options: options).run()
  }

  private func completed(_ job: QuantumJob, _ task: Task<QuantumResult, any Error>) async {
    let result = await task.result
    inFlight[job] = nil
    if cachesResults, case .success(let value) = result { cache[job] = value }
  }
}
