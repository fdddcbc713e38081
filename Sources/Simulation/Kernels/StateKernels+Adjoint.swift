import ComplexModule
import Synchronization

/// The two passes the adjoint gradient adds to the gate kernels.
extension StateKernels {
  /// A Pauli string as masks: P|i⟩ = phase · (−1)^popcount(i & signMask) |i ⊕ flipMask⟩.
  struct PauliTerm {
    var coefficient: Double
    var flipMask: Int
    var signMask: Int
    var phase: Complex<Double>
  }

  /// target = Σₖ cₖ Pₖ source, in one pass over both.
  ///
  /// - Complexity: O(2^n · terms).
  @_specialize(where S == Double)
  @_specialize(where S == Float)
  static func applyPauliSum<S: AmplitudeScalar>(
    _ terms: [PauliTerm], from source: UnsafePointer<S>, to target: UnsafeMutablePointer<S>, qubitCount: Int, threads: Int
  ) {
    // Terms that flip the same qubits read the same amplitude: one load per group.
    var groups: [Int: [(signMask: Int, weight: Complex<Double>)]] = [:]
    for term in terms { groups[term.flipMask, default: []].append((term.signMask, Complex(term.coefficient) * term.phase)) }
    let sortedGroups = groups.sorted { $0.key < $1.key }
    ParallelLoop.forEachChunk(count: 1 << qubitCount, threads: threads, minimumPerThread: 1 << 17) { range in
      for i in range {
        var real = 0.0, imaginary = 0.0
        for (flipMask, members) in sortedGroups {
          // (Pψ)ᵢ = phase · (−1)^popcount((i ⊕ flip) & sign) · ψ_{i ⊕ flip}
          let j = i ^ flipMask
          var weightReal = 0.0, weightImaginary = 0.0
          for member in members {
            let sign: Double = (j & member.signMask).nonzeroBitCount & 1 == 0 ? 1 : -1
            weightReal += sign * member.weight.real
            weightImaginary += sign * member.weight.imaginary
          }
          let x = Double(source[2 &* j]), y = Double(source[2 &* j &+ 1])
          real += weightReal * x - weightImaginary * y
          imaginary += weightReal * y + weightImaginary * x
        }
        target[2 &* i] = S(real)
        target[2 &* i &+ 1] = S(imaginary)
      }
    }
  }

  /// ⟨bra| M |ket⟩ for a matrix M on `targets` (row-major, bit i of an index for
  /// `targets[i]`) acting where every qubit of `controlMask` is 1, and as zero elsewhere:
  /// the derivative of a controlled gate. Nothing is written.
  ///
  /// - Complexity: one read of both states where the controls are 1; O(4^k) per group of
  ///   2^k amplitudes.
  @_specialize(where S == Double)
  @_specialize(where S == Float)
  static func braket<S: AmplitudeScalar>(
    _ bra: UnsafePointer<S>, _ matrix: [Complex<Double>], targets: [Int], controlMask: Int, _ ket: UnsafePointer<S>,
    qubitCount: Int, threads: Int
  ) -> Complex<Double> {
    if targets.count == 1, targets[0] >= 2, (controlMask >> targets[0]) << targets[0] == controlMask {
      return braketOneTarget(bra, matrix, target: targets[0], controlMask: controlMask, ket, qubitCount: qubitCount, threads: threads)
    }
    let k = targets.count
    let dimension = 1 << k
    let offsets = (0..<dimension).map { value in
      targets.enumerated().reduce(0) { $0 | (value >> $1.offset & 1) << $1.element }
    }
    let sortedTargets = targets.sorted()
    // Split into real and imaginary parts once: the loop below then does plain FMAs.
    let matrixReal = matrix.map(\.real), matrixImaginary = matrix.map(\.imaginary)
    let sums = Mutex<[Complex<Double>]>([])
    ParallelLoop.forEachChunk(count: 1 << (qubitCount - k), threads: threads, minimumPerThread: Swift.max(1, (1 << 17) >> k)) {
      range in
      var real = 0.0, imaginary = 0.0
      withUnsafeTemporaryAllocation(of: Double.self, capacity: 2 * dimension) { ketValues in
        matrixReal.withUnsafeBufferPointer { mr in
          matrixImaginary.withUnsafeBufferPointer { mi in
            offsets.withUnsafeBufferPointer { offsets in
              for group in range {
                // The group's index with a 0 at each target: insert the zero bits, lowest first.
                var base = group
                for target in sortedTargets { base = (base >> target) << (target + 1) | (base & ((1 << target) - 1)) }
                guard base & controlMask == controlMask else { continue }
                for column in 0..<dimension {
                  let index = 2 &* (base | offsets[column])
                  ketValues[2 * column] = Double(ket[index])
                  ketValues[2 * column + 1] = Double(ket[index &+ 1])
                }
                for row in 0..<dimension {
                  var re = 0.0, im = 0.0
                  for column in 0..<dimension {
                    let a = mr[row &* dimension &+ column], b = mi[row &* dimension &+ column]
                    let x = ketValues[2 * column], y = ketValues[2 * column + 1]
                    re += a * x - b * y
                    im += a * y + b * x
                  }
                  // conj(bra) · value
                  let index = 2 &* (base | offsets[row])
                  let braReal = Double(bra[index]), braImaginary = Double(bra[index &+ 1])
                  real += braReal * re + braImaginary * im
                  imaginary += braReal * im - braImaginary * re
                }
              }
            }
          }
        }
      }
      sums.withLock { $0.append(Complex(real, imaginary)) }
    }
    // Summed in a fixed order, so that a result does not depend on which thread finished first.
    return sums.withLock { parts in
      parts.sorted { ($0.real, $0.imaginary) < ($1.real, $1.imaginary) }.reduce(.zero, +)
    }
  }

  /// ``braket(_:_:targets:controlMask:_:qubitCount:threads:)`` for one target t ≥ 2 with every
  /// control above it: the pairs come in contiguous runs of 2^t amplitudes, over which the
  /// four sums Σ conj(λₐ) ψ_b (a, b = 0, 1) are SIMD dot products; the matrix enters once at
  /// the end. Runs whose controls are not all 1 are skipped unread.
  ///
  /// - Complexity: one read of both states where the controls are 1, at memory speed.
  @_specialize(where S == Double)
  @_specialize(where S == Float)
  static func braketOneTarget<S: AmplitudeScalar>(
    _ bra: UnsafePointer<S>, _ matrix: [Complex<Double>], target: Int, controlMask: Int, _ ket: UnsafePointer<S>,
    qubitCount: Int, threads: Int
  ) -> Complex<Double> {
    let stride = 1 << target
    let sums = Mutex<[[Complex<Double>]]>([])
    ParallelLoop.forEachChunk(count: 1 << (qubitCount - target - 1), threads: threads, minimumPerThread: Swift.max(1, (1 << 17) >> target)) {
      runs in
      // Lanes hold (re, im) pairs: conj(l)·p has real part Σ l·p and imaginary part Σ (l·swap(p)) with alternating signs.
      var totals = [Complex<Double>](repeating: .zero, count: 4)
      let even = SIMD8<S>(1, 0, 1, 0, 1, 0, 1, 0)
      let bytes = 8 &* MemoryLayout<S>.stride
      for run in runs {
        let start = run << (target + 1)
        guard start & controlMask == controlMask else { continue }
        let l0 = UnsafeRawPointer(bra + 2 &* start), l1 = UnsafeRawPointer(bra + 2 &* (start &+ stride))
        let p0 = UnsafeRawPointer(ket + 2 &* start), p1 = UnsafeRawPointer(ket + 2 &* (start &+ stride))
        var r00 = SIMD8<S>(), r01 = SIMD8<S>(), r10 = SIMD8<S>(), r11 = SIMD8<S>()
        var s00 = SIMD8<S>(), s01 = SIMD8<S>(), s10 = SIMD8<S>(), s11 = SIMD8<S>()
        var offset = 0
        let end = 2 &* stride &* MemoryLayout<S>.stride
        while offset < end {
          let a0 = l0.loadUnaligned(fromByteOffset: offset, as: SIMD8<S>.self)
          let a1 = l1.loadUnaligned(fromByteOffset: offset, as: SIMD8<S>.self)
          let b0 = p0.loadUnaligned(fromByteOffset: offset, as: SIMD8<S>.self)
          let b1 = p1.loadUnaligned(fromByteOffset: offset, as: SIMD8<S>.self)
          let c0 = b0.swappedRealImaginary, c1 = b1.swappedRealImaginary
          r00 = r00.addingRelaxedProduct(a0, b0)
          s00 = s00.addingRelaxedProduct(a0, c0)
          r01 = r01.addingRelaxedProduct(a0, b1)
          s01 = s01.addingRelaxedProduct(a0, c1)
          r10 = r10.addingRelaxedProduct(a1, b0)
          s10 = s10.addingRelaxedProduct(a1, c0)
          r11 = r11.addingRelaxedProduct(a1, b1)
          s11 = s11.addingRelaxedProduct(a1, c1)
          offset &+= bytes
        }
        // Folded into Double every run, so that Float sums stay accurate.
        func fold(_ real: SIMD8<S>, _ swapped: SIMD8<S>) -> Complex<Double> {
          Complex(Double(real.sum()), Double((swapped * even).sum() - (swapped * (1 - even)).sum()))
        }
        totals[0] += fold(r00, s00)
        totals[1] += fold(r01, s01)
        totals[2] += fold(r10, s10)
        totals[3] += fold(r11, s11)
      }
      sums.withLock { $0.append(totals) }
    }
    // Σ_ab d_ab · Σ conj(λ_a) ψ_b, the parts summed in a fixed order.
    let parts = sums.withLock { $0 }.sorted { ($0[0].real, $0[0].imaginary) < ($1[0].real, $1[0].imaginary) }
    var result = Complex<Double>.zero
    for part in parts {
      result += matrix[0] * part[0] + matrix[1] * part[1] + matrix[2] * part[2] + matrix[3] * part[3]
    }
    return result
  }
}
