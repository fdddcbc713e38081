/// What ``QAOAMaxCut/run(shots:seed:randomStarts:optimizer:)`` found.
///
/// Partitions are given in node order: in ``partition`` character i (from the left, counted
/// from 0) is node i — qubit i, Gset node i + 1 — so the leftmost character is node 0. That is
/// the reverse of a bitstring printed with qubit 0 rightmost.
public struct QAOAMaxCutResult: Hashable, Sendable {
  /// The number of nodes (and qubits) n.
  public var nodeCount: Int
  /// The number of edges m.
  public var edgeCount: Int
  /// The number of layers p.
  public var layers: Int
  /// ⟨γ, β|C|γ, β⟩ at the best parameters found: the expected cut of one measurement.
  public var expectedCut: Double
  /// The sampled partition with the largest cut (the lowest basis-state index among equals).
  public var bestSample: MaxCutSolution
  /// An exact maximum cut, by brute force.
  public var optimum: MaxCutSolution
  /// ⟨C⟩ / maximum cut; `nil` when the maximum cut is not positive (only possible with negative weights).
  public var approximationRatio: Double?
  /// The best γ_0 … γ_(p−1).
  public var gammas: [Double]
  /// The best β_0 … β_(p−1).
  public var betas: [Double]
  /// The starting points optimised (the linear ramp and the random ones).
  public var starts: Int
  /// The objective's calls over all starts.
  public var evaluations: EvaluationCounts
  /// Partitions sampled from the final state.
  public var shots: Int
  /// The seed of the random starts and the samples.
  public var seed: UInt64

  /// The largest cut among the samples.
  public var bestSampledCut: Double { bestSample.value }

  /// The best sampled partition as text, character i for node i (see ``MaxCutSolution/partition``).
  public var partition: String { bestSample.partition }
}
