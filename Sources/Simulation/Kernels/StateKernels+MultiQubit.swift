import ComplexModule

extension StateKernels {
  /// Applies a dense matrix on 2 to 5 targets with one kernel for every target placement.
  ///
  /// A group is the `H = 2^h` vectors selected by the h high targets. Output vector `r` of
  /// a group is `Σ_{s, x} C[r, s, x] · permute_x(input s)`, where `permute_x` exchanges
  /// lane l with lane l ^ x for every x that only flips low-target lane bits, and the
  /// per-lane coefficient `C[r, s, x]` picks the matrix entry each lane needs (the
  /// identity in lanes whose low control bits are not all set). With no low targets this
  /// is the plain matrix-vector product on whole vectors. The permuted inputs are computed
  /// once per group, then each output is accumulated in a register: compute-bound from
  /// three targets, where it costs a few passes' worth of time.
  static func applyMultiQubit<V: SIMD>(
    _ matrix: [Complex<Double>], targets: [Int], layout: VectorLayout,
    to vectors: UnsafeMutablePointer<V>, threads: Int
  ) where V.Scalar: AmplitudeScalar {
    let dimension = 1 << targets.count
    let highCount = 1 << layout.highTargetCount
    let permutations = 1 << layout.lowTargetLanes.nonzeroBitCount
    let terms = highCount * permutations
    withUnsafeTemporaryAllocation(of: Int.self, capacity: highCount + permutations) { table in
      let offsets = table.baseAddress!
      let distances = offsets + highCount
      for high in 0..<highCount {
        offsets[high] = layout.vectorOffset(highPart: high, targets: targets)
      }
      // Every subset of the low target lane bits, in increasing order.
      var subset = 0
      for index in 0..<permutations {
        distances[index] = subset
        subset = (subset &- layout.lowTargetLanes) & layout.lowTargetLanes
      }
      withUnsafeTemporaryAllocation(
        of: LaneCoefficient<V>.self, capacity: highCount * terms
      ) { coefficientBuffer in
        let coefficients = coefficientBuffer.baseAddress!
        for row in 0..<highCount {
          for column in 0..<highCount {
            for permutation in 0..<permutations {
              let distance = distances[permutation]
              (coefficients + (row * terms + column * permutations + permutation)).initialize(
                to: LaneCoefficient(lanes: { lane in
                  guard layout.isControlled(lane: lane) else {
                    return row == column && distance == 0 ? (1, 0) : (0, 0)
                  }
                  let entry = matrix[
                    layout.matrixIndex(highPart: row, lane: lane, targets: targets) * dimension
                      + layout.matrixIndex(highPart: column, lane: lane ^ distance, targets: targets)]
                  return (entry.real, entry.imaginary)
                }))
            }
          }
        }
        ParallelLoop.forEachChunk(
          count: layout.groupCount, threads: threads,
          minimumPerThread: layout.minimumGroupsPerThread
        ) { groups in
          withUnsafeTemporaryAllocation(of: V.self, capacity: 2 * terms) { inputBuffer in
            let inputs = inputBuffer.baseAddress!
            let swappedInputs = inputs + terms
            layout.forEachRun(in: groups) { first, count in
              for step in 0..<count {
                let group = vectors + (first &+ step)
                for column in 0..<highCount {
                  let amplitudes = group[offsets[column]]
                  for permutation in 0..<permutations {
                    let permuted = amplitudes.exchangingLanes(distances[permutation])
                    inputs[column &* permutations &+ permutation] = permuted
                    swappedInputs[column &* permutations &+ permutation] =
                      permuted.swappedRealImaginary
                  }
                }
                for row in 0..<highCount {
                  let rowCoefficients = coefficients + row &* terms
                  var sum = rowCoefficients[0].times(inputs[0], swapped: swappedInputs[0])
                  for term in 1..<terms {
                    sum += rowCoefficients[term].times(inputs[term], swapped: swappedInputs[term])
                  }
                  group[offsets[row]] = sum
                }
              }
            }
          }
        }
      }
    }
  }
}
