import Dispatch

/// Splits a loop over `0..<count` into one contiguous chunk per thread.
///
/// One static chunk per thread was measured fastest for streaming passes over a
/// state (DESIGN.md): each thread then walks its own contiguous memory, and the
/// hardware prefetchers see one stream per core. Below the size where waking a
/// thread costs more than it saves, the body runs on the calling thread with no
/// allocation and no dispatch.
enum ParallelLoop {
  /// Runs `body` over disjoint contiguous subranges that together cover `0..<count`.
  ///
  /// - Parameters:
  ///   - count: The number of loop iterations.
  ///   - threads: The most threads to use (at least 1).
  ///   - minimumPerThread: The fewest iterations worth giving a thread; with fewer than
  ///     twice this many iterations the whole range runs on the calling thread.
  ///   - body: Called once per chunk, possibly concurrently; chunks never overlap.
  static func forEachChunk(
    count: Int, threads: Int, minimumPerThread: Int, _ body: (Range<Int>) -> Void
  ) {
    let chunks = Swift.min(threads, count / Swift.max(minimumPerThread, 1))
    if chunks <= 1 {
      if count > 0 { body(0..<count) }
      return
    }
    // The kernels write disjoint chunks through unsafe pointers, which are not `Sendable`;
    // `concurrentPerform` returns only after every chunk is done, so `body` never escapes.
    withoutActuallyEscaping(body) { body in
      nonisolated(unsafe) let body = body
      DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
        body(count * chunk / chunks..<count * (chunk + 1) / chunks)
      }
    }
  }
}
