import EntangleCircuits
import Foundation
import EntangleSimulation

/// An amount of memory and threads: what an executor has to give, or what a task needs.
public struct ResourceBudget: Hashable, Sendable, Codable, CustomStringConvertible {
  /// Bytes of memory.
  public var memoryBytes: Int
  /// Threads (CPU cores) kept busy.
  public var threads: Int

  /// An amount of `memoryBytes` bytes and `threads` threads.
  public init(memoryBytes: Int, threads: Int) {
    self.memoryBytes = memoryBytes
    self.threads = threads
  }

  /// What a classical task needs unless it says otherwise: one thread and 1 MiB.
  public static let classicalDefault = ResourceBudget(memoryBytes: 1 << 20, threads: 1)

  /// The machine's budget: `fraction` of the memory it has available now (Linux
  /// `MemAvailable`, else physical memory) and every active core.
  ///
  /// - Complexity: reads `/proc/meminfo` once.
  public static func machine(memoryFraction fraction: Double = 0.8) -> ResourceBudget {
    // MemoryLimit.available already keeps 10% back; undo that to apply our own fraction.
    let available = Double(MemoryLimit.available.bytes) / 0.9
    return ResourceBudget(
      memoryBytes: Int(available * Swift.min(Swift.max(fraction, 0), 1)),
      threads: Swift.max(1, ProcessInfo.processInfo.activeProcessorCount))
  }

  /// Whether `need` fits in this amount.
  public func contains(_ need: ResourceBudget) -> Bool {
    need.memoryBytes <= memoryBytes && need.threads <= threads
  }

  public var description: String {
    "\(ByteCount(Double(memoryBytes)).abbreviated) and \(threads) thread\(threads == 1 ? "" : "s")"
  }
}
