import ComplexModule
import Testing
import EntangleCircuits
@testable import EntangleAlgorithms

/// Jordan–Wigner images against the closed forms of Seeley, Richard & Love,
/// J. Chem. Phys. 137, 224109 (2012), §3.
@Suite struct JordanWignerTests {
  static func dictionary(_ sum: PauliSum) -> [PauliString: Double] {
    Dictionary(sum.terms.map { ($0.pauli, $0.coefficient) }, uniquingKeysWith: +)
  }

  @Test func numberOperatorIsHalfOfIdentityMinusZ() throws {
    var number = FermionOperator()
    number.add(.one, [.creation(2), .annihilation(2)])
    let image = Self.dictionary(try JordanWigner.transform(number))
    #expect(image == [PauliString(): 0.5, try PauliString("ZII"): -0.5])
  }

  @Test func hoppingCarriesTheZString() throws {
    // a†₀a₂ + a†₂a₀ = ½ (X₀Z₁X₂ + Y₀Z₁Y₂).
    var hopping = FermionOperator()
    hopping.add(.one, [.creation(0), .annihilation(2)])
    let image = Self.dictionary(try JordanWigner.transform(hopping + hopping.adjoint))
    #expect(image == [try PauliString("XZX"): 0.5, try PauliString("YZY"): 0.5])
  }

  @Test func nonHermitianOperatorIsRejected() {
    var lowering = FermionOperator()
    lowering.add(.one, [.annihilation(1)])
    #expect(throws: AlgorithmError.self) { try JordanWigner.transform(lowering) }
  }
}
