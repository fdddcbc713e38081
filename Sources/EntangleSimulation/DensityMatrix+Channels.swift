import EntangleCircuits
import ComplexModule

extension DensityMatrix {
  /// Applies the channel with Kraus operators `operators` to `qubits`: ρ → Σₖ KₖρKₖ†.
  ///
  /// Each Kₖ is a 2^m × 2^m matrix on the m qubits, row-major, little-endian over `qubits`
  /// (bit i of a row or column index is `qubits[i]`), as ``Circuits/Matrix`` and ``Circuits/Gate/unitary(_:)`` are.
  /// On one or two qubits the channel runs as one superoperator step (Σₖ Kₖ ⊗ conj(Kₖ) on the row and
  /// column copies of the qubits) in a single pass. On more, each operator runs on a copy of ρ through the
  /// state-vector kernels (Kₖ on the row qubits, conj(Kₖ) on the column qubits), and the copies are summed;
  /// the last runs in place.
  ///
  /// - Parameter checkingTracePreservation: whether to refuse a set whose Σₖ Kₖ†Kₖ differs from the identity by
  ///   more than ``KrausChannel/traceTolerance`` (1e-10) in some entry, as ``KrausChannel`` does; pass `false`
  ///   for a trace-decreasing map.
  /// - Complexity: one pass over the 4^n entries on one or two qubits; otherwise 2 passes per operator plus
  ///   one to sum, and two extra matrices of memory (none with a single operator).
  /// - Throws: ``SimulationError/qubitOutOfRange(qubit:qubitCount:)``, ``SimulationError/repeatedQubit(_:)``,
  ///   ``SimulationError/invalidKrausOperators(_:)`` for an empty set, ``SimulationError/sizeMismatch(expected:actual:what:)``
  ///   for an operator on another number of qubits than `qubits`, ``SimulationError/notTracePreserving(deviation:tolerance:)``,
  ///   and ``SimulationError/insufficientMemory(qubits:bytesNeeded:bytesAvailable:)`` when the copies do not fit.
  public mutating func applyKraus(_ operators: [Matrix], to qubits: [Int], checkingTracePreservation: Bool = true)
    throws(SimulationError)
  {
    try validate(qubits: qubits)
    guard !operators.isEmpty else { throw .invalidKrausOperators("a channel needs at least one operator") }
    for (position, kraus) in operators.enumerated() where kraus.dimension != 1 << qubits.count {
      throw .sizeMismatch(
        expected: qubits.count, actual: kraus.dimension.trailingZeroBitCount, what: "Kraus operator \(position)")
    }
    if checkingTracePreservation { _ = try KrausChannel(krausOperators: operators) }
    try applyKrausUnchecked(operators, to: qubits)
  }

  /// Applies `channel` to `qubits` exactly: ρ → Σₖ KₖρKₖ†, `qubits[i]` being the channel's qubit i.
  ///
  /// - Complexity: as ``applyKraus(_:to:checkingTracePreservation:)``.
  /// - Throws: ``SimulationError/qubitOutOfRange(qubit:qubitCount:)``, ``SimulationError/repeatedQubit(_:)``,
  ///   ``SimulationError/sizeMismatch(expected:actual:what:)`` when the channel has another number of qubits,
  ///   ``SimulationError/insufficientMemory(qubits:bytesNeeded:bytesAvailable:)``.
  public mutating func apply(_ channel: KrausChannel, to qubits: [Int]) throws(SimulationError) {
    try validate(qubits: qubits)
    guard qubits.count == channel.qubitCount else {
      throw .sizeMismatch(expected: channel.qubitCount, actual: qubits.count, what: "qubits given to a channel")
    }
    try applyKrausUnchecked(channel.krausOperators, to: qubits)
  }

  /// ρ → Σₖ KₖρKₖ† for a non-empty set of operators sized for valid `qubits`.
  ///
  /// On one or two qubits the channel runs as its superoperator S = Σₖ Kₖ ⊗ conj(Kₖ), one dense
  /// (or diagonal) step on the row and column copies of the qubits: a single pass over ρ,
  /// where the copies took two passes per operator (16 operators for two-qubit depolarizing).
  mutating func applyKrausUnchecked(_ operators: [Matrix], to qubits: [Int]) throws(SimulationError) {
    if operators.count > 1 && qubits.count <= 2 {
      let k = qubits.count, d = 1 << k, size = d * d
      var superoperator = [Complex<Double>](repeating: .zero, count: size * size)
      for kraus in operators {
        let m = kraus.elements
        // vec index = row | column << k, as ρ's buffer: S[(r', c'), (r, c)] = Σ K[r', r] · conj(K[c', c]).
        for outRow in 0..<d {
          for outColumn in 0..<d {
            for inRow in 0..<d where m[outRow * d + inRow] != .zero {
              for inColumn in 0..<d {
                superoperator[(outRow | outColumn << k) * size + (inRow | inColumn << k)] +=
                  m[outRow * d + inRow] * m[outColumn * d + inColumn].conjugate
              }
            }
          }
        }
      }
      let step = ExecutionPlan.classify(
        superoperator, dimension: size, targets: qubits + qubits.map { $0 + qubitCount }, controlMask: 0)
      StateKernels.apply(step, to: uniqueBase(), qubitCount: 2 * qubitCount, threads: threadCount)
      return
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

  /// `target` += `source`, entry by entry.
  static func add(_ source: AmplitudeBuffer<Scalar>, into target: AmplitudeBuffer<Scalar>, threads: Int) {
    let from = UnsafePointer(source.base)
    let to = target.base
    ParallelLoop.forEachChunk(count: 2 * target.count, threads: threads, minimumPerThread: 2 * reductionChunk) { range in
      for i in range { to[i] += from[i] }
    }
  }
}
