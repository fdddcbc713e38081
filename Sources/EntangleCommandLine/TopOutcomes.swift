/// The most likely outcomes of a distribution, found in one pass without sorting all 2^n of them.
enum TopOutcomes {
  /// Up to `limit` indices in `0..<count` with the largest weights above `threshold`, largest first
  /// (ties by smaller index), and how many indices above the threshold were left out.
  ///
  /// - Complexity: O(count · log limit) comparisons, plus O(limit) per index that enters the list.
  static func select(count: Int, limit: Int, threshold: Double, weight: (Int) -> Double) -> (
    indices: [Int], omitted: Int
  ) {
    var kept: [(index: Int, weight: Double)] = []
    var above = 0
    for index in 0..<count {
      let value = weight(index)
      guard value > threshold else { continue }
      above += 1
      if kept.count == limit, let last = kept.last, value <= last.weight { continue }
      // Insert after every entry at least as heavy, so equal weights stay in index order.
      var low = 0
      var high = kept.count
      while low < high {
        let middle = (low + high) / 2
        if kept[middle].weight >= value { low = middle + 1 } else { high = middle }
      }
      kept.insert((index, value), at: low)
      if kept.count > limit { kept.removeLast() }
    }
    return (kept.map(\.index), above - kept.count)
  }
}
