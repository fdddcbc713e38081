import EntangleCircuits
import ComplexModule
import EntangleTestSupport
import Testing

@Suite("Pauli strings and sums")
struct PauliTests {
  @Test("\"XIZ\" has Z on qubit 0 and X on qubit 2")
  func parsing() throws {
    let pauli = try PauliString("XIZ")
    #expect(pauli.operators == [2: .x, 0: .z])
    #expect(pauli[0] == .z && pauli[1] == .i && pauli[2] == .x && pauli[7] == .i)
    #expect(pauli.qubits == [0, 2])
    #expect(pauli.description == "XIZ")
    #expect(try PauliString("IIY").description == "Y")
    #expect(try PauliString("III").description == "I")
    #expect(try PauliString("xiz") == pauli)
    #expect(try PauliString([0: .z, 1: .i, 2: .x]) == pauli)
  }

  @Test("an invalid character is reported with its position")
  func invalidCharacter() throws {
    let error = #expect(throws: CircuitError.invalidPauli(character: "A", position: 1, string: "XAZ")) { try PauliString("XAZ") }
    let description = try #require(error?.description)
    #expect(description.contains("'A'") && description.contains("position 1") && description.contains("XAZ"))
    #expect(throws: CircuitError.invalidPauli(character: " ", position: 2, string: "ZZ X")) { try PauliString("ZZ X") }
    #expect(throws: CircuitError.invalidPauli(character: "Q", position: 0, string: "Q")) { try PauliSum([(1, "Z"), (2, "Q")]) }
  }

  @Test("sums are built from products, additions and scalings")
  func building() throws {
    let zz = try PauliString("ZZ"), xi = try PauliString("XI")
    let sum = 0.5 * zz + (-1.0) * xi
    #expect(sum.terms == [PauliSum.Term(0.5, zz), PauliSum.Term(-1, xi)])
    #expect(try PauliSum([(0.5, "ZZ"), (-1, "XI")]) == sum)
    #expect((2 * sum).terms.map(\.coefficient) == [1, -2])
    #expect(sum.minimumQubitCount == 2)
    #expect(try PauliSum([(1, "XIII")]).minimumQubitCount == 4)
    #expect(try PauliSum([(3, "III")]).minimumQubitCount == 0)
    #expect(PauliSum().minimumQubitCount == 0)
    #expect(sum.description == "0.5 * ZZ + -1.0 * XI")
  }

  @Test("expectation values of basis and Bell states")
  func expectations() throws {
    // |001⟩ (index 1): qubit 0 is 1, so ⟨Z₀⟩ = −1 and ⟨Z₂⟩ = +1.
    let one = ReferenceSimulator.basisState(1, qubits: 3)
    #expect(abs(ReferenceSimulator.expectation(of: try PauliSum([(1, "IIZ")]), in: one) + 1) < tolerance)
    #expect(abs(ReferenceSimulator.expectation(of: try PauliSum([(1, "ZII")]), in: one) - 1) < tolerance)
    #expect(abs(ReferenceSimulator.expectation(of: try PauliSum([(1, "XIZ")]), in: one)) < tolerance)
    let bell = try ReferenceSimulator.run(Circuit(qubits: 2) {
      H(0)
      CX(0, 1)
    })
    let observable = try PauliSum([(1, "ZZ"), (2, "XX"), (4, "YY"), (8, "ZI")])
    // ⟨ZZ⟩ = ⟨XX⟩ = 1, ⟨YY⟩ = −1, ⟨Z₁⟩ = 0.
    #expect(abs(ReferenceSimulator.expectation(of: observable, in: bell) - (1 + 2 - 4)) < tolerance)
  }

  @Test("a character whose uppercase is two letters is reported, not trapped")
  func nonASCIICharacter() {
    // "ß".uppercased() is "SS": the parser must not build a Character from it.
    #expect(throws: CircuitError.invalidPauli(character: "ß", position: 1, string: "Zß")) { try PauliString("Zß") }
  }

  @Test("a Pauli string on a negative qubit is refused")
  func negativeQubit() {
    #expect(throws: CircuitError.negativeQubit(-1)) { try PauliString([-1: .x, 0: .z]) }
  }
}
