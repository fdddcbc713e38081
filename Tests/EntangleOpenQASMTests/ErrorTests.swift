import EntangleOpenQASM
import Testing

/// Every kind of mistake is reported at its line and column with a message naming what is wrong.
@Suite("Errors name the place")
struct ErrorTests {
  struct Case: Sendable, CustomStringConvertible {
    var name: String
    var source: String
    var line: Int
    var column: Int
    /// A piece of the message that tells the reader what to fix.
    var message: String
    var description: String { name }
  }

  static let header = "OPENQASM 2.0;\ninclude \"qelib1.inc\";\n"

  static let cases: [Case] = [
    Case(name: "undefined gate", source: header + "qreg q[1];\nfoo q[0];\n", line: 4, column: 1, message: "undefined gate 'foo'"),
    Case(name: "qelib1 gate without the include", source: "OPENQASM 2.0;\nqreg q[1];\nh q[0];\n", line: 3, column: 1,
         message: "add 'include \"qelib1.inc\";'"),
    Case(name: "too few qubits", source: header + "qreg q[2];\ncx q[0];\n", line: 4, column: 1,
         message: "gate 'cx' acts on 2 qubits but was given 1"),
    Case(name: "too many parameters", source: header + "qreg q[1];\nrx(1, 2) q[0];\n", line: 4, column: 1,
         message: "gate 'rx' takes 1 parameter but was given 2"),
    Case(name: "missing parameters", source: header + "qreg q[1];\nu3 q[0];\n", line: 4, column: 1,
         message: "takes 3 parameters but was given 0"),
    Case(name: "missing semicolon", source: header + "qreg q[2];\nh q[0]\ncx q[0], q[1];\n", line: 4, column: 7,
         message: "missing ';'"),
    Case(name: "index out of range", source: header + "qreg q[2];\nh q[2];\n", line: 4, column: 5,
         message: "index 2 is out of range for qreg q[2]"),
    Case(name: "unknown include", source: "OPENQASM 2.0;\ninclude \"stdgates.inc\";\n", line: 2, column: 9,
         message: "unknown include \"stdgates.inc\""),
    Case(name: "malformed expression", source: header + "qreg q[1];\nrx(1 + * 2) q[0];\n", line: 4, column: 8,
         message: "malformed expression"),
    Case(name: "unclosed parenthesis", source: header + "qreg q[1];\nrx((1 + 2) q[0];\n", line: 4, column: 12,
         message: "expected ',' or ')'"),
    Case(name: "undefined parameter at top level", source: header + "qreg q[1];\nrx(theta) q[0];\n", line: 4, column: 4,
         message: "undefined parameter 'theta'"),
    Case(name: "undefined parameter in a gate", source: header + "gate g(a) x {\n  rx(b) x;\n}\n", line: 4, column: 6,
         message: "undefined parameter 'b': the gate's parameters are a"),
    Case(name: "duplicate register", source: header + "qreg q[1];\ncreg q[1];\n", line: 4, column: 6,
         message: "duplicate register 'q': already declared at line 3:1"),
    Case(name: "unclosed brace", source: header + "gate g x {\n  h x;\n", line: 3, column: 10,
         message: "unbalanced braces"),
    Case(name: "stray closing brace", source: header + "qreg q[1];\n}\n", line: 4, column: 1, message: "unbalanced braces"),
    Case(name: "empty file", source: "  // nothing but a comment\r\n\n", line: 3, column: 1, message: "the file is empty"),
    Case(name: "wrong version", source: "OPENQASM 3.0;\nqreg q[1];\n", line: 1, column: 10,
         message: "OpenQASM version 3.0 is not supported"),
    Case(name: "header not first", source: "qreg q[1];\nOPENQASM 2.0;\n", line: 2, column: 1, message: "must be the first statement"),
    Case(name: "same qubit twice", source: header + "qreg q[2];\ncx q[1], q[1];\n", line: 4, column: 10,
         message: "q[1] is used twice in one call of cx"),
    Case(name: "same qubit twice by broadcast", source: header + "qreg q[2];\ncx q, q[0];\n", line: 4, column: 7,
         message: "q[0] is used twice"),
    Case(name: "broadcast over different sizes", source: header + "qreg a[2];\nqreg b[3];\ncx a, b;\n", line: 5, column: 7,
         message: "registers of different sizes: a has 2 qubits, b has 3"),
    Case(name: "measure registers of different sizes", source: header + "qreg a[2];\ncreg c[3];\nmeasure a -> c;\n",
         line: 5, column: 14, message: "measure registers of the same size"),
    Case(name: "redefined gate", source: header + "gate h a { U(0,0,0) a; }\n", line: 3, column: 6,
         message: "gate 'h' is already defined in qelib1.inc"),
    Case(name: "redefined own gate", source: "gate g a { U(0,0,0) a; }\ngate g a { U(0,0,0) a; }\n", line: 2, column: 6,
         message: "gate 'g' is already defined at line 1:1"),
    Case(name: "opaque gate applied", source: "qreg q[1];\nopaque magic x;\nmagic q[0];\n", line: 3, column: 1,
         message: "opaque gate 'magic'"),
    Case(name: "undeclared register", source: header + "qreg r[1];\ncreg c[1];\nmeasure q[0] -> c[0];\n", line: 5, column: 9,
         message: "undeclared register 'q'"),
    Case(name: "classical register as qubit", source: header + "qreg q[1];\ncreg c[1];\nh c[0];\n", line: 5, column: 3,
         message: "'c' is a classical register"),
    Case(name: "condition value too large", source: header + "qreg q[1];\ncreg c[2];\nif (c == 4) x q[0];\n", line: 5, column: 10,
         message: "cannot hold 4"),
    Case(name: "register of size 0", source: "qreg q[0];\n", line: 1, column: 8, message: "size 0"),
    Case(name: "division by zero", source: "qreg q[1];\nU(1/0, 0, 0) q[0];\n", line: 2, column: 2, message: "evaluates to inf"),
    Case(name: "measure in a gate body", source: "gate g a { measure a -> a; }\n", line: 1, column: 12, message: "not allowed inside the body"),
    Case(name: "unexpected character", source: "qreg q[1];\nU(0,0,0) q[0] @;\n", line: 2, column: 15, message: "unexpected character '@'"),
    Case(name: "unterminated string", source: "include \"qelib1.inc;\n", line: 1, column: 9, message: "unterminated string"),
    Case(name: "a gate calling itself", source: "gate g a { g a; }\n", line: 1, column: 12, message: "a gate cannot call itself"),
  ]

  @Test("each mistake is an OpenQASMError at its place", arguments: cases)
  func mistake(_ testCase: Case) {
    do {
      let program = try OpenQASM.parse(testCase.source, file: "bad.qasm")
      Issue.record("parsed without error: \(program.circuit.operations.count) operations")
    } catch {
      #expect(error.file == "bad.qasm")
      #expect(error.line == testCase.line, "\(error)")
      #expect(error.column == testCase.column, "\(error)")
      #expect(error.message.contains(testCase.message), "\(error)")
      #expect(error.description.hasPrefix("bad.qasm:\(error.line):\(error.column): error: "))
    }
  }

  @Test("a qreg that does not fit in memory is refused at the qreg with the bytes needed")
  func memory() {
    let source = "OPENQASM 2.0;\nqreg a[20];\n  qreg b[20];\n"
    #expect(throws: OpenQASMError(
      file: "big.qasm", line: 3, column: 3,
      message: "qreg b[20] brings the program to 40 qubits, whose state needs 17592186044416 bytes (16 TiB) "
        + "but only 8589934592 bytes (8 GiB) are available; at most 29 qubits fit")) {
      try OpenQASM.parse(source, file: "big.qasm", maximumQubits: 29, availableBytes: 8 << 30)
    }
    #expect(throws: Never.self) { try OpenQASM.parse(source, maximumQubits: 40) }
  }
}
