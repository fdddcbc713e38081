import ComplexModule

extension StateKernels {
  /// Moves the amplitude with target bits j to target bits `permutation[j]`, times
  /// `phases[j]` (none when `phases` is nil), where every control bit is set.
  ///
  /// With only high targets and high controls this moves whole vectors and does no
  /// arithmetic without phases. A single low target is one shuffle per vector; several
  /// low targets run as the dense matrix of 0/1 entries and phases.
  ///
  /// - Complexity: O(2^n / 2^c) for c controls; O(4^k · 2^n / 2^c) for k > 5 targets with
  ///   one below the vector width, which run as a dense matrix on scalars.
  static func applyPermutation<S: AmplitudeScalar>(
    _ permutation: [Int], phases: [Complex<Double>]?, targets: [Int], controlMask: Int,
    to amplitudes: UnsafeMutablePointer<S>, qubitCount: Int, threads: Int
  ) {
    assert(permutation.count == 1 << targets.count)
    run(
      PermutationPass(permutation: permutation, phases: phases), on: amplitudes,
      targets: targets, controlMask: controlMask, qubitCount: qubitCount, threads: threads)
  }

  /// What `applyPermutation` needs beyond the placement, for `run`.
  struct PermutationPass: VectorPass {
    let permutation: [Int]
    let phases: [Complex<Double>]?

    /// The gate's matrix entry: row `permutation[column]` has `phases[column]` in column
    /// `column`.
    func entry(row: Int, column: Int) -> Complex<Double> {
      permutation[column] == row ? phases?[column] ?? .one : .zero
    }

    func run<V: SIMD>(on vectors: UnsafeMutablePointer<V>, at placement: PassPlacement)
    where V.Scalar: AmplitudeScalar {
      let (targets, threads) = (placement.targets, placement.threads)
      guard let layout = placement.layout(for: V.self), targets.count <= 10,
        layout.lowTargetLanes == 0 || targets.count <= 5
      else {
        let dimension = permutation.count
        let matrix = (0..<dimension * dimension).map {
          entry(row: $0 / dimension, column: $0 % dimension)
        }
        placement.applyScalar(matrix, to: vectors)
        return
      }
      if targets.count == 1
        && (layout.lowTargetLanes != 0 || layout.runLength < 4 || layout.lowControlLanes != 0)
      {
        // X, Y and their controlled forms on a low target: the one-qubit kernel's single
        // shuffle per vector runs at full bandwidth. So it does for targets just above the
        // lanes, whose runs of one or two vectors left the moving loop below half of stream
        // (CX on qubit 2 of a Double state, control 0, n = 26: 42%), and for low controls,
        // whose blends held CX at 81-89% where the one-qubit kernel reaches 100%.
        // Multiplying by the 0/1 entries is exact for finite amplitudes (a zero may change
        // sign).
        let matrix = (0..<4).map { entry(row: $0 / 2, column: $0 % 2) }
        StateKernels.applySingleQubit(
          matrix, target: targets[0], layout: layout, to: vectors, threads: threads)
      } else if layout.lowTargetLanes == 0 {
        StateKernels.permuteVectors(
          permutation, phases: phases, targets: targets, layout: layout, to: vectors,
          threads: threads)
      } else {
        // Lane targets: the dense kernel moves them out of the lanes first and was 2–3 times
        // faster than blending lane-exchanged vectors. Multiplying by the 0/1 entries is exact.
        let dimension = permutation.count
        let matrix = (0..<dimension * dimension).map {
          entry(row: $0 / dimension, column: $0 % dimension)
        }
        StateKernels.DensePass(matrix: matrix).run(on: vectors, at: placement)
      }
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
        let prefetch = Prefetcher(
          vectorCount: layout.vectorCount, memberOffsets: UnsafeBufferPointer(start: sources, count: moving))
        ParallelLoop.forEachChunk(
          count: layout.groupCount, threads: threads,
          minimumPerThread: layout.minimumGroupsPerThread
        ) { groups in
          withUnsafeTemporaryAllocation(of: V.self, capacity: dimension) { inputBuffer in
            let inputs = inputBuffer.baseAddress!
            @inline(__always)
            func visit(_ group: UnsafeMutablePointer<V>, _ move: (UnsafeMutablePointer<V>) -> Void) {
              if prefetch.isEnabled {
                for term in 0..<moving { prefetch.ahead(of: group + sources[term]) }
              }
              move(group)
            }
            @inline(__always)
            func walk(_ move: (UnsafeMutablePointer<V>) -> Void) {
              layout.forEachRunPair(in: groups) { first, second, count in
                for index in 0..<count {
                  visit(vectors + (first &+ index), move)
                  visit(vectors + (second &+ index), move)
                }
              } single: { first, count in
                for index in 0..<count { visit(vectors + (first &+ index), move) }
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
}
