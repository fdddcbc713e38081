import Foundation
import EntangleAlgorithms
import EntangleSimulation
import Testing

/// `WeightedGraph`: the Gset parser on fixtures and on broken text, the random 3-regular
/// generator, and the brute-force maximum cut on graphs whose maximum cut is known in closed form.
@Suite struct QAOAGraphTests {
  static func fixture(_ name: String) throws -> String {
    let url = Bundle.module.resourceURL!.appendingPathComponent("Fixtures").appendingPathComponent(name)
    return try String(contentsOf: url, encoding: .utf8)
  }

  static func ring(_ n: Int) throws -> WeightedGraph {
    try WeightedGraph(nodes: n, edges: (0..<n).map { WeightedGraph.Edge($0, ($0 + 1) % n) })
  }

  static func completeBipartite(_ a: Int, _ b: Int) throws -> WeightedGraph {
    try WeightedGraph(nodes: a + b, edges: (0..<a).flatMap { u in (a..<(a + b)).map { WeightedGraph.Edge(u, $0) } })
  }

  static func complete(_ n: Int) throws -> WeightedGraph {
    try WeightedGraph(nodes: n, edges: (0..<n).flatMap { u in ((u + 1)..<n).map { WeightedGraph.Edge(u, $0) } })
  }

  // MARK: - Parser

  @Test func parsesThePetersenGraph() throws {
    let graph = try WeightedGraph(gset: Self.fixture("petersen.txt"))
    #expect(graph.nodeCount == 10 && graph.edgeCount == 15)
    #expect(graph.degrees == Array(repeating: 3, count: 10))
    #expect(graph.edges[0] == WeightedGraph.Edge(0, 1))
    #expect(graph.edges[14] == WeightedGraph.Edge(8, 5))
    // The Petersen graph is not bipartite; its maximum cut is 12 (it needs 3 edges removed
    // to become bipartite: odd girth 5, and 15 − 12 = 3; Hadlock 1975 lists it).
    #expect(try graph.bruteForceMaximumCut().value == 12)
  }

  @Test func parsesWeightsCommentsBlankLinesAndCRLF() throws {
    let graph = try WeightedGraph(gset: Self.fixture("weighted4.txt"))
    #expect(graph.nodeCount == 4)
    #expect(graph.edges.map(\.weight) == [2, 0.5, 3, 1, -1])
    #expect(graph.edges[4] == WeightedGraph.Edge(0, 2, weight: -1))
  }

  struct BadText: Sendable, CustomStringConvertible {
    let text: String
    let line: Int
    let column: Int
    let reasonContains: String
    var description: String { "\(text.debugDescription) at \(line):\(column)" }
  }

  static let badTexts = [
    BadText(text: "", line: 1, column: 1, reasonContains: "empty"),
    BadText(text: "4\n", line: 1, column: 2, reasonContains: "needs 2 numbers"),
    BadText(text: "4 1\n1 2 1 7\n", line: 2, column: 7, reasonContains: "one too many"),
    BadText(text: "four 1\n1 2 1\n", line: 1, column: 1, reasonContains: "'four', not a whole number"),
    BadText(text: "0 0\n", line: 1, column: 1, reasonContains: "at least 1"),
    BadText(text: "4 2\n1 2 1\n1  5 1\n", line: 3, column: 4, reasonContains: "in 1…4"),
    BadText(text: "4 2\n1 2 1\n0 2 1\n", line: 3, column: 1, reasonContains: "in 1…4"),
    BadText(text: "4 2\n1 2 1\n3 3 1\n", line: 3, column: 3, reasonContains: "self loop"),
    BadText(text: "4 1\n1 2 x1\n", line: 2, column: 5, reasonContains: "'x1', not a finite number"),
    BadText(text: "4 1\n1 2 nan\n", line: 2, column: 5, reasonContains: "not a finite number"),
    BadText(text: "4 1\n1 2.5 1\n", line: 2, column: 3, reasonContains: "not a whole number"),
    BadText(text: "4 1\n1 2\n", line: 2, column: 4, reasonContains: "the line ends after 2"),
    BadText(text: "4 1\n1 2 1\n\n2 3 1\n", line: 4, column: 1, reasonContains: "beyond the 1"),
    BadText(text: "4 3\n1 2 1\n2 3 1\n", line: 4, column: 1, reasonContains: "ends after 2 edges; the header announces 3"),
    BadText(text: "4 3\n1 2 1\n\t2 3 1", line: 3, column: 7, reasonContains: "ends after 2 edges"),
  ]

  @Test(arguments: badTexts)
  func errorsNameLineAndColumn(_ bad: BadText) {
    #expect {
      _ = try WeightedGraph(gset: bad.text)
    } throws: { error in
      guard case let .malformedGraph(line, column, reason) = error as? AlgorithmError else { return false }
      return line == bad.line && column == bad.column && reason.contains(bad.reasonContains)
    }
  }

  @Test func errorMessageStartsWithThePosition() {
    let error = AlgorithmError.malformedGraph(line: 3, column: 4, reason: "the edge 3–3 is a self loop")
    #expect(error.description == "line 3, column 4: the edge 3–3 is a self loop")
  }

  @Test("text after the header's two numbers is ignored, as in circulating copies of G1 ('800 19176 J')")
  func headerWithTrailingText() throws {
    let graph = try WeightedGraph(gset: "4 2 J\n1 2 1\n3 4 -1\n")
    #expect(graph.nodeCount == 4 && graph.edges == [WeightedGraph.Edge(0, 1, weight: 1), WeightedGraph.Edge(2, 3, weight: -1)])
  }

  @Test func readsLargeGsetHeadersWithoutSimulating() throws {
    // A graph far beyond a state vector parses; QAOA refuses it with the memory it would need.
    let n = 800
    let text = "\(n) \(n)\n" + (1...n).map { "\($0) \($0 % n + 1) 1" }.joined(separator: "\n") + "\n"
    let graph = try WeightedGraph(gset: text)
    #expect(graph.nodeCount == n && graph.edgeCount == n)
    #expect {
      _ = try QAOAMaxCut(graph: graph, layers: 1)
    } throws: { error in
      guard case let .graphTooLarge(_, nodes, maximum, requirement) = error as? AlgorithmError else { return false }
      return nodes == n && maximum == 24 && requirement.contains("16·2^800")
    }
    #expect(throws: AlgorithmError.self) { try graph.bruteForceMaximumCut() }
  }

  // MARK: - Random 3-regular graphs

  @Test(arguments: [4, 6, 8, 10, 12, 14, 16, 20, 50])
  func randomThreeRegularGraphsAreSimpleAndCubic(nodes: Int) throws {
    for seed: UInt64 in 0..<5 {
      let graph = try WeightedGraph.randomThreeRegular(nodes: nodes, seed: seed)
      #expect(graph.degrees == Array(repeating: 3, count: nodes))
      #expect(graph.edgeCount == 3 * nodes / 2)
      #expect(graph.edges.allSatisfy { $0.first < $0.second && $0.weight == 1 })
      #expect(Set(graph.edges.map { [$0.first, $0.second] }).count == graph.edgeCount, "no repeated edge")
      #expect(try WeightedGraph.randomThreeRegular(nodes: nodes, seed: seed) == graph, "same seed, same graph")
    }
  }

  @Test func differentSeedsGiveDifferentGraphs() throws {
    let graphs = try (0..<5).map { try WeightedGraph.randomThreeRegular(nodes: 12, seed: UInt64($0)) }
    #expect(Set(graphs).count > 1)
  }

  @Test(arguments: [-2, 0, 2, 3, 5, 11])
  func randomThreeRegularRefusesImpossibleSizes(nodes: Int) {
    #expect(throws: AlgorithmError.self) { try WeightedGraph.randomThreeRegular(nodes: nodes, seed: 1) }
  }

  // MARK: - Brute-force maximum cut

  @Test(arguments: [4, 6, 8, 12, 16])
  func evenRingsCutEveryEdge(n: Int) throws {
    let best = try Self.ring(n).bruteForceMaximumCut()
    #expect(best.value == Double(n))
    #expect(try Self.ring(n).cutValue(best.sides) == Double(n))
  }

  @Test(arguments: [3, 5, 7, 9, 13])
  func oddRingsCutAllButOneEdge(n: Int) throws {
    #expect(try Self.ring(n).bruteForceMaximumCut().value == Double(n - 1))
  }

  @Test(arguments: [(1, 1), (1, 4), (2, 3), (3, 3), (4, 5)])
  func completeBipartiteGraphsCutEveryEdge(a: Int, b: Int) throws {
    #expect(try Self.completeBipartite(a, b).bruteForceMaximumCut().value == Double(a * b))
  }

  @Test(arguments: [2, 3, 4, 5, 6, 7, 10])
  func completeGraphsCutHalfTimesHalf(n: Int) throws {
    #expect(try Self.complete(n).bruteForceMaximumCut().value == Double((n / 2) * ((n + 1) / 2)))
  }

  @Test func handCheckedWeightedGraph() throws {
    // Cuts of the fixture, by hand, with node 4 on side 0 (sides of nodes 1, 2, 3):
    // 000: 0; 100: 2 + 1 − 1 = 2; 010: 2 + 0.5 = 2.5; 001: 0.5 + 3 − 1 = 2.5; 110: 0.5 + 1 − 1 = 0.5;
    // 101: 2 + 0.5 + 3 + 1 = 6.5; 011: 2 + 3 − 1 = 4; 111: 3 + 1 = 4. The maximum is 6.5.
    let graph = try WeightedGraph(gset: Self.fixture("weighted4.txt"))
    let best = try graph.bruteForceMaximumCut()
    #expect(best.value == 6.5)
    #expect(best.partition == "1010")
    #expect(graph.cutValue(basisState: 0b0101) == 6.5, "nodes 0 and 2 (bits 0 and 2) on side 1")
  }

  @Test func negativeWeightsCanMakeTheEmptyCutBest() throws {
    let graph = try WeightedGraph(nodes: 3, edges: [.init(0, 1, weight: -1), .init(1, 2, weight: -2)])
    let best = try graph.bruteForceMaximumCut()
    #expect(best.value == 0 && best.partition == "000")
  }

  @Test func bruteForceAgreesWithCutValuesOfEveryBasisState() throws {
    // An independent enumeration of all 2^n basis states, on weighted random graphs.
    var generator = SeededRandomNumberGenerator(seed: 42)
    for n in 2...9 {
      var edges: [WeightedGraph.Edge] = []
      for u in 0..<n {
        for v in (u + 1)..<n where Double.random(in: 0..<1, using: &generator) < 0.5 {
          edges.append(.init(u, v, weight: Double.random(in: -1...2, using: &generator)))
        }
      }
      let graph = try WeightedGraph(nodes: n, edges: edges)
      let exhaustive = (0..<(1 << n)).map(graph.cutValue(basisState:)).max()!
      #expect(abs(try graph.bruteForceMaximumCut().value - exhaustive) < 1e-12, "n = \(n)")
    }
  }

  @Test func refusesBadEdges() {
    #expect(throws: AlgorithmError.self) { try WeightedGraph(nodes: 0, edges: []) }
    #expect(throws: AlgorithmError.self) { try WeightedGraph(nodes: 3, edges: [.init(0, 3)]) }
    #expect(throws: AlgorithmError.self) { try WeightedGraph(nodes: 3, edges: [.init(1, 1)]) }
    #expect(throws: AlgorithmError.self) { try WeightedGraph(nodes: 3, edges: [.init(0, 1, weight: .infinity)]) }
    #expect(throws: AlgorithmError.self) { try WeightedGraph(nodes: 3, edges: []).cutValue([true]) }
  }
}
