import EntangleRuntime
import Foundation
import Testing

@Suite("Error messages")
struct ErrorMessageTests {
  @Test("localizedDescription is the message that names the task, not Foundation's \"error 1\"")
  func localizedDescription() {
    let error: any Error = TaskError.cancelled(task: "energy[3]")
    #expect(error.localizedDescription == "task 'energy[3]' was cancelled")
  }
}
