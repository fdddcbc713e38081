import Circuits
import ComplexModule

extension DensityMatrix {
  /// Applies the channel with Kraus operators `operators` to `qubits`: ρ → Σₖ KₖρKₖ†.
  ///
  /// Each Kₖ is a 2^m × 2^m matrix on the m qubits, row-major, little-endian over `qubits`
  /// (bit i of a row or column index is `qubits[i]`), as ``Circuits/Matrix`` and ``Circuits/Gate/unitary(_:)`` are.
  /// Each operator runs on a copy of ρ through the state-vector kernels (Kₖ on the row qubits, conj(Kₖ) on the
  /// column qubits), and the copies are summed; the last runs in place.
  ///
  /// - Parameter tolerance: how far Σₖ Kₖ†Kₖ may be from the identity (largest entry of the difference) before
  ///   the set is refused as not trace-preserving; `nil` skips the check (for trace-decreasing maps).
  /// - Complexity: 2 passes over the 4^n entries per operator plus one to sum; two extra matrices of memory
  ///   (one with a single operator).
  /// - Throws: ``SimulationError/qubitOutOfRange(qubit:qubitCount:)``, ``SimulationError/repeatedQubit(_:)``,
  ///   ``SimulationError/invalidCount(_:what:)`` for an empty set, ``SimulationError/sizeMismatch(expected:actual:what:)``
  ///   for an operator on a different number of qubits, ``SimulationError/notTracePreserving(deviation:tolerance:)``,
  ///   and ``SimulationError/insufficientMemory(qubits:bytesNeeded:bytesAvailable:)`` when the copies do not fit.
  public mutating func applyKraus(_ operators: [Matrix], to qubits: [Int], tolerance: Double? = 1e-10)
    throws(SimulationError)
  {
    try validate(qubits: qubits)
    guard !operators.isEmpty, !qubits.isEmpty else {
      throw .invalidCount(operators.isEmpty ? 0 : qubits.count, what: operators.isEmpty ? "the number of Kraus operators" : "the number of qubits")
    }
    for (position, kraus) in operators.enumerated() where kraus.dimension != 1 << qubits.count {
      throw .sizeMismatch(
        expected: qubits.count, actual: kraus.dimension.trailingZeroBitCount, what: "Kraus operator \(position)")
    }
    if let tolerance {
      let deviation = Self.completenessDeviation(operators)
      guard deviation <= tolerance else { throw .notTracePreserving(deviation: deviation, tolerance: tolerance) }
    }
    if operators.count > 1 {
      // The accumulator and one working copy.
      try MemoryLimit.available.check(qubits: 2 * qubitCount + 1, scalar: Scalar.self)
    }
    let steps = operators.map { ExecutionPlan.classify($0.elements, dimension: $0.dimension, targets: qubits, controlMask: 0) }
    var sum: AmplitudeBuffer<Scalar>?
    for step in steps.dropLast() {
      var term = self
      term.buffer = AmplitudeBuffer(copying: buffer)
      term.applyOnBothSides(step)
      if let sum { Self.add(term.buffer, into: sum, threads: threadCount) } else { sum = term.buffer }
    }
    applyOnBothSides(steps[steps.count - 1])
    if let sum { Self.add(sum, into: buffer, threads: threadCount) }
  }

  /// The largest entry of |Σₖ Kₖ†Kₖ − I|.
  static func completenessDeviation(_ operators: [Matrix]) -> Double {
    let dimension = operators[0].dimension
    var deviation = 0.0
    for row in 0..<dimension {
      for column in 0..<dimension {
        var entry: Complex<Double> = row == column ? -.one : .zero
        for kraus in operators {
          let k = kraus.elements
          for inner in 0..<dimension { entry += k[inner * dimension + row].conjugate * k[inner * dimension + column] }
        }
        deviation = Swift.max(deviation, entry.length)
      }
    }
    return deviation
  }

  /// `target` += `source`, entry by entry.
  static func add(_ source: AmplitudeBuffer<Scalar>, into target: AmplitudeBuffer<Scalar>, threads: Int) {
    let from = UnsafePointer(source.base)
    let to = target.base
    ParallelLoop.forEachChunk(count: 2 * target.count, threads: threads, minimumPerThread: 2 * reductionChunk) { range in
      for i in range { to[i] += from[i] }
    }
  }
}
