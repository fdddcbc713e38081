import EntangleCircuits
import ComplexModule
import RealModule
import EntangleSimulation

/// Quantum phase estimation: the eigenphase φ of a unitary U (U|ψ⟩ = e^{2πiφ}|ψ⟩) to t bits.
///
/// Qubit layout: counting qubits 0..<t, then the target register t..<t+m on which U acts
/// (its qubit i is the matrix's index bit i, little-endian). The circuit prepares |ψ⟩ on the
/// target, puts every counting qubit in |+⟩, applies U^(2^j) controlled by counting qubit j,
/// and ends with the inverse QFT over the counting qubits (`Gate.qft(qubitCount: t, swaps: true,
/// inverse: true)`, one FFTW transform). Reading the counting register as an integer x
/// (counting qubit j is bit j) estimates φ ≈ x/2^t; an exact φ = x/2^t is found with certainty,
/// and otherwise the nearest x has probability at least 4/π² (Nielsen & Chuang, §5.2.1).
///
/// The powers U^(2^j) are computed classically: by repeated squaring for a given matrix, exactly
/// from the phase for ``init(phase:countingQubits:)``.
public struct PhaseEstimation: Sendable, Hashable {
  /// The counting-register sizes accepted (the state has t + m qubits).
  public static let supportedCountingQubits = 1...20
  /// The largest target register: U is a dense 2^m × 2^m matrix applied t times.
  public static let maximumTargetQubits = 6

  /// The unitary whose eigenphase is estimated, little-endian over the target qubits.
  public let unitary: Matrix
  /// The circuit that prepares the eigenstate |ψ⟩ on the target register from |0…0⟩.
  public let preparation: Circuit
  /// The number of counting qubits t: the precision in bits.
  public let countingQubits: Int
  /// U^(2^j) for j in 0..<t.
  let powers: [Matrix]

  /// Phase estimation of `unitary` on the eigenstate that `eigenstatePreparation` makes from |0…0⟩.
  ///
  /// - Complexity: t − 1 multiplications of 2^m × 2^m matrices to form the powers.
  /// - Throws: ``AlgorithmError/invalidArgument(name:value:expected:)`` for a counting-qubit count outside
  ///   ``supportedCountingQubits``, a unitary on more than ``maximumTargetQubits`` qubits, or a preparation
  ///   whose qubit count differs from the unitary's or that measures, resets or uses classical bits;
  ///   ``AlgorithmError/circuit(_:)`` when the matrix (or one of its powers) is not unitary within 1e-10.
  public init(unitary: Matrix, eigenstatePreparation: Circuit, countingQubits: Int) throws(AlgorithmError) {
    try Self.check(countingQubits: countingQubits)
    let m = unitary.qubitCount
    guard m <= Self.maximumTargetQubits else {
      throw .invalidArgument(
        name: "the unitary's qubit count", value: "\(m)", expected: "at most \(Self.maximumTargetQubits)")
    }
    guard eigenstatePreparation.qubitCount == m else {
      throw .invalidArgument(
        name: "the preparation's qubit count", value: "\(eigenstatePreparation.qubitCount)",
        expected: "\(m), the unitary's")
    }
    guard !eigenstatePreparation.hasNonUnitaryOperations, eigenstatePreparation.classicalBitCount == 0 else {
      throw .invalidArgument(
        name: "the eigenstate preparation", value: "a circuit with measurements, resets or classical bits",
        expected: "gates only")
    }
    var powers = [unitary]
    while powers.count < countingQubits, let last = powers.last { powers.append(last * last) }
    for power in powers {
      let deviation = power.unitarityDeviation
      guard deviation <= 1e-10 else { throw .circuit(.notUnitary(deviation: deviation)) }
    }
    self.unitary = unitary
    self.preparation = eigenstatePreparation
    self.countingQubits = countingQubits
    self.powers = powers
  }

  /// Phase estimation of P(2πφ) = diag(1, e^{2πiφ}) on its eigenstate |1⟩, whose eigenphase is φ mod 1.
  ///
  /// The powers P(2πφ)^(2^j) = P(2π·frac(2^j·φ)) are formed exactly, without repeated squaring.
  /// - Throws: ``AlgorithmError/invalidArgument(name:value:expected:)`` for a non-finite phase or a
  ///   counting-qubit count outside ``supportedCountingQubits``.
  public init(phase: Double, countingQubits: Int) throws(AlgorithmError) {
    guard phase.isFinite else {
      throw .invalidArgument(name: "the phase", value: "\(phase)", expected: "a finite number")
    }
    try Self.check(countingQubits: countingQubits)
    // Multiplying by 2^j is exact in binary floating point, so frac(2^j·φ) carries no rounding error.
    let powers = try (0..<countingQubits).map { j throws(AlgorithmError) in
      let turns = Double(sign: .plus, exponent: j, significand: 1) * phase
      return try Self.phaseMatrix(turns: turns - turns.rounded(.down))
    }
    self.unitary = try Self.phaseMatrix(turns: phase - phase.rounded(.down))
    self.preparation = try AlgorithmError.building { () throws(CircuitError) in
      try Circuit(qubits: 1, operations: [.gate(.x, on: [0])])
    }
    self.countingQubits = countingQubits
    self.powers = powers
  }

  /// The number of target qubits m that U acts on.
  public var targetQubits: Int { unitary.qubitCount }

  /// The total number of qubits t + m.
  public var qubitCount: Int { countingQubits + targetQubits }

  /// The phase-estimation circuit on t + m qubits (counting qubits first, see the type's description).
  ///
  /// - Complexity: t Hadamards, t controlled 2^m × 2^m gates and one inverse QFT over t qubits.
  /// - Throws: ``AlgorithmError/circuit(_:)`` only if the circuit cannot be formed.
  public func circuit() throws(AlgorithmError) -> Circuit {
    let t = countingQubits
    let target = Array(t..<qubitCount)
    var operations: [Operation] = (0..<t).map { .gate(.h, on: [$0]) }
    for (j, power) in powers.enumerated() {
      operations.append(.gate(.unitary(power), on: target, controls: [j]))
    }
    operations.append(.gate(.qft(qubitCount: t, swaps: true, inverse: true), on: Array(0..<t)))
    let all = qubitCount
    let preparation = preparation
    return try AlgorithmError.building { () throws(CircuitError) in
      try Circuit(qubits: all).appending(preparation, on: target)
        .appending(Circuit(qubits: all, operations: operations))
    }
  }

  /// Runs the circuit on a state vector and returns the distribution of the counting register.
  ///
  /// - Complexity: O(t·4^m·2^(t+m)) for the controlled powers plus one FFTW transform of 2^t points per
  ///   target basis state.
  /// - Throws: ``AlgorithmError/simulation(_:)`` when the state does not fit in memory.
  public func run() throws(AlgorithmError) -> PhaseEstimationResult {
    let circuit = try circuit()
    let qubits = qubitCount
    let counting = Array(0..<countingQubits)
    let distribution = try AlgorithmError.simulating { () throws(SimulationError) in
      var state = try StateVector(qubits: qubits)
      try state.apply(circuit)
      return try state.probabilities(of: counting)
    }
    return PhaseEstimationResult(countingQubits: countingQubits, distribution: distribution)
  }

  private static func check(countingQubits: Int) throws(AlgorithmError) {
    guard supportedCountingQubits.contains(countingQubits) else {
      throw .invalidArgument(
        name: "the number of counting qubits", value: "\(countingQubits)",
        expected: "in \(supportedCountingQubits.lowerBound)...\(supportedCountingQubits.upperBound)")
    }
  }

  /// diag(1, e^{2πi·turns}).
  private static func phaseMatrix(turns: Double) throws(AlgorithmError) -> Matrix {
    let angle = 2 * Double.pi * turns
    return try AlgorithmError.building { () throws(CircuitError) in
      try Matrix([[.one, .zero], [.zero, Complex(Double.cos(angle), Double.sin(angle))]])
    }
  }
}
