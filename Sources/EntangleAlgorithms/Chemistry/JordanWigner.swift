import EntangleCircuits
import RealModule
import ComplexModule

/// The Jordan–Wigner mapping of fermionic operators to qubit operators.
///
/// Mode j is qubit j; a†ⱼ = ½ (Xⱼ − iYⱼ) Z_{j−1} ⋯ Z₀ and aⱼ = ½ (Xⱼ + iYⱼ) Z_{j−1} ⋯ Z₀, so an
/// occupied mode is a qubit in |1⟩ and the basis state with index bits n_k is
/// (a†₀)^{n₀} (a†₁)^{n₁} ⋯ |vacuum⟩ (Jordan & Wigner 1928; Seeley, Richard & Love,
/// J. Chem. Phys. 137, 224109 (2012)). This is OpenFermion's `jordan_wigner`.
enum JordanWigner {
  /// A Pauli product in the form X^x Z^z (all X factors to the left of all Z factors), by bit masks.
  struct SymplecticPauli: Hashable {
    var x: Int
    var z: Int

    /// (X^x₁ Z^z₁)(X^x₂ Z^z₂) = (−1)^|z₁ ∧ x₂| X^(x₁⊕x₂) Z^(z₁⊕z₂): moving Z^z₁ past X^x₂ costs a
    /// sign for every qubit where both act.
    static func * (lhs: SymplecticPauli, rhs: SymplecticPauli) -> (sign: Double, product: SymplecticPauli) {
      let sign: Double = (lhs.z & rhs.x).nonzeroBitCount % 2 == 0 ? 1 : -1
      return (sign, SymplecticPauli(x: lhs.x ^ rhs.x, z: lhs.z ^ rhs.z))
    }
  }

  /// The qubit operator of a ladder operator, as two weighted X^x Z^z products.
  ///
  /// Y = iXZ, so a† = ½ (X + XZ) Z_{<j} and a = ½ (X − XZ) Z_{<j}.
  static func image(of ladder: FermionOperator.Ladder) -> [(Complex<Double>, SymplecticPauli)] {
    let bit = 1 << ladder.mode
    let string = bit - 1
    let sign: Double
    switch ladder {
    case .creation: sign = 1
    case .annihilation: sign = -1
    }
    return [
      (Complex(0.5), SymplecticPauli(x: bit, z: string)),
      (Complex(0.5 * sign), SymplecticPauli(x: bit, z: string | bit)),
    ]
  }

  /// The qubit image of a Hermitian fermionic operator, with like terms combined.
  ///
  /// Terms with |coefficient| below `cutoff` are dropped. Identity first, then terms ordered by
  /// the qubits they touch.
  /// - Complexity: O(Σ_terms 2^(length of the product)) multiplications of Pauli products.
  /// - Throws: ``AlgorithmError/invalidArgument(name:value:expected:)`` when the operator is not
  ///   Hermitian: some Pauli coefficient keeps an imaginary part above 10⁻¹⁰.
  static func transform(_ operator: FermionOperator, cutoff: Double = 1e-12) throws(AlgorithmError) -> PauliSum {
    let modes = `operator`.modeCount
    guard modes <= Int.bitWidth - 2 else {
      throw .invalidArgument(name: "mode count", value: "\(modes)", expected: "at most \(Int.bitWidth - 2)")
    }
    var sum: [SymplecticPauli: Complex<Double>] = [:]
    for term in `operator`.terms {
      var partial: [SymplecticPauli: Complex<Double>] = [SymplecticPauli(x: 0, z: 0): term.coefficient]
      for ladder in term.product {
        var next: [SymplecticPauli: Complex<Double>] = [:]
        for (left, weight) in partial {
          for (factor, right) in image(of: ladder) {
            let (sign, product) = left * right
            next[product, default: .zero] += Complex(sign) * weight * factor
          }
        }
        partial = next
      }
      for (pauli, weight) in partial { sum[pauli, default: .zero] += weight }
    }
    var terms: [(key: SymplecticPauli, coefficient: Double)] = []
    for (pauli, weight) in sum {
      // X^x Z^z has XZ = −iY on every qubit in x ∧ z.
      var value = weight
      for _ in 0..<(pauli.x & pauli.z).nonzeroBitCount { value = value * Complex(0, -1) }
      guard abs(value.imaginary) <= 1e-10 else {
        throw .invalidArgument(
          name: "fermion operator", value: "a Pauli term with imaginary coefficient \(value.imaginary)",
          expected: "Hermitian (imaginary parts cancel)")
      }
      if abs(value.real) >= cutoff { terms.append((pauli, value.real)) }
    }
    terms.sort { lhs, rhs in
      let left = lhs.key.x | lhs.key.z, right = rhs.key.x | rhs.key.z
      if left.nonzeroBitCount != right.nonzeroBitCount { return left.nonzeroBitCount < right.nonzeroBitCount }
      if left != right { return left < right }
      return (lhs.key.x, lhs.key.z) < (rhs.key.x, rhs.key.z)
    }
    var result = PauliSum()
    for term in terms { result.terms.append(PauliSum.Term(term.coefficient, try pauliString(term.key))) }
    return result
  }

  /// The ``PauliString`` of X^x Z^z without its phase (X, Y or Z per qubit).
  static func pauliString(_ pauli: SymplecticPauli) throws(AlgorithmError) -> PauliString {
    var remaining = pauli.x | pauli.z
    var operators: [Int: Pauli] = [:]
    while remaining != 0 {
      let qubit = remaining.trailingZeroBitCount
      remaining &= remaining - 1
      let hasX = pauli.x & (1 << qubit) != 0, hasZ = pauli.z & (1 << qubit) != 0
      operators[qubit] = hasX ? (hasZ ? .y : .x) : .z
    }
    do { return try PauliString(operators) } catch { throw .circuit(error) }
  }
}
