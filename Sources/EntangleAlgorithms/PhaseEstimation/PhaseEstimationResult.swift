/// The outcome distribution of a ``PhaseEstimation`` run and the estimate it gives.
///
/// Outcome x is the counting register read as an integer with counting qubit j as bit j
/// (little-endian); it stands for the phase x/2^t.
public struct PhaseEstimationResult: Sendable, Hashable {
  /// The number of counting qubits t.
  public let countingQubits: Int
  /// The probability of each outcome x in 0..<2^t.
  public let distribution: [Double]

  /// The most likely outcome (the smallest one on a tie).
  public var mostLikelyOutcome: Int {
    distribution.indices.max { (distribution[$0], -$0) < (distribution[$1], -$1) } ?? 0
  }

  /// The phase estimate x/2^t of the most likely outcome x, in [0, 1).
  public var estimate: Double { phase(of: mostLikelyOutcome) }

  /// The probability of the most likely outcome.
  public var probability: Double { distribution.isEmpty ? 0 : distribution[mostLikelyOutcome] }

  /// The phase x/2^t that outcome `x` stands for.
  public func phase(of outcome: Int) -> Double { Double(outcome) / Double(distribution.count) }
}
