import RealModule

extension Parameter {
  /// ∂(expression)/∂`symbol` at the values in `bindings`, by the chain rule on the
  /// expression tree (exact, no finite differences); 0 when the symbol does not occur.
  ///
  /// - Complexity: O(size of the expression).
  /// - Throws: ``CircuitError/unboundParameter(name:)`` for a symbol without a value;
  ///   ``CircuitError/nonFiniteParameter(expression:value:)`` where the derivative is not finite
  ///   (`sqrt` or `log` at 0, say).
  public func derivative(withRespectTo symbol: String, at bindings: [String: Double]) throws(CircuitError) -> Double {
    let result = try Self.derivative(node, symbol, bindings)
    guard result.isFinite else { throw .nonFiniteParameter(expression: "d(\(description))/d\(symbol)", value: result) }
    return result
  }

  private static func derivative(_ node: Node, _ symbol: String, _ bindings: [String: Double]) throws(CircuitError)
    -> Double
  {
    switch node {
    case .constant, .pi:
      return 0
    case .symbol(let name):
      return name == symbol ? 1 : 0
    case .negated(let inner):
      return -(try derivative(inner, symbol, bindings))
    case let .function(function, inner):
      let du = try derivative(inner, symbol, bindings)
      guard du != 0 else { return 0 }
      let u = try evaluate(inner, bindings)
      switch function {
      case .sin: return .cos(u) * du
      case .cos: return -.sin(u) * du
      case .tan: return du / (.cos(u) * .cos(u))
      case .exp: return .exp(u) * du
      case .log: return du / u
      case .sqrt: return du / (2 * u.squareRoot())
      }
    case let .binary(op, lhs, rhs):
      let da = try derivative(lhs, symbol, bindings)
      let db = try derivative(rhs, symbol, bindings)
      switch op {
      case .add: return da + db
      case .subtract: return da - db
      case .multiply:
        return da * (try evaluate(rhs, bindings)) + (try evaluate(lhs, bindings)) * db
      case .divide:
        let a = try evaluate(lhs, bindings), b = try evaluate(rhs, bindings)
        return (da * b - a * db) / (b * b)
      case .power:
        // d(a^b) = a^b · (b'·ln a + b·a'/a); the ln term only where b depends on the symbol.
        let a = try evaluate(lhs, bindings), b = try evaluate(rhs, bindings)
        var result = da == 0 ? 0 : b * .pow(a, b - 1) * da
        if db != 0 { result += .pow(a, b) * .log(a) * db }
        return result
      }
    }
  }
}
