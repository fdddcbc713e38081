/// A classical error on reading one qubit: a 1 is read as 0 with probability p(0|1), a 0 as 1 with p(1|0).
///
/// The confusion matrix is [[1 − p(1|0), p(0|1)], [p(1|0), 1 − p(0|1)]] (column = true bit, row = bit read),
/// Qiskit Aer's `ReadoutError([[P(0|0), P(1|0)], [P(0|1), P(1|1)]])` transposed.
public struct ReadoutError: Hashable, Sendable {
  /// The probability that a qubit in |1⟩ is read as 0.
  public let p0Given1: Double
  /// The probability that a qubit in |0⟩ is read as 1.
  public let p1Given0: Double

  /// A readout error with the two flip probabilities.
  ///
  /// - Throws: ``SimulationError/invalidNoiseParameter(name:value:allowed:)`` naming `p0given1` or `p1given0`
  ///   outside 0…1.
  public init(p0Given1: Double, p1Given0: Double) throws(SimulationError) {
    try KrausChannel.checkProbability(p0Given1, name: "p0given1")
    try KrausChannel.checkProbability(p1Given0, name: "p1given0")
    self.p0Given1 = p0Given1
    self.p1Given0 = p1Given0
  }

  /// The confusion matrix: entry [read][true] is the probability of reading `read` when the bit is `true`.
  public var confusionMatrix: [[Double]] { [[1 - p1Given0, p0Given1], [p1Given0, 1 - p0Given1]] }

  /// The bit read when the true bit is `bit` (0 or 1), drawn from `generator`.
  public func read(_ bit: Int, using generator: inout some RandomNumberGenerator) -> Int {
    let flip = bit == 0 ? p1Given0 : p0Given1
    guard flip > 0 else { return bit }
    return Double.random(in: 0..<1, using: &generator) < flip ? 1 - bit : bit
  }

  /// The distribution of read outcomes given the true distribution `probabilities` over basis states,
  /// with this error on bit `bit` of the index (exact; no sampling).
  ///
  /// A bit outside the index (bit ≥ log2 of the count) leaves the distribution as it is.
  /// - Complexity: O(probabilities.count).
  public func applied(to probabilities: [Double], bit: Int) -> [Double] {
    guard bit >= 0, bit < Int.bitWidth - 1, 1 << bit < probabilities.count else { return probabilities }
    var result = probabilities
    let mask = 1 << bit
    for index in probabilities.indices where index & mask == 0 {
      let zero = probabilities[index], one = probabilities[index | mask]
      result[index] = (1 - p1Given0) * zero + p0Given1 * one
      result[index | mask] = p1Given0 * zero + (1 - p0Given1) * one
    }
    return result
  }
}
