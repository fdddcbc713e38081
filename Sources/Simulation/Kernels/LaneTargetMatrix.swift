import ComplexModule

/// How many vectors a `LaneTargetMatrix` group holds: one per pattern of its high targets.
protocol LaneTargetMembers {
  static var count: Int { get }
}
/// Every target is a lane (`Float` on qubits 0, 1, 2).
enum OneMember: LaneTargetMembers { static var count: Int { 1 } }
/// Two targets are lanes and one selects the vector (`Double` on 0, 1 and any other).
enum TwoMembers: LaneTargetMembers { static var count: Int { 2 } }

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
struct LaneTargetMatrix<V: SIMD, Members: LaneTargetMembers>: RegisterGate where V.Scalar: AmplitudeScalar {
  /// Per output `j` and input `k` at `8j + k`: the real parts, (cr, cr) per lane.
  private let real: InlineArray<16, V>
  /// The same with the imaginary parts as (ci, −ci).
  private let imaginary: InlineArray<16, V>
  static var memberCount: Int { Members.count }
  /// Bytes in one input chunk: the spectator lanes of one lane-target pattern.
  private static var chunkBytes: Int { 64 &>> (3 &- Members.count.trailingZeroBitCount) }

  /// `matrix` for targets in ascending order, the lane targets first.
  init(_ matrix: [Complex<Double>]) {
    let complexLanes = V.scalarCount / 2
    let laneTargets = 3 &- Members.count.trailingZeroBitCount
    let spectatorBits = complexLanes.trailingZeroBitCount &- laneTargets
    func coefficients(_ part: @escaping (Complex<Double>) -> (Double, Double)) -> InlineArray<16, V> {
      InlineArray { entry in
        let (output, input) = (entry &>> 3, entry & 7)
        var vector = V()
        guard output < Members.count else { return vector }
        for lane in 0..<complexLanes {
          let row = lane &>> spectatorBits | output &<< laneTargets
          let (first, second) = part(matrix[row &* 8 &+ input])
          vector[2 &* lane] = V.Scalar(first)
          vector[2 &* lane &+ 1] = V.Scalar(second)
        }
        return vector
      }
    }
    real = coefficients { ($0.real, $0.real) }
    imaginary = coefficients { ($0.imaginary, -$0.imaginary) }
  }

  @inline(__always)
  func update<Lanes: LanePattern>(_ base: UnsafeMutablePointer<V>, _ strides: (Int, Int, Int), _ lanes: Lanes.Type) {
    let bytes = Self.chunkBytes
    let perVector = 64 / bytes
    let start = UnsafeRawPointer(base)
    /// Input `k`: chunk `k mod perVector` of member `k / perVector`.
    @inline(__always) func input(_ k: Int) -> V {
      let member = k / perVector
      return V.repeating(
        bytes: bytes, at: start + (member &* strides.0 &* MemoryLayout<V>.stride &+ (k % perVector) &* bytes))
    }
    let b0 = input(0), b1 = input(1), b2 = input(2), b3 = input(3)
    let b4 = input(4), b5 = input(5), b6 = input(6), b7 = input(7)
    let y0 = output(0, b0, b1, b2, b3, b4, b5, b6, b7)
    if Members.count == 2 { base[strides.0] = output(1, b0, b1, b2, b3, b4, b5, b6, b7) }
    base[0] = y0
  }

  /// Output `j` as two chains of multiply-adds, real and imaginary parts, and a swap.
  @inline(__always)
  private func output(_ j: Int, _ b0: V, _ b1: V, _ b2: V, _ b3: V, _ b4: V, _ b5: V, _ b6: V, _ b7: V) -> V {
    let e = 8 &* j
    @inline(__always) func chain(_ c: InlineArray<16, V>) -> V {
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
  /// The 8 or 16 bytes at `address` repeated across a 64-byte vector: one broadcast load.
  @inline(__always)
  static func repeating(bytes: Int, at address: UnsafeRawPointer) -> Self {
    if bytes == 8 {
      return unsafeBitCast(SIMD8<Double>(repeating: address.loadUnaligned(as: Double.self)), to: Self.self)
    }
    let chunk = address.loadUnaligned(as: SIMD2<Double>.self)
    let half = SIMD4(lowHalf: chunk, highHalf: chunk)
    return unsafeBitCast(SIMD8(lowHalf: half, highHalf: half), to: Self.self)
  }
}
