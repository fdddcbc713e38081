/// An undirected graph with real edge weights: the input of MaxCut.
///
/// Nodes are numbered 0..<n in this API; ``QAOAMaxCut`` puts node i on qubit i. The Gset text
/// format (``init(gset:)``) numbers them from 1, so its node k is node k − 1 here.
/// Repeated edges are kept; a cut counts each of them, which is the same as one edge of their
/// summed weight.
public struct WeightedGraph: Hashable, Sendable {
  /// An edge between two distinct nodes with a real weight.
  public struct Edge: Hashable, Sendable {
    /// One end (0-based).
    public var first: Int
    /// The other end (0-based).
    public var second: Int
    /// The weight: the amount the edge adds to a cut that separates its ends.
    public var weight: Double

    /// The edge between `first` and `second` with `weight`.
    public init(_ first: Int, _ second: Int, weight: Double = 1) {
      self.first = first
      self.second = second
      self.weight = weight
    }
  }

  /// The number of nodes n.
  public let nodeCount: Int
  /// The edges, in the order given.
  public let edges: [Edge]

  /// A graph on `nodes` nodes with `edges`.
  ///
  /// - Throws: ``AlgorithmError/invalidArgument(name:value:expected:)`` for fewer than one node,
  ///   an edge end outside 0..<n, a self loop, or a weight that is not finite.
  public init(nodes: Int, edges: [Edge]) throws(AlgorithmError) {
    guard nodes >= 1 else {
      throw .invalidArgument(name: "the number of nodes", value: "\(nodes)", expected: "at least 1")
    }
    for (index, edge) in edges.enumerated() {
      for end in [edge.first, edge.second] where !(0..<nodes).contains(end) {
        throw .invalidArgument(name: "an end of edge \(index)", value: "\(end)", expected: "a node in 0..<\(nodes)")
      }
      guard edge.first != edge.second else {
        throw .invalidArgument(
          name: "edge \(index)", value: "\(edge.first)–\(edge.second)", expected: "between two different nodes")
      }
      guard edge.weight.isFinite else {
        throw .invalidArgument(name: "the weight of edge \(index)", value: "\(edge.weight)", expected: "finite")
      }
    }
    nodeCount = nodes
    self.edges = edges
  }

  /// The number of edges m.
  public var edgeCount: Int { edges.count }

  /// The number of edge ends at each node (a repeated edge counts each time).
  public var degrees: [Int] {
    var degrees = [Int](repeating: 0, count: nodeCount)
    for edge in edges {
      degrees[edge.first] += 1
      degrees[edge.second] += 1
    }
    return degrees
  }

  /// Σ w over all edges: the cut that would separate every edge (an upper bound when weights are positive).
  public var totalWeight: Double { edges.reduce(0) { $0 + $1.weight } }

  /// The weight of the cut between the nodes where `sides` is true and those where it is false.
  ///
  /// - Throws: ``AlgorithmError/dimensionMismatch(name:expected:actual:)`` unless there is one side per node.
  public func cutValue(_ sides: [Bool]) throws(AlgorithmError) -> Double {
    guard sides.count == nodeCount else {
      throw .dimensionMismatch(name: "the partition", expected: nodeCount, actual: sides.count)
    }
    return edges.reduce(0) { $0 + (sides[$1.first] != sides[$1.second] ? $1.weight : 0) }
  }

  /// The weight of the cut given by a basis-state index: node i is on side `index >> i & 1`,
  /// as qubit i is bit i of a basis state (little-endian). Nodes 63 and up count as side 0.
  public func cutValue(basisState index: Int) -> Double {
    edges.reduce(0) { total, edge in
      total + (Self.side(of: edge.first, in: index) != Self.side(of: edge.second, in: index) ? edge.weight : 0)
    }
  }

  static func side(of node: Int, in index: Int) -> Bool { node < Int.bitWidth - 1 && index >> node & 1 == 1 }

  /// For each node, its neighbours with the weights of the edges that join them.
  var adjacency: [[(node: Int, weight: Double)]] {
    var adjacency = [[(node: Int, weight: Double)]](repeating: [], count: nodeCount)
    for edge in edges {
      adjacency[edge.first].append((edge.second, edge.weight))
      adjacency[edge.second].append((edge.first, edge.weight))
    }
    return adjacency
  }
}
