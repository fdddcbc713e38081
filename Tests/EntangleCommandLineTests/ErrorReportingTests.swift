import Testing

@testable import EntangleCommandLine

@Suite("Errors")
struct ErrorReportingTests {
  @Test(
    "A missing semicolon is one stderr line naming FILE:LINE:COL, with a non-zero exit",
    arguments: ["run", "bench", "info", "draw"])
  func syntaxError(command: String) throws {
    let file = try TemporaryQASMFile("OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[2];\nh q[0]\ncx q[0], q[1];\n")
    let result = CommandInvocation([command, file.path])
    #expect(result.exitCode != 0)
    #expect(result.standardOutput.isEmpty)
    let lines = result.standardError.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.count == 2 && lines[1].isEmpty)
    #expect(lines[0].hasPrefix(file.path + ":4:") || lines[0].hasPrefix(file.path + ":5:"))
    #expect(lines[0].contains(": error: "))
  }

  @Test("A register too large for memory is refused at its declaration")
  func registerTooLarge() throws {
    let file = try TemporaryQASMFile("OPENQASM 2.0;\nqreg q[62];\nh q[0];\n")
    let result = CommandInvocation(["run", file.path])
    #expect(result.exitCode != 0)
    #expect(result.standardError.hasPrefix(file.path + ":2:"))
    #expect(result.standardError.filter { $0 == "\n" }.count == 1)
  }

  @Test("A file that cannot be read is one line FILE: error: …")
  func missingFile() {
    let path = "/nonexistent/entangle-cli-tests/missing.qasm"
    let result = CommandInvocation(["run", path])
    #expect(result.exitCode != 0)
    #expect(result.standardError.hasPrefix(path + ": error: "))
    #expect(result.standardError.filter { $0 == "\n" }.count == 1)
  }
}
