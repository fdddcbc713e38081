import Testing

@testable import EntangleCommandLine

@Suite("entangle info")
struct InfoCommandTests {
  @Test("A measured Bell pair: 2 qubits, 2 bits, h 1, cx 1, measure 2, depth 3 (as Qiskit's depth())")
  func measuredBell() throws {
    let file = try TemporaryQASMFile(Programs.measuredBell)
    let result = CommandInvocation(["info", file.path, "--format", "json"])
    #expect(result.exitCode == 0)
    let object = try jsonObject(result.standardOutput)
    #expect(object["qubits"] as? Int == 2)
    #expect(object["classical_bits"] as? Int == 2)
    #expect(object["operation_counts"] as? [String: Int] == ["h": 1, "cx": 1, "measure": 2])
    #expect(object["depth"] as? Int == 3)
    #expect(object["memory_bytes"] as? [String: Int] == ["double": 64, "single": 32])
  }

  @Test("Depth follows classical bits and ignores barriers")
  func depthThroughConditions() throws {
    let file = try TemporaryQASMFile(Programs.midCircuitCondition + "\nbarrier q;\n")
    let object = try jsonObject(CommandInvocation(["info", file.path, "--format", "json"]).standardOutput)
    // x, measure q0→c, if(c) x q1, then reset q0 and measure q1 side by side: Qiskit's depth is 4.
    #expect(object["depth"] as? Int == 4)
    #expect((object["operation_counts"] as? [String: Int])?["barrier"] == 1)
  }

  @Test("A program too large to simulate is still described, with the memory it would need")
  func largeProgram() throws {
    let file = try TemporaryQASMFile("OPENQASM 2.0;\nqreg q[50];\n")
    let result = CommandInvocation(["info", file.path])
    #expect(result.exitCode == 0)
    #expect(result.standardOutput.contains("16 PiB in double precision"))
  }
}
