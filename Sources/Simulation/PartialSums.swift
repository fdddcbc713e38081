import Synchronization

/// Thread-safe accumulation of the partial sums of a parallel reduction.
final class PartialSums: Sendable {
  private let sums: Mutex<[Double]>

  init() { sums = Mutex([]) }

  func add(_ value: Double) { sums.withLock { $0.append(value) } }

  /// The total, summed in a fixed order so equal chunks give equal results.
  var total: Double { sums.withLock { $0.sorted().reduce(0, +) } }
}
