// `gate` and `opaque` declarations and the bodies of gates.

extension OpenQASMParser {
  mutating func gateDefinition(isOpaque: Bool) throws(OpenQASMError) {
    let keyword = current
    advance()
    let nameToken = current
    if case .identifier(let word) = nameToken.kind, word == "U" || word == "CX" {
      throw error(at: nameToken.location, "'\(word)' is built in and cannot be redefined")
    }
    let name = try expectName("a gate name")
    if let existing = gates[name] {
      let place = existing.isStandard
        ? "in qelib1.inc" : "at line \(existing.location.line):\(existing.location.column)"
      throw error(at: nameToken.location, "gate '\(name)' is already defined \(place); give the new gate another name")
    }
    var parameterNames: [String] = []
    if current.kind == .leftParenthesis {
      advance()
      if current.kind != .rightParenthesis {
        parameterNames = try nameList("a parameter name", of: name)
      }
      try expect(.rightParenthesis, "')' after the parameters of gate \(name)")
    }
    let qubitNames = try nameList("a qubit argument name", of: name)
    var definition = GateDefinition(
      name: name, parameterCount: parameterNames.count, qubitCount: qubitNames.count, body: nil,
      isStandard: isLibrary, location: keyword.location, nesting: 0)
    if isOpaque {
      try expectSemicolon(after: "opaque declaration")
    } else {
      let (body, nesting) = try gateBody(name: name, parameterNames: parameterNames, qubitNames: qubitNames)
      guard nesting <= Self.maximumNesting else {
        throw error(at: nameToken.location, "gate '\(name)' nests gate calls more than \(Self.maximumNesting) levels deep")
      }
      definition.body = body
      definition.nesting = nesting
    }
    gates[name] = definition
  }

  /// `a, b, c`: distinct names.
  private mutating func nameList(_ what: String, of gate: String) throws(OpenQASMError) -> [String] {
    var names: [String] = []
    while true {
      let location = current.location
      let name = try expectName(what)
      guard !names.contains(name) else {
        throw error(at: location, "'\(name)' is declared twice in gate \(gate); each parameter and qubit needs its own name")
      }
      names.append(name)
      guard current.kind == .comma else { return names }
      advance()
    }
  }

  /// `{ statements }`; returns the statements and how deeply they nest gate calls.
  private mutating func gateBody(name: String, parameterNames: [String], qubitNames: [String])
    throws(OpenQASMError) -> ([GateDefinition.Statement], Int)
  {
    let open = current
    try expect(.leftBrace, "'{' to begin the body of gate \(name)")
    var body: [GateDefinition.Statement] = []
    var nesting = 1
    while true {
      let token = current
      switch token.kind {
      case .rightBrace:
        advance()
        return (body, nesting)
      case .endOfFile:
        throw error(at: open.location, "unbalanced braces: the '{' of gate \(name) is never closed with '}'")
      case .leftBrace:
        throw error(at: token.location, "unbalanced braces: '{' inside the body of gate \(name)")
      case .identifier(let word):
        switch word {
        case "U":
          advance()
          let parameters = try parameterList(names: parameterNames, gate: "U")
          guard parameters.count == 3 else {
            throw error(at: token.location, "U takes 3 parameters (theta, phi, lambda) but was given \(parameters.count)")
          }
          let qubits = try bodyQubits(gate: "U", of: name, qubitNames: qubitNames, expected: 1, at: token.location)
          body.append(.u(theta: parameters[0], phi: parameters[1], lambda: parameters[2], qubit: qubits[0]))
          try expectSemicolon(after: "U statement")
        case "CX":
          advance()
          if current.kind == .leftParenthesis {
            throw error(at: current.location, "CX takes no parameters")
          }
          let qubits = try bodyQubits(gate: "CX", of: name, qubitNames: qubitNames, expected: 2, at: token.location)
          body.append(.cx(control: qubits[0], target: qubits[1]))
          try expectSemicolon(after: "CX statement")
        case "barrier":
          advance()
          let qubits = try bodyQubits(gate: "barrier", of: name, qubitNames: qubitNames, expected: nil, at: token.location)
          body.append(.barrier(qubits: qubits))
          try expectSemicolon(after: "barrier")
        case "measure", "reset", "if", "qreg", "creg", "gate", "opaque", "include", "OPENQASM":
          throw error(at: token.location, "'\(word)' is not allowed inside the body of gate \(name); a gate body holds only "
                        + "gate calls, U, CX and barrier (is a '}' missing?)")
        default:
          advance()
          guard let callee = gates[word] else {
            let hint = word == name ? " (a gate cannot call itself)" : ""
            throw error(at: token.location, "undefined gate '\(word)' in the body of gate \(name)\(hint)")
          }
          let parameters = try parameterList(names: parameterNames, gate: word)
          try checkParameterCount(callee, given: parameters.count, at: token.location)
          let qubits = try bodyQubits(gate: word, of: name, qubitNames: qubitNames, expected: callee.qubitCount,
                                      at: token.location)
          body.append(.call(name: word, parameters: parameters, qubits: qubits))
          nesting = max(nesting, callee.nesting + 1)
          try expectSemicolon(after: "call of \(word)")
        }
      default:
        throw error(at: token.location, "expected a gate call, U, CX, barrier or '}' in the body of gate \(name), found \(token.quoted)")
      }
    }
  }

  /// The qubit arguments of a statement in a gate body, as positions in the gate's qubit list.
  private mutating func bodyQubits(gate: String, of name: String, qubitNames: [String], expected: Int?,
                                   at location: SourceLocation) throws(OpenQASMError) -> [Int]
  {
    var qubits: [Int] = []
    while true {
      let token = current
      guard case .identifier(let argument) = token.kind else {
        throw error(at: token.location, "expected a qubit argument of gate \(name) (\(qubitNames.joined(separator: ", "))), found \(token.quoted)")
      }
      guard let index = qubitNames.firstIndex(of: argument) else {
        throw error(at: token.location, "'\(argument)' is not a qubit argument of gate \(name); its qubits are "
                      + qubitNames.joined(separator: ", "))
      }
      advance()
      if current.kind == .leftBracket {
        throw error(at: current.location, "inside a gate body, qubits are the gate's arguments and take no index")
      }
      if qubits.contains(index), gate != "barrier" {
        throw error(at: token.location, "qubit '\(argument)' is used twice in one call of \(gate); a gate's qubits must differ")
      }
      if !qubits.contains(index) { qubits.append(index) }
      guard current.kind == .comma else { break }
      advance()
    }
    if let expected, qubits.count != expected {
      throw error(at: location, "gate '\(gate)' acts on \(expected) qubit\(expected == 1 ? "" : "s") but was given \(qubits.count)")
    }
    return qubits
  }

  func checkParameterCount(_ definition: GateDefinition, given: Int, at location: SourceLocation) throws(OpenQASMError) {
    guard given == definition.parameterCount else {
      let expected = definition.parameterCount
      throw error(at: location, "gate '\(definition.name)' takes \(expected) parameter\(expected == 1 ? "" : "s") but was given \(given)")
    }
  }
}
