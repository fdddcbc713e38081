import ComplexModule
import RealModule

/// The result of a ``QuantumJob``: one case per ``QuantumRequest``.
///
/// Amplitudes and probabilities are in little-endian index order (bit k of the index is
/// qubit k); count bitstrings have qubit 0 rightmost.
public enum QuantumResult: Hashable, Sendable, Codable {
  /// The amplitudes of the final state (widened to `Double` for a single-precision job).
  case state([Complex<Double>])
  /// The probability of every basis state.
  case probabilities([Double])
  /// Measurement counts by bitstring.
  case counts([String: Int])
  /// ⟨ψ|H|ψ⟩.
  case expectation(Double)
  /// ⟨ψ|Hₖ|ψ⟩ for each observable, in order.
  case expectations([Double])
  /// ⟨ψ(θ)|H|ψ(θ)⟩ and ∂/∂θ for every symbol.
  case gradient(value: Double, gradient: [String: Double])

  /// The kind, as errors name it.
  var kind: String {
    switch self {
    case .state: return "state"
    case .probabilities: return "probabilities"
    case .counts: return "counts"
    case .expectation: return "expectation"
    case .expectations: return "expectations"
    case .gradient: return "gradient"
    }
  }

  /// The expectation value (also the value of a gradient result).
  /// - Throws: ``TaskError/unexpectedResult(expected:actual:)`` for another kind.
  public func expectationValue() throws(TaskError) -> Double {
    switch self {
    case .expectation(let value), .gradient(let value, _): return value
    case .expectations(let values) where values.count == 1: return values[0]
    default: throw .unexpectedResult(expected: "expectation", actual: kind)
    }
  }

  /// The expectation values of an `.expectations` (or `.expectation`) request.
  /// - Throws: ``TaskError/unexpectedResult(expected:actual:)`` for another kind.
  public func expectationValues() throws(TaskError) -> [Double] {
    switch self {
    case .expectations(let values): return values
    case .expectation(let value): return [value]
    default: throw .unexpectedResult(expected: "expectations", actual: kind)
    }
  }

  /// The probabilities of a `.probabilities` request.
  /// - Throws: ``TaskError/unexpectedResult(expected:actual:)`` for another kind.
  public func probabilityValues() throws(TaskError) -> [Double] {
    guard case .probabilities(let values) = self else {
      throw .unexpectedResult(expected: "probabilities", actual: kind)
    }
    return values
  }

  /// The counts of a `.samples` request.
  /// - Throws: ``TaskError/unexpectedResult(expected:actual:)`` for another kind.
  public func countValues() throws(TaskError) -> [String: Int] {
    guard case .counts(let counts) = self else { throw .unexpectedResult(expected: "counts", actual: kind) }
    return counts
  }

  /// The amplitudes of a `.state` request.
  /// - Throws: ``TaskError/unexpectedResult(expected:actual:)`` for another kind.
  public func amplitudes() throws(TaskError) -> [Complex<Double>] {
    guard case .state(let amplitudes) = self else { throw .unexpectedResult(expected: "state", actual: kind) }
    return amplitudes
  }

  /// The value and gradient of a `.gradient` request.
  /// - Throws: ``TaskError/unexpectedResult(expected:actual:)`` for another kind.
  public func gradientValue() throws(TaskError) -> (value: Double, gradient: [String: Double]) {
    guard case let .gradient(value, gradient) = self else {
      throw .unexpectedResult(expected: "gradient", actual: kind)
    }
    return (value, gradient)
  }
}
