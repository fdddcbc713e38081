extension WeightedGraph {
  /// The subgraph on `nodes` and the edges with both ends among them, renumbered: node
  /// `nodes[k]` of this graph is node k of the subgraph.
  ///
  /// - Complexity: O(n + m).
  /// - Throws: ``AlgorithmError/invalidArgument(name:value:expected:)`` for an empty list, a node
  ///   outside 0..<n, or a node listed twice.
  public func inducedSubgraph(_ nodes: [Int]) throws(AlgorithmError) -> WeightedGraph {
    var local = [Int](repeating: -1, count: nodeCount)
    for (index, node) in nodes.enumerated() {
      guard (0..<nodeCount).contains(node), local[node] < 0 else {
        throw .invalidArgument(
          name: "node \(index) of the subgraph", value: "\(node)", expected: "a node in 0..<\(nodeCount), listed once")
      }
      local[node] = index
    }
    let inside = edges.compactMap { edge -> Edge? in
      let first = local[edge.first], second = local[edge.second]
      return first >= 0 && second >= 0 ? Edge(first, second, weight: edge.weight) : nil
    }
    return try WeightedGraph(nodes: nodes.count, edges: inside)
  }

  /// A cut built greedily: nodes 0, 1, … in order, each put on the side that cuts more weight
  /// to the nodes already placed (the `false` side on a tie).
  ///
  /// The classical baseline of ``DivideAndConquerMaxCut``, usually followed by ``localSearch(from:)``.
  /// - Complexity: O(n + m).
  public func greedyCut() -> MaxCutSolution {
    let adjacency = self.adjacency
    var sides = [Bool](repeating: false, count: nodeCount)
    var placed = [Bool](repeating: false, count: nodeCount)
    for node in 0..<nodeCount {
      // Weight to placed nodes on each side: joining the other side cuts it.
      var towardsTrue = 0.0, towardsFalse = 0.0
      for (neighbour, weight) in adjacency[node] where placed[neighbour] {
        if sides[neighbour] { towardsTrue += weight } else { towardsFalse += weight }
      }
      sides[node] = towardsFalse > towardsTrue
      placed[node] = true
    }
    return MaxCutSolution(sides: sides, value: cutValueUnchecked(sides))
  }

  /// Improves a cut by single moves until none helps: a node changes side while that raises
  /// the cut (by more than 10⁻⁹ times the largest |weight|, so rounding cannot make it cycle).
  ///
  /// The gain of moving node v is g_v = Σ_u w_uv ([s_u = s_v] − [s_u ≠ s_v]); after v moves,
  /// g_v changes sign and each neighbour's gain changes by ±2 w_uv, so a move costs O(deg v).
  /// Nodes are scanned in order, repeatedly, until a full scan moves none: the result is a
  /// 1-flip local optimum, and its cut is never below the starting one.
  /// - Complexity: O(n + m) per scan; each move raises the cut.
  /// - Throws: ``AlgorithmError/dimensionMismatch(name:expected:actual:)`` unless there is one side per node.
  public func localSearch(from sides: [Bool]) throws(AlgorithmError) -> MaxCutSolution {
    guard sides.count == nodeCount else {
      throw .dimensionMismatch(name: "the partition", expected: nodeCount, actual: sides.count)
    }
    let adjacency = self.adjacency
    let tolerance = 1e-9 * edges.reduce(0) { Swift.max($0, abs($1.weight)) }
    var sides = sides
    var gains = [Double](repeating: 0, count: nodeCount)
    for edge in edges {
      let sign = sides[edge.first] == sides[edge.second] ? 1.0 : -1.0
      gains[edge.first] += sign * edge.weight
      gains[edge.second] += sign * edge.weight
    }
    var moved = true
    while moved {
      moved = false
      for node in 0..<nodeCount where gains[node] > tolerance {
        sides[node].toggle()
        gains[node] = -gains[node]
        for (neighbour, weight) in adjacency[node] {
          gains[neighbour] += sides[neighbour] == sides[node] ? 2 * weight : -2 * weight
        }
        moved = true
      }
    }
    return MaxCutSolution(sides: sides, value: cutValueUnchecked(sides))
  }

  /// The cut of `sides`, which has one entry per node.
  func cutValueUnchecked(_ sides: [Bool]) -> Double {
    edges.reduce(0) { $0 + (sides[$1.first] != sides[$1.second] ? $1.weight : 0) }
  }
}
