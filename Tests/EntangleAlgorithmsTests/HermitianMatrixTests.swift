import ComplexModule
import EntangleTestSupport
import Testing
import EntangleCircuits
import EntangleAlgorithms

@Suite struct HermitianMatrixTests {
  static func randomHermitian(dimension: Int, seed: UInt64) throws -> HermitianMatrix {
    var generator = SeededGenerator(seed: seed)
    var rows = Array(repeating: Array(repeating: Complex<Double>.zero, count: dimension), count: dimension)
    for row in 0..<dimension {
      rows[row][row] = Complex(generator.nextGaussian())
      for column in (row + 1)..<max(dimension, row + 1) {
        let entry = Complex(generator.nextGaussian(), generator.nextGaussian())
        rows[row][column] = entry
        rows[column][row] = entry.conjugate
      }
    }
    return try HermitianMatrix(rows: rows)
  }

  @Test(arguments: [1, 2, 7, 32])
  func eigenpairsSatisfyTheEigenvalueEquation(dimension: Int) throws {
    let matrix = try Self.randomHermitian(dimension: dimension, seed: 2026 + UInt64(dimension))
    let (values, vectors) = try matrix.eigenDecomposition()
    #expect(values == values.sorted())
    #expect(abs(values.reduce(0, +) - matrix.trace) < 1e-10)
    for (value, vector) in zip(values, vectors) {
      let product = try matrix.multiplied(by: vector)
      #expect(maxDifference(product, vector.map { Complex(value) * $0 }) < 1e-10)
      let norm = vector.reduce(0) { $0 + $1.lengthSquared }
      #expect(abs(norm - 1) < 1e-12)
    }
    // Orthogonality of the first two eigenvectors.
    if dimension > 1 {
      let overlap = zip(vectors[0], vectors[1]).reduce(Complex<Double>.zero) { $0 + $1.0.conjugate * $1.1 }
      #expect(overlap.length < 1e-12)
    }
  }

  @Test func nonHermitianRowsAreRejected() {
    #expect(throws: AlgorithmError.self) {
      try HermitianMatrix(rows: [[Complex(1), Complex(0, 1)], [Complex(0, 1), Complex(1)]])
    }
  }

  @Test func transverseFieldIsingPairHasTheKnownGroundEnergy() throws {
    // H = −Z₀Z₁ − g(X₀ + X₁): the even-parity block gives −√(1 + 4g²).
    let g = 0.7
    let observable = try PauliSum([(-1, "ZZ"), (-g, "IX"), (-g, "XI")])
    let ground = try ExactDiagonalization(observable).groundState()
    #expect(abs(ground.energy - -(1 + 4 * g * g).squareRoot()) < 1e-12)
    #expect(ground.amplitudes.count == 4)
  }

  @Test func diagonalObservableAgreesWithTheDenseSolver() throws {
    // A MaxCut-style cost on a triangle plus a field: diagonal, so read off without Jacobi.
    let cost = try PauliSum([(0.5, "IZZ"), (0.5, "ZIZ"), (0.5, "ZZI"), (0.3, "IIZ")])
    let diagonalization = try ExactDiagonalization(cost)
    let dense = try diagonalization.matrix(basis: diagonalization.basis()).eigenDecomposition().values
    let fast = try diagonalization.eigenvalues()
    #expect(zip(dense, fast).allSatisfy { abs($0 - $1) < 1e-12 })
    let ground = try diagonalization.groundState()
    // One cut edge pair gives ZZ sum −1, and Z₀ = −1 (bit 0 set) lowers the field term: −0.5 − 0.3,
    // first reached at index 0b001.
    #expect(abs(ground.energy - -0.8) < 1e-12)
    #expect(abs(fast[0] - -0.8) < 1e-12)
    #expect(ground.amplitudes[0b001] == .one)
  }

  @Test func diagonalizationRefusesMoreThanTwelveQubits() throws {
    let observable = try PauliSum([(1, "Z" + String(repeating: "I", count: 12))])
    #expect(throws: AlgorithmError.tooManyQubits(method: "Exact diagonalization", qubits: 13, maximum: 12)) {
      try ExactDiagonalization(observable)
    }
    let error = AlgorithmError.tooManyQubits(method: "Exact diagonalization", qubits: 13, maximum: 12)
    #expect(error.description.contains("13 qubits"))
  }

  @Test func sectorsCountBasisStates() throws {
    let diagonalization = try ExactDiagonalization(try PauliSum([(1, "ZIII")]))
    #expect(diagonalization.basis(particleNumber: 2).count == 6)
    #expect(diagonalization.basis(particleNumber: 2, spinDifference: 0) == [0b0011, 0b0110, 0b1001, 0b1100])
    #expect(throws: AlgorithmError.self) { try diagonalization.eigenvalues(particleNumber: 5) }
  }
}
