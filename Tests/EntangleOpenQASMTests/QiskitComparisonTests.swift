import EntangleCircuits
import ComplexModule
import EntangleTestSupport
import EntangleOpenQASM
import EntangleSimulation
import Testing

/// Programs read here and by Qiskit give the same amplitudes, global phase included (when Qiskit is installed).
@Suite("Reading like Qiskit", .enabled(if: Qiskit.python != nil))
struct QiskitComparisonTests {
  /// The state before the final measurements, which `Qiskit.statevector(of:)` also removes.
  func amplitudes(_ source: String) throws -> [Complex<Double>] {
    let program = try OpenQASM.parse(source).circuit
    let circuit = try Circuit(qubits: program.qubitCount, bits: program.classicalBitCount, operations: program.operations.filter {
      if case .measure = $0.kind { return false }
      return true
    })
    var state = try StateVector(qubits: circuit.qubitCount)
    try state.apply(circuit)
    return state.amplitudes
  }

  @Test("every qelib1.inc gate, with random angles on scrambled qubits, has Qiskit's exact matrix")
  func everyGate() throws {
    var generator = SeededGenerator(seed: 42)
    var lines = ["OPENQASM 2.0;", "include \"qelib1.inc\";", "qreg q[5];", "h q;", "t q[1];", "rx(0.4) q[3];"]
    for (name, parameterCount, qubitCount) in StandardLibraryTests.gates {
      // Qiskit reads u0's parameter as a number of delays, which must be an integer.
      let angles = (0..<parameterCount).map { _ in
        name == "u0" ? "3" : "\(Double.random(in: -4...4, using: &generator))"
      }
      let qubits = (0..<5).shuffled(using: &generator).prefix(qubitCount).map { "q[\($0)]" }
      lines.append(name + (angles.isEmpty ? "" : "(" + angles.joined(separator: ",") + ")") + " " + qubits.joined(separator: ",") + ";")
      lines.append("ry(\(Double.random(in: -4...4, using: &generator))) q;")
    }
    let source = lines.joined(separator: "\n")
    let ours = try amplitudes(source), theirs = try Qiskit.statevector(of: source)
    #expect(maxDifference(ours, theirs) <= 1e-10, "\(ours.prefix(4)) vs \(theirs.prefix(4))")
  }

  @Test("a hand-written program with every feature of the language")
  func everyFeature() throws {
    let source = """
      // comments before the header\r
      OPENQASM 2.0;\r
      include "qelib1.inc";
      qreg a[2];
      creg c[2];
      qreg b[2];
      gate layer(t, s) x, y { U(t, s/2, -t) x; CX x, y; rz(t^2 - s) y; barrier x, y; }
      gate twice(p) x, y, z { layer(p, -p) x, y; layer(sin(p) * cos(p), exp(p) / ln(2)) z, x; u1(sqrt(2) * pi) z; }
      opaque unused(k) x;
      h a;
      cx a, b;
      cx a[0], b;
      twice(pi / 3) a[1], b[0], b[1];
      layer(-tan(0.2), 2 ^ -1) b, a;
      U(0.1, -(0.2 + 0.3) * 4, pi) a[0];
      CX b[1], a[0];
      barrier a, b;
      measure a -> c;
      """
    let ours = try amplitudes(source), theirs = try Qiskit.statevector(of: source)
    #expect(maxDifference(ours, theirs) <= 1e-10, "\(ours.prefix(4)) vs \(theirs.prefix(4))")
  }
}
