/// A partition of a graph's nodes into two sides, with the weight of the cut between them.
public struct MaxCutSolution: Hashable, Sendable {
  /// The side of each node: `sides[i]` for node i (qubit i, Gset node i + 1).
  public var sides: [Bool]
  /// The summed weight of the edges whose ends are on different sides.
  public var value: Double

  /// A partition and its cut weight.
  public init(sides: [Bool], value: Double) {
    self.sides = sides
    self.value = value
  }

  /// The partition as text, one character per node in node order: character i (counted from 0
  /// at the left) is `1` when node i — Gset node i + 1, qubit i — is on the `true` side.
  ///
  /// This is node order, not a bitstring: the leftmost character is node 0 (qubit 0), the
  /// reverse of the qubit-0-rightmost bitstrings that counts print. A partition and its
  /// complement cut the same edges.
  public var partition: String { String(sides.map { $0 ? "1" : "0" }) }

  /// The partition read off a basis-state index of `nodes` qubits: node i takes bit i.
  init(basisState index: Int, nodes: Int, value: Double) {
    self.init(sides: (0..<nodes).map { WeightedGraph.side(of: $0, in: index) }, value: value)
  }
}
