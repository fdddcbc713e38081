import EntangleCircuits
import ComplexModule
import EntangleSimulation

/// The quantum part of Shor's algorithm: phase estimation of "multiply by a mod N" to find the
/// order r of a (the least r ≥ 1 with a^r ≡ 1 mod N).
///
/// Qubit layout: 2n counting qubits 0..<2n, then the n-qubit work register 2n..<3n with
/// n = ⌈log₂ N⌉, holding y in 0..<2^n little-endian and starting in |1⟩. Counting qubit j controls
/// the permutation |y⟩ → |a^(2^j)·y mod N⟩ (identity for y ≥ N) as one `Gate.unitary` permutation
/// matrix; the inverse QFT over the counting qubits runs as one FFTW transform. A measured counting
/// value x (counting qubit j is bit j) lies near s·2^(2n)/r for a uniformly random s in 0..<r
/// (Nielsen & Chuang, §5.3.1).
public struct OrderFinding: Sendable, Hashable {
  /// The largest work register: 3n qubits are simulated, 21 for n = 7.
  public static let maximumWorkQubits = 7

  /// The base a, coprime to the modulus.
  public let base: Int
  /// The modulus N.
  public let modulus: Int
  /// The work-register size n = ⌈log₂ N⌉.
  public let workQubits: Int

  /// Order finding of `base` modulo `modulus`.
  ///
  /// - Throws: ``AlgorithmError/invalidArgument(name:value:expected:)`` for a modulus outside
  ///   3...2^``maximumWorkQubits`` − 1, or a base outside 2..<modulus or sharing a factor with it
  ///   (multiplication by it would not be a permutation).
  public init(base: Int, modulus: Int) throws(AlgorithmError) {
    let largest = (1 << Self.maximumWorkQubits) - 1
    guard (3...largest).contains(modulus) else {
      throw .invalidArgument(name: "the modulus", value: "\(modulus)", expected: "in 3...\(largest)")
    }
    guard (2..<modulus).contains(base), ModularArithmetic.gcd(base, modulus) == 1 else {
      throw .invalidArgument(
        name: "the base", value: "\(base)", expected: "in 2..<\(modulus) and coprime to \(modulus)")
    }
    self.base = base
    self.modulus = modulus
    workQubits = Int.bitWidth - (modulus - 1).leadingZeroBitCount
  }

  /// The number of counting qubits, 2n.
  public var countingQubits: Int { 2 * workQubits }

  /// The total number of qubits, 3n.
  public var qubitCount: Int { 3 * workQubits }

  /// The permutation matrix of |y⟩ → |factor·y mod N⟩ for y < N, |y⟩ → |y⟩ for y ≥ N, on n qubits
  /// (index little-endian over the work register).
  ///
  /// - Throws: ``AlgorithmError/invalidArgument(name:value:expected:)`` unless `factor` is coprime to N.
  public func multiplication(by factor: Int) throws(AlgorithmError) -> Matrix {
    let reduced = ((factor % modulus) + modulus) % modulus
    guard ModularArithmetic.gcd(reduced, modulus) == 1 else {
      throw .invalidArgument(name: "the factor", value: "\(factor)", expected: "coprime to \(modulus)")
    }
    let dimension = 1 << workQubits
    var elements = [Complex<Double>](repeating: .zero, count: dimension * dimension)
    for column in 0..<dimension {
      let row = column < modulus ? reduced * column % modulus : column
      elements[row * dimension + column] = .one
    }
    return try AlgorithmError.building { () throws(CircuitError) in
      try Matrix(dimension: dimension, elements: elements)
    }
  }

  /// The order-finding circuit on 3n qubits (see the type's description for the layout).
  ///
  /// - Complexity: 2n Hadamards, 2n controlled permutations of 2^n states, one inverse QFT over 2n qubits.
  /// - Throws: ``AlgorithmError/circuit(_:)`` only if the circuit cannot be formed.
  public func circuit() throws(AlgorithmError) -> Circuit {
    let counting = countingQubits
    let work = Array(counting..<qubitCount)
    var operations: [Operation] = [.gate(.x, on: [counting])]
    operations += (0..<counting).map { .gate(.h, on: [$0]) }
    var factor = base
    for j in 0..<counting {
      operations.append(.gate(.unitary(try multiplication(by: factor)), on: work, controls: [j]))
      factor = factor * factor % modulus
    }
    operations.append(.gate(.qft(qubitCount: counting, swaps: true, inverse: true), on: Array(0..<counting)))
    let qubits = qubitCount
    return try AlgorithmError.building { () throws(CircuitError) in try Circuit(qubits: qubits, operations: operations) }
  }

  /// The probability of each counting value x in 0..<2^(2n) (counting qubit j is bit j of x).
  ///
  /// - Complexity: one simulation of 3n qubits.
  /// - Throws: ``AlgorithmError/simulation(_:)`` when the state does not fit in memory.
  public func distribution() throws(AlgorithmError) -> [Double] {
    let circuit = try circuit()
    let qubits = qubitCount
    let counting = Array(0..<countingQubits)
    return try AlgorithmError.simulating { () throws(SimulationError) in
      var state = try StateVector(qubits: qubits)
      try state.apply(circuit)
      return try state.probabilities(of: counting)
    }
  }

  /// The candidate orders a measured counting value suggests: the denominators below N of the
  /// convergents of x/2^(2n), ascending and without repeats. The order is among them when x is within
  /// 2^(2n)/(2r²) of a peak s·2^(2n)/r with s coprime to r; otherwise a divisor of it may be.
  ///
  /// - Throws: ``AlgorithmError/invalidArgument(name:value:expected:)`` for x outside 0..<2^(2n).
  public func orderCandidates(fromMeasurement measured: Int) throws(AlgorithmError) -> [Int] {
    let range = 1 << countingQubits
    guard (0..<range).contains(measured) else {
      throw .invalidArgument(name: "the measured value", value: "\(measured)", expected: "in 0..<\(range)")
    }
    let expansion = try ContinuedFraction(numerator: measured, denominator: range)
    return Array(Set(expansion.convergents.map(\.denominator).filter { $0 < modulus })).sorted()
  }
}
