import EntangleOpenQASM
import Foundation
import Testing

@Suite("Error messages")
struct ErrorMessageTests {
  @Test("localizedDescription reads FILE:LINE:COL: error: message, not Foundation's \"error 1\"")
  func localizedDescription() {
    #expect {
      _ = try OpenQASM.parse("OPENQASM 2.0;\nqreg q[1];\nfoo q[0];\n", file: "bad.qasm")
    } throws: { error in
      error.localizedDescription == "bad.qasm:3:1: error: undefined gate 'foo'; define it with 'gate foo … { … }' before use"
    }
  }
}
