import EntangleCircuits

/// Reads OpenQASM 2.0 statements and builds the circuit as it goes (OpenQASM 2.0 paper, arXiv:1707.03429).
///
/// Gates of the built-in `qelib1.inc` become native ``Circuits/Gate``s (``StandardGateMapping``);
/// gates the program defines are expanded into them with their parameters evaluated. Every
/// problem is an ``OpenQASMError`` at the token where it shows; nothing traps, whatever the input.
struct OpenQASMParser {
  /// The most qubits (and the most classical bits) a program may declare, whatever the memory:
  /// far beyond any simulation, it keeps a broadcast such as `h q;` from running away.
  static let maximumRegisterElements = 1 << 20
  /// The most operations a program may expand to.
  static let maximumOperations = 1 << 24
  /// The deepest nesting of parentheses in an expression, and of gate calls in gate definitions.
  static let maximumNesting = 64

  /// A gate, `measure`, `reset` or `barrier` argument: one qubit or bit (its circuit index), or a whole register.
  enum Argument {
    case element(Int)
    case register(QASMRegister)
  }

  /// The memory limit a program is read against (see ``OpenQASM/parse(_:file:maximumQubits:bytesPerAmplitude:availableBytes:)``).
  struct Limits {
    var maximumQubits: Int?
    var bytesPerAmplitude: Int
    var availableBytes: Int?
  }

  let file: String
  let tokens: [OpenQASMToken]
  var position = 0
  let isLibrary: Bool
  let limits: Limits
  var gates: [String: GateDefinition] = [:]
  var quantumRegisters: [QASMRegister] = []
  var classicalRegisters: [QASMRegister] = []
  var registerNames: [String: (isQuantum: Bool, index: Int)] = [:]
  var qubitCount = 0
  var bitCount = 0
  var operations: [Operation] = []
  var includedStandardLibrary = false

  static let keywords = Set([
    "OPENQASM", "include", "qreg", "creg", "gate", "opaque", "measure", "reset", "barrier", "if", "U", "CX", "pi",
  ] + OpenQASMExpression.Function.allCases.map(\.rawValue))

  init(_ source: String, file: String, isLibrary: Bool = false, limits: Limits) throws(OpenQASMError) {
    self.file = file
    self.isLibrary = isLibrary
    self.limits = limits
    tokens = try OpenQASMLexer.tokens(of: source, file: file)
  }

  /// The gate definitions of a library file (used for the built-in `qelib1.inc`).
  static func libraryDefinitions(_ source: String, file: String) throws(OpenQASMError) -> [String: GateDefinition] {
    var parser = try OpenQASMParser(source, file: file, isLibrary: true,
                                    limits: Limits(maximumQubits: nil, bytesPerAmplitude: 16, availableBytes: nil))
    while parser.current.kind != .endOfFile { try parser.statement(isFirst: false) }
    return parser.gates
  }

  /// Reads the whole program.
  mutating func parseProgram() throws(OpenQASMError) -> QASMProgram {
    guard current.kind != .endOfFile else {
      throw error(at: current.location,
                  "the file is empty: an OpenQASM 2.0 program starts with 'OPENQASM 2.0;' and declares a qreg")
    }
    var isFirst = true
    while current.kind != .endOfFile {
      try statement(isFirst: isFirst)
      isFirst = false
    }
    do {
      let circuit = try Circuit(qubits: qubitCount, bits: bitCount, operations: operations)
      return QASMProgram(circuit: circuit, quantumRegisters: quantumRegisters, classicalRegisters: classicalRegisters)
    } catch {
      throw self.error(at: current.location, "the program does not form a valid circuit: \(error)")
    }
  }

  // MARK: - Tokens

  var current: OpenQASMToken { tokens[min(position, tokens.count - 1)] }
  var previous: OpenQASMToken { tokens[max(0, min(position - 1, tokens.count - 1))] }

  mutating func advance() { if position < tokens.count - 1 { position += 1 } }

  func error(at location: SourceLocation, _ message: String) -> OpenQASMError {
    OpenQASMError(file: file, line: location.line, column: location.column, message: message)
  }

  /// Consumes a token of `kind` or throws "expected `what`".
  mutating func expect(_ kind: OpenQASMToken.Kind, _ what: String) throws(OpenQASMError) {
    guard current.kind == kind else { throw error(at: current.location, "expected \(what), found \(current.quoted)") }
    advance()
  }

  /// Consumes the `;` that ends a statement; a missing one is reported just after the statement's last token.
  mutating func expectSemicolon(after statement: String) throws(OpenQASMError) {
    guard current.kind == .semicolon else {
      throw error(at: previous.end, "missing ';' at the end of the \(statement) (found \(current.quoted) next)")
    }
    advance()
  }

  /// Consumes a name (not a keyword) and returns it.
  mutating func expectName(_ what: String) throws(OpenQASMError) -> String {
    guard case .identifier(let name) = current.kind else {
      throw error(at: current.location, "expected \(what), found \(current.quoted)")
    }
    guard !Self.keywords.contains(name) else {
      throw error(at: current.location, "'\(name)' is a reserved word of OpenQASM and cannot be used as \(what)")
    }
    advance()
    return name
  }

  /// Consumes a non-negative integer that fits in `Int`.
  mutating func expectInteger(_ what: String) throws(OpenQASMError) -> Int {
    guard case .integer(let text) = current.kind else {
      throw error(at: current.location, "expected \(what) (a non-negative integer), found \(current.quoted)")
    }
    guard let value = Int(text) else {
      throw error(at: current.location, "\(what) \(text) is too large")
    }
    advance()
    return value
  }

  // MARK: - Statements

  mutating func statement(isFirst: Bool) throws(OpenQASMError) {
    let token = current
    guard case .identifier(let word) = token.kind else {
      if token.kind == .rightBrace {
        throw error(at: token.location, "unbalanced braces: this '}' closes no '{'")
      }
      throw error(at: token.location, "expected a statement, found \(token.quoted)")
    }
    if isLibrary, word != "gate", word != "opaque" {
      throw error(at: token.location, "a library file holds only gate and opaque declarations")
    }
    switch word {
    case "OPENQASM":
      guard isFirst else {
        throw error(at: token.location, "'OPENQASM 2.0;' must be the first statement of the file")
      }
      try header()
    case "include": try include()
    case "qreg": try registerDeclaration(isQuantum: true)
    case "creg": try registerDeclaration(isQuantum: false)
    case "gate": try gateDefinition(isOpaque: false)
    case "opaque": try gateDefinition(isOpaque: true)
    case "barrier": try barrier()
    case "if": try conditional()
    default: try quantumOperation(condition: nil)
    }
  }

  mutating func header() throws(OpenQASMError) {
    advance()
    let versionToken = current
    let version: String
    switch versionToken.kind {
    case .real(let value): version = value == 2 ? "2.0" : "\(value)"
    case .integer(let text): version = text
    default:
      throw error(at: versionToken.location, "expected a version number after OPENQASM, as in 'OPENQASM 2.0;'")
    }
    guard version == "2.0" || version == "2" else {
      throw error(at: versionToken.location,
                  "OpenQASM version \(version) is not supported; this reader reads OpenQASM 2.0 ('OPENQASM 2.0;')")
    }
    advance()
    try expectSemicolon(after: "OPENQASM version line")
  }

  mutating func include() throws(OpenQASMError) {
    advance()
    guard case .string(let name) = current.kind else {
      throw error(at: current.location, "expected a file name in double quotes after include, as in 'include \"qelib1.inc\";'")
    }
    let location = current.location
    advance()
    try expectSemicolon(after: "include")
    guard name == StandardLibrary.fileName else {
      throw error(at: location,
                  "unknown include \"\(name)\": only \"qelib1.inc\" is built in; copy the gate definitions of \(name) into the program")
    }
    guard !includedStandardLibrary else { return }
    let library: [String: GateDefinition]
    switch StandardLibrary.definitions {
    case .success(let definitions): library = definitions
    case .failure(let failure): throw error(at: location, failure.message)
    }
    for name in library.keys.sorted() {
      if let existing = gates[name] {
        throw error(at: location, "qelib1.inc redefines gate '\(name)', already defined at line \(existing.location.line); "
                      + "rename your gate or include qelib1.inc first")
      }
    }
    gates.merge(library) { own, _ in own }
    includedStandardLibrary = true
  }

  mutating func registerDeclaration(isQuantum: Bool) throws(OpenQASMError) {
    let keyword = current
    let kindName = isQuantum ? "qreg" : "creg"
    advance()
    let nameLocation = current.location
    let name = try expectName("a register name")
    try expect(.leftBracket, "'[' and the size of \(kindName) \(name)")
    let sizeLocation = current.location
    let size = try expectInteger("the register size")
    try expect(.rightBracket, "']' after the size of \(kindName) \(name)")
    try expectSemicolon(after: "\(kindName) declaration")
    if let existing = registerNames[name] {
      let other = existing.isQuantum ? quantumRegisters[existing.index] : classicalRegisters[existing.index]
      throw error(at: nameLocation,
                  "duplicate register '\(name)': already declared at line \(other.line):\(other.column); give each register its own name")
    }
    guard size > 0 else { throw error(at: sizeLocation, "\(kindName) \(name) has size 0; a register needs at least one element") }
    let offset = isQuantum ? qubitCount : bitCount
    guard size <= Self.maximumRegisterElements - offset else {
      throw error(at: sizeLocation, "\(kindName) \(name)[\(size)] takes the program past \(Self.maximumRegisterElements) "
                    + (isQuantum ? "qubits" : "classical bits") + ", the most Entangle reads")
    }
    if isQuantum, let maximum = limits.maximumQubits, offset + size > maximum {
      throw error(at: keyword.location, memoryMessage(register: name, size: size, total: offset + size, maximum: maximum))
    }
    let register = QASMRegister(name: name, offset: offset, size: size, line: keyword.location.line,
                                column: keyword.location.column)
    if isQuantum {
      registerNames[name] = (true, quantumRegisters.count)
      quantumRegisters.append(register)
      qubitCount += size
    } else {
      registerNames[name] = (false, classicalRegisters.count)
      classicalRegisters.append(register)
      bitCount += size
    }
  }

  func memoryMessage(register: String, size: Int, total: Int, maximum: Int) -> String {
    let needed = Double(limits.bytesPerAmplitude) * Double(sign: .plus, exponent: total, significand: 1)
    var message = "qreg \(register)[\(size)] brings the program to \(total) qubits, whose state needs "
      + "\(ByteCount(needed))"
    if let available = limits.availableBytes {
      message += " but only \(ByteCount(Double(available))) are available"
    }
    return message + "; at most \(maximum) qubit\(maximum == 1 ? "" : "s") fit"
  }
}
