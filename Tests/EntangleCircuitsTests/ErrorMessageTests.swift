import EntangleCircuits
import Foundation
import Testing

@Suite("Error messages")
struct ErrorMessageTests {
  @Test("localizedDescription is the message that names the qubit, not Foundation's \"error 1\"")
  func localizedDescription() {
    #expect {
      _ = try Circuit(qubits: 3) { H(5) }
    } throws: { error in
      error.localizedDescription == "h on [5]: qubit 5 is out of range; the circuit has 3 qubits (0..<3)"
    }
  }

  @Test("`.pi` and expressions of it are angles, beside numbers and parameters held in variables")
  func piAsAngle() throws {
    let theta = Parameter("theta")
    let angle = 0.25
    let circuit = try Circuit(qubits: 2) {
      RX(.pi, 0)
      RZZ(.pi / 4, 0, 1)
      RY(-.pi / 2, 1)
      P(2 * .pi / 3, 0)
      U(.pi, angle, 0, 1)
      RY(theta, 0)
      RY(angle, 1)
    }
    let angles = try circuit.operations.map { operation -> [Double] in
      guard case let .gate(gate, _, _) = operation.kind else { return [] }
      return try gate.parameters.map { try $0.value(["theta": 0.5]) }
    }
    #expect(angles == [[Double.pi], [Double.pi / 4], [-Double.pi / 2], [2 * Double.pi / 3], [Double.pi, 0.25, 0], [0.5], [0.25]])
  }
}
