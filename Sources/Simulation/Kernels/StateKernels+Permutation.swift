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
    if targets.count == 1 && layout.lowTargetLanes != 0 {
      // X, Y and their controlled forms on a low target: the one-qubit kernel's single
      // shuffle per vector runs at full bandwidth, where the general lane blend below was
      // measured 2.5-5x slower. Multiplying by the 0/1 entries is exact for finite
      // amplitudes (a zero may change sign).
      var matrix = [Complex<Double>](repeating: .zero, count: 4)
      for column in 0..<2 { matrix[permutation[column] * 2 + column] = phases?[column] ?? .one }
      applySingleQubit(matrix, target: targets[0], layout: layout, to: vectors, threads: threads)
    } else if layout.lowTargetLanes == 0 {
      permuteVectors(
        permutation, phases: phases, targets: targets, layout: layout, to: vectors,
        threads: threads)
    } else {
      permuteLanes(
        permutation, phases: phases, targets: targets, layout: layout, to: vectors,
        threads: threads)
    }
  }

  /// All targets select whole vectors: vector j of a group moves to vector
  /// `permutation[j]`.
  ///
  /// Without phases and low controls this is pure data movement. Low controls (below the
  /// vector width) blend the moved vector into the one it replaces, lane by lane, with a
  /// mask held in a register.
  static func permuteVectors<V: SIMD>(
    _ permutation: [Int], phases: [Complex<Double>]?, targets: [Int], layout: VectorLayout,
    to vectors: UnsafeMutablePointer<V>, threads: Int
  ) where V.Scalar: AmplitudeScalar {
    let dimension = permutation.count
    var controlledLanes = SIMDMask<V.MaskStorage>()
    for lane in 0..<V.scalarCount / 2 where layout.isControlled(lane: lane) {
      controlledLanes[2 * lane] = true
      controlledLanes[2 * lane + 1] = true
    }
    let blends = layout.lowControlLanes != 0
    withUnsafeTemporaryAllocation(of: Int.self, capacity: 3 * dimension) { indexBuffer in
      let sources = indexBuffer.baseAddress!
      let destinations = sources + dimension
      let replaced = destinations + dimension
      withUnsafeTemporaryAllocation(of: LaneCoefficient<V>.self, capacity: dimension) {
        coefficientBuffer in
        let coefficients = coefficientBuffer.baseAddress!
        // Only the vectors that move (or change phase) are loaded and stored; they are
        // closed under the permutation, so each destination is also one of the sources.
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
        for term in 0..<moving {
          replaced[term] = (0..<moving).first { sources[$0] == destinations[term] }!
        }
        ParallelLoop.forEachChunk(
          count: layout.groupCount, threads: threads,
          minimumPerThread: layout.minimumGroupsPerThread
        ) { groups in
          withUnsafeTemporaryAllocation(of: V.self, capacity: dimension) { inputBuffer in
            let inputs = inputBuffer.baseAddress!
            @inline(__always)
            func walk(_ move: (UnsafeMutablePointer<V>) -> Void) {
              layout.forEachRunPair(in: groups) { first, second, count in
                for index in 0..<count {
                  move(vectors + (first &+ index))
                  move(vectors + (second &+ index))
                }
              } single: { first, count in
                for index in 0..<count { move(vectors + (first &+ index)) }
              }
            }
            // Separate loops, so the common pure move has no branches inside.
            if phases == nil && !blends {
              walk { group in
                for term in 0..<moving { inputs[term] = group[sources[term]] }
                for term in 0..<moving { group[destinations[term]] = inputs[term] }
              }
            } else if phases == nil {
              walk { group in
                for term in 0..<moving { inputs[term] = group[sources[term]] }
                for term in 0..<moving {
                  group[destinations[term]] = inputs[replaced[term]].replacing(
                    with: inputs[term], where: controlledLanes)
                }
              }
            } else {
              walk { group in
                for term in 0..<moving { inputs[term] = group[sources[term]] }
                for term in 0..<moving {
                  let moved = LaneCoefficient.product(of: coefficients + term, and: inputs[term])
                  group[destinations[term]] = inputs[replaced[term]].replacing(
                    with: moved, where: controlledLanes)
                }
              }
            }
          }
        }
      }
    }
  }

  /// One input vector's contribution to one output vector: its lanes exchanged at
  /// `distance`, times per-lane `phase`, written into the scalars where `mask` is 1.
  struct PermutationTerm<V: SIMD> where V.Scalar: AmplitudeScalar {
    var output: Int
    var input: Int
    var distance: Int
    var mask: V
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
                output: output, input: input, distance: distance, mask: V(),
                phase: LaneCoefficient(0, 0)))
            return terms.count - 1
          }()
        terms[index].mask[2 * lane] = 1
        terms[index].mask[2 * lane + 1] = 1
        terms[index].phase.real[2 * lane] = V.Scalar(phase.real)
        terms[index].phase.real[2 * lane + 1] = V.Scalar(phase.real)
        terms[index].phase.imaginary[2 * lane] = V.Scalar(-phase.imaginary)
        terms[index].phase.imaginary[2 * lane + 1] = V.Scalar(phase.imaginary)
      }
    }
    let offsets = (0..<highCount).map { layout.vectorOffset(highPart: $0, targets: targets) }
    let masks = terms.map { $0.mask .!= 0 }
    let termCount = terms.count
    let phaseOffset = MemoryLayout<PermutationTerm<V>>.offset(of: \.phase)!
    terms.withUnsafeBufferPointer { termBuffer in
      offsets.withUnsafeBufferPointer { offsetBuffer in
        masks.withUnsafeBufferPointer { maskBuffer in
          let terms = termBuffer.baseAddress!
          let offsets = offsetBuffer.baseAddress!
          let masks = maskBuffer.baseAddress!
          ParallelLoop.forEachChunk(
            count: layout.groupCount, threads: threads,
            minimumPerThread: layout.minimumGroupsPerThread
          ) { groups in
            withUnsafeTemporaryAllocation(of: V.self, capacity: 2 * highCount) { buffer in
              let inputs = buffer.baseAddress!
              let outputs = inputs + highCount
              @inline(__always)
              func move(_ group: UnsafeMutablePointer<V>) {
                for high in 0..<highCount { inputs[high] = group[offsets[high]] }
                for index in 0..<termCount {
                  let term = terms + index
                  var moved = inputs[term.pointee.input].exchangingLanes(term.pointee.distance)
                  if phases != nil {
                    // Through scalar pointers: see `LaneCoefficient.product(of:and:)`.
                    moved = LaneCoefficient.product(
                      of: UnsafeRawPointer(term).advanced(by: phaseOffset)
                        .assumingMemoryBound(to: LaneCoefficient<V>.self),
                      and: moved)
                  }
                  outputs[term.pointee.output].replace(with: moved, where: masks[index])
                }
                for high in 0..<highCount { group[offsets[high]] = outputs[high] }
              }
              layout.forEachRunPair(in: groups) { first, second, count in
                for index in 0..<count {
                  move(vectors + (first &+ index))
                  move(vectors + (second &+ index))
                }
              } single: { first, count in
                for index in 0..<count { move(vectors + (first &+ index)) }
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
