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
    if let lowest = targets.min(), lowest >= 2, (controlMask >> lowest) << lowest == controlMask {
      return braketInRuns(bra, matrix, targets: targets, controlMask: controlMask, ket, qubitCount: qubitCount, threads: threads)
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

  /// ``braket(_:_:targets:controlMask:_:qubitCount:threads:)`` when every target is at least 2
  /// and every control above the lowest target t: the amplitudes then come in contiguous
  /// runs of 2^t over which the target and control bits are fixed, so ⟨λ|M|ψ⟩ is
  /// Σ_ab M_ab · Σ_runs conj(λ_a)·ψ_b, each inner sum a SIMD dot product over a run in cache,
  /// for the entries M_ab that are not zero (only a = b for a diagonal). Runs whose controls
  /// are not all 1 are skipped unread.
  ///
  /// - Complexity: one read of both states where the controls are 1, at memory speed.
  @_specialize(where S == Double)
  @_specialize(where S == Float)
  static func braketInRuns<S: AmplitudeScalar>(
    _ bra: UnsafePointer<S>, _ matrix: [Complex<Double>], targets: [Int], controlMask: Int, _ ket: UnsafePointer<S>,
    qubitCount: Int, threads: Int
  ) -> Complex<Double> {
    let dimension = 1 << targets.count
    let sortedTargets = targets.sorted()
    let run = 1 << sortedTargets[0]
    let offsets = (0..<dimension).map { value in
      targets.enumerated().reduce(0) { $0 | (value >> $1.offset & 1) << $1.element }
    }
    let entries = (0..<dimension * dimension).filter { matrix[$0] != .zero }
    let groups = 1 << (qubitCount - targets.count - sortedTargets[0])
    let sums = Mutex<[Complex<Double>]>([])
    ParallelLoop.forEachChunk(count: groups, threads: threads, minimumPerThread: Swift.max(1, (1 << 17) / (run * dimension))) {
      range in
      var total = Complex<Double>.zero
      for group in range {
        var base = group << sortedTargets[0]
        for target in sortedTargets { base = (base >> target) << (target + 1) | (base & ((1 << target) - 1)) }
        guard base & controlMask == controlMask else { continue }
        for entry in entries {
          let row = entry / dimension, column = entry % dimension
          total += matrix[entry] * conjugateDot(bra + 2 &* (base | offsets[row]), ket + 2 &* (base | offsets[column]), count: run)
        }
      }
      sums.withLock { $0.append(total) }
    }
    // Summed in a fixed order, so that a result does not depend on which thread finished first.
    return sums.withLock { parts in
      parts.sorted { ($0.real, $0.imaginary) < ($1.real, $1.imaginary) }.reduce(.zero, +)
    }
  }

  /// Σ conj(aᵢ) bᵢ over `count` interleaved amplitudes (a multiple of 4), eight scalars at a
  /// time: conj(a)·b has real part Σ a·b over all scalars and imaginary part the alternating
  /// sum of a·swap(b).
  @inline(__always)
  static func conjugateDot<S: AmplitudeScalar>(_ a: UnsafePointer<S>, _ b: UnsafePointer<S>, count: Int) -> Complex<Double> {
    let even = SIMD8<S>(1, 0, 1, 0, 1, 0, 1, 0)
    var real = SIMD8<S>(), swapped = SIMD8<S>()
    let rawA = UnsafeRawPointer(a), rawB = UnsafeRawPointer(b)
    let bytes = 8 &* MemoryLayout<S>.stride
    var offset = 0
    let end = 2 &* count &* MemoryLayout<S>.stride
    while offset < end {
      let x = rawA.loadUnaligned(fromByteOffset: offset, as: SIMD8<S>.self)
      let y = rawB.loadUnaligned(fromByteOffset: offset, as: SIMD8<S>.self)
      real = real.addingRelaxedProduct(x, y)
      swapped = swapped.addingRelaxedProduct(x, y.swappedRealImaginary)
      offset &+= bytes
    }
    return Complex(Double(real.sum()), Double((swapped * even).sum() - (swapped * (1 - even)).sum()))
  }
}
