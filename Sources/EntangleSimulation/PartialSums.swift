import Synchronization

/// Thread-safe accumulation of the partial sums of a parallel reduction.
final class PartialSums: Sendable {
  private let sums: Mutex<[Double]>

  init() { sums = Mutex([]) }

  func add(_ value: Double) { sums.withLock { $0.append(value) } }

  /// The total, summed in a fixed order so equal chunks give equal results.
  var total: Double { sums.withLock { $0.sorted().reduce(0, +) } }
}

extension PartialSums {
  /// Σ over chunks of `0..<count` of `body`, in parallel over up to `threads` threads of at least
  /// `minimumPerThread` items each.
  static func sum(count: Int, threads: Int, minimumPerThread: Int, _ body: (Range<Int>) -> Double) -> Double {
    let partials = PartialSums()
    ParallelLoop.forEachChunk(count: count, threads: threads, minimumPerThread: minimumPerThread) { range in
      partials.add(body(range))
    }
    return partials.total
  }
}
