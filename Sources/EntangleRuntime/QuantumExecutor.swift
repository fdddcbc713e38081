/// Something that runs quantum jobs: in this process (``LocalExecutor``), or, later, on the
/// ranks of an MPI job. The task graph and ``QuantumRuntime`` work with any conformer.
///
/// A conformer must accept concurrent calls to ``run(_:)`` and keep the work it does at once
/// within ``resources``; a job that can never fit must throw
/// ``TaskError/exceedsBudget(task:needed:budget:)`` at once rather than wait.
public protocol QuantumExecutor: Sendable {
  /// Runs one job and returns its result.
  ///
  /// - Throws: ``TaskError/simulation(_:)`` for a job the simulator refuses (a missing binding,
  ///   an observable on a qubit the circuit lacks, …); ``TaskError/exceedsBudget(task:needed:budget:)``.
  func run(_ job: QuantumJob) async throws -> QuantumResult

  /// The memory and threads the executor has in all; schedulers size their work by it.
  var resources: ResourceBudget { get }
}
