import Circuits
import Simulation

/// A request an algorithm cannot carry out, with what is wrong and by how much.
public enum AlgorithmError: Error, Hashable, Sendable, CustomStringConvertible {
  /// An argument outside the values the algorithm accepts: its name, the value, and what it must be.
  case invalidArgument(name: String, value: String, expected: String)
  /// The simulator refused a step of the algorithm.
  case simulation(SimulationError)
  /// A circuit the algorithm built or was given is not valid.
  case circuit(CircuitError)
  /// An iterative method stopped at its iteration limit before meeting its tolerance.
  case notConverged(method: String, iterations: Int, residual: Double, tolerance: Double)
  /// A dense method was asked for more qubits than it can hold in memory and time.
  case tooManyQubits(method: String, qubits: Int, maximum: Int)

  public var description: String {
    switch self {
    case let .invalidArgument(name, value, expected):
      return "\(name) is \(value); it must be \(expected)"
    case let .simulation(error):
      return error.description
    case let .circuit(error):
      return error.description
    case let .notConverged(method, iterations, residual, tolerance):
      return "\(method) did not converge in \(iterations) iterations: residual \(residual) is above the tolerance \(tolerance)"
    case let .tooManyQubits(method, qubits, maximum):
      return "\(method) needs a dense matrix of \(qubits) qubits; it handles at most \(maximum) qubits"
    }
  }
}
