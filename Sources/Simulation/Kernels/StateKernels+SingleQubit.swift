import ComplexModule

extension StateKernels {
  /// Applies a dense one-qubit matrix, the pass every circuit is made of.
  ///
  /// Memory-bound: each loop loads four vectors of each half before storing any, which
  /// keeps the loads of one iteration from waiting on its own stores.
  static func applySingleQubit<V: SIMD>(
    _ matrix: [Complex<Double>], target: Int, layout: VectorLayout,
    to vectors: UnsafeMutablePointer<V>, threads: Int
  ) where V.Scalar: AmplitudeScalar {
    if target >= layout.laneBits {
      applySingleQubitHigh(
        matrix, stride: 1 &<< (target &- layout.laneBits), layout: layout, to: vectors,
        threads: threads)
      return
    }
    let (kept, mixed) = singleQubitCoefficients(
      matrix, target: target, layout: layout, vector: V.self)
    // Constant lane distances, so each case compiles to a single shuffle.
    switch target {
    case 0:
      applySingleQubitLow(kept, mixed, distance: 1, layout: layout, to: vectors, threads: threads)
    case 1:
      applySingleQubitLow(kept, mixed, distance: 2, layout: layout, to: vectors, threads: threads)
    default:
      applySingleQubitLow(kept, mixed, distance: 4, layout: layout, to: vectors, threads: threads)
    }
  }

  /// One target at or above the vector width: vector `i` pairs with vector `i + stride`.
  static func applySingleQubitHigh<V: SIMD>(
    _ matrix: [Complex<Double>], stride: Int, layout: VectorLayout,
    to vectors: UnsafeMutablePointer<V>, threads: Int
  ) where V.Scalar: AmplitudeScalar {
    // Low controls make the coefficients differ by lane; uncontrolled lanes get the identity.
    func coefficient(_ row: Int, _ column: Int) -> LaneCoefficient<V> {
      let entry = matrix[row * 2 + column]
      return LaneCoefficient(lanes: { lane in
        layout.isControlled(lane: lane)
          ? (entry.real, entry.imaginary) : (row == column ? 1 : 0, 0)
      })
    }
    let m00 = coefficient(0, 0)
    let m01 = coefficient(0, 1)
    let m10 = coefficient(1, 0)
    let m11 = coefficient(1, 1)
    if stride < 4 && layout.controlVectorBits == 0 && layout.groupCount >= 4 {
      // Runs of one or two vectors would spend more time in the run loop than in the
      // arithmetic; instead walk windows of eight consecutive vectors holding four pairs.
      var lowerOffsets = SIMD4<Int>()
      for pair in 0..<4 { lowerOffsets[pair] = (pair & ~(stride - 1)) << 1 | pair & (stride - 1) }
      ParallelLoop.forEachChunk(
        count: layout.groupCount / 4, threads: threads,
        minimumPerThread: Swift.max(1, layout.minimumGroupsPerThread / 4)
      ) { windows in
        for window in windows {
          let lower0 = vectors + (window &* 8 &+ lowerOffsets[0])
          let lower1 = vectors + (window &* 8 &+ lowerOffsets[1])
          let lower2 = vectors + (window &* 8 &+ lowerOffsets[2])
          let lower3 = vectors + (window &* 8 &+ lowerOffsets[3])
          let a0 = lower0[0], a1 = lower1[0], a2 = lower2[0], a3 = lower3[0]
          let b0 = lower0[stride], b1 = lower1[stride], b2 = lower2[stride], b3 = lower3[stride]
          lower0[0] = m00.times(a0) + m01.times(b0)
          lower1[0] = m00.times(a1) + m01.times(b1)
          lower2[0] = m00.times(a2) + m01.times(b2)
          lower3[0] = m00.times(a3) + m01.times(b3)
          lower0[stride] = m10.times(a0) + m11.times(b0)
          lower1[stride] = m10.times(a1) + m11.times(b1)
          lower2[stride] = m10.times(a2) + m11.times(b2)
          lower3[stride] = m10.times(a3) + m11.times(b3)
        }
      }
      return
    }
    ParallelLoop.forEachChunk(
      count: layout.groupCount, threads: threads,
      minimumPerThread: layout.minimumGroupsPerThread
    ) { groups in
      layout.forEachRun(in: groups) { first, count in
        let lower = vectors + first
        let upper = lower + stride
        var index = 0
        while index &+ 4 <= count {
          let a0 = lower[index], a1 = lower[index &+ 1]
          let a2 = lower[index &+ 2], a3 = lower[index &+ 3]
          let b0 = upper[index], b1 = upper[index &+ 1]
          let b2 = upper[index &+ 2], b3 = upper[index &+ 3]
          lower[index] = m00.times(a0) + m01.times(b0)
          lower[index &+ 1] = m00.times(a1) + m01.times(b1)
          lower[index &+ 2] = m00.times(a2) + m01.times(b2)
          lower[index &+ 3] = m00.times(a3) + m01.times(b3)
          upper[index] = m10.times(a0) + m11.times(b0)
          upper[index &+ 1] = m10.times(a1) + m11.times(b1)
          upper[index &+ 2] = m10.times(a2) + m11.times(b2)
          upper[index &+ 3] = m10.times(a3) + m11.times(b3)
          index &+= 4
        }
        while index < count {
          let a = lower[index]
          let b = upper[index]
          lower[index] = m00.times(a) + m01.times(b)
          upper[index] = m10.times(a) + m11.times(b)
          index &+= 1
        }
      }
    }
  }

  /// One target inside the vector: lane l mixes with lane l ^ `distance`.
  @inline(__always)
  static func applySingleQubitLow<V: SIMD>(
    _ kept: LaneCoefficient<V>, _ mixed: LaneCoefficient<V>, distance: Int,
    layout: VectorLayout, to vectors: UnsafeMutablePointer<V>, threads: Int
  ) where V.Scalar: AmplitudeScalar {
    ParallelLoop.forEachChunk(
      count: layout.groupCount, threads: threads,
      minimumPerThread: layout.minimumGroupsPerThread
    ) { groups in
      layout.forEachRun(in: groups) { first, count in
        let run = vectors + first
        var index = 0
        while index &+ 4 <= count {
          let a0 = run[index], a1 = run[index &+ 1]
          let a2 = run[index &+ 2], a3 = run[index &+ 3]
          run[index] = kept.times(a0) + mixed.times(a0.xorLanes(distance))
          run[index &+ 1] = kept.times(a1) + mixed.times(a1.xorLanes(distance))
          run[index &+ 2] = kept.times(a2) + mixed.times(a2.xorLanes(distance))
          run[index &+ 3] = kept.times(a3) + mixed.times(a3.xorLanes(distance))
          index &+= 4
        }
        while index < count {
          let a = run[index]
          run[index] = kept.times(a) + mixed.times(a.xorLanes(distance))
          index &+= 1
        }
      }
    }
  }
}
