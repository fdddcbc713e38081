/// Cuts a plan's unitary steps into ``BlockedSegment``s that each run in one pass over
/// memory, and fuses the steps of each.
///
/// A block holds `b` qubits (`Options.blockQubits`): always the low `c` (`chunkQubits`), so
/// blocks are gathered in chunks of at least `2^c` contiguous amplitudes, and up to `b − c`
/// others chosen per segment. Segments are formed greedily: walking the steps in order, a
/// step joins the segment when its qubits fit in the block with those already chosen and it
/// commutes with every step left behind so far (their qubits are disjoint); otherwise it is
/// left for a later segment. This brings gates on any qubits into cache, as Qiskit Aer's
/// chunk swaps and Intel-QS's qubit reordering do, without moving amplitudes between
/// segments. A segment that fuses to a single step runs as that step directly.
///
/// - Complexity: O(s · g) for s steps and g segments, plus the cost of ``GateFusion``.
enum CacheBlocking {
  typealias Step = ExecutionPlan.Step

  /// How far past its last taken step a segment keeps looking for steps to take.
  static let lookahead = 4096

  /// `steps` for a state of `qubitCount` qubits: unitary runs fused and blocked as
  /// `options` says; measurements, resets, conditioned steps and transforms stay in place.
  static func plan(_ steps: [Step], qubitCount: Int, options: ExecutionPlan.Options) -> [Step] {
    guard options.fusion || options.blockQubits != nil else { return steps }
    var result: [Step] = []
    var unitary: [Step] = []
    for step in steps {
      if step.unitary != nil {
        unitary.append(step)
      } else {
        result += plan(unitary: unitary, qubitCount: qubitCount, options: options)
        unitary = []
        result.append(step)
      }
    }
    return result + plan(unitary: unitary, qubitCount: qubitCount, options: options)
  }

  private static func plan(unitary steps: [Step], qubitCount n: Int, options: ExecutionPlan.Options) -> [Step] {
    guard !steps.isEmpty else { return [] }
    func fused(_ steps: [Step], resident: Bool) -> [Step] {
      options.fusion
        ? GateFusion.fuse(steps, costs: FusionCostModel(resident: resident, bytesPerAmplitude: options.bytesPerAmplitude))
        : steps
    }
    guard let b = options.blockQubits, n > b else {
      return fused(steps, resident: options.blockQubits != nil)
    }
    let c = Swift.min(options.chunkQubits, b - 1)
    let lowMask = (1 << c) - 1
    let capacity = b - c
    let allQubits = (1 << n) - 1
    var result: [Step] = []
    var pending = steps[...]
    while let first = pending.first {
      if (first.qubitMask & ~lowMask).nonzeroBitCount > capacity {
        result.append(first)  // wider than a block: a pass of its own
        pending = pending.dropFirst()
        continue
      }
      var chosen = 0
      var leftBehind = 0
      var taken: [Step] = []
      var rest: [Step] = []
      var lastTaken = pending.startIndex
      for index in pending.indices {
        let step = pending[index]
        if leftBehind == allQubits || index - lastTaken > lookahead {
          rest += pending[index...]
          break
        }
        let mask = step.qubitMask
        let merged = chosen | (mask & ~lowMask)
        if mask & leftBehind == 0 && merged.nonzeroBitCount <= capacity {
          chosen = merged
          taken.append(step)
          lastTaken = index
        } else {
          rest.append(step)
          leftBehind |= mask
        }
      }
      pending = rest[...]
      // Fill the block up with the lowest unused qubits, which keeps its chunks long.
      var blockMask = lowMask | chosen
      var candidate = c
      while blockMask.nonzeroBitCount < b {
        blockMask |= 1 << candidate
        candidate += 1
      }
      let blockQubits = (0..<n).filter { blockMask >> $0 & 1 == 1 }
      var local = [Int](repeating: 0, count: n)
      for (position, qubit) in blockQubits.enumerated() { local[qubit] = position }
      let segmentSteps = fused(taken.map { $0.remapped { local[$0] } }, resident: true)
      if segmentSteps.count <= 1 {
        result += fused(taken, resident: false)
      } else {
        result.append(.segment(BlockedSegment(blockQubits: blockQubits, steps: segmentSteps)))
      }
    }
    return result
  }
}
