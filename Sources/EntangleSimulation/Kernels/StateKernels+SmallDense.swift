import CKernelSupport
import ComplexModule

extension StateKernels {
  /// Applies a dense two- or three-qubit `matrix` with every vector of a group in registers:
  /// load the `2^k` vectors, exchange each low target's lane bit with its stand-in (one
  /// shuffle per vector), multiply, exchange back, store. No scratch copies and no tables.
  ///
  /// In a cache-resident block these gates are bound by their multiply-adds (4 and 8 complex
  /// ones per amplitude); this loop runs them at about that limit, 1.3–2.4 times faster than
  /// `mixVectors`, whose scratch copies and index tables cost more than the arithmetic (1.1–1.8
  /// times with two or three lane targets; Docs/Performance.md). Low controls are left to
  /// `mixVectors`. Three targets of which two or three are lanes, or whose one lane target is
  /// the top lane bit, take `LaneTargetMatrix` instead, which broadcasts its inputs and
  /// exchanges no lane bits.
  ///
  /// - Returns: false, doing nothing, when the gate is not of this kind.
  static func mixInRegisters<V: SIMD>(
    _ matrix: [Complex<Double>], targets: [Int], layout: VectorLayout, qubitCount: Int,
    to vectors: UnsafeMutablePointer<V>, threads: Int
  ) -> Bool where V.Scalar: AmplitudeScalar {
    guard (2...3).contains(targets.count), layout.lowControlLanes == 0 else { return false }
    // Ascending targets put the low ones first, so that a few lane patterns cover all.
    let (sorted, ordered) = ascendingTargets(matrix, targets: targets)
    // Two or three lane targets, or one on the top lane bit: broadcast the inputs instead.
    let laneTargetCount = sorted.prefix { $0 < layout.laneBits }.count
    if sorted.count == 3, laneTargetCount > 0 {
      assert(MemoryLayout<V>.size == 64)
      // The strides of the targets above the lanes, in vectors.
      let strides = sorted.dropFirst(laneTargetCount).map { 1 &<< ($0 &- layout.laneBits) } + [0, 0]
      switch laneTargetCount {
      case 3:
        mix(LaneTargetMatrix<V, OneMember>(ordered), strides, layout, vectors, threads, NoLanes.self)
        return true
      case 2 where sorted[0] == layout.laneBits &- 2:
        mix(LaneTargetMatrix<V, TwoMembers>(ordered), strides, layout, vectors, threads, NoLanes.self)
        return true
      // Two lane targets below a spectator lane: `Float` (three lane bits) on 0, 1 or 0, 2.
      case 2 where V.scalarCount == 16 && sorted[1] == 1:
        mix(LaneTargetMatrix<V, TwoMembersSpectatorBit2>(ordered), strides, layout, vectors, threads, NoLanes.self)
        return true
      case 2 where V.scalarCount == 16:
        mix(LaneTargetMatrix<V, TwoMembersSpectatorBit1>(ordered), strides, layout, vectors, threads, NoLanes.self)
        return true
      case _ where sorted[0] == layout.laneBits &- 1:
        mix(LaneTargetMatrix<V, FourMembers>(ordered), strides, layout, vectors, threads, NoLanes.self)
        return true
      default:
        break  // One lane target below the top lane bit: exchanged below.
      }
    }
    guard let standIns = layout.highStandIns(for: sorted, qubitCount: qubitCount) else { return false }
    let exchanged = VectorLayout(
      targets: standIns, controlMask: layout.controlVectorBits &<< layout.laneBits,
      qubitCount: qubitCount, laneBits: layout.laneBits)
    let strides = standIns.map { 1 &<< ($0 &- layout.laneBits) }
    let lowTargets = sorted.prefix { $0 < layout.laneBits }.map { 1 &<< $0 }
    switch (sorted.count, lowTargets) {
    case (2, [1, 2]): mix(TwoTargetMatrix<V>(ordered), strides, exchanged, vectors, threads, Lanes12.self)
    case (2, [1, 4]): mix(TwoTargetMatrix<V>(ordered), strides, exchanged, vectors, threads, Lanes14.self)
    case (2, [2, 4]): mix(TwoTargetMatrix<V>(ordered), strides, exchanged, vectors, threads, Lanes24.self)
    case (2, _): mix(TwoTargetMatrix<V>(ordered), laneDistance: lowTargets.first ?? 0, strides, exchanged, vectors, threads)
    default:
      assert(lowTargets.count <= 1, "two or three lane targets take LaneTargetMatrix")
      mix(ThreeTargetMatrix<V>(ordered), laneDistance: lowTargets.first ?? 0, strides, exchanged, vectors, threads)
    }
    return true
  }

  /// `mix` with the lane distance of the gate's one low target (0 for none) as a type.
  private static func mix<V: SIMD, Gate: RegisterGate<V>>(
    _ gate: Gate, laneDistance: Int, _ strides: [Int], _ layout: VectorLayout,
    _ vectors: UnsafeMutablePointer<V>, _ threads: Int
  ) where V.Scalar: AmplitudeScalar {
    switch laneDistance {
    case 1: mix(gate, strides, layout, vectors, threads, Lanes1.self)
    case 2: mix(gate, strides, layout, vectors, threads, Lanes2.self)
    case 4: mix(gate, strides, layout, vectors, threads, Lanes4.self)
    default: mix(gate, strides, layout, vectors, threads, NoLanes.self)
    }
  }

  /// Walks every group of `layout` (all targets above the lanes) with `gate`.
  private static func mix<V: SIMD, Gate: RegisterGate<V>, Lanes: LanePattern>(
    _ gate: Gate, _ strides: [Int], _ layout: VectorLayout, _ vectors: UnsafeMutablePointer<V>,
    _ threads: Int, _ lanes: Lanes.Type
  ) where V.Scalar: AmplitudeScalar {
    let strides = (strides[0], strides[1], strides.count > 2 ? strides[2] : 0)
    let walk = Prefetcher.groupWalk(
      vectorCount: layout.vectorCount, memberCount: Gate.memberCount,
      topStride: Swift.max(strides.0, strides.1, strides.2), controls: layout.controlVectorBits)
    let ahead = walk.groupsAhead
    let block = walk.blockVectors
    let groupsPerBlock = Swift.max(1, block / Gate.memberCount)
    let start = UInt(bitPattern: vectors)
    /// Prefetches what group `index`, whose first vector is `first`, will load: its members,
    /// or its share of its block in address order.
    @inline(__always)
    func fetch(_ first: Int, _ index: Int) {
      for member in 0..<Gate.memberCount {
        let vector = block != 0
          ? first & ~(block &- 1) | (index & (groupsPerBlock &- 1)) &* Gate.memberCount &+ member
          : first &+ (member & 1) &* strides.0 &+ (member &>> 1 & 1) &* strides.1
            &+ (member &>> 2 & 1) &* strides.2
        entangle_prefetch(start &+ UInt(bitPattern: vector &* MemoryLayout<V>.stride))
      }
    }
    ParallelLoop.forEachChunk(
      count: layout.groupCount, threads: threads,
      minimumPerThread: layout.minimumGroupsPerThread
    ) { groups in
      // The two halves of the range in lockstep: two streams through memory, as
      // `VectorLayout.forEachRunPair` keeps for the one-qubit pass (one stream ran 1.4-1.6
      // passes for targets just above the lanes at n = 26). The next group's first vector is
      // the next index with every fixed bit clear: set them, add one, clear them again. Two
      // more cursors walk `ahead` groups in front, for the prefetches.
      //
      // The second half starts a little past the middle, the first finishing alone: where
      // `secondHalfStart` finds the halves furthest apart in L1 sets, or 32 groups on for a
      // state in the caches. Split at the middle, the halves lie a power of two apart, like a
      // group's members: a three-qubit gate on the top three qubits then walked 16 streams
      // through one L1 set (12 ways), and `Double` [23, 24, 25] at n = 26 ran at 70-72% of
      // stream on one thread.
      let fixed = layout.fixedVectorBits
      let controls = layout.controlVectorBits
      let split = ahead == 0
        ? Swift.min(groups.count, groups.count / 2 &+ 32)
        : secondHalfStart(groups, memberCount: Gate.memberCount, strides: strides, layout: layout)
      func cursor(_ group: Int) -> Int { layout.firstVector(ofGroup: group) & ~controls }
      var first = cursor(groups.lowerBound)
      var second = cursor(groups.lowerBound &+ split)
      var firstAhead = cursor(groups.lowerBound &+ ahead)
      var secondAhead = cursor(groups.lowerBound &+ split &+ ahead)
      var index = groups.lowerBound
      let pairs = groups.count &- split
      if Gate.alternatesHalves {
        for step in 0..<pairs &* 2 &+ (split &- pairs) {
          let onSecond = step < pairs &* 2 && step & 1 == 1
          if ahead != 0 {
            fetch((onSecond ? secondAhead : firstAhead) | controls, onSecond ? index &+ split : index)
          }
          gate.update(vectors + ((onSecond ? second : first) | controls), strides, Lanes.self)
          if onSecond {
            second = ((second | fixed) &+ 1) & ~fixed
            secondAhead = ((secondAhead | fixed) &+ 1) & ~fixed
            index &+= 1
          } else {
            first = ((first | fixed) &+ 1) & ~fixed
            firstAhead = ((firstAhead | fixed) &+ 1) & ~fixed
            if step >= pairs &* 2 { index &+= 1 }
          }
        }
        return
      }
      for _ in 0..<pairs {
        if ahead != 0 { fetch(firstAhead | controls, index) }
        gate.update(vectors + (first | controls), strides, Lanes.self)
        if ahead != 0 { fetch(secondAhead | controls, index &+ split) }
        gate.update(vectors + (second | controls), strides, Lanes.self)
        first = ((first | fixed) &+ 1) & ~fixed
        second = ((second | fixed) &+ 1) & ~fixed
        firstAhead = ((firstAhead | fixed) &+ 1) & ~fixed
        secondAhead = ((secondAhead | fixed) &+ 1) & ~fixed
        index &+= 1
      }
      for _ in 0..<split &- pairs {
        if ahead != 0 { fetch(firstAhead | controls, index) }
        gate.update(vectors + (first | controls), strides, Lanes.self)
        first = ((first | fixed) &+ 1) & ~fixed
        firstAhead = ((firstAhead | fixed) &+ 1) & ~fixed
        index &+= 1
      }
    }
  }

  /// Where the second of the two halves that walk `groups` in lockstep starts, in groups
  /// from its start: at most 63 past the middle, where the two halves' vectors lie furthest
  /// apart in L1 sets.
  ///
  /// The L1 data cache has 64 sets (12 ways) indexed by address bits 6-11, so vectors 64 apart
  /// share a set. A group's members already crowd the sets their offsets fall in; the other
  /// half should fill the sets between them. A fixed 32 groups past the middle was a whole
  /// number of 4 KiB pages for placements whose groups fill 256-vector blocks: `Double`
  /// [7, 8, 9] and `Float` [8, 9, 10] ran at 78-85% of stream, and at 85-91% and 92% with
  /// this choice (n = 26, one thread). Where the block prefetch runs (blocks of at most 128
  /// vectors), every start from 0 to 48 groups past the middle measured the same.
  ///
  /// - Complexity: at most 64 candidates of at most 32 steps each, once per chunk of a pass
  ///   over a state too large for the caches.
  static func secondHalfStart(
    _ groups: Range<Int>, memberCount: Int, strides: (Int, Int, Int), layout: VectorLayout
  ) -> Int {
    /// `mask` rotated left by `count` bits.
    func rotated(_ mask: UInt64, _ count: Int) -> UInt64 {
      mask &<< UInt64(count & 63) | mask &>> UInt64((64 &- count) & 63)
    }
    // The sets (vector index mod 64) of a group's members, relative to its first vector.
    var members: UInt64 = 0
    for member in 0..<memberCount {
      let offset = (member & 1) &* strides.0 &+ (member &>> 1 & 1) &* strides.1 &+ (member &>> 2 & 1) &* strides.2
      members |= 1 &<< UInt64(offset & 63)
    }
    // Offsets between a member of one half and a member of the other that share a set; a
    // cursor that carries past the targets' bits before the other adds their strides' sum.
    var clashes: UInt64 = 0
    for offset in 0..<64 where members &>> UInt64(offset) & 1 != 0 { clashes |= rotated(members, 64 &- offset) }
    let carry = (strides.0 &+ strides.1 &+ strides.2) & 63
    clashes |= rotated(clashes, carry) | rotated(clashes, 64 &- carry)
    /// Sets from offset `d` to the nearest clash.
    func room(_ d: Int) -> Int {
      var distance = 0
      while distance < 32, rotated(clashes, 64 &- d) & (1 | rotated(1, distance) | rotated(1, 64 &- distance)) == 0 {
        distance &+= 1
      }
      return distance
    }
    let fixed = layout.fixedVectorBits
    let controls = layout.controlVectorBits
    let start = layout.firstVector(ofGroup: groups.lowerBound) & ~controls
    let middle = groups.count / 2
    var best = (split: middle, room: -1)
    var second = layout.firstVector(ofGroup: groups.lowerBound &+ middle) & ~controls
    for split in middle...Swift.max(middle, Swift.min(groups.count &- 1, middle &+ 63)) {
      let room = room((second &- start) & 63)
      if room > best.room { best = (split, room) }
      second = ((second | fixed) &+ 1) & ~fixed
    }
    return best.split
  }

  /// `targets` ascending, and `matrix` with its index bits reordered to match.
  static func ascendingTargets(_ matrix: [Complex<Double>], targets: [Int]) -> ([Int], [Complex<Double>]) {
    let order = targets.indices.sorted { targets[$0] < targets[$1] }
    guard order != Array(targets.indices) else { return (targets, matrix) }
    let dimension = 1 << targets.count
    // Bit i of a new index is bit order[i] of the old one.
    func old(_ index: Int) -> Int {
      order.enumerated().reduce(0) { $0 | (index >> $1.offset & 1) << $1.element }
    }
    var reordered = matrix
    for row in 0..<dimension {
      for column in 0..<dimension { reordered[row * dimension + column] = matrix[old(row) * dimension + old(column)] }
    }
    return (order.map { targets[$0] }, reordered)
  }
}

/// The lane distances (1, 2 or 4 complex lanes; 0 for none) of a gate's low targets, in
/// ascending order: constants per type, so that every exchange is one shuffle.
protocol LanePattern {
  static var first: Int { get }
  static var second: Int { get }
}
extension LanePattern {
  static var second: Int { 0 }
}
enum NoLanes: LanePattern { static var first: Int { 0 } }
enum Lanes1: LanePattern { static var first: Int { 1 } }
enum Lanes2: LanePattern { static var first: Int { 2 } }
enum Lanes4: LanePattern { static var first: Int { 4 } }
enum Lanes12: LanePattern { static var first: Int { 1 }; static var second: Int { 2 } }
enum Lanes14: LanePattern { static var first: Int { 1 }; static var second: Int { 4 } }
enum Lanes24: LanePattern { static var first: Int { 2 }; static var second: Int { 4 } }

/// A gate that mixes one group of vectors in registers.
protocol RegisterGate<Vector> {
  associatedtype Vector: SIMD where Vector.Scalar: AmplitudeScalar
  /// The vectors of a group: 4 or 8.
  static var memberCount: Int { get }
  /// Whether the walk alternates between the two halves' groups in one loop with one inlined
  /// `update`, instead of one loop that updates a group of each half per step.
  ///
  /// Only `ThreeTargetMatrix` does: with its 64 multiply-adds inlined twice in one loop and once
  /// more in the tail's loop, the compiler's SIL loop-invariant code motion took 10-120 s for
  /// each of its twelve specialisations, 400 of the 540 s that EntangleSimulation took to
  /// compile (-sil-print-pass-time). Alternating, the module compiles in about 3 minutes and
  /// these gates ran 0.87-1.10 times their old time (n = 24, one thread, within the noise); the
  /// two-qubit and lane-target gates, which compile quickly either way, ran up to 20% slower
  /// alternating on some placements.
  static var alternatesHalves: Bool { get }
  /// Mixes the group at `base` whose target strides (in vectors) are `strides`.
  func update<Lanes: LanePattern>(_ base: UnsafeMutablePointer<Vector>, _ strides: (Int, Int, Int), _ lanes: Lanes.Type)
}

extension RegisterGate {
  static var alternatesHalves: Bool { false }
}

extension SIMD where Scalar: AmplitudeScalar {
  /// `exchangeLaneBit` for a pattern's distance; nothing for 0.
  ///
  /// `opaque` (see `exchangeLaneBit`) pays where every target is a lane, whose exchanges come
  /// in two or three stages that LLVM would merge: two-qubit gates on [0, 1] went from 75-86%
  /// of stream to 87-96% (n = 24 and 26), and `Float` three-qubit gates on [0, 1, 2] from 43%
  /// to 59-60% (both placements now take `LaneTargetMatrix`). With one lane target it cost
  /// 19-28 points (three targets on [1, 2, 3]; two on [n-1, 0], 100% to 81%).
  @inline(__always)
  static func exchange(_ lower: inout Self, _ upper: inout Self, _ distance: Int, opaque: Bool) {
    switch distance {
    case 1: exchangeLaneBit(&lower, &upper, distance: 1, opaque: opaque)
    case 2: exchangeLaneBit(&lower, &upper, distance: 2, opaque: opaque)
    case 4: exchangeLaneBit(&lower, &upper, distance: 4, opaque: opaque)
    default: break
    }
  }
}

/// A two-qubit matrix as sixteen lane coefficients (entry (r, c) at `4r + c`, index bit 0
/// for the lower target).
struct TwoTargetMatrix<V: SIMD>: RegisterGate where V.Scalar: AmplitudeScalar {
  private let entries: InlineArray<16, LaneCoefficient<V>>
  static var memberCount: Int { 4 }

  init(_ matrix: [Complex<Double>]) {
    entries = InlineArray { LaneCoefficient(matrix[$0].real, matrix[$0].imaginary) }
  }

  @inline(__always)
  func update<Lanes: LanePattern>(_ base: UnsafeMutablePointer<V>, _ strides: (Int, Int, Int), _ lanes: Lanes.Type) {
    let (a, b) = (strides.0, strides.1)
    let allLanes = Lanes.second != 0
    var x0 = base[0], x1 = base[a], x2 = base[b], x3 = base[a &+ b]
    V.exchange(&x0, &x1, Lanes.first, opaque: allLanes)
    V.exchange(&x2, &x3, Lanes.first, opaque: allLanes)
    V.exchange(&x0, &x2, Lanes.second, opaque: allLanes)
    V.exchange(&x1, &x3, Lanes.second, opaque: allLanes)
    var y0 = row(0, x0, x1, x2, x3)
    var y1 = row(1, x0, x1, x2, x3)
    var y2 = row(2, x0, x1, x2, x3)
    var y3 = row(3, x0, x1, x2, x3)
    V.exchange(&y0, &y2, Lanes.second, opaque: allLanes)
    V.exchange(&y1, &y3, Lanes.second, opaque: allLanes)
    V.exchange(&y0, &y1, Lanes.first, opaque: allLanes)
    V.exchange(&y2, &y3, Lanes.first, opaque: allLanes)
    base[0] = y0
    base[a] = y1
    base[b] = y2
    base[a &+ b] = y3
  }

  /// Output `r` as one chain of multiply-adds: the four rows are independent chains, enough
  /// to keep both FMA ports busy, and a second sum per row would cost one more add each.
  @inline(__always)
  private func row(_ r: Int, _ x0: V, _ x1: V, _ x2: V, _ x3: V) -> V {
    let e = 4 &* r
    let sum = entries[e &+ 1].times(x1, plus: entries[e].times(x0))
    return entries[e &+ 3].times(x3, plus: entries[e &+ 2].times(x2, plus: sum))
  }
}

/// A three-qubit matrix as 64 lane coefficients (entry (r, c) at `8r + c`, index bit 0 for
/// the lowest target).
struct ThreeTargetMatrix<V: SIMD>: RegisterGate where V.Scalar: AmplitudeScalar {
  private let entries: InlineArray<64, LaneCoefficient<V>>
  static var memberCount: Int { 8 }
  static var alternatesHalves: Bool { true }

  init(_ matrix: [Complex<Double>]) {
    entries = InlineArray { LaneCoefficient(matrix[$0].real, matrix[$0].imaginary) }
  }

  @inline(__always)
  func update<Lanes: LanePattern>(_ base: UnsafeMutablePointer<V>, _ strides: (Int, Int, Int), _ lanes: Lanes.Type) {
    let (a, b, c) = strides
    var x0 = base[0], x1 = base[a], x2 = base[b], x3 = base[a &+ b]
    var x4 = base[c], x5 = base[a &+ c], x6 = base[b &+ c], x7 = base[a &+ b &+ c]
    Self.exchange(&x0, &x1, &x2, &x3, &x4, &x5, &x6, &x7, Lanes.self)
    var y0 = row(0, x0, x1, x2, x3, x4, x5, x6, x7)
    var y1 = row(1, x0, x1, x2, x3, x4, x5, x6, x7)
    var y2 = row(2, x0, x1, x2, x3, x4, x5, x6, x7)
    var y3 = row(3, x0, x1, x2, x3, x4, x5, x6, x7)
    var y4 = row(4, x0, x1, x2, x3, x4, x5, x6, x7)
    var y5 = row(5, x0, x1, x2, x3, x4, x5, x6, x7)
    var y6 = row(6, x0, x1, x2, x3, x4, x5, x6, x7)
    var y7 = row(7, x0, x1, x2, x3, x4, x5, x6, x7)
    // An exchange is its own inverse.
    Self.exchange(&y0, &y1, &y2, &y3, &y4, &y5, &y6, &y7, Lanes.self)
    base[0] = y0
    base[a] = y1
    base[b] = y2
    base[a &+ b] = y3
    base[c] = y4
    base[a &+ c] = y5
    base[b &+ c] = y6
    base[a &+ b &+ c] = y7
  }

  /// The low target's lane bit, if any, exchanged with its vector bit (index bit 0). At most
  /// one target is a lane here: two or three, or one on the top lane bit, take
  /// `LaneTargetMatrix`.
  @inline(__always)
  private static func exchange<Lanes: LanePattern>(
    _ x0: inout V, _ x1: inout V, _ x2: inout V, _ x3: inout V,
    _ x4: inout V, _ x5: inout V, _ x6: inout V, _ x7: inout V, _ lanes: Lanes.Type
  ) {
    V.exchange(&x0, &x1, Lanes.first, opaque: false)
    V.exchange(&x2, &x3, Lanes.first, opaque: false)
    V.exchange(&x4, &x5, Lanes.first, opaque: false)
    V.exchange(&x6, &x7, Lanes.first, opaque: false)
  }

  /// Output `r` as one chain of multiply-adds: the eight rows are independent chains. A
  /// second sum per row cost eight adds per group and was 4-7 points of stream slower at
  /// n = 26 on [1, 2, 3], [5, 6, 7] and [12, 13, 14].
  @inline(__always)
  private func row(_ r: Int, _ x0: V, _ x1: V, _ x2: V, _ x3: V, _ x4: V, _ x5: V, _ x6: V, _ x7: V) -> V {
    let e = 8 &* r
    @inline(__always) func term(_ k: Int, _ x: V, plus sum: V) -> V { entries[e &+ k].times(x, plus: sum) }
    let low = term(3, x3, plus: term(2, x2, plus: term(1, x1, plus: entries[e].times(x0))))
    return term(7, x7, plus: term(6, x6, plus: term(5, x5, plus: term(4, x4, plus: low))))
  }}
