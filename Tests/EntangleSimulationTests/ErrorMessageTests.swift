import EntangleSimulation
import Foundation
import Testing

@Suite("Error messages")
struct ErrorMessageTests {
  @Test("localizedDescription is the message that names the size, not Foundation's \"error 1\"")
  func localizedDescription() {
    #expect {
      _ = try StateVector(qubits: 20, memoryLimit: MemoryLimit(bytes: 1 << 20))
    } throws: { error in
      error.localizedDescription
        == "a state of 20 qubits needs 16777216 bytes (16 MiB) but only 1048576 bytes (1 MiB) is available; "
        + "use fewer qubits, single precision, or raise the memory limit"
    }
  }
}
