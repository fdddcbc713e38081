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

  public var description: String {
    switch self {
    case let .invalidArgument(name, value, expected):
      return "\(name) is \(value); it must be \(expected)"
    case let .simulation(error):
      return error.description
    case let .circuit(error):
      return error.description
    }
  }
}
