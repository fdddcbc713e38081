/// Draws outcomes from a discrete distribution by binary search in its running sums.
struct CumulativeDistribution {
  private var sums: [Double]

  init(_ probabilities: [Double]) {
    var total = 0.0
    sums = probabilities.map { probability in
      total += probability
      return total
    }
  }

  /// An index i drawn with probability pᵢ / Σp.
  func sample(using generator: inout some RandomNumberGenerator) -> Int {
    let target = Double.random(in: 0..<1, using: &generator) * (sums.last ?? 0)
    var low = 0
    var high = max(sums.count - 1, 0)
    while low < high {
      let middle = (low + high) / 2
      if sums[middle] > target { high = middle } else { low = middle + 1 }
    }
    return low
  }
}
