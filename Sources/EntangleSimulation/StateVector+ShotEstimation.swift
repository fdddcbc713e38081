import EntangleCircuits

extension StateVector {
  /// An estimate of ⟨ψ|H|ψ⟩ from simulated measurements, as a device would give it, with its
  /// standard error.
  ///
  /// The terms of `observable` are split into qubit-wise commuting groups
  /// (``PauliSum/qubitWiseCommutingGroups()``). For each group that measures at least one qubit, a
  /// copy of the state is rotated so that every measured qubit is read in the Z basis (H for X;
  /// S† then H for Y) and `shots` outcomes are sampled; a term's estimate is the mean of its
  /// parity (−1)^(number of its qubits that read 1). **Shots are per group**: the run samples
  /// `shots` × (number of groups with a non-identity term) outcomes in all. Identity terms are not
  /// sampled: they contribute coefficient × ⟨ψ|ψ⟩ exactly.
  ///
  /// The standard error is √(Σ_g s_g² / shots), where s_g² is the sample variance (divisor
  /// shots − 1) of the per-shot value Σ cₖ (±1) of group g: it accounts for the correlation of
  /// terms measured on the same shots, and is 0 when only identity terms are present or every
  /// shot of every group gives the same value. The generator is seeded with `seed` and groups are
  /// sampled in order, so the same seed gives the same estimate.
  /// - Complexity: per group, one copy and one basis-change pass over the state, one pass to
  ///   sample, and O(shots · terms in the group).
  /// - Throws: ``SimulationError/invalidCount(_:what:)`` when `shots` ≤ 0;
  ///   ``SimulationError/qubitOutOfRange(qubit:qubitCount:)`` when a term names a qubit the state lacks.
  public func estimatedExpectation(of observable: PauliSum, shots: Int, seed: UInt64 = 0)
    throws(SimulationError) -> (value: Double, standardError: Double)
  {
    guard shots > 0 else { throw .invalidCount(shots, what: "the number of shots") }
    for term in observable.terms {
      if let qubit = term.pauli.qubits.last, qubit >= qubitCount {
        throw .qubitOutOfRange(qubit: qubit, qubitCount: qubitCount)
      }
    }
    var generator = SeededRandomNumberGenerator(seed: seed)
    var value = 0.0
    var variance = 0.0
    for group in observable.qubitWiseCommutingGroups() {
      let identity = group.terms.filter { $0.pauli.operators.isEmpty }
      let measured = group.terms.filter { !$0.pauli.operators.isEmpty }
      value += identity.reduce(0) { $0 + $1.coefficient } * normSquared
      guard !measured.isEmpty else { continue }
      let outcomes = try rotatedToZBasis(for: measured).sample(shots: shots, using: &generator)
      let masks = measured.map { $0.pauli.qubits.reduce(0) { $0 | 1 << $1 } }
      // Welford's running mean and variance of the per-shot value of the group.
      var mean = 0.0, sumOfSquares = 0.0
      for (index, outcome) in outcomes.enumerated() {
        var shotValue = 0.0
        for (term, mask) in zip(measured, masks) {
          shotValue += (outcome & mask).nonzeroBitCount & 1 == 0 ? term.coefficient : -term.coefficient
        }
        let delta = shotValue - mean
        mean += delta / Double(index + 1)
        sumOfSquares += delta * (shotValue - mean)
      }
      value += mean
      if shots > 1 { variance += sumOfSquares / Double(shots - 1) / Double(shots) }
    }
    return (value, variance.squareRoot())
  }

  /// A copy of the state with each qubit measured by `terms` turned so that its Pauli is read as Z.
  private func rotatedToZBasis(for terms: [PauliSum.Term]) throws(SimulationError) -> StateVector {
    var basis: [Int: Pauli] = [:]
    for term in terms { basis.merge(term.pauli.operators) { current, _ in current } }
    var operations: [Operation] = []
    for (qubit, pauli) in basis.sorted(by: { $0.key < $1.key }) {
      switch pauli {
      case .x: operations.append(.gate(.h, on: [qubit]))
      case .y: operations += [.gate(.sdg, on: [qubit]), .gate(.h, on: [qubit])]
      case .i, .z: break
      }
    }
    var rotated = self
    guard !operations.isEmpty else { return rotated }
    let circuit: Circuit
    do {
      circuit = try Circuit(qubits: qubitCount, operations: operations)
    } catch {
      throw .circuit(error)
    }
    try rotated.apply(circuit)
    return rotated
  }
}
