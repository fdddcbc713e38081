import EntangleSimulation

/// MaxCut of a graph too large for one state vector, by divide and conquer: the nodes are split
/// into parts of at most K, each part's induced subgraph is solved on its own (by QAOA on K
/// qubits, or any solver), and a merge problem decides which parts to flip.
///
/// **Partition.** Parts grow one at a time from a start node (the first unassigned node in an
/// order shuffled by `seed`): the next node is the frontier node joined to the part by the most
/// weight Σ|w|, ties broken by the shuffled order; when the frontier is empty (the part's
/// component is used up) the next start node joins. Every part but possibly the last has exactly
/// K nodes, so there are ⌈n/K⌉ parts and the recursion below always shrinks.
///
/// **Merge.** With each part's sides fixed, flipping part i (every node of it changes side)
/// leaves the edges inside parts as they are and changes the status of a cross edge exactly when
/// one of its two parts flips. So choosing the parts to flip is MaxCut on the quotient graph
/// with one node per part and weights
///
///     W_ij = Σ_(u ∈ i, v ∈ j, (u,v) ∈ E) w_uv · ([s_u = s_v] − [s_u ≠ s_v]),
///
/// and cut(s after flips F) = cut(s) + Σ_(i ∈ F, j ∉ F) W_ij, the quotient cut of F. The
/// quotient graph is solved by the same solver when it has at most K nodes, otherwise by
/// another divide and conquer on it, recursively; a flip set without a positive gain is
/// replaced by no flips, so merging never lowers the cut.
///
/// **Refinement.** ``refine(_:using:)`` re-solves each part with the rest of the graph held
/// fixed (an anchor node stands for it), a large-neighbourhood search that improves any cut.
///
/// ```swift
/// let method = try DivideAndConquerMaxCut(graph: graph, maximumPartSize: 14, seed: 1)
/// let sides = try await method.solve { batch in try batch.map { try $0.graph.bruteForceMaximumCut().sides } }
/// let polished = try graph.localSearch(from: sides)
/// ```
public struct DivideAndConquerMaxCut: Sendable {
  /// The graph whose maximum cut is sought.
  public let graph: WeightedGraph
  /// K: the most nodes in a part, and in a merge problem solved directly.
  public let maximumPartSize: Int
  /// The seed of the partition order and of the subproblems' seeds.
  public let seed: UInt64
  /// A prefix for the subproblems' labels (`part[3]` at the top, `merge/part[3]` one level down).
  public let label: String
  /// The parts, each a sorted list of nodes; together they hold every node once.
  public let parts: [[Int]]
  /// The part of each node.
  public let partOfNode: [Int]
  /// Every part's sub-problem, in part order: its induced subgraph (node k is `parts[i][k]`), a
  /// seed derived from this method's seed and the index, and a label for traces.
  public let subproblems: [MaxCutSubproblem]

  /// Splits `graph` into parts of at most `maximumPartSize` nodes.
  ///
  /// - Parameter label: prefixes the labels of the subproblems (`""` at the top level).
  /// - Complexity: O(m + n · F) for the partition, with F ≤ K · (largest degree) the largest frontier.
  /// - Throws: ``AlgorithmError/invalidArgument(name:value:expected:)`` for K below 2 (parts
  ///   of one node would never shrink the problem).
  public init(graph: WeightedGraph, maximumPartSize: Int, seed: UInt64, label: String = "") throws(AlgorithmError) {
    guard maximumPartSize >= 2 else {
      throw .invalidArgument(name: "the largest part size K", value: "\(maximumPartSize)", expected: "at least 2")
    }
    self.graph = graph
    self.maximumPartSize = maximumPartSize
    self.seed = seed
    self.label = label
    (parts, partOfNode) = Self.grow(graph, maximumPartSize: maximumPartSize, seed: seed)
    subproblems = try parts.enumerated().map { index, part throws(AlgorithmError) in
      MaxCutSubproblem(
        graph: try graph.inducedSubgraph(part), seed: Self.derivedSeed(seed, index), label: "\(label)part[\(index)]")
    }
  }

  /// Part `index`'s sub-problem (see ``subproblems``).
  ///
  /// - Throws: ``AlgorithmError/invalidArgument(name:value:expected:)`` for an index outside the parts.
  public func subproblem(_ index: Int) throws(AlgorithmError) -> MaxCutSubproblem {
    guard subproblems.indices.contains(index) else {
      throw .invalidArgument(name: "the part index", value: "\(index)", expected: "in 0..<\(subproblems.count)")
    }
    return subproblems[index]
  }

  /// The sides of every node from each part's sides (`partSides[i][k]` for node `parts[i][k]`).
  ///
  /// - Throws: ``AlgorithmError/dimensionMismatch(name:expected:actual:)`` unless there is one
  ///   list per part with one side per node of the part.
  public func combine(_ partSides: [[Bool]]) throws(AlgorithmError) -> [Bool] {
    guard partSides.count == parts.count else {
      throw .dimensionMismatch(name: "the parts' sides", expected: parts.count, actual: partSides.count)
    }
    var sides = [Bool](repeating: false, count: graph.nodeCount)
    for (part, partSide) in zip(parts, partSides) {
      guard partSide.count == part.count else {
        throw .dimensionMismatch(name: "the sides of a part", expected: part.count, actual: partSide.count)
      }
      for (node, side) in zip(part, partSide) { sides[node] = side }
    }
    return sides
  }

  /// The merge problem for `sides`: one node per part, and an edge of weight W_ij (the formula
  /// in the type's summary) between parts joined by edges whose W_ij is not zero, in order of (i, j).
  ///
  /// - Complexity: O(m + p log p) for p part pairs joined by edges.
  /// - Throws: ``AlgorithmError/dimensionMismatch(name:expected:actual:)`` unless there is one side per node.
  public func quotientGraph(sides: [Bool]) throws(AlgorithmError) -> WeightedGraph {
    guard sides.count == graph.nodeCount else {
      throw .dimensionMismatch(name: "the partition", expected: graph.nodeCount, actual: sides.count)
    }
    var weights: [PartPair: Double] = [:]
    for edge in graph.edges {
      let first = partOfNode[edge.first], second = partOfNode[edge.second]
      guard first != second else { continue }
      let pair = PartPair(low: min(first, second), high: max(first, second))
      weights[pair, default: 0] += sides[edge.first] == sides[edge.second] ? edge.weight : -edge.weight
    }
    let edges = weights.filter { $0.value != 0 }.sorted { ($0.key.low, $0.key.high) < ($1.key.low, $1.key.high) }
      .map { WeightedGraph.Edge($0.key.low, $0.key.high, weight: $0.value) }
    return try WeightedGraph(nodes: parts.count, edges: edges)
  }

  /// `sides` with every node of each part i where `flips[i]` is true moved to the other side.
  ///
  /// - Throws: ``AlgorithmError/dimensionMismatch(name:expected:actual:)`` unless there is one
  ///   side per node and one flip per part.
  public func applyingFlips(_ flips: [Bool], to sides: [Bool]) throws(AlgorithmError) -> [Bool] {
    guard sides.count == graph.nodeCount else {
      throw .dimensionMismatch(name: "the partition", expected: graph.nodeCount, actual: sides.count)
    }
    guard flips.count == parts.count else {
      throw .dimensionMismatch(name: "the part flips", expected: parts.count, actual: flips.count)
    }
    return sides.indices.map { sides[$0] != flips[partOfNode[$0]] }
  }

  /// Merges the parts' solutions: combines them, solves the quotient graph with `solver` (at
  /// most K parts) or by divide and conquer (more), and applies the flips when they raise the cut.
  ///
  /// `solver` is given a batch of independent subproblems, which it may solve concurrently, and
  /// returns the sides of each, in order. The merge subproblem is labelled `merge` (after this
  /// method's label); a recursive one labels its own parts `merge/part[i]`.
  /// - Throws: the errors of ``combine(_:)``; what `solver` throws;
  ///   ``AlgorithmError/dimensionMismatch(name:expected:actual:)`` when it returns a wrong number
  ///   of solutions or of sides.
  public func merge(
    _ partSides: [[Bool]], using solver: @escaping @Sendable ([MaxCutSubproblem]) async throws -> [[Bool]]
  ) async throws -> [Bool] {
    let sides = try combine(partSides)
    guard parts.count > 1 else { return sides }
    let quotient = try quotientGraph(sides: sides)
    let mergeSeed = Self.derivedSeed(seed, parts.count)
    let flips: [Bool]
    if quotient.nodeCount <= maximumPartSize {
      let subproblem = MaxCutSubproblem(graph: quotient, seed: mergeSeed, label: "\(label)merge")
      flips = try await Self.solveChecked([subproblem], using: solver)[0]
    } else {
      let method = try DivideAndConquerMaxCut(
        graph: quotient, maximumPartSize: maximumPartSize, seed: mergeSeed, label: "\(label)merge/")
      flips = try await method.solve(using: solver)
    }
    guard try quotient.cutValue(flips) > 0 else { return sides }
    return try applyingFlips(flips, to: sides)
  }

  /// Solves every part with one batch of `solver` and merges them (``merge(_:using:)``).
  ///
  /// - Throws: what `solver` throws; ``AlgorithmError/dimensionMismatch(name:expected:actual:)``
  ///   when it returns a wrong number of solutions or of sides.
  public func solve(
    using solver: @escaping @Sendable ([MaxCutSubproblem]) async throws -> [[Bool]]
  ) async throws -> [Bool] {
    try await merge(Self.solveChecked(subproblems, using: solver), using: solver)
  }

  /// Re-solves each part with the rest of the graph held at `sides`, keeping a part's new sides
  /// when they raise the cut: a large-neighbourhood search whose neighbourhoods are the parts.
  ///
  /// Part i's subproblem is its induced subgraph plus an anchor node (the last node, K = part
  /// size + 1 in all) joined to each node u of the part with weight c_u = A_u − B_u, where A_u
  /// and B_u sum w_uv over the neighbours v outside the part on the `false` and the `true` side.
  /// Since Σ_(v ∉ part) w_uv [s_u ≠ s_v] = B_u + c_u [s_u ≠ false], the subproblem's cut with the
  /// anchor on the `false` side is the full cut minus a constant; a solution with the anchor on
  /// the `true` side is complemented first. All parts are solved in one batch against `sides`,
  /// then applied in part order, each only when it raises the cut of the sides as they are by
  /// then, so the cut never falls. Build the method with K − 1 to give the solver K nodes.
  /// Subproblems are labelled `refine[i]` (after this method's label).
  /// - Throws: ``AlgorithmError/dimensionMismatch(name:expected:actual:)`` unless there is one
  ///   side per node, or when `solver` returns a wrong number of solutions or sides; what
  ///   `solver` throws.
  public func refine(
    _ sides: [Bool], using solver: @escaping @Sendable ([MaxCutSubproblem]) async throws -> [[Bool]]
  ) async throws -> [Bool] {
    let subproblems = try parts.indices.map { index throws(AlgorithmError) in try anchoredSubproblem(index, sides: sides) }
    let solutions = try await Self.solveChecked(subproblems, using: solver)
    let adjacency = graph.adjacency
    var sides = sides
    for (part, solution) in zip(parts, solutions) {
      var candidate = sides
      for (local, node) in part.enumerated() { candidate[node] = solution[local] != solution[part.count] }
      // The change of the cut: only edges with an end in the part can change status.
      var gain = 0.0
      for node in part {
        for (neighbour, weight) in adjacency[node] where partOfNode[neighbour] != partOfNode[node] || node < neighbour {
          let before = sides[node] != sides[neighbour], after = candidate[node] != candidate[neighbour]
          gain += (after ? weight : 0) - (before ? weight : 0)
        }
      }
      if gain > 0 { sides = candidate }
    }
    return sides
  }

  /// Part `index`'s subgraph with an anchor node for the rest of the graph held at `sides`
  /// (see ``refine(_:using:)``).
  ///
  /// - Complexity: O(n + m).
  /// - Throws: ``AlgorithmError/dimensionMismatch(name:expected:actual:)`` unless there is one side per node.
  public func anchoredSubproblem(_ index: Int, sides: [Bool]) throws(AlgorithmError) -> MaxCutSubproblem {
    guard sides.count == graph.nodeCount else {
      throw .dimensionMismatch(name: "the partition", expected: graph.nodeCount, actual: sides.count)
    }
    let part = parts[index]
    var local = [Int: Int]()
    for (position, node) in part.enumerated() { local[node] = position }
    var edges: [WeightedGraph.Edge] = []
    var anchorWeights = [Double](repeating: 0, count: part.count)
    for edge in graph.edges {
      switch (local[edge.first], local[edge.second]) {
      case let (first?, second?):
        edges.append(WeightedGraph.Edge(first, second, weight: edge.weight))
      case let (first?, nil):
        anchorWeights[first] += sides[edge.second] ? -edge.weight : edge.weight
      case let (nil, second?):
        anchorWeights[second] += sides[edge.first] ? -edge.weight : edge.weight
      case (nil, nil):
        continue
      }
    }
    for (position, weight) in anchorWeights.enumerated() where weight != 0 {
      edges.append(WeightedGraph.Edge(position, part.count, weight: weight))
    }
    let subgraph = try WeightedGraph(nodes: part.count + 1, edges: edges)
    return MaxCutSubproblem(graph: subgraph, seed: Self.derivedSeed(seed, index), label: "\(label)refine[\(index)]")
  }

  static func solveChecked(
    _ subproblems: [MaxCutSubproblem], using solver: @Sendable ([MaxCutSubproblem]) async throws -> [[Bool]]
  ) async throws -> [[Bool]] {
    let solutions = try await solver(subproblems)
    guard solutions.count == subproblems.count else {
      throw AlgorithmError.dimensionMismatch(
        name: "the solutions a subproblem solver returned", expected: subproblems.count, actual: solutions.count)
    }
    for (subproblem, sides) in zip(subproblems, solutions) where sides.count != subproblem.graph.nodeCount {
      throw AlgorithmError.dimensionMismatch(
        name: "the sides a subproblem solver returned", expected: subproblem.graph.nodeCount, actual: sides.count)
    }
    return solutions
  }

  /// A seed for item `index` from `seed`: the SplitMix64 finaliser (Steele, Lea & Flood 2014)
  /// of a combination of both, the same in every process.
  static func derivedSeed(_ seed: UInt64, _ index: Int) -> UInt64 {
    var z = seed &+ 0x9E37_79B9_7F4A_7C15 &* UInt64(truncatingIfNeeded: index + 1)
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  private struct PartPair: Hashable {
    var low: Int
    var high: Int
  }

  /// The parts and the part of each node, grown as the type's summary describes.
  private static func grow(_ graph: WeightedGraph, maximumPartSize: Int, seed: UInt64) -> ([[Int]], [Int]) {
    let n = graph.nodeCount
    var generator = SeededRandomNumberGenerator(seed: seed)
    let order = Array(0..<n).shuffled(using: &generator)
    var rank = [Int](repeating: 0, count: n)
    for (position, node) in order.enumerated() { rank[node] = position }
    let adjacency = graph.adjacency
    var partOfNode = [Int](repeating: -1, count: n)
    var parts: [[Int]] = []
    var cursor = 0
    while true {
      while cursor < n && partOfNode[order[cursor]] >= 0 { cursor += 1 }
      guard cursor < n else { break }
      let index = parts.count
      var part: [Int] = []
      // Frontier nodes and the weight Σ|w| joining each to the part.
      var frontier: [Int: Double] = [:]
      var next: Int? = order[cursor]
      while let node = next {
        partOfNode[node] = index
        part.append(node)
        frontier[node] = nil
        for (neighbour, weight) in adjacency[node] where partOfNode[neighbour] < 0 {
          frontier[neighbour, default: 0] += abs(weight)
        }
        guard part.count < maximumPartSize else { break }
        next = frontier.max { ($0.value, rank[$1.key]) < ($1.value, rank[$0.key]) }?.key
        if next == nil {
          while cursor < n && partOfNode[order[cursor]] >= 0 { cursor += 1 }
          next = cursor < n ? order[cursor] : nil
        }
      }
      parts.append(part.sorted())
    }
    return (parts, partOfNode)
  }
}

/// A MaxCut problem small enough for one solver call: one part of a ``DivideAndConquerMaxCut``,
/// or a merge problem.
public struct MaxCutSubproblem: Sendable {
  /// The graph, renumbered from 0 (node k is qubit k for QAOA).
  public var graph: WeightedGraph
  /// A seed derived from the method's seed and the subproblem's place, for repeatable sampling.
  public var seed: UInt64
  /// Where it comes from: `part[3]`, `merge`, `merge/part[0]`, …
  public var label: String

  /// A subproblem on `graph` with `seed` and `label`.
  public init(graph: WeightedGraph, seed: UInt64, label: String) {
    self.graph = graph
    self.seed = seed
    self.label = label
  }
}
