import Foundation
import EntangleAlgorithms
import Testing

/// Grover search against the textbook formulas (Nielsen & Chuang §6.1.3): with θ = asin(√(M/N)),
/// k rounds succeed with probability sin²((2k+1)θ), and k = ⌊π/(4θ)⌋ is best. Tolerance 1e-10.
@Suite struct GroverSearchTests {
  struct Case: Sendable, CustomStringConvertible {
    let qubits: Int
    let marked: [Int]
    var description: String { "n = \(qubits), marked \(marked)" }
  }

  static let cases = [
    Case(qubits: 1, marked: [1]),
    Case(qubits: 2, marked: [3]),
    Case(qubits: 3, marked: [5]),
    Case(qubits: 4, marked: [5, 11]),
    Case(qubits: 5, marked: [1, 2, 3]),
    Case(qubits: 6, marked: [0, 17, 42, 63]),
    Case(qubits: 7, marked: [100]),
    Case(qubits: 4, marked: Array(0..<12)),
  ]

  static func formula(qubits: Int, markedCount: Int, iterations: Int) -> Double {
    let theta = asin((Double(markedCount) / Double(1 << qubits)).squareRoot())
    return pow(sin(Double(2 * iterations + 1) * theta), 2)
  }

  @Test(arguments: cases)
  func successProbabilityMatchesTheFormula(_ test: Case) throws {
    let search = try GroverSearch(qubits: test.qubits, marked: test.marked)
    let theta = asin((Double(test.marked.count) / Double(1 << test.qubits)).squareRoot())
    #expect(search.optimalIterations == Int(floor(Double.pi / (4 * theta))))
    for iterations in [0, 1, search.optimalIterations, search.optimalIterations + 2] {
      let result = try search.run(iterations: iterations, shots: 0)
      let expected = Self.formula(qubits: test.qubits, markedCount: test.marked.count, iterations: iterations)
      #expect(abs(result.successProbability - expected) < 1e-10, "k = \(iterations)")
    }
  }

  @Test(arguments: cases)
  func optimalIterationCountBeatsItsNeighbours(_ test: Case) throws {
    let search = try GroverSearch(qubits: test.qubits, marked: test.marked)
    let k = search.optimalIterations
    let best = try search.run(shots: 0).successProbability
    #expect(try search.run(iterations: k + 1, shots: 0).successProbability <= best + 1e-12)
    if k > 0 { #expect(try search.run(iterations: k - 1, shots: 0).successProbability <= best + 1e-12) }
  }

  @Test func knownIterationCounts() throws {
    // θ = asin(1/4): π/(4θ) = 3.108…; θ = asin(√(1/8)): 2.17…; θ = asin(√(1/1024)): 25.1…
    #expect(try GroverSearch(qubits: 4, marked: [7]).optimalIterations == 3)
    #expect(try GroverSearch(qubits: 4, marked: [5, 11]).optimalIterations == 2)
    #expect(try GroverSearch(qubits: 10, marked: [999]).optimalIterations == 25)
  }

  @Test func predicateAndListAgree() throws {
    let byPredicate = try GroverSearch(qubits: 5) { $0 % 7 == 3 }
    #expect(byPredicate.markedStates == [3, 10, 17, 24, 31])
    #expect(byPredicate == (try GroverSearch(qubits: 5, marked: [31, 3, 10, 24, 17, 3])))
  }

  @Test func everyStateMarkedNeedsNoRounds() throws {
    let search = try GroverSearch(qubits: 3) { _ in true }
    #expect(search.optimalIterations == 0)
    #expect(abs(try search.run(shots: 10).successProbability - 1) < 1e-12)
  }

  @Test func samplesFollowTheDistribution() throws {
    let result = try GroverSearch(qubits: 5, marked: [9]).run(shots: 2000, seed: 7)
    #expect(result.counts.values.reduce(0, +) == 2000)
    #expect(result.outcomesByFrequency.first == 9)
    // Binomial standard deviation at p ≈ 0.9995 and 2000 shots is below 0.001; allow 0.01.
    #expect(abs(result.sampledSuccessRate - result.successProbability) < 0.01)
    #expect(result == (try GroverSearch(qubits: 5, marked: [9]).run(shots: 2000, seed: 7)))
  }

  @Test func refusesWhatItCannotSearch() {
    #expect(throws: AlgorithmError.noMarkedStates(qubits: 3)) { try GroverSearch(qubits: 3) { _ in false } }
    #expect(throws: AlgorithmError.self) { try GroverSearch(qubits: 0, marked: [0]) }
    #expect(throws: AlgorithmError.self) { try GroverSearch(qubits: 21, marked: [0]) }
    #expect(throws: AlgorithmError.self) { try GroverSearch(qubits: 3, marked: [8]) }
    #expect(throws: AlgorithmError.self) { try GroverSearch(qubits: 3, marked: [-1]) }
    #expect(throws: AlgorithmError.self) { try GroverSearch(qubits: 3, marked: [1]).run(iterations: -1) }
    #expect(throws: AlgorithmError.self) { try GroverSearch(qubits: 3, marked: [1]).run(shots: -1) }
  }
}
