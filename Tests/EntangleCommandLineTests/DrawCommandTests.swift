import Testing

@testable import EntangleCommandLine

@Suite("entangle draw")
struct DrawCommandTests {
  @Test("A measured Bell pair is drawn as Qiskit 1.x's text drawer draws it")
  func measuredBell() throws {
    let file = try TemporaryQASMFile(Programs.measuredBell)
    let result = CommandInvocation(["draw", file.path])
    // qiskit.qasm2.loads(...).draw("text"), trailing spaces removed.
    let qiskit = """
           ┌───┐     ┌─┐
      q_0: ┤ H ├──■──┤M├───
           └───┘┌─┴─┐└╥┘┌─┐
      q_1: ─────┤ X ├─╫─┤M├
                └───┘ ║ └╥┘
      c: 2/═══════════╩══╩═
                      0  1

      """
    #expect(result.exitCode == 0)
    #expect(result.standardOutput == qiskit)
  }

  @Test("Boxes, controls, swaps, resets, barriers and conditions appear")
  func elements() throws {
    let file = try TemporaryQASMFile(
      """
      OPENQASM 2.0;
      include "qelib1.inc";
      qreg q[3];
      creg c[1];
      h q;
      ccx q[0], q[1], q[2];
      barrier q;
      swap q[0], q[2];
      rz(pi/2) q[1];
      measure q[0] -> c[0];
      if (c == 1) x q[2];
      reset q[1];
      """)
    let output = CommandInvocation(["draw", file.path]).standardOutput
    for piece in ["┤ H ├", "├───┤", "■", "┤ X ├", "░", "X", "Rz(π/2)", "┤M├", "╩", "|0>", "0x1", "c: 1/"] {
      #expect(output.contains(piece), "missing \(piece)")
    }
    // Both controls of the Toffoli are drawn, not crossed by the line between them.
    #expect(output.split(separator: "\n").first { $0.hasPrefix("q_1:") }?.contains("■") == true)
  }

  @Test("Long circuits wrap at --width, continued with » and «")
  func wrapping() throws {
    let body = (0..<40).map { "h q[\($0 % 2)];" }.joined(separator: "\n")
    let file = try TemporaryQASMFile("OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[2];\n" + body)
    let output = CommandInvocation(["draw", file.path, "--width", "40"]).standardOutput
    let lines = output.split(separator: "\n")
    #expect(lines.allSatisfy { $0.count <= 40 })
    #expect(lines.contains { $0.hasSuffix("»") } && lines.contains { $0.hasPrefix("«") })
  }
}
