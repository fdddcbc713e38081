import ComplexModule

extension StateKernels {
  /// Applies a dense matrix one amplitude at a time.
  ///
  /// The path for states smaller than one vector and for more than five targets, where
  /// the `4^k` arithmetic, not the memory access, sets the time.
  ///
  /// - Complexity: O(4^k · 2^n / 2^c) for k targets and c controls.
  static func applyDenseScalar<S: AmplitudeScalar>(
    _ matrix: [Complex<Double>], targets: [Int], controlMask: Int,
    to amplitudes: UnsafeMutablePointer<S>, qubitCount: Int
  ) {
    let dimension = 1 << targets.count
    var targetMask = 0
    for target in targets { targetMask |= 1 << target }
    let fixedMask = targetMask | controlMask
    withUnsafeTemporaryAllocation(of: Int.self, capacity: dimension) { offsets in
      for column in 0..<dimension {
        var offset = 0
        for (bit, target) in targets.enumerated() where column >> bit & 1 == 1 {
          offset |= 1 << target
        }
        offsets[column] = offset
      }
      withUnsafeTemporaryAllocation(of: Complex<Double>.self, capacity: dimension) { inputs in
        let groupCount = 1 << (qubitCount - fixedMask.nonzeroBitCount)
        for group in 0..<groupCount {
          var base = group
          var remaining = fixedMask
          while remaining != 0 {
            let below = (remaining & (0 &- remaining)) &- 1
            base = ((base & ~below) &<< 1) | (base & below)
            remaining &= remaining &- 1
          }
          base |= controlMask
          for column in 0..<dimension {
            let index = 2 &* (base | offsets[column])
            inputs[column] = Complex(Double(amplitudes[index]), Double(amplitudes[index &+ 1]))
          }
          for row in 0..<dimension {
            var sum = Complex<Double>.zero
            for column in 0..<dimension {
              sum += matrix[row &* dimension &+ column] * inputs[column]
            }
            let index = 2 &* (base | offsets[row])
            amplitudes[index] = S(sum.real)
            amplitudes[index &+ 1] = S(sum.imaginary)
          }
        }
      }
    }
  }
}
