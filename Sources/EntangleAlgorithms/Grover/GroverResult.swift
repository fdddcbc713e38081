/// What a run of ``GroverSearch`` found: the success probability and the sampled outcomes.
///
/// Outcomes are basis-state indices; bit k of an index is qubit k (little-endian, as in Qiskit).
public struct GroverResult: Sendable, Hashable {
  /// The number of qubits searched.
  public let qubitCount: Int
  /// The marked indices, ascending.
  public let markedStates: [Int]
  /// The number of oracle-and-diffusion rounds run.
  public let iterations: Int
  /// The probability that a measurement of the final state gives a marked index (from the state, not from samples).
  public let successProbability: Double
  /// How often each index was sampled.
  public let counts: [Int: Int]

  /// The sampled indices, most frequent first (ties by smaller index).
  public var outcomesByFrequency: [Int] {
    counts.keys.sorted { (counts[$0] ?? 0, -$0) > (counts[$1] ?? 0, -$1) }
  }

  /// The fraction of shots that gave a marked index.
  public var sampledSuccessRate: Double {
    let shots = counts.values.reduce(0, +)
    guard shots > 0 else { return 0 }
    let marked = Set(markedStates)
    return Double(counts.filter { marked.contains($0.key) }.values.reduce(0, +)) / Double(shots)
  }
}
