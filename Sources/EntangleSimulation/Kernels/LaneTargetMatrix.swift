import CKernelSupport
import ComplexModule

/// The groups a `LaneTargetMatrix` mixes: how many vectors each holds (one per pattern of its
/// high targets), and where the spectator lane lies.
protocol LaneTargetMembers {
  static var count: Int { get }
  /// The lane bit of the spectator lane when it lies above a lane target (`Float` only: 1
  /// or 2), moved lowest before the broadcasts; 0 when the lane targets are the top lane bits.
  static var spectator: Int { get }
}
extension LaneTargetMembers {
  static var spectator: Int { 0 }
}
/// Every target is a lane (`Float` on qubits 0, 1, 2).
enum OneMember: LaneTargetMembers { static var count: Int { 1 } }
/// Two targets are the top lane bits and one selects the vector (`Double` on 0, 1 and any
/// other; `Float` on 1, 2 and any other).
enum TwoMembers: LaneTargetMembers { static var count: Int { 2 } }
/// One target is the top lane bit and two select the vector (`Double` on 1 and two others;
/// `Float` on 2 and two others).
enum FourMembers: LaneTargetMembers { static var count: Int { 4 } }
/// `Float` on 0, 2 and a qubit above the lanes: the spectator is lane bit 1.
enum TwoMembersSpectatorBit1: LaneTargetMembers {
  static var count: Int { 2 }
  static var spectator: Int { 1 }
}
/// `Float` on 0, 1 and a qubit above the lanes: the spectator is lane bit 2.
enum TwoMembersSpectatorBit2: LaneTargetMembers {
  static var count: Int { 2 }
  static var spectator: Int { 2 }
}

/// A three-qubit matrix whose lane targets are the top lane bits, applied by broadcasting
/// each input's chunk of lanes from memory instead of exchanging lane bits.
///
/// With `m` lane targets on the top lane bits, the lanes below them (the spectators) form
/// contiguous chunks of `64 >> m` bytes, one per pattern of the lane targets. Output vector
/// `j`, lane (spectator `s`, lane-target bits `t`), is the sum over the eight inputs `k` of
/// `M[t | j << m, k]` times input `k`'s amplitude for spectator `s`: the chunk of input `k`
/// repeated across the vector, which a broadcast load (a load-port micro-op) provides. A
/// complex product `c·b` is `(cr, cr)·b + swap((ci, −ci)·b)`, so each output takes 16
/// multiply-adds, one real/imaginary swap and one add: 144 vector-port slots per 8 vectors,
/// where exchanging two lane bits costs 168 and three 184 (Docs/Performance.md).
///
/// With one lane target on the top lane bit (`Double` [1, h, h'], `Float` [2, h, h']), the
/// group is four vectors and the chunks are half vectors: the same 144 slots, against 152 for
/// exchanging the lane bit. `Double` [1, 2, 3] went from 84–86% of stream to 91–95% (n = 24 and
/// 26, one thread).
///
/// `Float` with two lane targets below the spectator lane (on 0, 1 or 0, 2) first moves the
/// spectator lane bit lowest in each input (one permutation per vector) through a 128-byte
/// scratch area, broadcasts from there, and moves each output back: 160 slots per 8 vectors.
/// That took three-qubit gates on [n−1, 0, 1] from 55% of stream to 85–87% (n = 26, one
/// thread; 92–94% with `Prefetcher.groupWalk`'s 2 KiB ahead), where exchanging the two lane
/// bits compiled to 2.5 times the shuffles (LLVM merged the two stages).
struct LaneTargetMatrix<V: SIMD, Members: LaneTargetMembers>: RegisterGate where V.Scalar: AmplitudeScalar {
  /// Per output `j` and input `k` at `8j + k`: the real parts, (cr, cr) per lane.
  private let real: InlineArray<32, V>
  /// The same with the imaginary parts as (ci, −ci).
  private let imaginary: InlineArray<32, V>
  static var memberCount: Int { Members.count }
  /// Bytes in one input chunk: the spectator lanes of one lane-target pattern.
  private static var chunkBytes: Int { 64 &>> (3 &- Members.count.trailingZeroBitCount) }

  /// `matrix` for targets in ascending order, the lane targets first.
  init(_ matrix: [Complex<Double>]) {
    let laneTargets = 3 &- Members.count.trailingZeroBitCount
    let spectatorBits = (V.scalarCount / 2).trailingZeroBitCount &- laneTargets
    let entries = InlineArray<32, LaneCoefficient<V>> { entry in
      let (output, input) = (entry &>> 3, entry & 7)
      guard output < Members.count else { return LaneCoefficient(0, 0) }
      return LaneCoefficient { lane in
        let value = matrix[(lane &>> spectatorBits | output &<< laneTargets) &* 8 &+ input]
        return (value.real, value.imaginary)
      }
    }
    real = InlineArray { entries[$0].real }
    imaginary = InlineArray { entries[$0].imaginary.swappedRealImaginary }
  }

  /// `vector` with its `Float` lanes moved so that the spectator lane bit is lowest and the
  /// lane-target bits above it keep their order (`inverse`: moved back). One permutation.
  @inline(__always)
  private static func spectatorLowest(_ vector: V, inverse: Bool) -> V {
    let words = unsafeBitCast(vector, to: SIMD8<UInt64>.self)
    let spectator = Members.spectator
    var moved = words
    for lane in 0..<8 {
      let targetBits = spectator == 2 ? lane & 3 : lane & 1 | (lane &>> 2 & 1) &<< 1
      let position = lane &>> spectator & 1 | targetBits &<< 1
      if inverse { moved[lane] = words[position] } else { moved[position] = words[lane] }
    }
    return unsafeBitCast(moved, to: V.self)
  }

  @inline(__always)
  func update<Lanes: LanePattern>(_ base: UnsafeMutablePointer<V>, _ strides: (Int, Int, Int), _ lanes: Lanes.Type) {
    guard Members.spectator == 0 else {
      // Through memory, so that the broadcasts are loads: held in registers, the optimiser
      // would broadcast with shuffles, which compete with the multiply-adds for their ports.
      var scratch = InlineArray<2, V>(repeating: V())
      withUnsafeMutablePointer(to: &scratch) { scratch in
        let moved = UnsafeMutableRawPointer(scratch).assumingMemoryBound(to: V.self)
        moved[0] = Self.spectatorLowest(base[0], inverse: false)
        moved[1] = Self.spectatorLowest(base[strides.0], inverse: false)
        entangle_opaque_bytes128(moved)
        let y = outputs(UnsafeRawPointer(moved), memberBytes: (MemoryLayout<V>.stride, 0))
        base[0] = Self.spectatorLowest(y.0, inverse: true)
        base[strides.0] = Self.spectatorLowest(y.1, inverse: true)
      }
      return
    }
    let stride = MemoryLayout<V>.stride
    let y = outputs(UnsafeRawPointer(base), memberBytes: (strides.0 &* stride, strides.1 &* stride))
    if Members.count == 4 {
      base[strides.1] = y.2
      base[strides.0 &+ strides.1] = y.3
    }
    if Members.count >= 2 { base[strides.0] = y.1 }
    base[0] = y.0
  }

  /// The outputs of the group whose member `m` starts at `start` plus `memberBytes.0` times bit
  /// 0 of `m` and `memberBytes.1` times bit 1 (only the first `Members.count` are computed).
  @inline(__always)
  private func outputs(_ start: UnsafeRawPointer, memberBytes: (Int, Int)) -> (V, V, V, V) {
    let bytes = Self.chunkBytes
    let perVector = 64 / bytes
    /// Input `k`: chunk `k mod perVector` of member `k / perVector`.
    @inline(__always) func input(_ k: Int) -> V {
      let member = k / perVector
      let offset = (member & 1) &* memberBytes.0 &+ (member &>> 1) &* memberBytes.1
      return V.repeating(bytes: bytes, at: start + (offset &+ (k % perVector) &* bytes))
    }
    let b0 = input(0), b1 = input(1), b2 = input(2), b3 = input(3)
    let b4 = input(4), b5 = input(5), b6 = input(6), b7 = input(7)
    let y0 = output(0, b0, b1, b2, b3, b4, b5, b6, b7)
    guard Members.count >= 2 else { return (y0, y0, y0, y0) }
    let y1 = output(1, b0, b1, b2, b3, b4, b5, b6, b7)
    guard Members.count == 4 else { return (y0, y1, y1, y1) }
    return (y0, y1, output(2, b0, b1, b2, b3, b4, b5, b6, b7), output(3, b0, b1, b2, b3, b4, b5, b6, b7))
  }

  /// Output `j` as two chains of multiply-adds, real and imaginary parts, and a swap.
  @inline(__always)
  private func output(_ j: Int, _ b0: V, _ b1: V, _ b2: V, _ b3: V, _ b4: V, _ b5: V, _ b6: V, _ b7: V) -> V {
    let e = 8 &* j
    @inline(__always) func chain(_ c: InlineArray<32, V>) -> V {
      var sum = c[e] * b0
      sum = sum.addingRelaxedProduct(c[e &+ 1], b1)
      sum = sum.addingRelaxedProduct(c[e &+ 2], b2)
      sum = sum.addingRelaxedProduct(c[e &+ 3], b3)
      sum = sum.addingRelaxedProduct(c[e &+ 4], b4)
      sum = sum.addingRelaxedProduct(c[e &+ 5], b5)
      sum = sum.addingRelaxedProduct(c[e &+ 6], b6)
      return sum.addingRelaxedProduct(c[e &+ 7], b7)
    }
    return chain(real) + chain(imaginary).swappedRealImaginary
  }
}

extension SIMD where Scalar: AmplitudeScalar {
  /// The 8, 16 or 32 bytes at `address` repeated across a 64-byte vector: one broadcast load.
  @inline(__always)
  static func repeating(bytes: Int, at address: UnsafeRawPointer) -> Self {
    if bytes == 8 {
      return unsafeBitCast(SIMD8<Double>(repeating: address.loadUnaligned(as: Double.self)), to: Self.self)
    }
    if bytes == 32 {
      let half = address.loadUnaligned(as: SIMD4<Double>.self)
      return unsafeBitCast(SIMD8(lowHalf: half, highHalf: half), to: Self.self)
    }
    let chunk = address.loadUnaligned(as: SIMD2<Double>.self)
    let half = SIMD4(lowHalf: chunk, highHalf: chunk)
    return unsafeBitCast(SIMD8(lowHalf: half, highHalf: half), to: Self.self)
  }
}
