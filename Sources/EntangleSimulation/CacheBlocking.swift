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
  ///
  /// Steps marked in `parametric` are fused by structure (``GateFusion/structuralProduct(of:block:)``)
  /// and listed in the result's `parametricSteps`, with where they went.
  static func plan(_ steps: [Step], parametric: [Bool]? = nil, qubitCount: Int, options: ExecutionPlan.Options)
    -> (steps: [Step], parametricSteps: [ExecutionPlan.ParametricStep])
  {
    var planner = Planner(steps: steps, parametric: parametric, qubitCount: qubitCount, options: options)
    var unitary: [Int] = []
    for index in steps.indices {
      if steps[index].unitary != nil {
        unitary.append(index)
      } else {
        planner.plan(unitary: unitary)
        unitary = []
        planner.append(index)
      }
    }
    planner.plan(unitary: unitary)
    return (planner.result, planner.parametricSteps)
  }

  private struct Planner {
    let steps: [Step]
    let parametric: [Bool]?
    let qubitCount: Int
    let options: ExecutionPlan.Options
    var result: [Step] = []
    var parametricSteps: [ExecutionPlan.ParametricStep] = []

    init(steps: [Step], parametric: [Bool]?, qubitCount: Int, options: ExecutionPlan.Options) {
      self.steps = steps
      self.parametric = parametric
      self.qubitCount = qubitCount
      self.options = options
    }

    /// A step that is not fused (a measurement, a transform, …), as it is.
    mutating func append(_ index: Int) {
      if parametric?[index] == true {
        parametricSteps.append(.init(index: result.count, source: .step(index)))
      }
      result.append(steps[index])
    }

    /// `indices` (into `steps`, whose steps are `given`) fused, with the blocks of parametric
    /// steps renamed back to indices into `steps`.
    private func fused(_ given: [Step], _ indices: [Int], resident: Bool) -> [GateFusion.FusedStep] {
      let marks = parametric.map { marks in indices.map { marks[$0] } }
      guard options.fusion else {
        return GateFusion.unfused(given, parametric: marks).map { renamed($0, indices) }
      }
      let costs = FusionCostModel(resident: resident, bytesPerAmplitude: options.bytesPerAmplitude, stateQubits: qubitCount)
      return GateFusion.fuse(given, costs: costs, parametric: marks).map { renamed($0, indices) }
    }

    private func renamed(_ fused: GateFusion.FusedStep, _ indices: [Int]) -> GateFusion.FusedStep {
      var fused = fused
      if let members = fused.parametricBlock?.members { fused.parametricBlock?.members = members.map { indices[$0] } }
      return fused
    }

    private mutating func append(_ fused: [GateFusion.FusedStep]) {
      for step in fused {
        if let block = step.parametricBlock { parametricSteps.append(.init(index: result.count, source: .block(block))) }
        result.append(step.step)
      }
    }

    mutating func plan(unitary indices: [Int]) {
      guard !indices.isEmpty else { return }
      guard options.fusion || options.blockQubits != nil else {
        append(fused(indices.map { steps[$0] }, indices, resident: false))
        return
      }
      let n = qubitCount
      guard let b = options.blockQubits, n > b else {
        append(fused(indices.map { steps[$0] }, indices, resident: options.blockQubits != nil))
        return
      }
      let c = Swift.min(options.chunkQubits, b - 1)
      let lowMask = (1 << c) - 1
      let capacity = b - c
      let allQubits = (1 << n) - 1
      var pending = indices[...]
      while let first = pending.first {
        if (steps[first].qubitMask & ~lowMask).nonzeroBitCount > capacity {
          append(fused([steps[first]], [first], resident: false))  // wider than a block: a pass of its own
          pending = pending.dropFirst()
          continue
        }
        var chosen = 0
        var leftBehind = 0
        var taken: [Int] = []
        var rest: [Int] = []
        var lastTaken = pending.startIndex
        for position in pending.indices {
          let mask = steps[pending[position]].qubitMask
          if leftBehind == allQubits || position - lastTaken > lookahead {
            rest += pending[position...]
            break
          }
          let merged = chosen | (mask & ~lowMask)
          if mask & leftBehind == 0 && merged.nonzeroBitCount <= capacity {
            chosen = merged
            taken.append(pending[position])
            lastTaken = position
          } else {
            rest.append(pending[position])
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
        let segmentSteps = fused(taken.map { steps[$0].remapped { local[$0] } }, taken, resident: true)
        if segmentSteps.count <= 1 {
          append(fused(taken.map { steps[$0] }, taken, resident: false))
        } else {
          for (inner, step) in segmentSteps.enumerated() {
            if let block = step.parametricBlock {
              parametricSteps.append(.init(index: result.count, segmentIndex: inner, source: .block(block)))
            }
          }
          result.append(.segment(BlockedSegment(blockQubits: blockQubits, steps: segmentSteps.map(\.step))))
        }
      }
    }
  }
}
