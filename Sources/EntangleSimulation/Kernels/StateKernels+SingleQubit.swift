import ComplexModule

extension StateKernels {
  /// Applies a dense one-qubit matrix, the pass every circuit is made of.
  ///
  /// Memory-bound, so the loops are about access order: whole 64-byte vectors, four
  /// vectors of each half loaded before any is stored, and always at least two streams
  /// through memory (see `VectorLayout.forEachRunPair`).
  static func applySingleQubit<V: SIMD>(
    _ matrix: [Complex<Double>], target: Int, layout: VectorLayout,
    to vectors: UnsafeMutablePointer<V>, threads: Int
  ) where V.Scalar: AmplitudeScalar {
    if target >= layout.laneBits {
      let pair = SingleQubitPair<V>(matrix, layout: layout)
      applySingleQubitHigh(
        pair, stride: 1 &<< (target &- layout.laneBits), layout: layout, to: vectors,
        threads: threads)
      return
    }
    let (kept, mixed) = lowTargetCoefficients(
      matrix, target: target, layout: layout, vector: V.self)
    applySingleQubitLow(
      kept, mixed, distance: 1 &<< target, layout: layout, to: vectors, threads: threads)
  }

  /// One target at or above the vector width: vector `i` pairs with vector `i + stride`.
  static func applySingleQubitHigh<V: SIMD>(
    _ pair: SingleQubitPair<V>, stride: Int, layout: VectorLayout,
    to vectors: UnsafeMutablePointer<V>, threads: Int
  ) where V.Scalar: AmplitudeScalar {
    if stride < 4 && layout.controlVectorBits == 0 && layout.groupCount >= 8 {
      applySingleQubitInWindows(pair, stride: stride, layout: layout, to: vectors, threads: threads)
      return
    }
    let prefetch = Prefetcher(vectorCount: layout.vectorCount, memberOffsets: [0, stride])
    ParallelLoop.forEachChunk(
      count: layout.groupCount, threads: threads,
      minimumPerThread: layout.minimumGroupsPerThread
    ) { groups in
      layout.forEachRunPair(in: groups) { first, second, count in
        let lower = vectors + first
        let otherLower = vectors + second
        var index = 0
        while index &+ 4 <= count {
          prefetch.ahead(of: lower + index, lines: 4)
          prefetch.ahead(of: lower + (index &+ stride), lines: 4)
          prefetch.ahead(of: otherLower + index, lines: 4)
          prefetch.ahead(of: otherLower + (index &+ stride), lines: 4)
          pair.update4(lower + index, lower + (index &+ stride))
          pair.update4(otherLower + index, otherLower + (index &+ stride))
          index &+= 4
        }
        while index < count {
          pair.update(lower + index, lower + (index &+ stride))
          pair.update(otherLower + index, otherLower + (index &+ stride))
          index &+= 1
        }
      } single: { first, count in
        let lower = vectors + first
        var index = 0
        while index &+ 4 <= count {
          prefetch.ahead(of: lower + index, lines: 4)
          prefetch.ahead(of: lower + (index &+ stride), lines: 4)
          pair.update4(lower + index, lower + (index &+ stride))
          index &+= 4
        }
        while index < count {
          pair.update(lower + index, lower + (index &+ stride))
          index &+= 1
        }
      }
    }
  }

  /// Targets just above the vector width (stride 1 or 2 vectors, no high controls).
  ///
  /// Runs of one or two vectors would spend more time in the run loop than in the
  /// arithmetic; instead walk windows of eight consecutive vectors holding four pairs,
  /// the two halves of the state's windows in lockstep.
  static func applySingleQubitInWindows<V: SIMD>(
    _ pair: SingleQubitPair<V>, stride: Int, layout: VectorLayout,
    to vectors: UnsafeMutablePointer<V>, threads: Int
  ) where V.Scalar: AmplitudeScalar {
    // Vectors 0 and 4 start the first and third pair for stride 1 (pairs 0-1, 2-3, 4-5, 6-7),
    // and vectors 0 and 4 also for stride 2 (pairs 0-2, 1-3, 4-6, 5-7).
    let second = stride == 1 ? 2 : 1
    let windowCount = layout.groupCount / 4
    let prefetch = Prefetcher(vectorCount: layout.vectorCount, streams: 2)
    ParallelLoop.forEachChunk(
      count: windowCount / 2, threads: threads,
      minimumPerThread: Swift.max(1, layout.minimumGroupsPerThread / 8)
    ) { windows in
      for window in windows {
        for half in 0..<2 {
          let base = vectors + (window &+ half &* windowCount / 2) &* 8
          prefetch.ahead(of: base, lines: 8)
          pair.update(base, base + stride)
          pair.update(base + second, base + (second &+ stride))
          pair.update(base + 4, base + (4 &+ stride))
          pair.update(base + (4 &+ second), base + (4 &+ second &+ stride))
        }
      }
    }
  }

  /// One target inside the vector: lane l mixes with lane l ^ `distance`.
  ///
  /// Each run of the pair is walked as two halves, four streams in all: that brought
  /// targets 0 and 1 from about 21 to 24 GB/s (n = 24, one thread), where four streams
  /// made targets above the vector width slower.
  ///
  /// The closures below are specialised per vector type only, so a lane distance
  /// captured from outside them stays a runtime value inside: every run switches to a
  /// constant distance itself. Switching outside left the shuffles and the fused
  /// multiply-adds scalarised: in cache (n = 16, one thread) Double target 1 took 0.82 ns
  /// per amplitude and Float targets 1 and 2 0.37, against 0.36 and 0.18 now.
  static func applySingleQubitLow<V: SIMD>(
    _ kept: LaneCoefficient<V>, _ mixed: LaneCoefficient<V>, distance: Int,
    layout: VectorLayout, to vectors: UnsafeMutablePointer<V>, threads: Int
  ) where V.Scalar: AmplitudeScalar {
    let prefetch = Prefetcher(vectorCount: layout.vectorCount, streams: 4)
    @inline(__always)
    func update(_ vector: UnsafeMutablePointer<V>, distance: Int) {
      prefetch.ahead(of: vector)
      let amplitudes = vector.pointee
      vector.pointee = mixed.times(amplitudes.xorLanes(distance), plus: kept.times(amplitudes))
    }
    @inline(__always)
    func updateRuns(_ first: Int, _ second: Int, _ count: Int, distance: Int) {
      let half = count / 2
      for index in 0..<half {
        update(vectors + (first &+ index), distance: distance)
        update(vectors + (first &+ half &+ index), distance: distance)
        update(vectors + (second &+ index), distance: distance)
        update(vectors + (second &+ half &+ index), distance: distance)
      }
      if count & 1 == 1 {
        update(vectors + (first &+ count &- 1), distance: distance)
        update(vectors + (second &+ count &- 1), distance: distance)
      }
    }
    @inline(__always)
    func updateRun(_ first: Int, _ count: Int, distance: Int) {
      for index in 0..<count { update(vectors + (first &+ index), distance: distance) }
    }
    ParallelLoop.forEachChunk(
      count: layout.groupCount, threads: threads,
      minimumPerThread: layout.minimumGroupsPerThread
    ) { groups in
      layout.forEachRunPair(in: groups) { first, second, count in
        switch distance {
        case 1: updateRuns(first, second, count, distance: 1)
        case 2: updateRuns(first, second, count, distance: 2)
        default: updateRuns(first, second, count, distance: 4)
        }
      } single: { first, count in
        switch distance {
        case 1: updateRun(first, count, distance: 1)
        case 2: updateRun(first, count, distance: 2)
        default: updateRun(first, count, distance: 4)
        }
      }
    }
  }

  /// A one-qubit matrix for a low target as two per-lane coefficients.
  ///
  /// Lane l's partner is lane l ^ 2^target, so `mixed` is the coefficient of the partner
  /// and `kept` that of the lane itself, chosen by the lane's target bit; uncontrolled
  /// lanes get the identity.
  static func lowTargetCoefficients<V: SIMD>(
    _ matrix: [Complex<Double>], target: Int, layout: VectorLayout, vector: V.Type
  ) -> (kept: LaneCoefficient<V>, mixed: LaneCoefficient<V>) where V.Scalar: AmplitudeScalar {
    func lane(_ lane: Int, diagonal: Bool) -> (real: Double, imaginary: Double) {
      guard layout.isControlled(lane: lane) else { return diagonal ? (1, 0) : (0, 0) }
      let bit = lane &>> target & 1
      let entry = diagonal ? matrix[bit * 3] : matrix[bit == 0 ? 1 : 2]
      return (entry.real, entry.imaginary)
    }
    return (
      LaneCoefficient(lanes: { lane($0, diagonal: true) }),
      LaneCoefficient(lanes: { lane($0, diagonal: false) })
    )
  }
}

/// The four per-lane coefficients of a one-qubit matrix acting on a pair of vectors (the
/// target bit 0 and 1 halves); lanes whose low control bits are not all set get the identity.
struct SingleQubitPair<V: SIMD> where V.Scalar: AmplitudeScalar {
  let m00: LaneCoefficient<V>
  let m01: LaneCoefficient<V>
  let m10: LaneCoefficient<V>
  let m11: LaneCoefficient<V>

  init(_ matrix: [Complex<Double>], layout: VectorLayout) {
    func coefficient(_ row: Int, _ column: Int) -> LaneCoefficient<V> {
      let entry = matrix[row * 2 + column]
      return LaneCoefficient(lanes: { lane in
        layout.isControlled(lane: lane)
          ? (entry.real, entry.imaginary) : (row == column ? 1 : 0, 0)
      })
    }
    m00 = coefficient(0, 0)
    m01 = coefficient(0, 1)
    m10 = coefficient(1, 0)
    m11 = coefficient(1, 1)
  }

  /// Applies the matrix to one pair.
  @inline(__always)
  func update(_ lower: UnsafeMutablePointer<V>, _ upper: UnsafeMutablePointer<V>) {
    let a = lower.pointee
    let b = upper.pointee
    lower.pointee = m01.times(b, plus: m00.times(a))
    upper.pointee = m11.times(b, plus: m10.times(a))
  }

  /// Applies the matrix to the four consecutive pairs at `lower` and `upper`, all loads
  /// first.
  @inline(__always)
  func update4(_ lower: UnsafeMutablePointer<V>, _ upper: UnsafeMutablePointer<V>) {
    let a0 = lower[0], a1 = lower[1], a2 = lower[2], a3 = lower[3]
    let b0 = upper[0], b1 = upper[1], b2 = upper[2], b3 = upper[3]
    lower[0] = m01.times(b0, plus: m00.times(a0))
    lower[1] = m01.times(b1, plus: m00.times(a1))
    lower[2] = m01.times(b2, plus: m00.times(a2))
    lower[3] = m01.times(b3, plus: m00.times(a3))
    upper[0] = m11.times(b0, plus: m10.times(a0))
    upper[1] = m11.times(b1, plus: m10.times(a1))
    upper[2] = m11.times(b2, plus: m10.times(a2))
    upper[3] = m11.times(b3, plus: m10.times(a3))
  }
}
