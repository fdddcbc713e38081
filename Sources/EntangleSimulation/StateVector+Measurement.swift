extension StateVector {
  /// The probability of each basis state, |aᵢ|², index i = basis state i (little-endian).
  ///
  /// - Complexity: one pass; allocates 2^n `Double`s.
  @_specialize(where Scalar == Double)
  @_specialize(where Scalar == Float)
  public func probabilities() -> [Double] {
    let base = UnsafePointer(buffer.base)
    return [Double](unsafeUninitializedCapacity: count) { output, initialized in
      let out = output.baseAddress!
      ParallelLoop.forEachChunk(count: count, threads: threadCount, minimumPerThread: Self.reductionChunk) { range in
        for i in range {
          let re = Double(base[2 * i]), im = Double(base[2 * i + 1])
          out[i] = re * re + im * im
        }
      }
      initialized = count
    }
  }

  /// The marginal distribution of `qubits`: entry j is the probability that qubit `qubits[i]` reads bit i of j.
  ///
  /// - Complexity: one pass; allocates 2^k `Double`s for k qubits.
  /// - Throws: ``SimulationError/qubitOutOfRange(qubit:qubitCount:)``, ``SimulationError/repeatedQubit(_:)``.
  @_specialize(where Scalar == Double)
  @_specialize(where Scalar == Float)
  public func probabilities(of qubits: [Int]) throws(SimulationError) -> [Double] {
    try validate(qubits: qubits)
    var marginal = [Double](repeating: 0, count: 1 << qubits.count)
    let base = buffer.base
    for i in 0..<count {
      var outcome = 0
      for (position, qubit) in qubits.enumerated() where i >> qubit & 1 == 1 { outcome |= 1 << position }
      let re = Double(base[2 * i]), im = Double(base[2 * i + 1])
      marginal[outcome] += re * re + im * im
    }
    return marginal
  }

  /// The probability that `qubit` reads 1.
  ///
  /// - Complexity: one pass over the half of the state where the qubit is 1.
  /// - Throws: ``SimulationError/qubitOutOfRange(qubit:qubitCount:)``.
  public func probabilityOfOne(_ qubit: Int) throws(SimulationError) -> Double {
    try validate(qubits: [qubit])
    return probabilityOfOneUnchecked(qubit)
  }

  @_specialize(where Scalar == Double)
  @_specialize(where Scalar == Float)
  func probabilityOfOneUnchecked(_ qubit: Int) -> Double {
    let low = 1 << qubit
    return parallelSum(count: count / 2) { range, scalars in
      var sum = 0.0
      for j in range {
        let i = (j >> qubit) << (qubit + 1) | low | (j & (low - 1))
        sum += Double(scalars[2 * i] * scalars[2 * i] + scalars[2 * i + 1] * scalars[2 * i + 1])
      }
      return sum
    }
  }

  /// Measures `qubit` in the computational basis and collapses the state onto the outcome.
  ///
  /// - Returns: 0 or 1.
  /// - Complexity: two passes.
  /// - Throws: ``SimulationError/qubitOutOfRange(qubit:qubitCount:)``.
  public mutating func measure(_ qubit: Int, using generator: inout some RandomNumberGenerator) throws(SimulationError) -> Int {
    try validate(qubits: [qubit])
    return measureUnchecked(qubit, using: &generator)
  }

  /// Sets `qubit` to |0⟩: measures it and flips it when it read 1 (as Qiskit Aer does).
  ///
  /// - Throws: ``SimulationError/qubitOutOfRange(qubit:qubitCount:)``.
  public mutating func reset(_ qubit: Int, using generator: inout some RandomNumberGenerator) throws(SimulationError) {
    try validate(qubits: [qubit])
    resetUnchecked(qubit, using: &generator)
  }

  mutating func measureUnchecked(_ qubit: Int, using generator: inout some RandomNumberGenerator) -> Int {
    let one = probabilityOfOneUnchecked(qubit)
    let total = normSquared
    let outcome = Double.random(in: 0..<1, using: &generator) * total < one ? 1 : 0
    let kept = outcome == 1 ? one : total - one
    collapse(qubit, onto: outcome, scale: kept > 0 ? 1 / kept.squareRoot() : 0)
    return outcome
  }

  mutating func resetUnchecked(_ qubit: Int, using generator: inout some RandomNumberGenerator) {
    if measureUnchecked(qubit, using: &generator) == 1 {
      StateKernels.applyPermutation(
        [1, 0], phases: nil, targets: [qubit], controlMask: 0, to: uniqueBase(), qubitCount: qubitCount, threads: threadCount)
    }
  }

  /// Zeroes the amplitudes where `qubit` differs from `outcome` and multiplies the rest by `scale`.
  @_specialize(where Scalar == Double)
  @_specialize(where Scalar == Float)
  private mutating func collapse(_ qubit: Int, onto outcome: Int, scale: Double) {
    let base = uniqueBase()
    let factor = Scalar(scale)
    ParallelLoop.forEachChunk(count: count, threads: threadCount, minimumPerThread: Self.reductionChunk) { range in
      for i in range {
        let keep = i >> qubit & 1 == outcome
        base[2 * i] = keep ? base[2 * i] * factor : 0
        base[2 * i + 1] = keep ? base[2 * i + 1] * factor : 0
      }
    }
  }

  /// Draws `shots` basis states from the state's distribution without changing it
  /// (one simulation, many samples).
  ///
  /// - Returns: the sampled basis-state indices (bit k is qubit k), in the order drawn.
  /// - Complexity: one pass plus O(shots · n).
  /// - Throws: ``SimulationError/invalidCount(_:what:)`` for a negative `shots`.
  public func sample(shots: Int, using generator: inout some RandomNumberGenerator) throws(SimulationError) -> [Int] {
    guard shots >= 0 else { throw .invalidCount(shots, what: "the number of shots") }
    return BasisSampling.draw(shots: shots, from: probabilities(), using: &generator)
  }

  /// Samples `shots` outcomes of `qubits` (default: all) and counts them by bitstring,
  /// with `qubits[0]` (qubit 0 by default) rightmost, as Qiskit prints counts.
  ///
  /// - Throws: ``SimulationError/invalidCount(_:what:)``, ``SimulationError/qubitOutOfRange(qubit:qubitCount:)``.
  public func counts(shots: Int, qubits: [Int]? = nil, seed: UInt64 = 0) throws(SimulationError) -> [String: Int] {
    let measured = qubits ?? Array(0..<qubitCount)
    try validate(qubits: measured)
    var generator = SeededRandomNumberGenerator(seed: seed)
    var result: [String: Int] = [:]
    for index in try sample(shots: shots, using: &generator) {
      var outcome = 0
      for (position, qubit) in measured.enumerated() where index >> qubit & 1 == 1 { outcome |= 1 << position }
      result[BitString.make(outcome, width: measured.count), default: 0] += 1
    }
    return result
  }
}

extension StateVector {
  /// Σ over chunks of `0..<count` of `body`, in parallel above the threading threshold.
  func parallelSum(count: Int, _ body: (Range<Int>, UnsafePointer<Scalar>) -> Double) -> Double {
    let base = UnsafePointer(buffer.base)
    return PartialSums.sum(count: count, threads: threadCount, minimumPerThread: Self.reductionChunk) { body($0, base) }
  }
}
