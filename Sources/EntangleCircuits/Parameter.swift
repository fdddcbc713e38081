import RealModule

/// A gate angle: a number, a named symbol bound later, or an expression of them.
///
/// ```swift
/// let theta = Parameter("theta")
/// let angle = 2 * theta + .pi / 4       // an expression
/// try angle.value(["theta": 0.1])       // 0.2 + π/4
/// ```
/// Expressions support `+ - * /`, unary minus, ``pow(_:_:)``, and the functions
/// `sin`, `cos`, `tan`, `exp`, `log` (natural) and `sqrt`. Number literals are parameters.
public struct Parameter: Hashable, Sendable {
  indirect enum Node: Hashable, Sendable {
    case constant(Double)
    case pi
    case symbol(String)
    case negated(Node)
    case binary(BinaryOperator, Node, Node)
    case function(Function, Node)
  }

  enum BinaryOperator: String, Hashable, Sendable {
    case add = "+", subtract = "-", multiply = "*", divide = "/", power = "^"
  }

  /// The functions an expression can apply.
  public enum Function: String, Hashable, Sendable, CaseIterable {
    case sin, cos, tan, exp, log, sqrt
  }

  let node: Node

  init(node: Node) { self.node = node }

  /// A symbol named `name`, given a value later by binding.
  public init(_ name: String) { node = .symbol(name) }

  /// A constant.
  public init(_ value: Double) { node = .constant(value) }

  /// The constant π, kept symbolic so that printed circuits read `pi/2`.
  public static let pi = Parameter(node: .pi)

  /// The names of the symbols this expression uses.
  public var symbols: Set<String> {
    var names: Set<String> = []
    Self.collectSymbols(node, into: &names)
    return names
  }

  /// Whether the expression has no symbols.
  public var isConstant: Bool { symbols.isEmpty }

  /// The value of the expression with every symbol taken from `bindings`.
  ///
  /// - Throws: ``CircuitError/unboundParameter(name:)`` for a symbol without a value;
  ///   ``CircuitError/nonFiniteParameter(expression:value:)`` for NaN or infinity.
  public func value(_ bindings: [String: Double] = [:]) throws(CircuitError) -> Double {
    let result = try Self.evaluate(node, bindings)
    guard result.isFinite else {
      throw .nonFiniteParameter(expression: description, value: result)
    }
    return result
  }

  /// The expression with the symbols in `bindings` replaced by their values; other symbols stay.
  public func substituting(_ bindings: [String: Double]) -> Parameter {
    Self.substitute(node, bindings)
  }

  /// Applies `function` to an expression.
  public static func apply(_ function: Function, _ argument: Parameter) -> Parameter {
    if case .constant(let value) = argument.node {
      return Parameter(Self.evaluate(function, value))
    }
    return Parameter(node: .function(function, argument.node))
  }

  static func evaluate(_ function: Function, _ x: Double) -> Double {
    switch function {
    case .sin: return .sin(x)
    case .cos: return .cos(x)
    case .tan: return .tan(x)
    case .exp: return .exp(x)
    case .log: return .log(x)
    case .sqrt: return x.squareRoot()
    }
  }

  private static func collectSymbols(_ node: Node, into names: inout Set<String>) {
    switch node {
    case .constant, .pi: break
    case .symbol(let name): names.insert(name)
    case .negated(let inner), .function(_, let inner): collectSymbols(inner, into: &names)
    case .binary(_, let lhs, let rhs):
      collectSymbols(lhs, into: &names)
      collectSymbols(rhs, into: &names)
    }
  }

  static func evaluate(_ node: Node, _ bindings: [String: Double]) throws(CircuitError) -> Double {
    switch node {
    case .constant(let value): return value
    case .pi: return .pi
    case .symbol(let name):
      guard let value = bindings[name] else { throw .unboundParameter(name: name) }
      return value
    case .negated(let inner): return -(try evaluate(inner, bindings))
    case .function(let function, let inner): return evaluate(function, try evaluate(inner, bindings))
    case .binary(let op, let lhs, let rhs):
      let a = try evaluate(lhs, bindings)
      let b = try evaluate(rhs, bindings)
      switch op {
      case .add: return a + b
      case .subtract: return a - b
      case .multiply: return a * b
      case .divide: return a / b
      case .power: return .pow(a, b)
      }
    }
  }

  /// Rebuilds the expression with symbols replaced, folding every operation whose operands become constants.
  private static func substitute(_ node: Node, _ bindings: [String: Double]) -> Parameter {
    switch node {
    case .constant, .pi: return Parameter(node: node)
    case .symbol(let name): return bindings[name].map { Parameter($0) } ?? Parameter(node: node)
    case .negated(let inner): return -substitute(inner, bindings)
    case .function(let function, let inner): return apply(function, substitute(inner, bindings))
    case .binary(let op, let lhs, let rhs):
      let a = substitute(lhs, bindings), b = substitute(rhs, bindings)
      switch op {
      case .add: return a + b
      case .subtract: return a - b
      case .multiply: return a * b
      case .divide: return a / b
      case .power: return pow(a, b)
      }
    }
  }
}

extension Parameter: ExpressibleByFloatLiteral, ExpressibleByIntegerLiteral {
  public init(floatLiteral value: Double) { self.init(value) }
  public init(integerLiteral value: Int) { self.init(Double(value)) }
}

extension Parameter: CustomStringConvertible {
  /// The expression in OpenQASM syntax (`pi`, `^`, `ln` for the natural logarithm).
  public var description: String { Self.format(node, parentPrecedence: 0) }

  /// The shortest text that reads back as `value`, in OpenQASM 2's real syntax (a decimal point before
  /// any exponent: `1.0e-05`).
  static func format(_ value: Double) -> String {
    if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
    let text = "\(value)"
    guard let exponent = text.firstIndex(where: { $0 == "e" || $0 == "E" }), !text[..<exponent].contains(".") else {
      return text
    }
    return text[..<exponent] + ".0" + text[exponent...]
  }

  private static func precedence(_ op: BinaryOperator) -> Int {
    switch op {
    case .add, .subtract: return 1
    case .multiply, .divide: return 2
    case .power: return 4
    }
  }

  private static func format(_ node: Node, parentPrecedence: Int) -> String {
    switch node {
    case .constant(let value):
      return value < 0 && parentPrecedence > 0 ? "(\(format(value)))" : format(value)
    case .pi: return "pi"
    case .symbol(let name): return name
    case .negated(let inner):
      let text = "-" + format(inner, parentPrecedence: 3)
      return parentPrecedence > 0 ? "(\(text))" : text
    case .function(let function, let inner):
      let name = function == .log ? "ln" : function.rawValue
      return "\(name)(\(format(inner, parentPrecedence: 0)))"
    case .binary(let op, let lhs, let rhs):
      let own = precedence(op)
      // Left-associative: the right operand needs parentheses at equal precedence.
      let text = format(lhs, parentPrecedence: op == .power ? own + 1 : own) + op.rawValue
        + format(rhs, parentPrecedence: op == .power ? own : own + 1)
      return own < parentPrecedence ? "(\(text))" : text
    }
  }
}

/// A value that can stand for a gate angle: `Double`, `Int`, or ``Parameter``.
public protocol ParameterConvertible: Sendable {
  /// This value as a parameter expression.
  var parameter: Parameter { get }
}

extension Parameter: ParameterConvertible {
  public var parameter: Parameter { self }
}

extension Double: ParameterConvertible {
  public var parameter: Parameter { Parameter(self) }
}

extension Int: ParameterConvertible {
  public var parameter: Parameter { Parameter(Double(self)) }
}

extension ParameterConvertible where Self == Parameter {
  /// π, so that `.pi` reads as an angle wherever a gate takes one, also beside angles held in variables.
  public static var pi: Parameter { Parameter.pi }
}
