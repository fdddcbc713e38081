import EntangleCircuits
import EntangleSimulation
import Foundation

/// Why a task, a job or a run did not produce its value.
///
/// A task that fails because an input failed carries the chain of causes:
/// `.dependencyFailed(task: "b", underlying: .dependencyFailed(task: "a", underlying: cause))`;
/// ``rootCause`` follows it to the first error.
public enum TaskError: Error, CustomStringConvertible {
  /// An input of this task, `task`, failed with `underlying` (itself perhaps a `dependencyFailed`).
  case dependencyFailed(task: String, underlying: any Error)
  /// The task needs more than the whole budget, so it could never run; it fails at once.
  case exceedsBudget(task: String, needed: ResourceBudget, budget: ResourceBudget)
  /// The task was cancelled, with its graph or its subtree, before it finished.
  case cancelled(task: String)
  /// An attempt of the task ran longer than its timeout.
  case timedOut(task: String, after: Duration)
  /// The simulator refused or failed a quantum job.
  case simulation(SimulationError)
  /// Two different tasks of one graph have the same key (a classical task's name).
  case duplicateKey(String)
  /// A handle that does not belong to the graph it was used with.
  case unknownTask(String)
  /// A result of another kind than the one asked for (e.g. probabilities read as an expectation value).
  case unexpectedResult(expected: String, actual: String)
  /// A checkpoint could not be written or read back.
  case checkpoint(path: String, reason: String)
  /// A run was started twice, or asked of something else it cannot do.
  case invalidUse(String)

  /// The first error of a `dependencyFailed` chain (the error itself for any other case).
  public var rootCause: any Error {
    var error: any Error = self
    while case let TaskError.dependencyFailed(_, underlying) = error { error = underlying }
    return error
  }

  public var description: String {
    switch self {
    case let .dependencyFailed(task, underlying):
      return "input '\(task)' failed: \(underlying)"
    case let .exceedsBudget(task, needed, budget):
      return "task '\(task)' needs \(ByteCount(Double(needed.memoryBytes))) and \(needed.threads) thread\(needed.threads == 1 ? "" : "s") but the budget is \(ByteCount(Double(budget.memoryBytes))) and \(budget.threads) thread\(budget.threads == 1 ? "" : "s"); use fewer qubits, single precision, or a larger budget"
    case let .cancelled(task):
      return "task '\(task)' was cancelled"
    case let .timedOut(task, after):
      return "task '\(task)' did not finish within \(after)"
    case let .simulation(error):
      return error.description
    case let .duplicateKey(key):
      return "two tasks have the key '\(key)'; give classical tasks distinct names"
    case let .unknownTask(name):
      return "task '\(name)' does not belong to this graph"
    case let .unexpectedResult(expected, actual):
      return "expected a result of kind \(expected), got \(actual)"
    case let .checkpoint(path, reason):
      return "checkpoint \(path): \(reason)"
    case let .invalidUse(reason):
      return reason
    }
  }
}

/// An error worth retrying: the default ``RetryPolicy`` retries errors that conform.
public protocol TransientError: Error {}

// `localizedDescription` carries the same message as `"\(error)"`.
extension TaskError: LocalizedError {
  public var errorDescription: String? { description }
}
