import EntangleCircuits
import ComplexModule
import Foundation
import EntangleSimulation

/// Runs quantum jobs in this process on the state-vector simulator, within a memory and
/// thread budget.
///
/// Jobs with the same circuit share one ``CompiledCircuit`` (a small least-recently-used cache
/// of plans), so a parameter sweep plans once. Jobs run concurrently while they fit in the
/// budget and wait their turn otherwise; each runs on its own thread outside Swift's
/// cooperative pool (from 14 qubits; smaller ones take well under a millisecond and run in
/// place), so long simulations never starve the tasks that schedule them.
public final class LocalExecutor: QuantumExecutor {
  /// The memory and threads jobs may use at once.
  public let resources: ResourceBudget
  private let pool: ResourcePool
  private let plans: PlanCache

  /// An executor with `resources` (default: 80% of the machine's available memory and all
  /// its cores) that keeps the plans of the last `planCacheCapacity` circuits.
  public init(resources: ResourceBudget = .machine(), planCacheCapacity: Int = 16) {
    self.resources = resources
    pool = ResourcePool(budget: resources)
    plans = PlanCache(capacity: planCacheCapacity)
  }

  /// Runs `job`: waits for its memory and threads (``QuantumJob/resourceNeed(threadBudget:)``),
  /// fetches or compiles its plan, simulates, and computes its request.
  ///
  /// - Complexity: the circuit's passes over a state of 2^n amplitudes, plus the request's
  ///   (one pass per X/Y pattern of an observable, the adjoint sweep of a gradient, …).
  /// - Throws: ``TaskError/exceedsBudget(task:needed:budget:)`` at once for a job that needs
  ///   more than the whole budget; ``TaskError/simulation(_:)`` for what the simulator refuses.
  public func run(_ job: QuantumJob) async throws -> QuantumResult {
    let need = job.resourceNeed(threadBudget: resources.threads)
    try await pool.acquire(need, for: job.summary)
    let outcome = await simulate(job, threads: need.threads)
    await pool.release(need)
    return try outcome.get()
  }

  private func simulate(_ job: QuantumJob, threads: Int) async -> Result<QuantumResult, TaskError> {
    let compiled: CompiledCircuit
    do {
      compiled = try await plans.plan(for: job.circuit, precision: job.precision)
    } catch {
      return .failure(.simulation(error))
    }
    // The budget is the limit: it was set from the machine's memory once, so no state needs
    // to read /proc/meminfo again (tens of microseconds, a third of a small job).
    let limit = MemoryLimit(bytes: resources.memoryBytes)
    let work: @Sendable () -> Result<QuantumResult, TaskError> = {
      Result { () throws(SimulationError) -> QuantumResult in
        if job.precision == .single {
          return try Self.simulate(job, compiled, threads: threads, limit: limit, scalar: Float.self)
        }
        return try Self.simulate(job, compiled, threads: threads, limit: limit, scalar: Double.self)
      }.mapError { TaskError.simulation($0) }
    }
    // A state below 2^14 amplitudes simulates in well under a millisecond: run it here rather
    // than pay a thread hop. Larger ones leave Swift's cooperative pool to its scheduling work.
    guard job.qubitCount >= Self.inlineQubitLimit else { return work() }
    return await withCheckedContinuation { continuation in
      DispatchQueue.global(qos: .userInitiated).async { continuation.resume(returning: work()) }
    }
  }

  /// States of fewer qubits run on the calling task's thread.
  static let inlineQubitLimit = 14

  /// What the executor has done so far: jobs run, plans compiled and reused, and the most
  /// memory and threads its jobs held at once.
  public var statistics: ExecutorStatistics {
    get async {
      ExecutorStatistics(
        jobsRun: await plans.lookups, plansCompiled: await plans.compilations, planCacheHits: await plans.hits,
        peakInUse: await pool.peak)
    }
  }

  private static func simulate<Scalar: AmplitudeScalar>(
    _ job: QuantumJob, _ compiled: CompiledCircuit, threads: Int, limit: MemoryLimit, scalar: Scalar.Type
  ) throws(SimulationError) -> QuantumResult {
    func finalState() throws(SimulationError) -> StateVector<Scalar> {
      var state = try StateVector<Scalar>(qubits: compiled.qubitCount, memoryLimit: limit)
      state.threadCount = threads
      let seed: UInt64 = if case .samples(_, let seed) = job.request { seed } else { 0 }
      try state.apply(compiled, bindings: job.bindings, seed: seed)
      return state
    }
    switch job.request {
    case .state:
      return .state(try finalState().amplitudes.map { Complex(Double($0.real), Double($0.imaginary)) })
    case .probabilities:
      return .probabilities(try finalState().probabilities())
    case let .samples(shots, seed):
      return .counts(try finalState().counts(shots: shots, seed: seed))
    case .expectation(let observable):
      return .expectation(try finalState().expectation(of: observable))
    case .expectations(let observables):
      let state = try finalState()
      return .expectations(try observables.map { observable throws(SimulationError) in try state.expectation(of: observable) })
    case .gradient(let observable):
      let (value, gradient) = try compiled.gradient(of: observable, at: job.bindings, scalar: Scalar.self, threads: threads)
      return .gradient(value: value, gradient: gradient)
    }
  }
}

/// What a ``LocalExecutor`` has done since it was made.
public struct ExecutorStatistics: Hashable, Sendable {
  /// Jobs that reached the simulator, failed ones included (not those refused for their size).
  public var jobsRun: Int
  /// Circuits planned.
  public var plansCompiled: Int
  /// Jobs that found their circuit's plan in the cache.
  public var planCacheHits: Int
  /// The most memory and threads held by jobs at once.
  public var peakInUse: ResourceBudget
}
