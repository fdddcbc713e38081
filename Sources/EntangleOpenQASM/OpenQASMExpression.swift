import Foundation

/// A parameter expression as written in a program: numbers, `pi`, a gate's own parameters,
/// `+ - * / ^`, unary minus, and `sin cos tan exp ln sqrt`.
///
/// Gate arguments are evaluated to numbers when a gate is applied (OpenQASM 2 has no free
/// parameters at the top level), so expansion carries plain `Double`s and never grows expression trees.
indirect enum OpenQASMExpression: Hashable, Sendable {
  enum Operator: Hashable, Sendable { case add, subtract, multiply, divide, power }
  enum Function: String, Hashable, Sendable, CaseIterable { case sin, cos, tan, exp, ln, sqrt }

  case number(Double)
  case pi
  /// The gate parameter at this position in the definition's parameter list.
  case parameter(Int)
  case negated(OpenQASMExpression)
  case binary(Operator, OpenQASMExpression, OpenQASMExpression)
  case function(Function, OpenQASMExpression)

  /// The value with the definition's parameters set to `parameters` (each index was checked when parsed).
  func value(_ parameters: [Double]) -> Double {
    switch self {
    case .number(let value): return value
    case .pi: return .pi
    case .parameter(let index): return index < parameters.count ? parameters[index] : .nan
    case .negated(let inner): return -inner.value(parameters)
    case let .binary(op, lhs, rhs):
      let a = lhs.value(parameters), b = rhs.value(parameters)
      switch op {
      case .add: return a + b
      case .subtract: return a - b
      case .multiply: return a * b
      case .divide: return a / b
      case .power: return Foundation.pow(a, b)
      }
    case let .function(function, inner):
      let x = inner.value(parameters)
      switch function {
      case .sin: return Foundation.sin(x)
      case .cos: return Foundation.cos(x)
      case .tan: return Foundation.tan(x)
      case .exp: return Foundation.exp(x)
      case .ln: return Foundation.log(x)
      case .sqrt: return x.squareRoot()
      }
    }
  }
}
