import Foundation
import Testing

@testable import EntangleCommandLine

@Suite("Error messages")
struct ErrorMessageTests {
  @Test("localizedDescription is the line the command prints, not Foundation's \"error 1\"")
  func localizedDescription() {
    let failure: any Error = CommandFailure(file: "large.qasm", message: "a state of 40 qubits does not fit")
    #expect(failure.localizedDescription == "large.qasm: error: a state of 40 qubits does not fit")
  }
}
