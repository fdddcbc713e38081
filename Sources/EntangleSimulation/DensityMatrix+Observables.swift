import EntangleCircuits
import ComplexModule

extension DensityMatrix {
  /// The trace Tr ρ = Σᵢ ρ[i, i] (real part), 1 for a state; accumulated in `Double`.
  /// - Complexity: O(2^n).
  public var trace: Double { probabilities().reduce(0, +) }

  /// The purity Tr ρ² = Σ_{r,c} |ρ[r, c]|² (ρ is Hermitian): 1 for a pure state, 1/2^n for the maximally mixed one.
  /// - Complexity: one pass over the 4^n entries.
  public var purity: Double {
    parallelSum(count: buffer.count) { range, scalars in
      var sum = 0.0
      for i in range { sum += Double(scalars[2 * i] * scalars[2 * i] + scalars[2 * i + 1] * scalars[2 * i + 1]) }
      return sum
    }
  }

  /// Tr(ρH) for a weighted sum of Pauli strings H = Σ cₖ Pₖ (qubit k of each string acts on qubit k).
  ///
  /// Each term is Σₐ ρ[a, a ⊕ x] · i^y · (−1)^popcount(a & z) with the string's bit masks
  /// (P|a⟩ = i^y (−1)^popcount(a & z) |a ⊕ x⟩); the real part is kept.
  /// - Complexity: O(2^n) per term; no copy of ρ.
  /// - Throws: ``SimulationError/qubitOutOfRange(qubit:qubitCount:)`` when a string names a qubit ρ lacks.
  public func expectation(of observable: PauliSum) throws(SimulationError) -> Double {
    let base = buffer.base
    let dimension = dimension
    var total = 0.0
    for term in observable.terms {
      if let qubit = term.pauli.qubits.last, qubit >= qubitCount {
        throw .qubitOutOfRange(qubit: qubit, qubitCount: qubitCount)
      }
      let masks = term.pauli.bitMasks
      var real = 0.0, imaginary = 0.0
      for a in 0..<dimension {
        let index = a + (a ^ masks.xMask) * dimension
        let sign: Double = (a & masks.zMask).nonzeroBitCount & 1 == 0 ? 1 : -1
        real += sign * Double(base[2 * index])
        imaginary += sign * Double(base[2 * index + 1])
      }
      total += term.coefficient * (masks.phase.real * real - masks.phase.imaginary * imaginary)
    }
    return total
  }

  /// Tr(ρP) for one Pauli string P (qubit k of P acts on qubit k).
  ///
  /// - Complexity: O(2^n).
  /// - Throws: ``SimulationError/qubitOutOfRange(qubit:qubitCount:)``.
  public func expectation(of pauli: PauliString) throws(SimulationError) -> Double {
    try expectation(of: PauliSum([PauliSum.Term(1, pauli)]))
  }

  /// The fidelity ⟨ψ|ρ|ψ⟩ with a pure state (the overlap probability; 1 when ρ = |ψ⟩⟨ψ|).
  ///
  /// - Complexity: O(4^n).
  /// - Throws: ``SimulationError/sizeMismatch(expected:actual:what:)`` when the qubit counts differ.
  public func fidelity(with state: StateVector<Scalar>) throws(SimulationError) -> Double {
    guard state.qubitCount == qubitCount else {
      throw .sizeMismatch(expected: qubitCount, actual: state.qubitCount, what: "state compared with a density matrix")
    }
    let psi = state.buffer.base
    let base = buffer.base
    let dimension = dimension
    var real = 0.0
    for c in 0..<dimension {
      // (ρψ)_r summed against conj(ψ_r), one column at a time.
      let cr = Double(psi[2 * c]), ci = Double(psi[2 * c + 1])
      for r in 0..<dimension {
        let index = r + c * dimension
        let er = Double(base[2 * index]), ei = Double(base[2 * index + 1])
        let rr = Double(psi[2 * r]), ri = -Double(psi[2 * r + 1])
        // Re(conj(ψ_r) · ρ[r, c] · ψ_c)
        let pr = er * cr - ei * ci, pi = er * ci + ei * cr
        real += rr * pr - ri * pi
      }
    }
    return real
  }

  /// The largest register ``fidelity(with:)-(DensityMatrix)`` takes: its eigendecompositions cost O(8^n).
  public static var maximumFidelityQubitCount: Int { 6 }

  /// The Uhlmann fidelity (Tr √(√ρ σ √ρ))² with another density matrix σ (Nielsen & Chuang eq. 9.53, squared
  /// convention: 1 for equal states, |⟨ψ|φ⟩|² for pure ones).
  ///
  /// √ρ and the eigenvalues of √ρ σ √ρ come from Jacobi eigendecompositions of the real 2^(n+1)-dimensional
  /// embeddings of the Hermitian matrices, so this is for small registers (at most
  /// ``maximumFidelityQubitCount`` qubits). Eigenvalues below 1e-13 of the largest count as 0: rounding leaves
  /// ~1e-16 where a rank-deficient matrix has 0, and its square root would add ~1e-8 per eigenvalue. So the
  /// result is accurate to about 1e-10 for pure or low-rank states, and true eigenvalues below that cutoff
  /// (each worth at most ~3e-7 of √) are dropped.
  /// - Complexity: O(8^n) time, O(4^n) memory.
  /// - Throws: ``SimulationError/sizeMismatch(expected:actual:what:)`` when the qubit counts differ;
  ///   ``SimulationError/tooManyQubits(_:maximum:what:)`` above ``maximumFidelityQubitCount``.
  public func fidelity(with other: DensityMatrix) throws(SimulationError) -> Double {
    guard other.qubitCount == qubitCount else {
      throw .sizeMismatch(expected: qubitCount, actual: other.qubitCount, what: "density matrices compared")
    }
    guard qubitCount <= Self.maximumFidelityQubitCount else {
      throw .tooManyQubits(qubitCount, maximum: Self.maximumFidelityQubitCount, what: "the fidelity of two density matrices")
    }
    let d = dimension
    let rho = HermitianEigensystem.doubleElements(elements)
    let sigma = HermitianEigensystem.doubleElements(other.elements)
    let root = HermitianEigensystem.apply({ $0.squareRoot() }, to: rho, dimension: d, cutoff: Self.eigenvalueCutoff)
    let product = HermitianEigensystem.multiply(HermitianEigensystem.multiply(root, sigma, d), root, d)
    let values = HermitianEigensystem.eigenvalues(of: product, dimension: d)
    let floor = Self.eigenvalueCutoff * (values.max() ?? 0)
    // Each eigenvalue of the complex matrix appears twice in its real embedding.
    let sum = values.reduce(0.0) { $0 + ($1 > floor ? $1.squareRoot() : 0) } / 2
    return Swift.min(sum * sum, 1)
  }

  /// Eigenvalues below this fraction of the largest are taken as rounding noise in ``fidelity(with:)-(DensityMatrix)``.
  static var eigenvalueCutoff: Double { 1e-13 }

  /// The reduced density matrix of `qubits`, tracing out the others: ρ_A[r, c] = Σ_t ρ[r ⊗ t, c ⊗ t].
  ///
  /// The kept qubits are numbered in **ascending order** whatever the order given: the smallest kept qubit is
  /// qubit 0 of the result.
  /// - Complexity: O(4^k · 2^(n−k)) for k kept qubits; allocates the k-qubit matrix.
  /// - Throws: ``SimulationError/qubitOutOfRange(qubit:qubitCount:)``, ``SimulationError/repeatedQubit(_:)``,
  ///   ``SimulationError/invalidCount(_:what:)`` when no qubit is kept,
  ///   ``SimulationError/insufficientMemory(qubits:bytesNeeded:bytesAvailable:)``.
  public func partialTrace(keeping qubits: [Int]) throws(SimulationError) -> DensityMatrix {
    try validate(qubits: qubits)
    guard !qubits.isEmpty else { throw .invalidCount(0, what: "the number of kept qubits") }
    let kept = qubits.sorted()
    let traced = (0..<qubitCount).filter { !kept.contains($0) }
    var result = try DensityMatrix(zeroed: kept.count, memoryLimit: .available)
    result.threadCount = threadCount
    let base = buffer.base
    let out = result.buffer.base
    let dimension = dimension
    let keptDimension = 1 << kept.count
    let tracedOffsets = (0..<1 << traced.count).map { Self.scatter($0, into: traced) }
    for column in 0..<keptDimension {
      let c = Self.scatter(column, into: kept)
      for row in 0..<keptDimension {
        let r = Self.scatter(row, into: kept)
        var real = Scalar.zero, imaginary = Scalar.zero
        for t in tracedOffsets {
          let index = (r | t) + (c | t) * dimension
          real += base[2 * index]
          imaginary += base[2 * index + 1]
        }
        let target = row + column * keptDimension
        out[2 * target] = real
        out[2 * target + 1] = imaginary
      }
    }
    return result
  }

  /// The index with bit i of `packed` at bit `qubits[i]`.
  static func scatter(_ packed: Int, into qubits: [Int]) -> Int {
    var index = 0
    for (position, qubit) in qubits.enumerated() where packed >> position & 1 == 1 { index |= 1 << qubit }
    return index
  }
}
