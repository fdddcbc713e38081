/// Draws basis states from a probability vector: the sampling shared by ``StateVector`` and ``DensityMatrix``.
enum BasisSampling {
  /// `shots` indices drawn from `probabilities` (negative entries from rounding count as 0), in the order drawn.
  ///
  /// - Complexity: O(2^n) for the cumulative sums, then a binary search per shot.
  static func draw(shots: Int, from probabilities: [Double], using generator: inout some RandomNumberGenerator) -> [Int] {
    var cumulative = probabilities.map { Swift.max($0, 0) }
    for i in 1..<Swift.max(cumulative.count, 1) { cumulative[i] += cumulative[i - 1] }
    let total = cumulative.last ?? 1
    return (0..<shots).map { _ in
      let target = Double.random(in: 0..<1, using: &generator) * total
      // The first index whose cumulative probability exceeds the draw.
      var low = 0, high = cumulative.count - 1
      while low < high {
        let middle = (low + high) / 2
        if cumulative[middle] > target { high = middle } else { low = middle + 1 }
      }
      return low
    }
  }
}
