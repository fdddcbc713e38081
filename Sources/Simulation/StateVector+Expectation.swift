import RealModule
import Circuits
import ComplexModule

extension StateVector {
  /// ⟨ψ|P|ψ⟩ for a Pauli string P (qubit k of P acts on qubit k of the state).
  ///
  /// - Complexity: one pass, no copy of the state.
  /// - Throws: ``SimulationError/qubitOutOfRange(qubit:qubitCount:)`` when P names a qubit the state lacks.
  public func expectation(of pauli: PauliString) throws(SimulationError) -> Double {
    try expectation(of: PauliSum([PauliSum.Term(1, pauli)]))
  }

  /// ⟨ψ|H|ψ⟩ for a weighted sum of Pauli strings H = Σ cₖ Pₖ.
  ///
  /// Terms that flip the same qubits (X or Y on the same set) share one pass: in that pass each
  /// term only changes the sign pattern.
  /// - Complexity: one pass per distinct X/Y pattern, no copy of the state.
  /// - Throws: ``SimulationError/qubitOutOfRange(qubit:qubitCount:)``.
  @_specialize(where Scalar == Double)
  @_specialize(where Scalar == Float)
  public func expectation(of observable: PauliSum) throws(SimulationError) -> Double {
    var groups: [Int: [(coefficient: Double, signMask: Int, phase: Complex<Double>)]] = [:]
    var total = 0.0
    for term in observable.terms {
      var flipMask = 0, signMask = 0, yCount = 0
      for (qubit, pauli) in term.pauli.operators {
        guard (0..<qubitCount).contains(qubit) else { throw .qubitOutOfRange(qubit: qubit, qubitCount: qubitCount) }
        switch pauli {
        case .i: break
        case .x: flipMask |= 1 << qubit
        case .z: signMask |= 1 << qubit
        case .y:
          flipMask |= 1 << qubit
          signMask |= 1 << qubit
          yCount += 1
        }
      }
      if flipMask == 0 && signMask == 0 {
        total += term.coefficient * normSquared
        continue
      }
      // P|i⟩ = i^{#Y} (−1)^{popcount(i & signMask)} |i ⊕ flipMask⟩.
      let phase = [Complex<Double>.one, .i, -.one, -.i][yCount % 4]
      groups[flipMask, default: []].append((term.coefficient, signMask, phase))
    }
    for (flipMask, terms) in groups.sorted(by: { $0.key < $1.key }) {
      total += parallelSum(count: count) { range, scalars in
        var sum = 0.0
        for i in range {
          let j = i ^ flipMask
          // conj(ψ_j) · ψ_i
          let re = Double(scalars[2 * j] * scalars[2 * i] + scalars[2 * j + 1] * scalars[2 * i + 1])
          let im = Double(scalars[2 * j] * scalars[2 * i + 1] - scalars[2 * j + 1] * scalars[2 * i])
          for term in terms {
            let sign: Double = (i & term.signMask).nonzeroBitCount & 1 == 0 ? 1 : -1
            sum += term.coefficient * sign * (term.phase.real * re - term.phase.imaginary * im)
          }
        }
        return sum
      }
    }
    return total
  }

  /// ⟨self|other⟩ = Σ conj(aᵢ) bᵢ, accumulated in `Double`.
  ///
  /// - Complexity: one pass over both states.
  /// - Throws: ``SimulationError/sizeMismatch(expected:actual:what:)`` when the qubit counts differ.
  @_specialize(where Scalar == Double)
  @_specialize(where Scalar == Float)
  public func innerProduct(with other: StateVector) throws(SimulationError) -> Complex<Double> {
    guard other.qubitCount == qubitCount else {
      throw .sizeMismatch(expected: qubitCount, actual: other.qubitCount, what: "inner product")
    }
    let b = UnsafePointer(other.buffer.base)
    let real = parallelSum(count: count) { range, a in
      var sum = 0.0
      for i in range { sum += Double(a[2 * i] * b[2 * i] + a[2 * i + 1] * b[2 * i + 1]) }
      return sum
    }
    let imaginary = parallelSum(count: count) { range, a in
      var sum = 0.0
      for i in range { sum += Double(a[2 * i] * b[2 * i + 1] - a[2 * i + 1] * b[2 * i]) }
      return sum
    }
    return Complex(real, imaginary)
  }

  /// The fidelity |⟨self|other⟩|² of two pure states.
  ///
  /// - Throws: ``SimulationError/sizeMismatch(expected:actual:what:)``.
  public func fidelity(with other: StateVector) throws(SimulationError) -> Double {
    try innerProduct(with: other).lengthSquared
  }
}
