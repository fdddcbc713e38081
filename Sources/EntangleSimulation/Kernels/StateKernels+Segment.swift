extension StateKernels {
  /// Applies a unitary step (dense, diagonal or permutation); other steps are not kernels.
  static func apply<S: AmplitudeScalar>(
    _ step: ExecutionPlan.Step, to amplitudes: UnsafeMutablePointer<S>, qubitCount: Int, threads: Int
  ) {
    switch step {
    case let .dense(matrix, targets, controlMask):
      applyDense(matrix, targets: targets, controlMask: controlMask, to: amplitudes, qubitCount: qubitCount, threads: threads)
    case let .diagonal(entries, targets, controlMask):
      applyDiagonal(entries, targets: targets, controlMask: controlMask, to: amplitudes, qubitCount: qubitCount, threads: threads)
    case let .permutation(permutation, phases, targets, controlMask):
      applyPermutation(
        permutation, phases: phases, targets: targets, controlMask: controlMask, to: amplitudes,
        qubitCount: qubitCount, threads: threads)
    default:
      assertionFailure("not a unitary step")
    }
  }

  /// Applies `segment` block by block: one pass over memory for all its steps.
  ///
  /// Blocks are split into one contiguous range per thread; each thread gathers a block
  /// into its own buffer (`2^b` amplitudes, sized to stay in its core's cache), runs every
  /// step on it, and scatters it back. A block whose qubits are the low b runs in place.
  ///
  /// - Complexity: one read and one write of the state, plus the steps' arithmetic.
  static func applySegment<S: AmplitudeScalar>(
    _ segment: BlockedSegment, to amplitudes: UnsafeMutablePointer<S>, qubitCount: Int, threads: Int
  ) {
    let blockQubits = segment.blockQubits
    let b = blockQubits.count
    var contiguous = 0
    while contiguous < b && blockQubits[contiguous] == contiguous { contiguous += 1 }
    let outsideMask = ((1 << qubitCount) - 1) & ~ExecutionPlan.mask(blockQubits)
    let upperQubits = Array(blockQubits[contiguous...])
    let chunkOffsets = (0..<1 << upperQubits.count).map { deposit($0, into: upperQubits) }
    let chunkScalars = 2 << contiguous
    let chunkBytes = chunkScalars * MemoryLayout<S>.stride
    let blockScalars = 2 << b
    let outside = (0..<qubitCount).filter { outsideMask >> $0 & 1 == 1 }
    // Threads pay from about 2^18 amplitudes, as for the kernels: each gets at least 2^17.
    let minimumBlocks = Swift.max(1, (1 << 17) >> b)
    ParallelLoop.forEachChunk(count: 1 << (qubitCount - b), threads: threads, minimumPerThread: minimumBlocks) { blocks in
      let buffer: UnsafeMutablePointer<S>? =
        contiguous == b
        ? nil
        : UnsafeMutableRawPointer.allocate(byteCount: blockScalars * MemoryLayout<S>.stride, alignment: 64)
          .bindMemory(to: S.self, capacity: blockScalars)
      defer { buffer?.deallocate() }
      for block in blocks {
        let base = deposit(block, into: outside)
        guard let buffer else {
          for step in segment.steps { apply(step, to: amplitudes + 2 &* base, qubitCount: b, threads: 1) }
          continue
        }
        // Raw copies: a typed `update(from:count:)` on a generic scalar copied element by element.
        for (chunk, offset) in chunkOffsets.enumerated() {
          UnsafeMutableRawPointer(buffer + chunk &* chunkScalars).copyMemory(
            from: amplitudes + 2 &* (base | offset), byteCount: chunkBytes)
        }
        for step in segment.steps { apply(step, to: buffer, qubitCount: b, threads: 1) }
        for (chunk, offset) in chunkOffsets.enumerated() {
          UnsafeMutableRawPointer(amplitudes + 2 &* (base | offset)).copyMemory(
            from: buffer + chunk &* chunkScalars, byteCount: chunkBytes)
        }
      }
    }
  }

  /// The index whose bit `qubits[i]` is bit i of `value`, all other bits zero.
  private static func deposit(_ value: Int, into qubits: [Int]) -> Int {
    var index = 0
    for (bit, qubit) in qubits.enumerated() { index |= (value >> bit & 1) << qubit }
    return index
  }
}
