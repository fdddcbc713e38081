import CKernelSupport

/// Software prefetch for a pass that streams the state through memory.
///
/// With the hardware prefetchers alone, a one-qubit pass with a complex matrix reached
/// 23-27 GB/s at n = 26 on one thread (the lower figure for targets 5-7), where
/// `bench/stream.c`'s real-matrix pass reached 29.6: the complex arithmetic's micro-ops
/// fill the out-of-order window, so fewer cache misses are in flight. Asking for each line
/// 4 KiB before it is used restored 29.4-30.5 GB/s on every target (56-57 on two threads,
/// against stream's 57). For a one-qubit pass, 2 and 4 KiB ahead measured the same; 8 to
/// 32 KiB lost up to 7%; `prefetchw` instead of `prefetcht0` lost 3-8%.
struct Prefetcher {
  /// Bytes ahead of each stream's position; 0 for no prefetching.
  let distance: UInt

  /// States at most this large stay in the caches between passes (2 MiB of L2 per core
  /// here), where a prefetch is one more load-port micro-op for nothing.
  static let minimumBytes = 4 << 20

  /// Bytes in flight ahead of all streams together, a third of the 48 KiB L1 data cache.
  /// Three-qubit gates on targets 12-14 (16 streams at n = 26) reached 84-85% of stream with
  /// 1 KiB per stream and 75-78% with 4 KiB.
  static let budget = 16 << 10

  /// A prefetcher for a pass over `vectorCount` 64-byte vectors that walks two halves of
  /// the state at once, each visiting a group of vectors at `memberOffsets` (in vectors)
  /// from its position.
  ///
  /// Members within the same 4 KiB of each other advance as one stream; each stream gets
  /// an equal share of the lines in flight, so that they fit in the L1 cache (48 KiB).
  /// `memberOffsets` is only evaluated for a state that prefetches, so that passes over
  /// small states allocate nothing.
  init<Offsets: Sequence<Int>>(vectorCount: Int, memberOffsets: @autoclosure () -> Offsets) {
    let streams = Self.pays(vectorCount: vectorCount) ? Set(memberOffsets().map { $0 &>> 6 }).count : 1
    self.init(vectorCount: vectorCount, streams: 2 &* streams)
  }

  /// A prefetcher for a pass over `vectorCount` 64-byte vectors that walks `streams`
  /// places in memory at once.
  init(vectorCount: Int, streams: Int) {
    guard Self.pays(vectorCount: vectorCount) else {
      distance = 0
      return
    }
    let share = Self.budget / Swift.max(streams, 1)
    distance = UInt(Swift.min(4096, Swift.max(512, share & ~63)))
  }

  /// How a pass that mixes groups of vectors in registers asks for the groups ahead of it.
  struct GroupWalk: Equatable {
    /// Groups ahead of each half's position; 0 for a state that stays in the caches.
    let groupsAhead: Int
    /// Vectors in the aligned block that consecutive groups fill, when its lines are asked
    /// for in address order; 0 to ask for the members of the group ahead instead.
    let blockVectors: Int
  }

  /// The prefetch plan for a register pass over `vectorCount` vectors whose groups have
  /// `memberCount` members and whose highest target stride is `topStride` vectors (0 when a
  /// group is one vector).
  ///
  /// Following the group walk ahead is exact for every placement, and beat a fixed distance
  /// in bytes wherever a group's members share pages (three targets on 6-8: 58-65% of stream
  /// with the distance, 75-87% with the walk; `Double`, n = 26, one thread). 8 groups is 4-8
  /// KiB in flight per half; 16 (32 for two targets) was no better and up to 6 points worse.
  /// Groups of one or two vectors walk at least 32 vectors (2 KiB) ahead: 8 one-vector groups
  /// (512 bytes) held `Float` three-qubit gates on [0, 1, 2] at 73-74% of stream, where 32
  /// reached 90-92% and 64 86-91% (n = 24 and 26, one thread).
  ///
  /// Where consecutive groups fill aligned blocks of at most 128 vectors (8 KiB: the highest
  /// target on vector bit 6 or below, no control inside the block), a group's members are
  /// strided across one or two pages, and the hardware's page streamer, which follows one
  /// direction per page, does not follow them. Asking for the same lines one block ahead (at
  /// least 8 groups), in address order, lets it: `Double` three-qubit gates on 4-6 and 5-7 went
  /// from 70-77% of stream to 85-86% (n = 26, one thread). Blocks of 256 vectors measured the
  /// same either way.
  static func groupWalk(vectorCount: Int, memberCount: Int, topStride: Int, controls: Int) -> GroupWalk {
    guard pays(vectorCount: vectorCount) else { return GroupWalk(groupsAhead: 0, blockVectors: 0) }
    let groupsAhead = Swift.max(8, 32 / memberCount)
    let block = 2 &* topStride
    guard topStride > 0, block <= 128, controls & (block &- 1) == 0 else {
      return GroupWalk(groupsAhead: groupsAhead, blockVectors: 0)
    }
    return GroupWalk(groupsAhead: Swift.max(groupsAhead, block / memberCount), blockVectors: block)
  }

  private static func pays(vectorCount: Int) -> Bool { vectorCount &* 64 > minimumBytes }

  var isEnabled: Bool { distance != 0 }

  /// Asks for the `lines` cache lines that start `distance` bytes after `address`.
  @inline(__always)
  func ahead<T>(of address: UnsafeMutablePointer<T>, lines: Int = 1) {
    guard distance != 0 else { return }
    let start = UInt(bitPattern: address) &+ distance
    for line in 0..<lines { entangle_prefetch(start &+ UInt(line &* 64)) }
  }
}
