import EntangleAlgorithms
import Foundation
import Testing

@Suite("Error messages")
struct ErrorMessageTests {
  @Test("localizedDescription is the message, not Foundation's \"error 1\"")
  func localizedDescription() {
    let error: any Error = AlgorithmError.tooManyQubits(method: "exact diagonalisation", qubits: 30, maximum: 14)
    #expect(error.localizedDescription == "exact diagonalisation needs a dense matrix of 30 qubits; it handles at most 14 qubits")
  }
}
