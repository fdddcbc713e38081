import RealModule

// Arithmetic on parameter expressions. Constant operands fold at once, so
// `Parameter(0.5) * 2` is the constant 1.0 and bound circuits carry plain numbers.

extension Parameter {
  private static func combine(_ op: BinaryOperator, _ lhs: Parameter, _ rhs: Parameter) -> Parameter {
    if case .constant(let a) = lhs.node, case .constant(let b) = rhs.node {
      switch op {
      case .add: return Parameter(a + b)
      case .subtract: return Parameter(a - b)
      case .multiply: return Parameter(a * b)
      case .divide: return Parameter(a / b)
      case .power: return Parameter(.pow(a, b))
      }
    }
    return Parameter(node: .binary(op, lhs.node, rhs.node))
  }

  /// The sum of two expressions (folded when both are constants).
  public static func + (lhs: Parameter, rhs: Parameter) -> Parameter { combine(.add, lhs, rhs) }
  /// The difference of two expressions (folded when both are constants).
  public static func - (lhs: Parameter, rhs: Parameter) -> Parameter { combine(.subtract, lhs, rhs) }
  /// The product of two expressions (folded when both are constants).
  public static func * (lhs: Parameter, rhs: Parameter) -> Parameter { combine(.multiply, lhs, rhs) }
  /// The quotient of two expressions (folded when both are constants).
  public static func / (lhs: Parameter, rhs: Parameter) -> Parameter { combine(.divide, lhs, rhs) }

  /// The negated expression.
  public static prefix func - (operand: Parameter) -> Parameter {
    if case .constant(let value) = operand.node { return Parameter(-value) }
    if case .negated(let inner) = operand.node { return Parameter(node: inner) }
    return Parameter(node: .negated(operand.node))
  }

  /// The sum of an expression and a number.
  @_disfavoredOverload
  public static func + (lhs: Parameter, rhs: Double) -> Parameter { lhs + Parameter(rhs) }
  /// The sum of a number and an expression.
  @_disfavoredOverload
  public static func + (lhs: Double, rhs: Parameter) -> Parameter { Parameter(lhs) + rhs }
  /// The difference of an expression and a number.
  @_disfavoredOverload
  public static func - (lhs: Parameter, rhs: Double) -> Parameter { lhs - Parameter(rhs) }
  /// The difference of a number and an expression.
  @_disfavoredOverload
  public static func - (lhs: Double, rhs: Parameter) -> Parameter { Parameter(lhs) - rhs }
  /// The product of an expression and a number.
  @_disfavoredOverload
  public static func * (lhs: Parameter, rhs: Double) -> Parameter { lhs * Parameter(rhs) }
  /// The product of a number and an expression.
  @_disfavoredOverload
  public static func * (lhs: Double, rhs: Parameter) -> Parameter { Parameter(lhs) * rhs }
  /// The quotient of an expression and a number.
  @_disfavoredOverload
  public static func / (lhs: Parameter, rhs: Double) -> Parameter { lhs / Parameter(rhs) }
  /// The quotient of a number and an expression.
  @_disfavoredOverload
  public static func / (lhs: Double, rhs: Parameter) -> Parameter { Parameter(lhs) / rhs }
}

/// `base` raised to `exponent`.
public func pow(_ base: Parameter, _ exponent: Parameter) -> Parameter {
  if case .constant(let a) = base.node, case .constant(let b) = exponent.node {
    return Parameter(.pow(a, b))
  }
  return Parameter(node: .binary(.power, base.node, exponent.node))
}

/// The sine of a parameter expression.
public func sin(_ x: Parameter) -> Parameter { .apply(.sin, x) }
/// The cosine of a parameter expression.
public func cos(_ x: Parameter) -> Parameter { .apply(.cos, x) }
/// The tangent of a parameter expression.
public func tan(_ x: Parameter) -> Parameter { .apply(.tan, x) }
/// e raised to a parameter expression.
public func exp(_ x: Parameter) -> Parameter { .apply(.exp, x) }
/// The natural logarithm of a parameter expression (`ln` in OpenQASM).
public func log(_ x: Parameter) -> Parameter { .apply(.log, x) }
/// The square root of a parameter expression.
public func sqrt(_ x: Parameter) -> Parameter { .apply(.sqrt, x) }
