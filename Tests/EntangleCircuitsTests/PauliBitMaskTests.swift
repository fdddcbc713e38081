import EntangleCircuits
import ComplexModule
import EntangleTestSupport
import Testing

@Suite("Pauli strings as bit masks")
struct PauliBitMaskTests {
  /// P|i⟩ from the masks against the Kronecker product of the 2×2 matrices (qubit 0 rightmost factor).
  @Test("i^#Y (−1)^popcount(i & z) |i ⊕ x⟩ is the tensor product of the Pauli matrices", arguments: ["XYZ", "IYI", "ZZX", "YYY", "III", "XIY"])
  func masksMatchTheTensorProduct(text: String) throws {
    let pauli = try PauliString(text)
    let single: [Character: [[Complex<Double>]]] = [
      "I": [[.one, .zero], [.zero, .one]], "X": [[.zero, .one], [.one, .zero]],
      "Y": [[.zero, -Complex.i], [.i, .zero]], "Z": [[.one, .zero], [.zero, -.one]],
    ]
    var product: [[Complex<Double>]] = [[.one]]
    for letter in text {  // leftmost letter is the highest qubit: the leftmost Kronecker factor
      let factor = single[letter]!
      let n = product.count
      product = (0..<2 * n).map { row in
        (0..<2 * n).map { column in product[row / 2][column / 2] * factor[row % 2][column % 2] }
      }
    }
    let masks = pauli.bitMasks
    let phase = Complex(masks.phase.real, masks.phase.imaginary)
    for column in 0..<product.count {
      let sign: Double = (column & masks.zMask).nonzeroBitCount % 2 == 0 ? 1 : -1
      for row in 0..<product.count {
        let expected = row == column ^ masks.xMask ? Complex(sign) * phase : .zero
        #expect(product[row][column] == expected, "\(text) row \(row) column \(column)")
      }
    }
  }
}
