import ComplexModule

extension StateKernels {
  /// Multiplies each amplitude whose target bits are j (bit i for `targets[i]`) by
  /// `diagonal[j]`, where every control bit is set; amplitudes never mix.
  ///
  /// Each vector of a group gets one per-lane coefficient (low targets and low controls
  /// vary by lane), applied over a whole contiguous run before the next, two runs at a time
  /// (`VectorLayout.forEachRunPair`), so the pass streams in place with no shuffles but the
  /// real/imaginary swap.
  ///
  /// - Complexity: O(2^n / 2^c) for c controls.
  static func applyDiagonal<S: AmplitudeScalar>(
    _ diagonal: [Complex<Double>], targets: [Int], controlMask: Int,
    to amplitudes: UnsafeMutablePointer<S>, qubitCount: Int, threads: Int
  ) {
    assert(diagonal.count == 1 << targets.count)
    run(
      DiagonalPass(diagonal: diagonal), on: amplitudes, targets: targets,
      controlMask: controlMask, qubitCount: qubitCount, threads: threads)
  }

  /// What `applyDiagonal` needs beyond the placement, for `run`.
  struct DiagonalPass: VectorPass {
    let diagonal: [Complex<Double>]

    func run<V: SIMD>(on vectors: UnsafeMutablePointer<V>, at placement: PassPlacement)
    where V.Scalar: AmplitudeScalar {
      let (targets, threads) = (placement.targets, placement.threads)
      guard let layout = placement.layout(for: V.self), targets.count <= 10 else {
        let dimension = diagonal.count
        var matrix = [Complex<Double>](repeating: .zero, count: dimension * dimension)
        for index in 0..<dimension { matrix[index * (dimension + 1)] = diagonal[index] }
        placement.applyScalar(matrix, to: vectors)
        return
      }
      let highCount = 1 << layout.highTargetCount
      withUnsafeTemporaryAllocation(of: Int.self, capacity: highCount) { offsetBuffer in
        let offsets = offsetBuffer.baseAddress!
        withUnsafeTemporaryAllocation(
          of: LaneCoefficient<V>.self, capacity: highCount
        ) { coefficientBuffer in
          let coefficients = coefficientBuffer.baseAddress!
          for high in 0..<highCount {
            offsets[high] = layout.vectorOffset(highPart: high, targets: targets)
            (coefficients + high).initialize(
              to: LaneCoefficient(lanes: { lane in
                guard layout.isControlled(lane: lane) else { return (1, 0) }
                let index = layout.matrixIndex(highPart: high, lane: lane, targets: targets)
                return (diagonal[index].real, diagonal[index].imaginary)
              }))
          }
          let prefetch = Prefetcher(vectorCount: layout.vectorCount, streams: 2)
          ParallelLoop.forEachChunk(
            count: layout.groupCount, threads: threads,
            minimumPerThread: layout.minimumGroupsPerThread
          ) { groups in
            layout.forEachRunPair(in: groups) { first, second, count in
              for high in 0..<highCount {
                let coefficient = coefficients[high]
                let run = vectors + (first &+ offsets[high])
                let otherRun = vectors + (second &+ offsets[high])
                for index in 0..<count {
                  prefetch.ahead(of: run + index)
                  prefetch.ahead(of: otherRun + index)
                  run[index] = coefficient.times(run[index])
                  otherRun[index] = coefficient.times(otherRun[index])
                }
              }
            } single: { first, count in
              for high in 0..<highCount {
                let coefficient = coefficients[high]
                let run = vectors + (first &+ offsets[high])
                for index in 0..<count {
                  prefetch.ahead(of: run + index)
                  run[index] = coefficient.times(run[index])
                }
              }
            }
          }
        }
      }
    }
  }
}
