import CPrefetch
import Glibc

/// Software prefetch for the passes that stream the state through memory.
///
/// With the hardware prefetchers alone, a one-qubit pass with a complex matrix reached
/// 23–27 GB/s at n = 26 on one thread (the lower figure for targets 5–7), where
/// `bench/stream.c`'s real-matrix pass reached 29.6: the complex arithmetic's micro-ops
/// fill the out-of-order window and fewer cache misses are in flight. Asking for each line
/// 4 KiB before it is used restored 29.4–30.5 GB/s on every target (56–57 on two threads,
/// against stream's 57). Ahead distances of 2 and 4 KiB measured the same; 8 KiB and more
/// lost 3–10%.
enum Prefetch {
  /// Bytes ahead of a stream's current position.
  static let distance = 4096

  /// States at most this large stay in the caches between passes (2 MiB of L2 per core
  /// here), where a prefetch is one more load-port micro-op for nothing.
  static let minimumBytes = 4 << 20

  /// Whether a pass over `vectorCount` 64-byte vectors should prefetch.
  static func pays(forVectors vectorCount: Int) -> Bool {
    vectorCount &* 64 > minimumBytes && !disabled
  }
  static let disabled = getenv("ENTANGLE_NO_PREFETCH") != nil  // EXPERIMENT

  /// Asks for the `lines` cache lines that start `distance` bytes after `address`.
  @inline(__always)
  static func ahead<T>(of address: UnsafeMutablePointer<T>, lines: Int = 1) {
    let start = UInt(bitPattern: address) &+ UInt(distance)
    for line in 0..<lines { entangle_prefetch(start &+ UInt(line &* 64)) }
  }
}
