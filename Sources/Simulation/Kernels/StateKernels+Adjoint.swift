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
  static func applyPauliSum<S: AmplitudeScalar>(
    _ terms: [PauliTerm], from source: UnsafePointer<S>, to target: UnsafeMutablePointer<S>, qubitCount: Int, threads: Int
  ) {
    ParallelLoop.forEachChunk(count: 1 << qubitCount, threads: threads, minimumPerThread: 1 << 17) { range in
      for i in range {
        var sum = Complex<Double>.zero
        for term in terms {
          // (Pψ)ᵢ = phase · (−1)^popcount((i ⊕ flip) & sign) · ψ_{i ⊕ flip}
          let j = i ^ term.flipMask
          let sign: Double = (j & term.signMask).nonzeroBitCount & 1 == 0 ? 1 : -1
          let amplitude = Complex(Double(source[2 &* j]), Double(source[2 &* j &+ 1]))
          sum += Complex(sign * term.coefficient) * term.phase * amplitude
        }
        target[2 &* i] = S(sum.real)
        target[2 &* i &+ 1] = S(sum.imaginary)
      }
    }
  }

  /// ⟨bra| M |ket⟩ for a matrix M on `targets` (row-major, bit i of an index for
  /// `targets[i]`) acting where every qubit of `controlMask` is 1, and as zero elsewhere:
  /// the derivative of a controlled gate. Nothing is written.
  ///
  /// - Complexity: one read of both states where the controls are 1; O(4^k) per group of
  ///   2^k amplitudes.
  static func braket<S: AmplitudeScalar>(
    _ bra: UnsafePointer<S>, _ matrix: [Complex<Double>], targets: [Int], controlMask: Int, _ ket: UnsafePointer<S>,
    qubitCount: Int, threads: Int
  ) -> Complex<Double> {
    let dimension = 1 << targets.count
    let offsets = (0..<dimension).map { value in
      targets.enumerated().reduce(0) { $0 | (value >> $1.offset & 1) << $1.element }
    }
    let fixed = targets.reduce(controlMask) { $0 | 1 << $1 }
    let free = (0..<qubitCount).filter { fixed >> $0 & 1 == 0 }
    let sums = Mutex<[Complex<Double>]>([])
    ParallelLoop.forEachChunk(count: 1 << free.count, threads: threads, minimumPerThread: Swift.max(1, (1 << 16) >> targets.count)) { range in
      var total = Complex<Double>.zero
      var amplitudes = [Complex<Double>](repeating: .zero, count: dimension)
      for group in range {
        var base = controlMask
        for (bit, qubit) in free.enumerated() { base |= (group >> bit & 1) << qubit }
        for k in 0..<dimension {
          let index = base | offsets[k]
          amplitudes[k] = Complex(Double(ket[2 &* index]), Double(ket[2 &* index &+ 1]))
        }
        for row in 0..<dimension {
          var value = Complex<Double>.zero
          for column in 0..<dimension { value += matrix[row * dimension + column] * amplitudes[column] }
          let index = base | offsets[row]
          total += Complex(Double(bra[2 &* index]), -Double(bra[2 &* index &+ 1])) * value
        }
      }
      sums.withLock { $0.append(total) }
    }
    // Summed in a fixed order, so that a result does not depend on which thread finished first.
    return sums.withLock { parts in
      parts.sorted { ($0.real, $0.imaginary) < ($1.real, $1.imaginary) }.reduce(.zero, +)
    }
  }
}
