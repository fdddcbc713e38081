import EntangleCircuits

// Top-level quantum operations: gate calls (with register broadcasting), U, CX, measure, reset,
// barrier and `if`.

extension OpenQASMParser {
  /// `if (creg == value) operation;`
  mutating func conditional() throws(OpenQASMError) {
    advance()
    try expect(.leftParenthesis, "'(' after if, as in 'if (c == 1) x q[0];'")
    let registerToken = current
    let name = try expectName("a classical register name")
    guard let entry = registerNames[name] else {
      throw error(at: registerToken.location, "undeclared register '\(name)'; declare it with 'creg \(name)[n];' before use")
    }
    guard !entry.isQuantum else {
      throw error(at: registerToken.location, "'\(name)' is a quantum register; if compares a classical register (creg)")
    }
    let register = classicalRegisters[entry.index]
    if current.kind == .leftBracket {
      throw error(at: current.location, "if compares a whole classical register, as in 'if (\(name) == 1)', not one bit")
    }
    try expect(.equalEqual, "'==' after the register in the condition")
    let valueToken = current
    let value = try expectInteger("the value compared")
    try expect(.rightParenthesis, "')' to close the condition")
    guard register.size < Int.bitWidth - 2 else {
      throw error(at: registerToken.location, "if on creg \(name)[\(register.size)] is not supported; a condition compares at most 61 bits")
    }
    guard value < 1 << register.size else {
      throw error(at: valueToken.location, "creg \(name)[\(register.size)] cannot hold \(value) (at most \((1 << register.size) - 1))")
    }
    let condition = ClassicalCondition(bits: Array(register.offset..<register.offset + register.size), value: value)
    try quantumOperation(condition: condition)
  }

  /// A gate call, `U`, `CX`, `measure` or `reset`, applied under `condition` when there is one.
  mutating func quantumOperation(condition: ClassicalCondition?) throws(OpenQASMError) {
    let token = current
    guard case .identifier(let word) = token.kind else {
      throw error(at: token.location, "expected a gate, measure or reset, found \(token.quoted)")
    }
    switch word {
    case "measure": try measure(condition: condition)
    case "reset":
      advance()
      let argument = try self.argument(quantum: true)
      try expectSemicolon(after: "reset")
      for qubit in elements(of: argument.value) {
        try append(Operation(.reset(qubit: qubit), condition: condition), at: token.location)
      }
    case "OPENQASM", "include", "qreg", "creg", "gate", "opaque", "if", "barrier":
      throw error(at: token.location, "'\(word)' cannot follow if; a condition applies to a gate, measure or reset")
    default: try gateCall(condition: condition)
    }
  }

  private mutating func measure(condition: ClassicalCondition?) throws(OpenQASMError) {
    let keyword = current
    advance()
    let qubits = try argument(quantum: true)
    try expect(.arrow, "'->' between the qubit and the classical bit of measure")
    let bits = try argument(quantum: false)
    try expectSemicolon(after: "measure")
    switch (qubits.value, bits.value) {
    case let (.element(qubit), .element(bit)):
      try append(Operation(.measure(qubit: qubit, bit: bit), condition: condition), at: keyword.location)
    case let (.register(quantum), .register(classical)):
      guard quantum.size == classical.size else {
        throw error(at: bits.location, "measure \(quantum.name) -> \(classical.name): qreg \(quantum.name) has \(quantum.size) "
                      + "qubits but creg \(classical.name) has \(classical.size) bits; measure registers of the same size")
      }
      for i in 0..<quantum.size {
        try append(Operation(.measure(qubit: quantum.offset + i, bit: classical.offset + i), condition: condition),
                   at: keyword.location)
      }
    default:
      throw error(at: bits.location, "measure one qubit into one bit (q[0] -> c[0]) or a register into a register of the same size (q -> c)")
    }
  }

  mutating func barrier() throws(OpenQASMError) {
    let keyword = current
    advance()
    var qubits: [Int] = []
    var seen: Set<Int> = []
    while true {
      let argument = try self.argument(quantum: true)
      for qubit in elements(of: argument.value) where seen.insert(qubit).inserted { qubits.append(qubit) }
      guard current.kind == .comma else { break }
      advance()
    }
    try expectSemicolon(after: "barrier")
    try append(Operation(.barrier(qubits: qubits)), at: keyword.location)
  }

  private mutating func gateCall(condition: ClassicalCondition?) throws(OpenQASMError) {
    let nameToken = current
    guard case .identifier(let name) = nameToken.kind else {
      throw error(at: nameToken.location, "expected a gate name, found \(nameToken.quoted)")
    }
    advance()
    let definition: GateDefinition?
    let parameterCount: Int, qubitCount: Int
    switch name {
    case "U": (definition, parameterCount, qubitCount) = (nil, 3, 1)
    case "CX": (definition, parameterCount, qubitCount) = (nil, 0, 2)
    default:
      guard let found = gates[name] else { throw undefinedGate(name, at: nameToken.location) }
      (definition, parameterCount, qubitCount) = (found, found.parameterCount, found.qubitCount)
    }
    let parameterStart = current.location
    let expressions = try parameterList(names: [], gate: name)
    guard expressions.count == parameterCount else {
      throw error(at: nameToken.location, "gate '\(name)' takes \(parameterCount) parameter\(parameterCount == 1 ? "" : "s") "
                    + "but was given \(expressions.count)")
    }
    let parameters = expressions.map { $0.value([]) }
    if let bad = parameters.first(where: { !$0.isFinite }) {
      throw error(at: parameterStart, "a parameter of \(name) evaluates to \(bad); check for division by zero and ln or sqrt of a negative number")
    }
    var arguments: [(value: Argument, location: SourceLocation)] = []
    while true {
      arguments.append(try argument(quantum: true))
      guard current.kind == .comma else { break }
      advance()
    }
    guard arguments.count == qubitCount else {
      throw error(at: nameToken.location, "gate '\(name)' acts on \(qubitCount) qubit\(qubitCount == 1 ? "" : "s") "
                    + "but was given \(arguments.count)")
    }
    try expectSemicolon(after: "call of \(name)")

    // Broadcasting (paper, section 3): whole registers must have one size; the gate is applied to element i of each.
    var broadcastSize: Int? = nil
    var firstRegister: QASMRegister? = nil
    for (value, location) in arguments {
      guard case .register(let register) = value else { continue }
      if let size = broadcastSize, let first = firstRegister, size != register.size {
        throw error(at: location, "cannot broadcast \(name) over registers of different sizes: \(first.name) has \(size) "
                      + "qubits, \(register.name) has \(register.size)")
      }
      broadcastSize = register.size
      firstRegister = firstRegister ?? register
    }
    for i in 0..<(broadcastSize ?? 1) {
      var qubits: [Int] = []
      for (value, location) in arguments {
        let qubit: Int
        switch value {
        case .element(let index): qubit = index
        case .register(let register): qubit = register.offset + i
        }
        if qubits.contains(qubit) {
          throw error(at: location, "\(qubitName(qubit)) is used twice in one call of \(name); a gate's qubits must differ")
        }
        qubits.append(qubit)
      }
      if let definition {
        try apply(definition, parameters: parameters, qubits: qubits, condition: condition, at: nameToken.location)
      } else if name == "U" {
        try append(Operation(.gate(.u(theta: Parameter(parameters[0]), phi: Parameter(parameters[1]),
                                      lambda: Parameter(parameters[2])), targets: [qubits[0]], controls: []),
                             condition: condition), at: nameToken.location)
      } else {
        try append(Operation(.gate(.x, targets: [qubits[1]], controls: [qubits[0]]), condition: condition),
                   at: nameToken.location)
      }
    }
  }

  private func undefinedGate(_ name: String, at location: SourceLocation) -> OpenQASMError {
    if !includedStandardLibrary, case .success(let library) = StandardLibrary.definitions, library[name] != nil {
      return error(at: location, "undefined gate '\(name)': it is in qelib1.inc; add 'include \"qelib1.inc\";' after the OPENQASM line")
    }
    if let entry = registerNames[name] {
      return error(at: location, "'\(name)' is a \(entry.isQuantum ? "qreg" : "creg"), not a gate")
    }
    return error(at: location, "undefined gate '\(name)'; define it with 'gate \(name) … { … }' before use")
  }

  /// Appends the operations of `definition` on `qubits`: native for a standard gate, else its body expanded.
  private mutating func apply(_ definition: GateDefinition, parameters: [Double], qubits: [Int],
                              condition: ClassicalCondition?, at location: SourceLocation) throws(OpenQASMError)
  {
    if definition.isStandard,
      let native = StandardGateMapping.operations(name: definition.name, parameters: parameters, qubits: qubits)
    {
      for operation in native {
        try append(Operation(operation.kind, condition: condition), at: location)
      }
      return
    }
    guard let body = definition.body else {
      throw error(at: location, "opaque gate '\(definition.name)' (declared at line \(definition.location.line)) has no "
                    + "definition, so it cannot be applied; give it a body with 'gate'")
    }
    for statement in body {
      switch statement {
      case let .u(theta, phi, lambda, qubit):
        let values = [theta.value(parameters), phi.value(parameters), lambda.value(parameters)]
        try checkFinite(values, gate: "U", at: location)
        let gate = Gate.u(theta: Parameter(values[0]), phi: Parameter(values[1]), lambda: Parameter(values[2]))
        try append(Operation(.gate(gate, targets: [qubits[qubit]], controls: []), condition: condition), at: location)
      case let .cx(control, target):
        try append(Operation(.gate(.x, targets: [qubits[target]], controls: [qubits[control]]), condition: condition),
                   at: location)
      case let .call(name, expressions, positions):
        guard let callee = gates[name] else { throw undefinedGate(name, at: location) }
        let values = expressions.map { $0.value(parameters) }
        try checkFinite(values, gate: name, at: location)
        try apply(callee, parameters: values, qubits: positions.map { qubits[$0] }, condition: condition, at: location)
      case .barrier(let positions):
        try append(Operation(.barrier(qubits: positions.map { qubits[$0] })), at: location)
      }
    }
  }

  private func checkFinite(_ values: [Double], gate: String, at location: SourceLocation) throws(OpenQASMError) {
    if let bad = values.first(where: { !$0.isFinite }) {
      throw error(at: location, "a parameter of \(gate) evaluates to \(bad) in this call; check for division by zero "
                    + "and ln or sqrt of a negative number")
    }
  }

  mutating func append(_ operation: Operation, at location: SourceLocation) throws(OpenQASMError) {
    guard operations.count < Self.maximumOperations else {
      throw error(at: location, "the program expands to more than \(Self.maximumOperations) operations, the most Entangle reads")
    }
    operations.append(operation)
  }

  /// `name` or `name[index]`, checked against the declared registers.
  mutating func argument(quantum: Bool) throws(OpenQASMError) -> (value: Argument, location: SourceLocation) {
    let token = current
    let kindName = quantum ? "qreg" : "creg"
    guard case .identifier(let name) = token.kind else {
      throw error(at: token.location, "expected a \(quantum ? "qubit" : "classical bit") (a \(kindName) or one of its elements), found \(token.quoted)")
    }
    advance()
    guard let entry = registerNames[name] else {
      throw error(at: token.location, "undeclared register '\(name)'; declare it with '\(kindName) \(name)[n];' before use")
    }
    guard entry.isQuantum == quantum else {
      throw error(at: token.location, quantum
                    ? "'\(name)' is a classical register (creg); gates, measure, reset and barrier act on a qreg"
                    : "'\(name)' is a quantum register (qreg); measure writes into a creg")
    }
    let register = quantum ? quantumRegisters[entry.index] : classicalRegisters[entry.index]
    guard current.kind == .leftBracket else { return (.register(register), token.location) }
    advance()
    let indexToken = current
    guard case .integer(let text) = indexToken.kind else {
      throw error(at: indexToken.location, "expected an index (a non-negative integer) after '\(name)[', found \(indexToken.quoted)")
    }
    advance()
    try expect(.rightBracket, "']' after the index of \(name)")
    guard let index = Int(text), index < register.size else {
      throw error(at: indexToken.location, "index \(text) is out of range for \(kindName) \(name)[\(register.size)] "
                    + "(indices 0 to \(register.size - 1))")
    }
    return (.element(register.offset + index), token.location)
  }

  func elements(of argument: Argument) -> [Int] {
    switch argument {
    case .element(let index): return [index]
    case .register(let register): return Array(register.offset..<register.offset + register.size)
    }
  }

  /// `q[3]` for circuit qubit `qubit`.
  func qubitName(_ qubit: Int) -> String {
    for register in quantumRegisters where (register.offset..<register.offset + register.size).contains(qubit) {
      return "\(register.name)[\(qubit - register.offset)]"
    }
    return "qubit \(qubit)"
  }
}
