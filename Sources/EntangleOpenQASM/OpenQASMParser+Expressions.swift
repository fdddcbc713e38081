// Parameter expressions (OpenQASM 2.0 paper, appendix A), loosest binding first:
//   expression := term (('+' | '-') term)*
//   term       := unary (('*' | '/') unary)*
//   unary      := ('-' | '+') unary | power
//   power      := atom ('^' unary)?            (right-associative; -2^2 is -(2^2), as in Qiskit)
//   atom       := number | pi | parameter | function '(' expression ')' | '(' expression ')'

extension OpenQASMParser {
  /// A parenthesised, comma-separated list of expressions, or an empty list when there is no '('.
  mutating func parameterList(names: [String], gate: String) throws(OpenQASMError) -> [OpenQASMExpression] {
    guard current.kind == .leftParenthesis else { return [] }
    advance()
    var result: [OpenQASMExpression] = []
    if current.kind == .rightParenthesis {
      advance()
      return result
    }
    while true {
      result.append(try expression(names: names, depth: 0))
      if current.kind == .comma {
        advance()
        continue
      }
      guard current.kind == .rightParenthesis else {
        throw error(at: current.location, "expected ',' or ')' in the parameters of \(gate), found \(current.quoted)")
      }
      advance()
      return result
    }
  }

  /// An expression whose names are `pi`, the functions, and the parameters `names` of the gate being defined.
  mutating func expression(names: [String], depth: Int) throws(OpenQASMError) -> OpenQASMExpression {
    var result = try term(names: names, depth: depth)
    while current.kind == .plus || current.kind == .minus {
      let op: OpenQASMExpression.Operator = current.kind == .plus ? .add : .subtract
      advance()
      result = .binary(op, result, try term(names: names, depth: depth))
    }
    return result
  }

  private mutating func term(names: [String], depth: Int) throws(OpenQASMError) -> OpenQASMExpression {
    var result = try unary(names: names, depth: depth)
    while current.kind == .star || current.kind == .slash {
      let op: OpenQASMExpression.Operator = current.kind == .star ? .multiply : .divide
      advance()
      result = .binary(op, result, try unary(names: names, depth: depth))
    }
    return result
  }

  private mutating func unary(names: [String], depth: Int) throws(OpenQASMError) -> OpenQASMExpression {
    guard depth < Self.maximumNesting else {
      throw error(at: current.location, "expression nested more than \(Self.maximumNesting) levels deep")
    }
    switch current.kind {
    case .minus:
      advance()
      return .negated(try unary(names: names, depth: depth + 1))
    case .plus:
      advance()
      return try unary(names: names, depth: depth + 1)
    default:
      let base = try atom(names: names, depth: depth)
      guard current.kind == .caret else { return base }
      advance()
      return .binary(.power, base, try unary(names: names, depth: depth + 1))
    }
  }

  private mutating func atom(names: [String], depth: Int) throws(OpenQASMError) -> OpenQASMExpression {
    let token = current
    switch token.kind {
    case .real(let value):
      advance()
      return .number(value)
    case .integer(let text):
      advance()
      // Digits too many for Int are still a number.
      return .number(Double(text) ?? .infinity)
    case .leftParenthesis:
      advance()
      let inner = try expression(names: names, depth: depth + 1)
      try expect(.rightParenthesis, "')' to close the '(' at line \(token.location.line):\(token.location.column)")
      return inner
    case .identifier(let name):
      advance()
      if name == "pi" { return .pi }
      if let function = OpenQASMExpression.Function(rawValue: name) {
        try expect(.leftParenthesis, "'(' after \(name)")
        let argument = try expression(names: names, depth: depth + 1)
        try expect(.rightParenthesis, "')' to close \(name)(")
        return .function(function, argument)
      }
      if let index = names.firstIndex(of: name) { return .parameter(index) }
      let hint = names.isEmpty
        ? "outside a gate definition an expression holds only numbers, pi and sin cos tan exp ln sqrt"
        : "the gate's parameters are " + names.joined(separator: ", ")
      throw error(at: token.location, "undefined parameter '\(name)': \(hint)")
    default:
      throw error(at: token.location, "malformed expression: expected a number, pi, a parameter, a function or '(', found \(token.quoted)")
    }
  }
}
