import EntangleAlgorithms
import EntangleSimulation
import Testing

/// `DivideAndConquerMaxCut` and the classical pieces around it: the partition, the merge
/// formula, greedy cuts and 1-flip local search. Every expected number is computed
/// independently: cuts from scratch with `cutValue`, optima by brute force.
@Suite struct DivideAndConquerMaxCutTests {
  /// A random graph on `nodes` nodes: each pair joined with probability `density`, weight ±1
  /// (or +1 when `signed` is false).
  static func randomGraph(nodes: Int, density: Double, signed: Bool, seed: UInt64) throws -> WeightedGraph {
    var generator = SeededRandomNumberGenerator(seed: seed)
    var edges: [WeightedGraph.Edge] = []
    for u in 0..<nodes {
      for v in (u + 1)..<nodes where Double.random(in: 0..<1, using: &generator) < density {
        let weight: Double = signed && Bool.random(using: &generator) ? -1 : 1
        edges.append(WeightedGraph.Edge(u, v, weight: weight))
      }
    }
    return try WeightedGraph(nodes: nodes, edges: edges)
  }

  static func randomSides(_ count: Int, _ generator: inout SeededRandomNumberGenerator) -> [Bool] {
    (0..<count).map { _ in Bool.random(using: &generator) }
  }

  /// An exact solver for subproblems, so the tests check the decomposition, not a heuristic.
  static let exactSolver: @Sendable ([MaxCutSubproblem]) async throws -> [[Bool]] = { batch in
    try batch.map { try $0.graph.bruteForceMaximumCut().sides }
  }

  // MARK: - Partition

  @Test(arguments: [(40, 6, UInt64(1)), (57, 14, 2), (13, 6, 3), (5, 14, 4), (100, 7, 5)])
  func partitionCoversEveryNodeOnceWithPartsOfAtMostK(nodes: Int, maximumPartSize: Int, seed: UInt64) throws {
    let graph = try Self.randomGraph(nodes: nodes, density: 0.1, signed: true, seed: seed)
    let method = try DivideAndConquerMaxCut(graph: graph, maximumPartSize: maximumPartSize, seed: seed)
    #expect(method.parts.flatMap { $0 }.sorted() == Array(0..<nodes))
    #expect(method.parts.allSatisfy { !$0.isEmpty && $0.count <= maximumPartSize })
    // Region growing fills every part but the last: ⌈n/K⌉ parts.
    #expect(method.parts.count == (nodes + maximumPartSize - 1) / maximumPartSize)
    for (index, part) in method.parts.enumerated() {
      #expect(part.allSatisfy { method.partOfNode[$0] == index })
    }
    let again = try DivideAndConquerMaxCut(graph: graph, maximumPartSize: maximumPartSize, seed: seed)
    #expect(again.parts == method.parts, "the partition is deterministic for a seed")
  }

  @Test func partsOfAGridAreConnectedRegions() throws {
    // A 6×6 grid with K = 6: growing by the strongest connection keeps each part connected.
    var edges: [WeightedGraph.Edge] = []
    for row in 0..<6 {
      for column in 0..<6 {
        let node = 6 * row + column
        if column < 5 { edges.append(WeightedGraph.Edge(node, node + 1)) }
        if row < 5 { edges.append(WeightedGraph.Edge(node, node + 6)) }
      }
    }
    let graph = try WeightedGraph(nodes: 36, edges: edges)
    let method = try DivideAndConquerMaxCut(graph: graph, maximumPartSize: 6, seed: 9)
    let connected = try method.parts.filter { try Self.isConnected(graph.inducedSubgraph($0)) }
    // A part may be split only when its region is walled in by earlier parts; most are not.
    #expect(connected.count >= method.parts.count / 2, "\(connected.count) of \(method.parts.count) parts connected")
  }

  static func isConnected(_ graph: WeightedGraph) -> Bool {
    var neighbours = [[Int]](repeating: [], count: graph.nodeCount)
    for edge in graph.edges {
      neighbours[edge.first].append(edge.second)
      neighbours[edge.second].append(edge.first)
    }
    var reached: Set = [0], queue = [0]
    while let node = queue.popLast() {
      for neighbour in neighbours[node] where reached.insert(neighbour).inserted { queue.append(neighbour) }
    }
    return reached.count == graph.nodeCount
  }

  @Test func refusesPartsOfOneNode() throws {
    let graph = try Self.randomGraph(nodes: 8, density: 0.5, signed: false, seed: 1)
    #expect(throws: AlgorithmError.self) { try DivideAndConquerMaxCut(graph: graph, maximumPartSize: 1, seed: 1) }
  }

  // MARK: - Merge formula

  @Test func quotientWeightOfAHandBuiltGraph() throws {
    // Heavy edges 0–1 and 2–3 (weight 5) make the parts {0, 1} and {2, 3} for K = 2 from any
    // start node. Cross edges 1–2 (weight 1) and 0–3 (weight −2). With sides 0:F 1:T 2:T 3:F
    // both cross edges join equal sides, so W = (+1)·1 + (+1)·(−2) = −1: flipping one part
    // cuts 1–2 (+1) and 0–3 (−2), a gain of −1.
    let graph = try WeightedGraph(nodes: 4, edges: [
      WeightedGraph.Edge(0, 1, weight: 5), WeightedGraph.Edge(1, 2), WeightedGraph.Edge(2, 3, weight: 5),
      WeightedGraph.Edge(0, 3, weight: -2),
    ])
    let method = try DivideAndConquerMaxCut(graph: graph, maximumPartSize: 2, seed: 0)
    #expect(Set(method.parts) == [[0, 1], [2, 3]])
    let sides = [false, true, true, false]
    let quotient = try method.quotientGraph(sides: sides)
    #expect(quotient.nodeCount == 2)
    #expect(quotient.edges == [WeightedGraph.Edge(0, 1, weight: -1)])
    let flipped = try method.applyingFlips([true, false], to: sides)
    // Before: 0–1 and 2–3 are cut (5 + 5). After flipping a part, 1–2 and 0–3 are cut too (10 + 1 − 2).
    #expect(try graph.cutValue(sides) == 10)
    #expect(try graph.cutValue(flipped) == 9)
  }

  @Test(arguments: [UInt64(1), 2, 3, 4, 5])
  func cutAfterFlipsIsCutBeforePlusQuotientCut(seed: UInt64) throws {
    let graph = try Self.randomGraph(nodes: 45, density: 0.15, signed: true, seed: seed)
    let method = try DivideAndConquerMaxCut(graph: graph, maximumPartSize: 5, seed: seed)
    var generator = SeededRandomNumberGenerator(seed: seed + 100)
    for _ in 0..<10 {
      let sides = Self.randomSides(graph.nodeCount, &generator)
      let flips = Self.randomSides(method.parts.count, &generator)
      let quotient = try method.quotientGraph(sides: sides)
      let after = try graph.cutValue(method.applyingFlips(flips, to: sides))
      #expect(after == (try graph.cutValue(sides) + quotient.cutValue(flips)))
    }
  }

  // MARK: - Refinement

  /// The anchored subproblem's cut differs from the full cut by a constant: moving the part's
  /// nodes changes both by the same amount.
  @Test(arguments: [UInt64(1), 2, 3])
  func anchoredSubproblemCutTracksTheFullCut(seed: UInt64) throws {
    let graph = try Self.randomGraph(nodes: 40, density: 0.15, signed: true, seed: seed)
    let method = try DivideAndConquerMaxCut(graph: graph, maximumPartSize: 5, seed: seed)
    var generator = SeededRandomNumberGenerator(seed: seed + 200)
    let sides = Self.randomSides(graph.nodeCount, &generator)
    for index in method.parts.indices {
      let part = method.parts[index]
      let subproblem = try method.anchoredSubproblem(index, sides: sides)
      #expect(subproblem.graph.nodeCount == part.count + 1)
      func full(_ assignment: [Bool]) throws -> Double {
        var moved = sides
        for (local, node) in part.enumerated() { moved[node] = assignment[local] }
        return try graph.cutValue(moved)
      }
      let first = Self.randomSides(part.count, &generator), second = Self.randomSides(part.count, &generator)
      let subproblemDifference = try subproblem.graph.cutValue(first + [false]) - subproblem.graph.cutValue(second + [false])
      #expect(try full(first) - full(second) == subproblemDifference)
    }
  }

  @Test(arguments: [UInt64(1), 2, 3])
  func refinementNeverLowersTheCut(seed: UInt64) async throws {
    let graph = try Self.randomGraph(nodes: 36, density: 0.2, signed: seed == 2, seed: seed)
    let method = try DivideAndConquerMaxCut(graph: graph, maximumPartSize: 5, seed: seed)
    var generator = SeededRandomNumberGenerator(seed: seed + 300)
    let start = Self.randomSides(graph.nodeCount, &generator)
    let refined = try await method.refine(start, using: Self.exactSolver)
    #expect(try graph.cutValue(refined) > graph.cutValue(start))
    // A solver that returns each subproblem's minimum cut (never above the current sides of
    // the part, which are one of its candidates) changes nothing.
    let unchanged = try await method.refine(refined) { batch in
      try batch.map { subproblem in
        let negated = subproblem.graph.edges.map { WeightedGraph.Edge($0.first, $0.second, weight: -$0.weight) }
        return try WeightedGraph(nodes: subproblem.graph.nodeCount, edges: negated).bruteForceMaximumCut().sides
      }
    }
    #expect(unchanged == refined)
  }

  // MARK: - Local search and greedy

  @Test(arguments: [UInt64(1), 2, 3, 4])
  func localSearchNeverLowersTheCutAndEndsInALocalOptimum(seed: UInt64) throws {
    let graph = try Self.randomGraph(nodes: 60, density: 0.1, signed: seed % 2 == 0, seed: seed)
    var generator = SeededRandomNumberGenerator(seed: seed)
    let start = Self.randomSides(graph.nodeCount, &generator)
    let result = try graph.localSearch(from: start)
    #expect(result.value >= (try graph.cutValue(start)))
    #expect(result.value == (try graph.cutValue(result.sides)))
    for node in 0..<graph.nodeCount {
      var moved = result.sides
      moved[node].toggle()
      #expect(try graph.cutValue(moved) <= result.value, "moving node \(node) must not raise the cut")
    }
  }

  @Test func greedyCutOfACompleteBipartiteGraphIsTheWholeGraph() throws {
    // K_{3,4} with parts {0, 2, 4} and {1, 3, 5, 6}: greedy places each node opposite its
    // placed neighbours, and every edge is cut.
    let left = [0, 2, 4], right = [1, 3, 5, 6]
    let graph = try WeightedGraph(nodes: 7, edges: left.flatMap { u in right.map { WeightedGraph.Edge(u, $0) } })
    let greedy = graph.greedyCut()
    #expect(greedy.value == 12)
    #expect(greedy.value == (try graph.cutValue(greedy.sides)))
  }

  // MARK: - The whole method

  /// With exact subproblems, the merged cut (before any local search) of random 3-regular graphs
  /// is at least 0.8 of the brute-force optimum (an independent exact value). The bound is not a
  /// theorem: it is what the method is for, checked on fixed seeds.
  @Test(arguments: [(12, UInt64(1)), (16, 2), (20, 3), (20, 4)])
  func divideAndConquerReachesEightyPercentOfTheOptimum(nodes: Int, seed: UInt64) async throws {
    let graph = try WeightedGraph.randomThreeRegular(nodes: nodes, seed: seed)
    let method = try DivideAndConquerMaxCut(graph: graph, maximumPartSize: 6, seed: seed)
    let sides = try await method.solve(using: Self.exactSolver)
    let cut = try graph.cutValue(sides)
    let optimum = try graph.bruteForceMaximumCut().value
    #expect(cut >= 0.8 * optimum, "cut \(cut), optimum \(optimum)")
    #expect(try graph.localSearch(from: sides).value >= cut)
  }

  /// Merging never lowers the cut of the combined parts: the flips are kept only when their
  /// quotient cut is positive.
  @Test(arguments: [UInt64(1), 2, 3])
  func mergeNeverLowersTheCombinedCut(seed: UInt64) async throws {
    let graph = try Self.randomGraph(nodes: 30, density: 0.2, signed: true, seed: seed)
    let method = try DivideAndConquerMaxCut(graph: graph, maximumPartSize: 4, seed: seed)
    let partSides = try method.subproblems.map { try $0.graph.bruteForceMaximumCut().sides }
    let combined = try graph.cutValue(method.combine(partSides))
    // Eight parts of K = 4: the quotient graph has 8 nodes, so the merge recurses once.
    let merged = try await method.merge(partSides, using: Self.exactSolver)
    #expect(try graph.cutValue(merged) >= combined)
  }

  @Test func subproblemLabelsAndSeedsAreDistinct() throws {
    let graph = try Self.randomGraph(nodes: 30, density: 0.2, signed: false, seed: 7)
    let method = try DivideAndConquerMaxCut(graph: graph, maximumPartSize: 7, seed: 7)
    let subproblems = method.subproblems
    #expect(subproblems.map(\.label) == (0..<5).map { "part[\($0)]" })
    #expect(Set(subproblems.map(\.seed)).count == subproblems.count)
    #expect(zip(subproblems, method.parts).allSatisfy { $0.graph.nodeCount == $1.count })
    #expect(try method.subproblem(2).label == "part[2]")
    #expect(throws: AlgorithmError.invalidArgument(name: "the part index", value: "5", expected: "in 0..<5")) {
      try method.subproblem(5)
    }
  }
}
