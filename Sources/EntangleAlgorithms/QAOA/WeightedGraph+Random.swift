import EntangleSimulation

extension WeightedGraph {
  /// The most pairings ``randomThreeRegular(nodes:seed:)`` tries before giving up. A pairing of
  /// 3n stubs is simple with probability about e^(−2) ≈ 0.135 (Bollobás 1980; Wormald,
  /// "Models of random regular graphs", 1999, §2), so failing this often has probability below 10^(−600).
  static let maximumPairingAttempts = 10_000

  /// A random simple 3-regular graph on `nodes` nodes with unit weights, the same for the same seed.
  ///
  /// The pairing (configuration) model: three stubs per node are shuffled and paired in order;
  /// a pairing with a self loop or a repeated edge is discarded and the whole pairing redrawn,
  /// which makes every simple 3-regular graph on the labelled nodes equally likely. Edges are
  /// listed with `first < second`, in ascending order.
  /// - Complexity: O(n) per attempt; about 7.4 attempts on average.
  /// - Throws: ``AlgorithmError/invalidArgument(name:value:expected:)`` unless `nodes` is even and
  ///   at least 4; ``AlgorithmError/notConverged(method:iterations:residual:tolerance:)`` if no
  ///   simple pairing turns up in ``maximumPairingAttempts`` tries.
  public static func randomThreeRegular(nodes: Int, seed: UInt64) throws(AlgorithmError) -> WeightedGraph {
    guard nodes >= 4 && nodes % 2 == 0 else {
      throw .invalidArgument(
        name: "the number of nodes of a 3-regular graph", value: "\(nodes)",
        expected: "even and at least 4 (3n edge ends must pair up, and each node needs 3 distinct neighbours)")
    }
    var generator = SeededRandomNumberGenerator(seed: seed)
    var stubs = (0..<(3 * nodes)).map { $0 / 3 }
    for _ in 0..<maximumPairingAttempts {
      // Fisher–Yates, written out so that a seed gives the same graph whatever the standard library.
      for i in stride(from: stubs.count - 1, to: 0, by: -1) {
        stubs.swapAt(i, Int(generator.next() % UInt64(i + 1)))
      }
      var seen = Set<Int>()
      var edges: [Edge] = []
      for pair in stride(from: 0, to: stubs.count, by: 2) {
        let (first, second) = (min(stubs[pair], stubs[pair + 1]), max(stubs[pair], stubs[pair + 1]))
        guard first != second, seen.insert(first * nodes + second).inserted else { break }
        edges.append(Edge(first, second))
      }
      if edges.count == 3 * nodes / 2 {
        edges.sort { ($0.first, $0.second) < ($1.first, $1.second) }
        return try WeightedGraph(nodes: nodes, edges: edges)
      }
    }
    throw .notConverged(
      method: "Random 3-regular pairing", iterations: maximumPairingAttempts, residual: 1, tolerance: 0)
  }
}
