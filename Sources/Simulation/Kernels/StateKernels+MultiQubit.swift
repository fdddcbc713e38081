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
                  group[offsets[row]] = dotProduct(
                    coefficients + row &* terms, inputs, swappedInputs, count: terms)
                }
              }
            }
          }
        }
      }
    }
  }

  /// `Σ_j coefficients[j] · inputs[j]` lane by lane, given `swappedInputs[j]`, the inputs
  /// with real and imaginary parts exchanged.
  ///
  /// Written over scalar pointers on purpose: the same sum over whole SIMD values loaded
  /// from memory was compiled (Swift 6.3, LLVM's SLP vectoriser) into a mix of 128-bit and
  /// scalar pieces and ran about 2× slower; the scalar loop is vectorised into whole
  /// 64-byte operations. Even and odd terms go to separate sums so that consecutive
  /// additions do not wait on each other.
  @inline(__always)
  static func dotProduct<V: SIMD>(
    _ coefficients: UnsafePointer<LaneCoefficient<V>>, _ inputs: UnsafePointer<V>,
    _ swappedInputs: UnsafePointer<V>, count: Int
  ) -> V where V.Scalar: AmplitudeScalar {
    let width = V.scalarCount
    let coefficientScalars = UnsafeRawPointer(coefficients).assumingMemoryBound(to: V.Scalar.self)
    let inputScalars = UnsafeRawPointer(inputs).assumingMemoryBound(to: V.Scalar.self)
    let swappedScalars = UnsafeRawPointer(swappedInputs).assumingMemoryBound(to: V.Scalar.self)
    var even = V()
    var odd = V()
    var term = 0
    while term < count {
      let real = coefficientScalars + 2 &* term &* width
      let input = inputScalars + term &* width
      let swapped = swappedScalars + term &* width
      for lane in 0..<width {
        even[lane] += real[lane] * input[lane] + real[width &+ lane] * swapped[lane]
      }
      if term &+ 1 < count {
        for lane in 0..<width {
          odd[lane] += real[2 &* width &+ lane] * input[width &+ lane]
            + real[3 &* width &+ lane] * swapped[width &+ lane]
        }
      }
      term &+= 2
    }
    return even + odd
  }
}
