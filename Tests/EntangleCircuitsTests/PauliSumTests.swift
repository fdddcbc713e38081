import EntangleCircuits
import ComplexModule
import EntangleTestSupport
import Testing

@Suite("Pauli sums: parsing, algebra and grouping")
struct PauliSumTests {
  // MARK: - Parsing

  @Test("Qiskit's SparsePauliOp text parses to the sum built term by term")
  func parsesQiskitText() throws {
    let parsed = try PauliSum("-1.05 * II + 0.39 * ZI - 0.39 * IZ - 0.01 * ZZ + 0.18 * XX")
    let built = try PauliSum([(-1.05, "II"), (0.39, "ZI"), (-0.39, "IZ"), (-0.01, "ZZ"), (0.18, "XX")])
    #expect(parsed == built)
    // Qiskit order: the rightmost letter is qubit 0, so "ZI" is Z on qubit 1.
    #expect(parsed.terms[1].pauli.operators == [1: .z])
    #expect(parsed.terms[2].pauli.operators == [0: .z])
  }

  @Test(
    "coefficients may be omitted, signed, in scientific notation, and spaced freely",
    arguments: [
      ("XX + 0.5*ZZ", [(1.0, "XX"), (0.5, "ZZ")]),
      ("-XX", [(-1, "XX")]),
      ("  2.5e-3*XY-1E2 * ZI ", [(2.5e-3, "XY"), (-100, "ZI")]),
      ("0.5 * ZZ + -1.0 * XI", [(0.5, "ZZ"), (-1, "XI")]),
      ("3 - .25 ZZ", [(3, "I"), (-0.25, "ZZ")]),
      ("1.5e+1\tx", [(15, "X")]),
      ("- -YZ", [(1, "YZ")]),
    ] as [(String, [(Double, String)])])
  func parsesVariants(text: String, terms: [(Double, String)]) throws {
    #expect(try PauliSum(text) == PauliSum(terms))
  }

  @Test("the printed form reads back")
  func roundTrip() throws {
    let sum = try PauliSum([(0.5, "ZZ"), (-1, "XI"), (1e-7, "YIZ")])
    #expect(try PauliSum(sum.description) == sum)
  }

  @Test(
    "parse errors name the column and the offending text",
    arguments: [
      ("0.5 * ZZ + 0.3 * ", "a Pauli string after '*'", "the end of the text", 18),
      ("0.5 * ZZ + 0.3 * + XX", "a Pauli string after '*'", "'+'", 18),
      ("0.5 * ZQ", "a Pauli string of I, X, Y, Z after '*'", "'Q'", 8),
      ("XX YY", "'+' or '-' between terms", "'YY'", 4),
      ("", "a term", "the end of the text", 1),
      ("XX + ", "a term", "the end of the text", 6),
      ("XX + * ZZ", "a coefficient or a Pauli string", "'*'", 6),
      ("1e * X", "the digits of an exponent", "' '", 3),
      ("1e999 X", "a finite coefficient", "'1e999'", 1),
    ] as [(String, String, String, Int)])
  func parseErrors(text: String, expected: String, found: String, column: Int) throws {
    let error = #expect(throws: CircuitError.self) { try PauliSum(text) }
    #expect(error == .invalidPauliSum(expected: expected, found: found, column: column, text: text))
  }

  @Test("the message reads as a sentence with the column")
  func parseErrorMessage() throws {
    let error = #expect(throws: CircuitError.self) { try PauliSum("0.5*XX + 2 * ") }
    #expect(error?.description == "expected a Pauli string after '*' at column 14, found the end of the text, in \"0.5*XX + 2 * \"")
  }

  // MARK: - Pauli algebra

  @Test("the single-qubit product table: XY = iZ, YZ = iX, ZX = iY, reversed orders −i, squares I")
  func productTable() throws {
    let expected: [Pauli: [Pauli: (PauliPhase, Pauli)]] = [
      .i: [.i: (.one, .i), .x: (.one, .x), .y: (.one, .y), .z: (.one, .z)],
      .x: [.i: (.one, .x), .x: (.one, .i), .y: (.i, .z), .z: (.minusI, .y)],
      .y: [.i: (.one, .y), .x: (.minusI, .z), .y: (.one, .i), .z: (.i, .x)],
      .z: [.i: (.one, .z), .x: (.i, .y), .y: (.minusI, .x), .z: (.one, .i)],
    ]
    for a in Pauli.allCases {
      for b in Pauli.allCases {
        let (phase, product) = try #require(expected[a]?[b])
        #expect(a.multiplied(by: b) == (phase, product), "\(a.rawValue)·\(b.rawValue)")
        // The same product through the 2 × 2 matrices, independently.
        let left = matrix(a), right = matrix(b), result = matrix(product)
        for r in 0..<2 {
          for c in 0..<2 {
            let entry = left[r][0] * right[0][c] + left[r][1] * right[1][c]
            #expect((entry - phase.complex * result[r][c]).length < 1e-15)
          }
        }
      }
    }
  }

  @Test("products of strings multiply qubit by qubit and collect the phases")
  func stringProducts() throws {
    // (X₁ Z₀)(Y₁ Y₀) = (XY) ⊗ (ZY) = (iZ) ⊗ (−iX) = Z₁ X₀.
    let (phase, product) = try PauliString("XZ").multiplied(by: PauliString("YY"))
    #expect(try phase == .one && product == PauliString("ZX"))
    // (X₀)(Y₀ Z₂) = i Z₀ Z₂
    let second = try PauliString("X").multiplied(by: PauliString("ZIY"))
    #expect(try second.phase == .i && second.product == PauliString("ZIZ"))
    let square = try PauliString("XYZ").multiplied(by: PauliString("XYZ"))
    #expect(square.phase == .one && square.product == PauliString())
    #expect(PauliPhase.i * .i == .minusOne && PauliPhase.minusI * .i == .one && PauliPhase(powerOfI: -1) == .minusI)
  }

  @Test("commutation: an even number of anticommuting positions; qubit-wise: equal or identity everywhere")
  func commutation() throws {
    let xx = try PauliString("XX"), zz = try PauliString("ZZ"), xi = try PauliString("XI"), zi = try PauliString("ZI")
    let iz = try PauliString("IZ")
    #expect(xx.commutes(with: zz) && !xx.qubitWiseCommutes(with: zz))
    #expect(!xi.commutes(with: zi) && !xi.qubitWiseCommutes(with: zi))
    #expect(xi.commutes(with: iz) && xi.qubitWiseCommutes(with: iz))
    #expect(xx.qubitWiseCommutes(with: xi) && PauliString().qubitWiseCommutes(with: zz))
    // Against the product: P and Q commute exactly when P·Q and Q·P have the same phase.
    for (p, q) in [(xx, zz), (xi, zi), (xi, iz), (try PauliString("XYZ"), try PauliString("YYX"))] {
      #expect(p.commutes(with: q) == (p.multiplied(by: q).phase == q.multiplied(by: p).phase))
    }
  }

  // MARK: - Arithmetic on sums

  @Test("sums add, subtract, negate and scale term by term")
  func linearArithmetic() throws {
    let a = try PauliSum("0.5 * ZZ + XI"), b = try PauliSum("2 * XI - IY")
    #expect((a + b).terms.count == 4)
    #expect((a - b).simplified() == (try PauliSum("0.5 * ZZ - XI + IY")))
    #expect((-a) == (try PauliSum("-0.5 * ZZ - XI")))
    #expect(a * 2 == 2 * a)
    #expect(try a * 2 == PauliSum("ZZ + 2 XI"))
    var c = a
    c += b
    c -= b
    #expect(c.simplified() == a)
  }

  @Test("simplified combines like terms in first-appearance order and drops near-zero ones")
  func simplification() throws {
    let sum = try PauliSum("ZZ + 0.5 XI - ZZ + 0.25 IY + 0.5 XI + 1e-14 YY + 2")
    #expect(sum.simplified() == (try PauliSum("XI + 0.25 IY + 2")))
    #expect(sum.simplified(tolerance: 0) == (try PauliSum("0 ZZ + XI + 0.25 IY + 1e-14 YY + 2")).simplified(tolerance: 0))
    #expect((sum - sum).simplified().terms.isEmpty)
  }

  @Test("(A + B)² = A² + B² = 2·I for anticommuting Pauli strings A and B")
  func anticommutingSquare() throws {
    for (a, b) in [("X", "Y"), ("XZ", "ZZ"), ("XYZ", "ZYZ")] {
      let sum = try PauliSum("\(a) + \(b)")
      #expect(try sum * sum == PauliSum([(2, "I")]))
    }
    // (aX + bZ)² = (a² + b²) I.
    let weighted = try PauliSum("0.3 X + 0.4 Z")
    let square = try weighted * weighted
    #expect(square.terms.count == 1 && square.terms[0].pauli == PauliString())
    #expect(abs(square.terms[0].coefficient - 0.25) < 1e-15)
  }

  @Test("commuting products multiply out with the algebra's phases")
  func commutingProduct() throws {
    // (XX + ZZ)(XX − YY): XX·XX = I, −XX·YY = −(XY)(XY) = −(iZ)(iZ) = ZZ, ZZ·XX = (ZX)(ZX) = −YY,
    // −ZZ·YY = −(ZY)(ZY) = −(−iX)(−iX) = XX.
    let product = try PauliSum("XX + ZZ") * PauliSum("XX - YY")
    #expect(product == (try PauliSum("II + ZZ - YY + XX")))
  }

  @Test("a product whose imaginary part does not cancel is refused")
  func nonHermitianProduct() throws {
    // X · Z = −iY.
    #expect(throws: CircuitError.nonHermitianProduct(pauli: "Y", imaginaryPart: -1)) {
      try PauliSum("X") * PauliSum("Z")
    }
  }

  // MARK: - Grouping

  @Test("qubit-wise commuting groups cover every term once and commute inside", arguments: UInt64(0)..<5)
  func grouping(seed: UInt64) throws {
    var generator = SeededGenerator(seed: seed)
    var terms: [PauliSum.Term] = []
    for _ in 0..<30 {
      var operators: [Int: Pauli] = [:]
      for qubit in 0..<4 { operators[qubit] = Pauli.allCases.randomElement(using: &generator)! }
      terms.append(PauliSum.Term(Double.random(in: -1..<1, using: &generator), try PauliString(operators)))
    }
    let sum = PauliSum(terms)
    let groups = sum.qubitWiseCommutingGroups()
    #expect(groups.map(\.terms.count).reduce(0, +) == terms.count)
    var remaining = terms
    for group in groups {
      for term in group.terms {
        let index = try #require(remaining.firstIndex(of: term))
        remaining.remove(at: index)
      }
      for first in group.terms {
        for second in group.terms { #expect(first.pauli.qubitWiseCommutes(with: second.pauli)) }
      }
    }
    #expect(remaining.isEmpty)
    #expect(sum.qubitWiseCommutingGroups() == groups)
  }

  @Test("first fit: the H₂ Hamiltonian's terms fall into Z-type and X-type groups")
  func hydrogenGroups() throws {
    let hamiltonian = try PauliSum("-1.05 * II + 0.39 * ZI - 0.39 * IZ - 0.01 * ZZ + 0.18 * XX")
    let groups = hamiltonian.qubitWiseCommutingGroups()
    #expect(groups == [try PauliSum("-1.05 * II + 0.39 * ZI - 0.39 * IZ - 0.01 * ZZ"), try PauliSum("0.18 * XX")])
  }

  private func matrix(_ pauli: Pauli) -> [[Complex<Double>]] {
    switch pauli {
    case .i: return [[.one, .zero], [.zero, .one]]
    case .x: return [[.zero, .one], [.one, .zero]]
    case .y: return [[.zero, -.i], [.i, .zero]]
    case .z: return [[.one, .zero], [.zero, -.one]]
    }
  }
}
