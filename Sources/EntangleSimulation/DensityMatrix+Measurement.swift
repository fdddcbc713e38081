extension DensityMatrix {
  /// The probability of each basis state, the diagonal ρ[i, i], index i = basis state i (little-endian).
  ///
  /// - Complexity: O(2^n); allocates 2^n `Double`s.
  public func probabilities() -> [Double] {
    let base = buffer.base
    let stride = dimension + 1
    return (0..<dimension).map { Double(base[2 * $0 * stride]) }
  }

  /// The marginal distribution of `qubits`: entry j is the probability that qubit `qubits[i]` reads bit i of j.
  ///
  /// - Complexity: O(2^n · k) for k qubits.
  /// - Throws: ``SimulationError/qubitOutOfRange(qubit:qubitCount:)``, ``SimulationError/repeatedQubit(_:)``.
  public func probabilities(of qubits: [Int]) throws(SimulationError) -> [Double] {
    try validate(qubits: qubits)
    var marginal = [Double](repeating: 0, count: 1 << qubits.count)
    for (index, probability) in probabilities().enumerated() {
      marginal[Self.gather(index, qubits: qubits)] += probability
    }
    return marginal
  }

  /// The probability that `qubit` reads 1.
  ///
  /// - Complexity: O(2^n).
  /// - Throws: ``SimulationError/qubitOutOfRange(qubit:qubitCount:)``.
  public func probabilityOfOne(_ qubit: Int) throws(SimulationError) -> Double {
    try validate(qubits: [qubit])
    return probabilityOfOneUnchecked(qubit)
  }

  func probabilityOfOneUnchecked(_ qubit: Int) -> Double {
    probabilities().enumerated().reduce(0) { $0 + ($1.offset >> qubit & 1 == 1 ? $1.element : 0) }
  }

  /// Measures `qubit` in the computational basis and collapses ρ onto the outcome m:
  /// ρ → PₘρPₘ / Tr(PₘρPₘ).
  ///
  /// - Returns: 0 or 1.
  /// - Complexity: one pass over the 4^n entries.
  /// - Throws: ``SimulationError/qubitOutOfRange(qubit:qubitCount:)``.
  public mutating func measure(_ qubit: Int, using generator: inout some RandomNumberGenerator) throws(SimulationError)
    -> Int
  {
    try validate(qubits: [qubit])
    let one = probabilityOfOneUnchecked(qubit)
    let total = trace
    let outcome = Double.random(in: 0..<1, using: &generator) * total < one ? 1 : 0
    let kept = outcome == 1 ? one : total - one
    let scale = Scalar(kept > 0 ? 1 / kept : 0)
    let n = qubitCount
    transform { index, re, im in
      let keep = index >> qubit & 1 == outcome && index >> (qubit + n) & 1 == outcome
      re = keep ? re * scale : 0
      im = keep ? im * scale : 0
    }
    return outcome
  }

  /// Sets `qubit` to |0⟩ without reading it: ρ → |0⟩⟨0| ⊗ Tr_q ρ, the channel with Kraus
  /// operators |0⟩⟨0| and |0⟩⟨1| on the qubit. Preserves the trace; entanglement with the qubit is lost.
  ///
  /// - Complexity: one pass over the 4^n entries.
  /// - Throws: ``SimulationError/qubitOutOfRange(qubit:qubitCount:)``.
  public mutating func reset(_ qubit: Int) throws(SimulationError) {
    try validate(qubits: [qubit])
    resetUnchecked(qubit)
  }

  mutating func resetUnchecked(_ qubit: Int) {
    let both = 1 << qubit | 1 << (qubit + qubitCount)
    let base = uniqueBase()
    // Two passes, so that no pass reads an entry it writes: first ρ'[r, c] = ρ[r, c] + ρ[r | q, c | q]
    // where both bits of the qubit are 0, then zeroes the rest.
    transform { index, re, im in
      guard index & both == 0 else { return }
      re += base[2 * (index | both)]
      im += base[2 * (index | both) + 1]
    }
    transform { index, re, im in
      guard index & both != 0 else { return }
      re = 0
      im = 0
    }
  }

  /// The non-selective measurement of `qubit`: ρ → P₀ρP₀ + P₁ρP₁, which zeroes the entries whose
  /// row and column differ on the qubit.
  mutating func dephase(_ qubit: Int) {
    let n = qubitCount
    transform { index, re, im in
      if index >> qubit & 1 != index >> (qubit + n) & 1 {
        re = 0
        im = 0
      }
    }
  }

  /// Rewrites every entry in place, (vectorised index, real, imaginary), in parallel over chunks.
  /// `body` may read other entries only where it does not write them in the same pass.
  mutating func transform(_ body: (Int, inout Scalar, inout Scalar) -> Void) {
    let base = uniqueBase()
    let count = buffer.count
    ParallelLoop.forEachChunk(count: count, threads: threadCount, minimumPerThread: Self.reductionChunk) { range in
      for index in range { body(index, &base[2 * index], &base[2 * index + 1]) }
    }
  }

  /// Draws `shots` basis states from the diagonal of ρ without changing it.
  ///
  /// - Returns: the sampled basis-state indices (bit k is qubit k), in the order drawn.
  /// - Complexity: O(2^n + shots · n).
  /// - Throws: ``SimulationError/invalidCount(_:what:)`` for a negative `shots`.
  public func sample(shots: Int, using generator: inout some RandomNumberGenerator) throws(SimulationError) -> [Int] {
    guard shots >= 0 else { throw .invalidCount(shots, what: "the number of shots") }
    return BasisSampling.draw(shots: shots, from: probabilities(), using: &generator)
  }

  /// Draws `shots` basis states with a generator seeded with `seed`.
  ///
  /// - Returns: the sampled basis-state indices (bit k is qubit k).
  /// - Throws: ``SimulationError/invalidCount(_:what:)`` for a negative `shots`.
  public func sample(shots: Int, seed: UInt64) throws(SimulationError) -> [Int] {
    var generator = SeededRandomNumberGenerator(seed: seed)
    return try sample(shots: shots, using: &generator)
  }

  /// Samples `shots` outcomes of `qubits` (default: all) and counts them by bitstring,
  /// with `qubits[0]` (qubit 0 by default) rightmost, as Qiskit prints counts.
  ///
  /// - Throws: ``SimulationError/invalidCount(_:what:)``, ``SimulationError/qubitOutOfRange(qubit:qubitCount:)``.
  public func counts(shots: Int, qubits: [Int]? = nil, seed: UInt64 = 0) throws(SimulationError) -> [String: Int] {
    let measured = qubits ?? Array(0..<qubitCount)
    try validate(qubits: measured)
    var result: [String: Int] = [:]
    for index in try sample(shots: shots, seed: seed) {
      result[BitString.make(Self.gather(index, qubits: measured), width: measured.count), default: 0] += 1
    }
    return result
  }

  /// The bits of `index` at `qubits`, packed: bit i of the result is bit `qubits[i]` of `index`.
  static func gather(_ index: Int, qubits: [Int]) -> Int {
    var packed = 0
    for (position, qubit) in qubits.enumerated() where index >> qubit & 1 == 1 { packed |= 1 << position }
    return packed
  }
}
