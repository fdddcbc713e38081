import EntangleCircuits
import RealModule
import ComplexModule

/// The spectrum of a qubit observable from its dense matrix: the exact reference for variational
/// algorithms on small systems.
///
/// Basis index i = Σ b_k 2^k (qubit k is bit k, little-endian). The matrix can be restricted to
/// the basis states with a given number of ones (the particle number of a Jordan–Wigner encoded
/// fermion operator) and, in OpenFermion's interleaved spin order (even qubits spin up, odd
/// qubits spin down), a given 2·S_z = N↑ − N↓. The restriction is exact only for observables that
/// conserve these numbers, as molecular Hamiltonians do.
public struct ExactDiagonalization: Sendable {
  /// The largest number of qubits accepted. A non-diagonal observable on 12 qubits without a
  /// sector restriction needs a 4096 × 4096 complex matrix (256 MiB, three copies during the
  /// Jacobi solve) and a long solve; sectors and diagonal observables are far cheaper.
  public static let maximumQubitCount = 12

  /// The observable.
  public let observable: PauliSum
  /// The number of qubits of the matrix.
  public let qubitCount: Int

  /// Prepares the diagonalisation of `observable` on `qubits` qubits (default: the fewest it needs).
  ///
  /// - Throws: ``AlgorithmError/tooManyQubits(method:qubits:maximum:)`` above
  ///   ``maximumQubitCount``; ``AlgorithmError/invalidArgument(name:value:expected:)`` when
  ///   `qubits` is smaller than the observable needs.
  public init(_ observable: PauliSum, qubits: Int? = nil) throws(AlgorithmError) {
    let needed = observable.minimumQubitCount
    let count = qubits ?? needed
    guard count >= needed else {
      throw .invalidArgument(name: "qubit count", value: "\(count)", expected: "at least \(needed), the highest qubit of the observable plus one")
    }
    guard count <= Self.maximumQubitCount else {
      throw .tooManyQubits(method: "Exact diagonalization", qubits: count, maximum: Self.maximumQubitCount)
    }
    self.observable = observable
    qubitCount = count
  }

  /// The basis indices kept by a restriction, ascending.
  ///
  /// - Parameters:
  ///   - particleNumber: the number of qubits in |1⟩, or `nil` for any.
  ///   - spinDifference: N↑ − N↓ = 2·S_z with even qubits up and odd qubits down, or `nil` for any.
  public func basis(particleNumber: Int? = nil, spinDifference: Int? = nil) -> [Int] {
    let evenMask = (0..<qubitCount).filter { $0 % 2 == 0 }.reduce(0) { $0 | 1 << $1 }
    return (0..<(1 << qubitCount)).filter { index in
      if let particleNumber, index.nonzeroBitCount != particleNumber { return false }
      if let spinDifference, (index & evenMask).nonzeroBitCount - (index & ~evenMask).nonzeroBitCount != spinDifference {
        return false
      }
      return true
    }
  }

  /// The matrix of the observable between the basis states `basis` (indices into 2^n).
  ///
  /// P|i⟩ = i^(#Y) (−1)^|i ∧ (Z or Y qubits)| |i ⊕ (X or Y qubits)⟩ for a Pauli string P. Entries
  /// that couple a kept state to a dropped one are left out.
  /// - Complexity: O(terms · D) for D basis states, plus O(D²) memory.
  public func matrix(basis: [Int]) throws(AlgorithmError) -> HermitianMatrix {
    var position: [Int: Int] = [:]
    for (offset, index) in basis.enumerated() { position[index] = offset }
    var matrix = try HermitianMatrix(dimension: basis.count)
    for term in observable.terms {
      let masks = term.pauli.bitMasks
      let flipMask = masks.xMask, signMask = masks.zMask
      let yPhase = Complex(masks.phase.real, masks.phase.imaginary)
      for (column, index) in basis.enumerated() {
        guard let row = position[index ^ flipMask] else { continue }
        let sign: Double = (index & signMask).nonzeroBitCount % 2 == 0 ? 1 : -1
        matrix[row, column] += Complex(term.coefficient * sign) * yPhase
      }
    }
    return matrix
  }

  /// The eigenvalues in the chosen sector, ascending.
  ///
  /// An observable of I and Z factors only (a diagonal one, such as a QAOA cost function) is read
  /// off its diagonal without building the matrix.
  /// - Complexity: O(D³) per Jacobi sweep for D basis states; O(terms · D + D log D) when diagonal.
  /// - Throws: ``AlgorithmError/invalidArgument(name:value:expected:)`` for an empty sector;
  ///   ``AlgorithmError/notConverged(method:iterations:residual:tolerance:)`` from the eigen-solver.
  public func eigenvalues(particleNumber: Int? = nil, spinDifference: Int? = nil) throws(AlgorithmError) -> [Double] {
    let kept = try sector(particleNumber: particleNumber, spinDifference: spinDifference)
    if let diagonal = diagonal(basis: kept) { return diagonal.sorted() }
    return try matrix(basis: kept).eigenDecomposition().values
  }

  /// The lowest eigenvalue in the chosen sector and an eigenvector for it as 2^n amplitudes in
  /// little-endian index order (zero outside the sector).
  ///
  /// For a diagonal observable the eigenvector is the first basis state (lowest index) of lowest
  /// energy.
  /// - Complexity: as ``eigenvalues(particleNumber:spinDifference:)``.
  /// - Throws: see ``eigenvalues(particleNumber:spinDifference:)``.
  public func groundState(particleNumber: Int? = nil, spinDifference: Int? = nil)
    throws(AlgorithmError) -> (energy: Double, amplitudes: [Complex<Double>])
  {
    let kept = try sector(particleNumber: particleNumber, spinDifference: spinDifference)
    var amplitudes = Array(repeating: Complex<Double>.zero, count: 1 << qubitCount)
    if let diagonal = diagonal(basis: kept) {
      var lowest = 0
      for offset in diagonal.indices where diagonal[offset] < diagonal[lowest] { lowest = offset }
      amplitudes[kept[lowest]] = .one
      return (diagonal[lowest], amplitudes)
    }
    let (values, vectors) = try matrix(basis: kept).eigenDecomposition()
    for (offset, index) in kept.enumerated() { amplitudes[index] = vectors[0][offset] }
    return (values[0], amplitudes)
  }

  /// The basis of a sector, refusing an empty one.
  private func sector(particleNumber: Int?, spinDifference: Int?) throws(AlgorithmError) -> [Int] {
    let kept = basis(particleNumber: particleNumber, spinDifference: spinDifference)
    guard !kept.isEmpty else {
      throw .invalidArgument(
        name: "sector", value: "particle number \(particleNumber.map(String.init) ?? "any"), N↑ − N↓ \(spinDifference.map(String.init) ?? "any")",
        expected: "a sector with at least one basis state of \(qubitCount) qubits")
    }
    return kept
  }

  /// The diagonal entries over `basis` when every term is made of I and Z only, else `nil`.
  private func diagonal(basis: [Int]) -> [Double]? {
    var masks: [(coefficient: Double, signMask: Int)] = []
    for term in observable.terms {
      var signMask = 0
      for (qubit, pauli) in term.pauli.operators {
        guard pauli == .z || pauli == .i else { return nil }
        if pauli == .z { signMask |= 1 << qubit }
      }
      masks.append((term.coefficient, signMask))
    }
    return basis.map { index in
      masks.reduce(0) { $0 + ((index & $1.signMask).nonzeroBitCount % 2 == 0 ? $1.coefficient : -$1.coefficient) }
    }
  }
}
