import EntangleCircuits
import EntangleSimulation
import Foundation

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
  /// A search whose predicate marks none of the 2^n basis states: there is nothing to find.
  case noMarkedStates(qubits: Int)
  /// A number Shor's algorithm here does not factor, and why (even, prime, a prime power, too large).
  case unsupportedNumber(Int, reason: String)
  /// Order finding ran `attempts` times without yielding a factor of `number`.
  case factoringFailed(number: Int, attempts: Int)
  /// A base given by the user whose order `order` modulo `number` yields no factor
  /// (the order is odd, or a^(r/2) ≡ −1 mod N).
  case unsuitableBase(base: Int, number: Int, order: Int)
  /// A vector whose length does not match the objective's dimension: what it is, the length
  /// expected and the length given.
  case dimensionMismatch(name: String, expected: Int, actual: Int)
  /// A gradient-based optimizer was given an objective that has no gradient.
  case gradientRequired(optimizer: String)
  /// The objective returned NaN or an infinity: which quantity, and the point it was evaluated at.
  case nonFiniteObjective(quantity: String, point: [Double])
  /// Text that is not a graph in the Gset format: the line and column (both from 1) and what is wrong.
  case malformedGraph(line: Int, column: Int, reason: String)
  /// A graph with more nodes than a method can handle: the method, the nodes, the most it
  /// accepts, and what the graph would need (memory, or partitions to enumerate).
  case graphTooLarge(method: String, nodes: Int, maximum: Int, requirement: String)

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
    case let .noMarkedStates(qubits):
      return "the predicate marks none of the \(1 << min(qubits, 62)) basis states of \(qubits) qubits; "
        + "Grover search needs at least one marked state"
    case let .unsupportedNumber(number, reason):
      return "cannot factor \(number) with Shor's algorithm here: \(reason)"
    case let .factoringFailed(number, attempts):
      return "no factor of \(number) found in \(attempts) order-finding run\(attempts == 1 ? "" : "s"); "
        + "try another seed or allow more attempts"
    case let .unsuitableBase(base, number, order):
      let why = order % 2 == 1 ? "the order is odd" : "\(base)^\(order / 2) ≡ −1 (mod \(number))"
      return "base \(base) has order \(order) modulo \(number) and \(why), so it yields no factor; "
        + "choose another base or let the program choose one"
    case let .dimensionMismatch(name, expected, actual):
      return "\(name) has \(actual) entr\(actual == 1 ? "y" : "ies"); the objective has dimension \(expected)"
    case let .gradientRequired(optimizer):
      return "\(optimizer) needs a gradient; build the Objective with init(dimension:value:gradient:), or use NelderMead or SPSA"
    case let .nonFiniteObjective(quantity, point):
      return "the objective's \(quantity) is not finite at \(point); keep the search inside the objective's domain"
    case let .malformedGraph(line, column, reason):
      return "line \(line), column \(column): \(reason)"
    case let .graphTooLarge(method, nodes, maximum, requirement):
      return "\(method) on \(nodes) nodes would need \(requirement); it handles at most \(maximum) nodes"
    }
  }
}

// `localizedDescription` carries the same message as `"\(error)"`.
extension AlgorithmError: LocalizedError {
  public var errorDescription: String? { description }
}
