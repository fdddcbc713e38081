import Foundation
import EntangleCircuits
import ComplexModule
import EntangleTestSupport
import EntangleOpenQASM
import EntangleSimulation
import Testing

/// The language of the OpenQASM 2.0 paper, read into circuits and checked against hand-built ones.
@Suite("Reading OpenQASM 2.0")
struct ParserTests {
  /// The final state of a program's circuit from |0…0⟩ on the dense reference simulator.
  func state(_ source: String) throws -> [Complex<Double>] {
    try ReferenceSimulator.run(OpenQASM.parse(source).circuit)
  }

  @Test("registers are numbered in declaration order, qubits and bits separately")
  func registers() throws {
    let program = try OpenQASM.parse("""
      OPENQASM 2.0;
      qreg a[2];
      creg x[3];
      qreg b[3];
      creg y[1];
      CX a[1], b[2];
      measure b[0] -> y[0];
      """)
    #expect(program.circuit.qubitCount == 5)
    #expect(program.circuit.classicalBitCount == 4)
    #expect(program.quantumRegisters == [
      QASMRegister(name: "a", offset: 0, size: 2, line: 2, column: 1),
      QASMRegister(name: "b", offset: 2, size: 3, line: 4, column: 1),
    ])
    #expect(program.classicalRegisters.map(\.offset) == [0, 3])
    #expect(program.circuit.operations == [
      .gate(.x, on: [4], controls: [1]),
      Operation(.measure(qubit: 2, bit: 3)),
    ])
  }

  @Test("comments, CRLF line endings, a missing header and a header after comments read the same")
  func layout() throws {
    let plain = "OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[2];\nh q[0];\ncx q[0],q[1];\n"
    let expected = try OpenQASM.parse(plain).circuit
    let crlf = plain.replacingOccurrences(of: "\n", with: "\r\n")
    #expect(try OpenQASM.parse(crlf).circuit == expected)
    let commented = "// a Bell pair\n// second comment\n" + plain.replacingOccurrences(of: ";\n", with: "; // note\n")
    #expect(try OpenQASM.parse(commented).circuit == expected)
    let headless = plain.replacingOccurrences(of: "OPENQASM 2.0;\n", with: "")
    #expect(try OpenQASM.parse(headless).circuit == expected)
    let oneLine = plain.replacingOccurrences(of: "\n", with: " ")
    #expect(try OpenQASM.parse(oneLine).circuit == expected)
  }

  @Test("U and CX are Qiskit's U and CNOT")
  func builtins() throws {
    let circuit = try OpenQASM.parse("qreg q[2]; U(0.1, 0.2, 0.3) q[0]; CX q[0], q[1];").circuit
    #expect(circuit.operations == [
      .gate(.u(theta: 0.1, phi: 0.2, lambda: 0.3), on: [0]),
      .gate(.x, on: [1], controls: [0]),
    ])
  }

  @Test("broadcasting over registers, and a single qubit with a register")
  func broadcasting() throws {
    let circuit = try OpenQASM.parse("""
      include "qelib1.inc";
      qreg a[2]; qreg b[2]; creg c[2];
      h a;
      cx a, b;
      cx a[0], b;
      measure b -> c;
      reset a;
      barrier a, b[1];
      """).circuit
    #expect(circuit.operations == [
      .gate(.h, on: [0]), .gate(.h, on: [1]),
      .gate(.x, on: [2], controls: [0]), .gate(.x, on: [3], controls: [1]),
      .gate(.x, on: [2], controls: [0]), .gate(.x, on: [3], controls: [0]),
      Operation(.measure(qubit: 2, bit: 0)), Operation(.measure(qubit: 3, bit: 1)),
      Operation(.reset(qubit: 0)), Operation(.reset(qubit: 1)),
      Operation(.barrier(qubits: [0, 1, 3])),
    ])
  }

  @Test("if (c == n) conditions each broadcast operation on the whole register")
  func conditions() throws {
    let circuit = try OpenQASM.parse("""
      include "qelib1.inc";
      qreg q[2]; creg c[2]; creg d[1];
      if (d == 1) x q;
      if(c==2) measure q[0] -> d[0];
      """).circuit
    let onD = ClassicalCondition(bits: [2], value: 1)
    #expect(circuit.operations == [
      Operation(.gate(.x, targets: [0], controls: []), condition: onD),
      Operation(.gate(.x, targets: [1], controls: []), condition: onD),
      Operation(.measure(qubit: 0, bit: 2), condition: ClassicalCondition(bits: [0, 1], value: 2)),
    ])
  }

  @Test("expressions: precedence, unary minus, power, functions, pi", arguments: [
    ("pi/2", Double.pi / 2), ("-pi^2", -(Double.pi * Double.pi)), ("2^3^2", 512), ("1-2-3", -4), ("8/2/2", 2),
    ("-2*3+1", -5), ("sin(pi/6)*2", 1), ("cos(0)+tan(0)", 1), ("exp(ln(3))", 3), ("sqrt(16)", 4),
    ("2*(1+2)", 6), (".5e1", 5), ("1.5E-1", 0.15), ("2.", 2), ("+3", 3), ("- -1", 1),
  ])
  func expressions(text: String, value: Double) throws {
    let circuit = try OpenQASM.parse("qreg q[1]; U(\(text), 0, 0) q[0];").circuit
    guard case let .gate(.u(theta, _, _), _, _) = circuit.operations.first?.kind else {
      Issue.record("no U gate")
      return
    }
    #expect(abs(try theta.value() - value) <= 1e-12 * max(1, abs(value)))
  }

  @Test("gate definitions expand with parameters substituted, through nested calls")
  func definitions() throws {
    let source = """
      OPENQASM 2.0;
      qreg q[3];
      gate rot(a, b) x { U(a, b, -a/2) x; }
      gate pair(t) x, y { rot(t, 2*t) x; CX x, y; barrier x, y; rot(-t, t^2) y; }
      gate outer(s) p, r, z { pair(s + 1) z, p; pair(sin(s)) r, z; }
      outer(0.3) q[0], q[1], q[2];
      """
    let circuit = try OpenQASM.parse(source).circuit
    func u(_ a: Double, _ b: Double, _ c: Double, _ q: Int) -> Operation { .gate(.u(theta: Parameter(a), phi: Parameter(b), lambda: Parameter(c)), on: [q]) }
    let t1 = 1.3, t2 = Foundation.sin(0.3)
    #expect(circuit.operations == [
      u(t1, 2 * t1, -t1 / 2, 2), .gate(.x, on: [0], controls: [2]), Operation(.barrier(qubits: [2, 0])),
      u(-t1, Foundation.pow(t1, 2), t1 / 2, 0),
      u(t2, 2 * t2, -t2 / 2, 1), .gate(.x, on: [2], controls: [1]), Operation(.barrier(qubits: [1, 2])),
      u(-t2, Foundation.pow(t2, 2), t2 / 2, 2),
    ])
  }

  @Test("an opaque gate may be declared and used in a definition that is never applied")
  func opaque() throws {
    let circuit = try OpenQASM.parse("qreg q[1]; opaque magic(a) x; gate wrap x { magic(1) x; } U(0,0,0) q[0];").circuit
    #expect(circuit.operations.count == 1)
  }

  @Test("a GHZ program gives the GHZ state")
  func ghz() throws {
    let amplitudes = try state("""
      OPENQASM 2.0;
      include "qelib1.inc";
      qreg q[3];
      h q[0];
      cx q[0], q[1];
      cx q[1], q[2];
      """)
    let r = 1 / 2.0.squareRoot()
    var expected = [Complex<Double>](repeating: .zero, count: 8)
    expected[0] = Complex(r)
    expected[7] = Complex(r)
    #expect(maxDifference(amplitudes, expected) < 1e-15)
  }

  @Test("a file on disk reads like its text, and a missing file names its path")
  func files() throws {
    let url = Fixtures.qasmBench.appendingPathComponent("small/adder_n4/adder_n4.qasm")
    let fromFile = try OpenQASM.parse(contentsOf: url.path)
    let fromText = try OpenQASM.parse(String(contentsOf: url, encoding: .utf8))
    #expect(fromFile.circuit == fromText.circuit)
    #expect(throws: OpenQASMError(file: "/no/such.qasm", line: 0, column: 0,
                                  message: "cannot read /no/such.qasm: no such file, or it is not readable")) {
      try OpenQASM.parse(contentsOf: "/no/such.qasm")
    }
  }
}
