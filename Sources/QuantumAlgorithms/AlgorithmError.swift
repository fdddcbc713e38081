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
  /// A vector whose length does not match the objective's dimension: what it is, the length
  /// expected and the length given.
  case dimensionMismatch(name: String, expected: Int, actual: Int)
  /// A gradient-based optimizer was given an objective that has no gradient.
  case gradientRequired(optimizer: String)
  /// The objective returned NaN or an infinity: which quantity, and the point it was evaluated at.
  case nonFiniteObjective(quantity: String, point: [Double])

  public var description: String {
    switch self {
    case let .invalidArgument(name, value, expected):
      return "\(name) is \(value); it must be \(expected)"
    case let .simulation(error):
      return error.description
    case let .circuit(error):
      return error.description
    case let .dimensionMismatch(name, expected, actual):
      return "\(name) has \(actual) entr\(actual == 1 ? "y" : "ies"); the objective has dimension \(expected)"
    case let .gradientRequired(optimizer):
      return "\(optimizer) needs a gradient; build the Objective with init(dimension:value:gradient:), or use NelderMead or SPSA"
    case let .nonFiniteObjective(quantity, point):
      return "the objective's \(quantity) is not finite at \(point); keep the search inside the objective's domain"
    }
  }
}
