import EntangleAlgorithms
import Testing

@Suite struct ContinuedFractionTests {
  @Test func fiveEighths() throws {
    // 0.625 = 5/8 = [0; 1, 1, 1, 2] with convergents 0/1, 1/1, 1/2, 2/3, 5/8.
    for (numerator, denominator) in [(5, 8), (625, 1000)] {
      let expansion = try ContinuedFraction(numerator: numerator, denominator: denominator)
      #expect(expansion.terms == [0, 1, 1, 1, 2])
      #expect(expansion.convergents.map(\.description) == ["0/1", "1/1", "1/2", "2/3", "5/8"])
    }
  }

  @Test func textbookExamples() throws {
    // 415/93 = [4; 2, 6, 7] (a standard worked example); 0 and whole numbers have one term.
    let expansion = try ContinuedFraction(numerator: 415, denominator: 93)
    #expect(expansion.terms == [4, 2, 6, 7])
    #expect(expansion.convergents.map(\.description) == ["4/1", "9/2", "58/13", "415/93"])
    #expect(try ContinuedFraction(numerator: 0, denominator: 7).convergents.map(\.description) == ["0/1"])
    #expect(try ContinuedFraction(numerator: 12, denominator: 4).terms == [3])
    // 853/1024 from order finding of 2 mod 21 (r = 6): a convergent is 5/6.
    #expect(try ContinuedFraction(numerator: 853, denominator: 1024).convergents.map(\.description).contains("5/6"))
  }

  @Test func refusesBadFractions() {
    #expect(throws: AlgorithmError.self) { try ContinuedFraction(numerator: 1, denominator: 0) }
    #expect(throws: AlgorithmError.self) { try ContinuedFraction(numerator: -1, denominator: 3) }
  }
}

/// Order finding against the exact distribution: for r dividing 2^(2n) it is 1/r on each multiple
/// of 2^(2n)/r (tolerance 1e-10); otherwise most of it lies on the integers next to s·2^(2n)/r.
@Suite struct OrderFindingTests {
  @Test func orderDividingThePowerOfTwoGivesExactPeaks() throws {
    let finder = try OrderFinding(base: 7, modulus: 15)  // order 4; 2n = 8 counting qubits
    #expect(finder.qubitCount == 12)
    let distribution = try finder.distribution()
    for (x, probability) in distribution.enumerated() {
      #expect(abs(probability - (x % 64 == 0 ? 0.25 : 0)) < 1e-10, "x = \(x)")
    }
  }

  @Test(arguments: [(2, 21, 6), (2, 35, 12), (11, 35, 3), (5, 33, 10)])
  func peaksHoldMostOfTheMass(base: Int, modulus: Int, order: Int) throws {
    let finder = try OrderFinding(base: base, modulus: modulus)
    let distribution = try finder.distribution()
    let size = distribution.count
    var peakMass = 0.0
    var peaks: Set<Int> = []
    for s in 0..<order {
      let centre = Double(s * size) / Double(order)
      peaks.insert(Int(centre.rounded(.down)) % size)
      peaks.insert(Int(centre.rounded(.up)) % size)
    }
    for x in peaks { peakMass += distribution[x] }
    #expect(peakMass >= 0.9)
    #expect(abs(distribution.reduce(0, +) - 1) < 1e-10)
  }

  @Test func candidatesComeFromConvergents() throws {
    let finder = try OrderFinding(base: 2, modulus: 21)
    #expect(try finder.orderCandidates(fromMeasurement: 853).contains(6))
    #expect(try finder.orderCandidates(fromMeasurement: 0) == [1])
    #expect(throws: AlgorithmError.self) { try finder.orderCandidates(fromMeasurement: 1024) }
  }

  @Test func multiplicationIsAPermutation() throws {
    let matrix = try OrderFinding(base: 2, modulus: 15).multiplication(by: 7)
    for column in 0..<16 {
      let row = column < 15 ? 7 * column % 15 : column
      #expect(matrix[row, column] == .one)
    }
    #expect(matrix.isUnitary())
  }

  @Test func refusesBasesThatShareAFactor() {
    #expect(throws: AlgorithmError.self) { try OrderFinding(base: 3, modulus: 15) }
    #expect(throws: AlgorithmError.self) { try OrderFinding(base: 2, modulus: 128) }
    #expect(throws: AlgorithmError.self) { try OrderFinding(base: 1, modulus: 15) }
  }
}

@Suite struct ShorFactoringTests {
  @Test(arguments: [(15, 7, [3, 5], 4), (21, 2, [3, 7], 6), (35, 2, [5, 7], 12), (15, 2, [3, 5], 4)])
  func factorsWithAGivenBase(number: Int, base: Int, factors: [Int], order: Int) throws {
    let result = try ShorFactoring(number: number).factor(base: base, seed: 1)
    #expect(result.factors == factors)
    #expect(result.order == order)
    #expect(result.base == base)
    #expect(result.attempts >= 1 && result.attempts == result.measurements.count)
  }

  @Test(arguments: [15, 21, 35], [UInt64(1), 2, 3, 4, 5])
  func factorsWithSeededBases(number: Int, seed: UInt64) throws {
    let expected = [15: [3, 5], 21: [3, 7], 35: [5, 7]]
    let result = try ShorFactoring(number: number).factor(seed: seed)
    #expect(result.factors == expected[number])
    #expect(result.factors[0] * result.factors[1] == number)
  }

  @Test func aSeedThatUsesOrderFinding() throws {
    let seeds: [UInt64] = Array(0..<8)
    let viaOrder = try seeds.map { seed throws in try ShorFactoring(number: 35).factor(seed: seed) }.filter { $0.order != nil }
    #expect(!viaOrder.isEmpty)
    for result in viaOrder {
      #expect(result.factors == [5, 7])
    }
  }

  @Test func unsuitableGivenBaseIsReported() {
    // 4 has order 3 modulo 21: odd, so no factor follows from it.
    #expect(throws: AlgorithmError.unsuitableBase(base: 4, number: 21, order: 3)) {
      try ShorFactoring(number: 21).factor(base: 4, seed: 1)
    }
  }

  @Test(arguments: [16, 13, 49, 27, 9, 1, -15, 129, 1 << 40])
  func refusesUnsupportedNumbers(number: Int) {
    #expect {
      try ShorFactoring(number: number)
    } throws: { error in
      if case .unsupportedNumber(number, _) = error as? AlgorithmError { return true }
      return false
    }
  }

  @Test func refusesBadOptions() throws {
    let shor = try ShorFactoring(number: 15)
    #expect(throws: AlgorithmError.self) { try shor.factor(base: 1) }
    #expect(throws: AlgorithmError.self) { try shor.factor(base: 14) }
    #expect(throws: AlgorithmError.self) { try shor.factor(maximumAttempts: 0) }
  }
}
