/// Where a gate's target and control qubits fall relative to the SIMD vectors of a pass.
///
/// A pass loads whole vectors of `2^laneBits` amplitudes. Qubits below `laneBits` select a
/// lane inside a vector ("low" qubits, handled with shuffles and per-lane coefficients);
/// the others select the vector ("high" qubits, handled by pairing whole vectors). A
/// *group* is the set of `2^highTargetCount` vectors a gate mixes; groups are numbered by
/// the vector index with the high target and high control bits removed, so consecutive
/// group numbers walk memory in order and the kernels never visit vectors whose high
/// control bits are not all set.
struct VectorLayout {
  /// log2 of the amplitudes per vector.
  let laneBits: Int
  /// Bits of the vector index taken by high targets and high controls.
  let fixedVectorBits: Int
  /// Bits of the vector index that high controls require to be set.
  let controlVectorBits: Int
  /// Bits of the lane index that low controls require to be set.
  let lowControlLanes: Int
  /// Bits of the lane index that are targets.
  let lowTargetLanes: Int
  /// Number of high targets.
  let highTargetCount: Int
  /// Number of groups in the whole state.
  let groupCount: Int
  /// Number of vectors in the whole state.
  let vectorCount: Int
  /// Number of consecutive groups whose vectors are consecutive in memory.
  let runLength: Int

  /// - Precondition: `qubitCount >= laneBits`; targets distinct, in range, not controls.
  init(targets: [Int], controlMask: Int, qubitCount: Int, laneBits: Int) {
    assert(qubitCount >= laneBits)
    let laneMask = (1 &<< laneBits) &- 1
    var targetMask = 0
    for target in targets { targetMask |= 1 &<< target }
    self.laneBits = laneBits
    self.lowTargetLanes = targetMask & laneMask
    self.lowControlLanes = controlMask & laneMask
    self.controlVectorBits = controlMask &>> laneBits
    self.fixedVectorBits = (targetMask | controlMask) &>> laneBits
    self.highTargetCount = (targetMask &>> laneBits).nonzeroBitCount
    self.vectorCount = 1 &<< (qubitCount &- laneBits)
    self.groupCount = 1 &<< (qubitCount &- laneBits &- fixedVectorBits.nonzeroBitCount)
    self.runLength = fixedVectorBits == 0
      ? groupCount : 1 &<< fixedVectorBits.trailingZeroBitCount
  }

  /// The index of the first vector of `group`: zero bits inserted at the high target and
  /// control positions, then the control bits set.
  @inline(__always)
  func firstVector(ofGroup group: Int) -> Int {
    var index = group
    var remaining = fixedVectorBits
    while remaining != 0 {
      let below = (remaining & (0 &- remaining)) &- 1
      index = ((index & ~below) &<< 1) | (index & below)
      remaining &= remaining &- 1
    }
    return index | controlVectorBits
  }

  /// Calls `body(firstVector, count)` for each maximal run of groups in `groups` whose
  /// first vectors are `firstVector, firstVector + 1, …, firstVector + count - 1`.
  @inline(__always)
  func forEachRun(in groups: Range<Int>, _ body: (_ firstVector: Int, _ count: Int) -> Void) {
    var group = groups.lowerBound
    while group < groups.upperBound {
      let runEnd = Swift.min(groups.upperBound, (group | (runLength &- 1)) &+ 1)
      body(firstVector(ofGroup: group), runEnd &- group)
      group = runEnd
    }
  }

  /// Like `forEachRun(in:_:)`, but walks the two halves of `groups` in lockstep: `paired`
  /// gets two runs of `count` groups each, at `first` and `second`; groups left over go to
  /// `single`.
  ///
  /// On this machine a pass over one in-place stream reached about two thirds of the
  /// bandwidth of a pass over two (bench/stream.c, `scale` against `gate_hi`), so the
  /// kernels keep at least two streams going whatever the target.
  @inline(__always)
  func forEachRunPair(
    in groups: Range<Int>, paired: (_ first: Int, _ second: Int, _ count: Int) -> Void,
    single: (_ first: Int, _ count: Int) -> Void
  ) {
    let half = groups.count / 2
    let step = Swift.min(runLength, half)
    guard step > 0, step & (step &- 1) == 0, half % step == 0, groups.lowerBound % step == 0
    else {
      forEachRun(in: groups, single)
      return
    }
    // The next run's first vector is the one after this run's last with every fixed bit
    // clear: set them, add one, clear them again (cheaper than `firstVector(ofGroup:)` per
    // run when runs are one or two vectors long).
    let fixed = fixedVectorBits
    var first = firstVector(ofGroup: groups.lowerBound) & ~fixed
    var second = firstVector(ofGroup: groups.lowerBound &+ half) & ~fixed
    var offset = 0
    while offset < half {
      paired(first | controlVectorBits, second | controlVectorBits, step)
      first = (((first &+ (step &- 1)) | fixed) &+ 1) & ~fixed
      second = (((second &+ (step &- 1)) | fixed) &+ 1) & ~fixed
      offset &+= step
    }
    if groups.count & 1 == 1 { single(firstVector(ofGroup: groups.upperBound &- 1), 1) }
  }

  /// `targets` with each low target replaced by a free high qubit, one that no target or
  /// control takes, or nil when the state has too few.
  ///
  /// The lowest free qubits are taken, so that the vectors of a group stay close in memory.
  func highStandIns(for targets: [Int], qubitCount: Int) -> [Int]? {
    var taken = fixedVectorBits
    let vectorBits = (1 &<< (qubitCount &- laneBits)) &- 1
    var standIns = targets
    for (position, target) in targets.enumerated() where target < laneBits {
      let free = ~taken & vectorBits
      guard free != 0 else { return nil }
      taken |= free & (0 &- free)
      standIns[position] = free.trailingZeroBitCount &+ laneBits
    }
    return standIns
  }

  /// The vector-index offset of the vector with high-target bits `highPart`, whose bit j
  /// is the j-th high target in `targets` order.
  func vectorOffset(highPart: Int, targets: [Int]) -> Int {
    var offset = 0
    var bit = 0
    for target in targets where target >= laneBits {
      if highPart &>> bit & 1 == 1 { offset |= 1 &<< (target &- laneBits) }
      bit &+= 1
    }
    return offset
  }

  /// The gate-matrix index (bit i for `targets[i]`) of lane `lane` of the vector with
  /// high-target bits `highPart`.
  func matrixIndex(highPart: Int, lane: Int, targets: [Int]) -> Int {
    var index = 0
    var bit = 0
    for (position, target) in targets.enumerated() {
      let value: Int
      if target >= laneBits {
        value = highPart &>> bit & 1
        bit &+= 1
      } else {
        value = lane &>> target & 1
      }
      index |= value &<< position
    }
    return index
  }

  /// Whether lane `lane` has every low control bit set.
  func isControlled(lane: Int) -> Bool { lane & lowControlLanes == lowControlLanes }

  /// The scalars of a vector of `V` whose complex lane has every low control bit set.
  func controlledLanes<V: SIMD>(of vector: V.Type) -> SIMDMask<V.MaskStorage> {
    var mask = SIMDMask<V.MaskStorage>()
    for lane in 0..<V.scalarCount / 2 where isControlled(lane: lane) {
      mask[2 &* lane] = true
      mask[2 &* lane &+ 1] = true
    }
    return mask
  }

  /// The groups worth one thread: threading paid from about 2^18 amplitudes (DESIGN.md),
  /// so each thread gets at least 2^17 amplitudes' worth of groups.
  var minimumGroupsPerThread: Int {
    Swift.max(1, (1 &<< 17) &>> (laneBits &+ highTargetCount))
  }
}
