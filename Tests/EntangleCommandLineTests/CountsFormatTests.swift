import Entangle
import Testing

@testable import EntangleCommandLine

@Suite("Counts keys and measurement structure")
struct CountsFormatTests {
  @Test("Registers print last-declared first, bit 0 rightmost, separated by a space (Qiskit's format)")
  func registerOrder() {
    let registers = [
      QASMRegister(name: "a", offset: 0, size: 2, line: 3, column: 1),
      QASMRegister(name: "b", offset: 2, size: 1, line: 4, column: 1),
    ]
    let format = ClassicalBitFormat(registers: registers, bitCount: 3)
    // a[0] = 1, a[1] = 0, b[0] = 1 reads "b0 a1a0" = "1 01".
    #expect(format.key([true, false, true]) == "1 01")
  }

  @Test("Measurements followed only by gates on other qubits are final; a gate after one is not")
  func finalMeasurements() throws {
    let final = try Circuit(qubits: 2, bits: 1) {
      H(0)
      Operation(.measure(qubit: 0, bit: 0))
      X(1)
    }
    let structure = try MeasurementStructure(final)
    #expect(structure.finalMeasurements?.count == 1)
    #expect(structure.withoutFinalMeasurements.operations.count == 2)
    #expect(structure.classicalBits(forBasisState: 0b01, bitCount: 1) == [true])

    let midCircuit = try Circuit(qubits: 1, bits: 1) {
      Operation(.measure(qubit: 0, bit: 0))
      H(0)
    }
    #expect(try MeasurementStructure(midCircuit).finalMeasurements == nil)
  }
}
