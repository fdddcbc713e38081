extension WeightedGraph {
  /// The most nodes ``bruteForceMaximumCut()`` accepts: 2^23 ≈ 8.4 million partitions.
  public static let maximumBruteForceNodeCount = 24

  /// An exact maximum cut, found by trying every partition: the reference QAOA is measured against.
  ///
  /// Node n − 1 stays on the `false` side (a partition and its complement cut the same edges),
  /// and the other 2^(n−1) partitions are visited in Gray-code order, so each differs from the
  /// previous one in a single node and its cut is updated from that node's edges alone. Among
  /// equal cuts, the first visited is returned; its value is recomputed from scratch, so it
  /// carries no rounding from the updates.
  /// - Complexity: O(2^(n−1) · d) for average degree d.
  /// - Throws: ``AlgorithmError/graphTooLarge(method:nodes:maximum:requirement:)`` above
  ///   ``maximumBruteForceNodeCount`` nodes.
  public func bruteForceMaximumCut() throws(AlgorithmError) -> MaxCutSolution {
    guard nodeCount <= Self.maximumBruteForceNodeCount else {
      throw .graphTooLarge(
        method: "Brute-force MaxCut", nodes: nodeCount, maximum: Self.maximumBruteForceNodeCount,
        requirement: "2^\(nodeCount - 1) ≈ \(Double(sign: .plus, exponent: nodeCount - 1, significand: 1)) partitions")
    }
    let adjacency = self.adjacency
    var mask = 0
    var cut = 0.0
    var bestMask = 0
    var bestCut = 0.0
    let partitions = 1 << (nodeCount - 1)
    for step in 1..<partitions {
      let node = step.trailingZeroBitCount
      let side = mask >> node & 1
      for (neighbour, weight) in adjacency[node] {
        // Flipping `node` cuts the edges to neighbours on its side and uncuts the others.
        cut += mask >> neighbour & 1 == side ? weight : -weight
      }
      mask ^= 1 << node
      if cut > bestCut {
        bestCut = cut
        bestMask = mask
      }
    }
    return MaxCutSolution(basisState: bestMask, nodes: nodeCount, value: cutValue(basisState: bestMask))
  }
}
