import ComplexModule

extension StateKernels {
  /// Moves the amplitude with target bits j to target bits `permutation[j]`, times
  /// `phases[j]` (none when `phases` is nil), where every control bit is set.
  ///
  /// With only high targets and high controls this moves whole vectors and does no
  /// arithmetic without phases. Low targets or controls make each output vector a blend of
  /// lane-permuted input vectors, one term per (input vector, lane distance) pair, each
  /// with the mask of the lanes it fills.
  ///
  /// - Complexity: O(2^n / 2^c) for c controls.
  static func applyPermutation<S: AmplitudeScalar>(
    _ permutation: [Int], phases: [Complex<Double>]?, targets: [Int], controlMask: Int,
    to amplitudes: UnsafeMutablePointer<S>, qubitCount: Int, threads: Int
  ) {
    assert(permutation.count == 1 << targets.count)
    let raw = UnsafeMutableRawPointer(amplitudes)
    if S.self == Double.self {
      applyPermutation(
        permutation, phases: phases, targets: targets, controlMask: controlMask,
        to: raw.assumingMemoryBound(to: SIMD8<Double>.self), qubitCount: qubitCount,
        threads: threads)
    } else if S.self == Float.self {
      applyPermutation(
        permutation, phases: phases, targets: targets, controlMask: controlMask,
        to: raw.assumingMemoryBound(to: SIMD16<Float>.self), qubitCount: qubitCount,
        threads: threads)
    } else {
      applyPermutation(
        permutation, phases: phases, targets: targets, controlMask: controlMask,
        to: raw.assumingMemoryBound(to: SIMD8<S>.self), qubitCount: qubitCount,
        threads: threads)
    }
  }

  /// `applyPermutation` on vectors of `V`, each `V.scalarCount / 2` amplitudes.
  static func applyPermutation<V: SIMD>(
    _ permutation: [Int], phases: [Complex<Double>]?, targets: [Int], controlMask: Int,
    to vectors: UnsafeMutablePointer<V>, qubitCount: Int, threads: Int
  ) where V.Scalar: AmplitudeScalar {
    let laneBits = (V.scalarCount / 2).trailingZeroBitCount
    guard qubitCount >= laneBits, targets.count <= 10 else {
      let dimension = permutation.count
      var matrix = [Complex<Double>](repeating: .zero, count: dimension * dimension)
      for column in 0..<dimension {
        matrix[permutation[column] * dimension + column] = phases?[column] ?? .one
      }
      applyDenseScalar(
        matrix, targets: targets, controlMask: controlMask,
        to: UnsafeMutableRawPointer(vectors).assumingMemoryBound(to: V.Scalar.self),
        qubitCount: qubitCount)
      return
    }
    let layout = VectorLayout(
      targets: targets, controlMask: controlMask, qubitCount: qubitCount, laneBits: laneBits)
    if layout.lowTargetLanes == 0 && layout.lowControlLanes == 0 {
      permuteVectors(
        permutation, phases: phases, targets: targets, layout: layout, to: vectors,
        threads: threads)
    } else {
      permuteLanes(
        permutation, phases: phases, targets: targets, layout: layout, to: vectors,
        threads: threads)
    }
  }

  /// All targets and controls select whole vectors: vector j of a group moves to vector
  /// `permutation[j]`.
  static func permuteVectors<V: SIMD>(
    _ permutation: [Int], phases: [Complex<Double>]?, targets: [Int], layout: VectorLayout,
    to vectors: UnsafeMutablePointer<V>, threads: Int
  ) where V.Scalar: AmplitudeScalar {
    let dimension = permutation.count
    withUnsafeTemporaryAllocation(of: Int.self, capacity: 2 * dimension) { offsetBuffer in
      let sources = offsetBuffer.baseAddress!
      let destinations = sources + dimension
      withUnsafeTemporaryAllocation(of: LaneCoefficient<V>.self, capacity: dimension) {
        coefficientBuffer in
        let coefficients = coefficientBuffer.baseAddress!
        // Only the vectors that move (or change phase) are loaded and stored.
        var moving = 0
        for column in 0..<dimension where permutation[column] != column || phases != nil {
          sources[moving] = layout.vectorOffset(highPart: column, targets: targets)
          destinations[moving] = layout.vectorOffset(
            highPart: permutation[column], targets: targets)
          if let phase = phases?[column] {
            (coefficients + moving).initialize(to: LaneCoefficient(phase.real, phase.imaginary))
          }
          moving += 1
        }
        ParallelLoop.forEachChunk(
          count: layout.groupCount, threads: threads,
          minimumPerThread: layout.minimumGroupsPerThread
        ) { groups in
          withUnsafeTemporaryAllocation(of: V.self, capacity: dimension) { inputBuffer in
            let inputs = inputBuffer.baseAddress!
            layout.forEachRun(in: groups) { first, count in
              let run = vectors + first
              for index in 0..<count {
                for term in 0..<moving { inputs[term] = run[index &+ sources[term]] }
                if phases == nil {
                  for term in 0..<moving { run[index &+ destinations[term]] = inputs[term] }
                } else {
                  for term in 0..<moving {
                    run[index &+ destinations[term]] = coefficients[term].times(inputs[term])
                  }
                }
              }
            }
          }
        }
      }
    }
  }

  /// One input vector's contribution to one output vector: its lanes exchanged at
  /// `distance`, times per-lane `phase`, written into the lanes of `mask`.
  struct PermutationTerm<V: SIMD> where V.Scalar: AmplitudeScalar {
    var output: Int
    var input: Int
    var distance: Int
    var mask: SIMDMask<V.MaskStorage>
    var phase: LaneCoefficient<V>
  }

  /// Some target or control selects a lane: each output vector is blended from terms.
  static func permuteLanes<V: SIMD>(
    _ permutation: [Int], phases: [Complex<Double>]?, targets: [Int], layout: VectorLayout,
    to vectors: UnsafeMutablePointer<V>, threads: Int
  ) where V.Scalar: AmplitudeScalar {
    let dimension = permutation.count
    let highCount = 1 << layout.highTargetCount
    let laneCount = V.scalarCount / 2
    var source = [Int](repeating: 0, count: dimension)
    for column in 0..<dimension { source[permutation[column]] = column }
    var terms: [PermutationTerm<V>] = []
    for output in 0..<highCount {
      let firstTerm = terms.count
      for lane in 0..<laneCount {
        var input = output
        var sourceLane = lane
        var phase = Complex<Double>.one
        if layout.isControlled(lane: lane) {
          let column = source[layout.matrixIndex(highPart: output, lane: lane, targets: targets)]
          (input, sourceLane) = highPartAndLane(column, lane: lane, layout: layout, targets: targets)
          phase = phases?[column] ?? .one
        }
        let distance = lane ^ sourceLane
        let index = terms[firstTerm...].firstIndex { $0.input == input && $0.distance == distance }
          ?? {
            terms.append(
              PermutationTerm(
                output: output, input: input, distance: distance, mask: SIMDMask(),
                phase: LaneCoefficient(0, 0)))
            return terms.count - 1
          }()
        terms[index].mask[2 * lane] = true
        terms[index].mask[2 * lane + 1] = true
        terms[index].phase.real[2 * lane] = V.Scalar(phase.real)
        terms[index].phase.real[2 * lane + 1] = V.Scalar(phase.real)
        terms[index].phase.imaginary[2 * lane] = V.Scalar(-phase.imaginary)
        terms[index].phase.imaginary[2 * lane + 1] = V.Scalar(phase.imaginary)
      }
    }
    let offsets = (0..<highCount).map { layout.vectorOffset(highPart: $0, targets: targets) }
    let termCount = terms.count
    terms.withUnsafeBufferPointer { termBuffer in
      offsets.withUnsafeBufferPointer { offsetBuffer in
        let terms = termBuffer.baseAddress!
        let offsets = offsetBuffer.baseAddress!
        ParallelLoop.forEachChunk(
          count: layout.groupCount, threads: threads,
          minimumPerThread: layout.minimumGroupsPerThread
        ) { groups in
          withUnsafeTemporaryAllocation(of: V.self, capacity: 2 * highCount) { buffer in
            let inputs = buffer.baseAddress!
            let outputs = inputs + highCount
            layout.forEachRun(in: groups) { first, count in
              for step in 0..<count {
                let group = vectors + (first &+ step)
                for high in 0..<highCount { inputs[high] = group[offsets[high]] }
                for high in 0..<highCount { outputs[high] = V() }
                for index in 0..<termCount {
                  let term = terms[index]
                  var moved = inputs[term.input].exchangingLanes(term.distance)
                  if phases != nil { moved = term.phase.times(moved) }
                  outputs[term.output].replace(with: moved, where: term.mask)
                }
                for high in 0..<highCount { group[offsets[high]] = outputs[high] }
              }
            }
          }
        }
      }
    }
  }

  /// The high part and the lane of gate-matrix index `column` for a vector lane `lane`
  /// whose non-target lane bits are kept.
  static func highPartAndLane(
    _ column: Int, lane: Int, layout: VectorLayout, targets: [Int]
  ) -> (highPart: Int, lane: Int) {
    var highPart = 0
    var bit = 0
    var result = lane & ~layout.lowTargetLanes
    for (position, target) in targets.enumerated() {
      let value = column >> position & 1
      if target >= layout.laneBits {
        highPart |= value << bit
        bit += 1
      } else {
        result |= value << target
      }
    }
    return (highPart, result)
  }
}
