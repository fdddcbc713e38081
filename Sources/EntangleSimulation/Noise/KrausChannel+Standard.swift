import EntangleCircuits
import ComplexModule
import Foundation

// The standard channels of Nielsen & Chuang §8.3, with the parameter conventions of Qiskit Aer's
// noise library (`qiskit_aer.noise.errors.standard_errors`) where the two differ.
extension KrausChannel {
  /// The largest register a depolarizing channel is built for: 4^k Kraus operators of size 2^k.
  public static let maximumDepolarizingQubits = 4

  /// The k-qubit depolarizing channel ρ → (1−λ)ρ + λ·I/2^k, Qiskit Aer's `depolarizing_error(λ, k)`.
  ///
  /// Kraus operators: √(1 − λ + λ/4^k)·I and √(λ/4^k)·P for each of the 4^k − 1 non-identity Pauli
  /// strings P, little-endian over the qubits (Nielsen & Chuang §8.3.4 for k = 1). The Bloch vector of
  /// one qubit shrinks by 1 − λ.
  /// - Throws: ``SimulationError/invalidNoiseParameter(name:value:allowed:)`` naming `probability` outside
  ///   0…1 or `qubits` outside 1…``maximumDepolarizingQubits``.
  public static func depolarizing(probability: Double, qubits: Int = 1) throws(SimulationError) -> KrausChannel {
    try checkProbability(probability, name: "probability")
    guard (1...maximumDepolarizingQubits).contains(qubits) else {
      throw .invalidNoiseParameter(name: "qubits", value: Double(qubits), allowed: "1…\(maximumDepolarizingQubits)")
    }
    let paulis = Double(1 << (2 * qubits))
    var weights = [1 - probability + probability / paulis]
    weights += Array(repeating: probability / paulis, count: Int(paulis) - 1)
    let operators = zip(weights, pauliStrings(qubits: qubits)).map { weight, pauli in pauli.scaled(by: weight.squareRoot()) }
    return try KrausChannel(krausOperators: operators)
  }

  /// The bit-flip channel: X with probability p (Nielsen & Chuang §8.3.3).
  ///
  /// - Throws: ``SimulationError/invalidNoiseParameter(name:value:allowed:)`` naming `probability` outside 0…1.
  public static func bitFlip(probability: Double) throws(SimulationError) -> KrausChannel {
    try checkProbability(probability, name: "probability")
    return try KrausChannel(krausOperators: [identity.scaled(by: (1 - probability).squareRoot()), pauliX.scaled(by: probability.squareRoot())])
  }

  /// The phase-flip channel: Z with probability p (Nielsen & Chuang §8.3.3).
  ///
  /// - Throws: ``SimulationError/invalidNoiseParameter(name:value:allowed:)`` naming `probability` outside 0…1.
  public static func phaseFlip(probability: Double) throws(SimulationError) -> KrausChannel {
    try checkProbability(probability, name: "probability")
    return try KrausChannel(krausOperators: [identity.scaled(by: (1 - probability).squareRoot()), pauliZ.scaled(by: probability.squareRoot())])
  }

  /// Amplitude damping: |1⟩ decays to |0⟩ with probability γ (Nielsen & Chuang §8.3.5; Aer's
  /// `amplitude_damping_error(γ)`). K₀ = [[1, 0], [0, √(1−γ)]], K₁ = [[0, √γ], [0, 0]].
  ///
  /// - Throws: ``SimulationError/invalidNoiseParameter(name:value:allowed:)`` naming `gamma` outside 0…1.
  public static func amplitudeDamping(gamma: Double) throws(SimulationError) -> KrausChannel {
    try checkProbability(gamma, name: "gamma")
    return try generalizedAmplitudeDamping(probability: 1, gamma: gamma)
  }

  /// Phase damping (pure dephasing), Aer's `phase_damping_error(λ)`: K₀ = diag(1, √(1−λ)), K₁ = diag(0, √λ).
  ///
  /// Populations stay; the coherence ρ₀₁ is multiplied by √(1−λ) (Nielsen & Chuang §8.3.6).
  /// - Throws: ``SimulationError/invalidNoiseParameter(name:value:allowed:)`` naming `lambda` outside 0…1.
  public static func phaseDamping(lambda: Double) throws(SimulationError) -> KrausChannel {
    try checkProbability(lambda, name: "lambda")
    return try KrausChannel(krausOperators: [
      diagonal(.one, Complex((1 - lambda).squareRoot())), diagonal(.zero, Complex(lambda.squareRoot())),
    ])
  }

  /// Generalized amplitude damping (Nielsen & Chuang §8.3.5): damping at temperature, relaxing towards
  /// diag(p, 1−p).
  ///
  /// E₀ = √p·[[1, 0], [0, √(1−γ)]], E₁ = √p·[[0, √γ], [0, 0]], E₂ = √(1−p)·[[√(1−γ), 0], [0, 1]],
  /// E₃ = √(1−p)·[[0, 0], [√γ, 0]]. `probability` is Nielsen & Chuang's p, the weight of decay towards |0⟩;
  /// Qiskit Aer's `excited_state_population` is 1 − p. With p = 1 this is ``amplitudeDamping(gamma:)``.
  /// - Throws: ``SimulationError/invalidNoiseParameter(name:value:allowed:)`` naming `probability` or `gamma`
  ///   outside 0…1.
  public static func generalizedAmplitudeDamping(probability: Double, gamma: Double) throws(SimulationError) -> KrausChannel {
    try checkProbability(probability, name: "probability")
    try checkProbability(gamma, name: "gamma")
    let toGround = probability.squareRoot(), toExcited = (1 - probability).squareRoot()
    let keep = Complex((1 - gamma).squareRoot()), jump = gamma.squareRoot()
    var lower = Matrix.identity(dimension: 2).scaled(by: 0)
    lower[0, 1] = Complex(jump)
    var raise = Matrix.identity(dimension: 2).scaled(by: 0)
    raise[1, 0] = Complex(jump)
    return try KrausChannel(krausOperators: [
      diagonal(.one, keep).scaled(by: toGround), lower.scaled(by: toGround),
      diagonal(keep, .one).scaled(by: toExcited), raise.scaled(by: toExcited),
    ])
  }

  /// Thermal relaxation for a gate of duration `gateTime` on a qubit with relaxation time T1 and
  /// dephasing time T2 (Qiskit Aer's `thermal_relaxation_error(t1, t2, time, excited_state_population)`).
  ///
  /// Built as generalized amplitude damping with γ = 1 − e^{−t/T1} towards the equilibrium
  /// populations (1 − p₁, p₁), followed by pure dephasing with λ = 1 − e^{−2t/T2 + t/T1}, so that
  /// populations relax as e^{−t/T1} and the coherence ρ₀₁ decays as e^{−t/T2} (amplitude damping alone
  /// gives e^{−t/2T1}). The channel equals Aer's; its Kraus operators differ by a unitary mixing.
  /// T1 or T2 may be `.infinity` (no relaxation of that kind).
  /// - Throws: ``SimulationError/invalidNoiseParameter(name:value:allowed:)`` naming `t1` or `t2` (not
  ///   positive), `gateTime` (negative), `t2` above 2·T1, or `excitedPopulation` outside 0…1.
  public static func thermalRelaxation(t1: Double, t2: Double, gateTime: Double, excitedPopulation: Double = 0)
    throws(SimulationError) -> KrausChannel
  {
    guard t1 > 0 else { throw .invalidNoiseParameter(name: "t1", value: t1, allowed: "(0, ∞]") }
    guard t2 > 0 else { throw .invalidNoiseParameter(name: "t2", value: t2, allowed: "(0, ∞]") }
    guard t2 <= 2 * t1 else { throw .invalidNoiseParameter(name: "t2", value: t2, allowed: "(0, 2·t1] = (0, \(2 * t1)]") }
    guard gateTime >= 0, gateTime.isFinite else {
      throw .invalidNoiseParameter(name: "gateTime", value: gateTime, allowed: "[0, ∞)")
    }
    try checkProbability(excitedPopulation, name: "excitedPopulation")
    let gamma = 1 - Foundation.exp(-gateTime / t1)
    // Coherence after damping: e^{−t/2T1}; dephasing multiplies it by √(1−λ) to reach e^{−t/T2}.
    let lambda = Swift.max(0, 1 - Foundation.exp(-2 * gateTime / t2 + gateTime / t1))
    let damping = try generalizedAmplitudeDamping(probability: 1 - excitedPopulation, gamma: gamma)
    let dephasing = try phaseDamping(lambda: Swift.min(lambda, 1))
    var operators: [Matrix] = []
    for phase in dephasing.krausOperators {
      for decay in damping.krausOperators { operators.append(phase * decay) }
    }
    return try KrausChannel(krausOperators: operators)
  }

  /// A Pauli channel: each Pauli string P with its probability, the identity with the rest.
  ///
  /// Keys are Pauli strings of one length k over `I`, `X`, `Y`, `Z` in Qiskit's label order: the
  /// *rightmost* letter acts on the channel's qubit 0 (`"XZ"` is Z on qubit 0 and X on qubit 1).
  /// - Throws: ``SimulationError/invalidNoiseParameter(name:value:allowed:)`` naming the key of a probability
  ///   outside 0…1 or `identity` when the probabilities sum above 1; ``SimulationError/invalidKrausOperators(_:)``
  ///   for an empty dictionary, a letter other than I, X, Y, Z, or keys of different lengths.
  public static func pauli(probabilities: [String: Double]) throws(SimulationError) -> KrausChannel {
    guard let length = probabilities.keys.first?.count, length > 0 else {
      throw .invalidKrausOperators("a Pauli channel needs at least one Pauli string")
    }
    guard length <= maximumDepolarizingQubits else {
      throw .invalidKrausOperators("Pauli strings of \(length) letters; at most \(maximumDepolarizingQubits) are supported")
    }
    var identityWeight = 1.0
    var operators: [Matrix] = []
    for (label, probability) in probabilities.sorted(by: { $0.key < $1.key }) {
      guard label.count == length else {
        throw .invalidKrausOperators("Pauli strings of different lengths: \(probabilities.keys.sorted())")
      }
      try checkProbability(probability, name: label)
      var matrix: Matrix?
      for letter in label {
        let factor: Matrix
        switch letter {
        case "I", "i": factor = identity
        case "X", "x": factor = pauliX
        case "Y", "y": factor = pauliY
        case "Z", "z": factor = pauliZ
        default: throw .invalidKrausOperators("'\(letter)' in Pauli string \"\(label)\" is not one of I, X, Y, Z")
        }
        // The leftmost letter is the highest qubit: build high ⊗ … ⊗ low.
        matrix = matrix.map { $0.tensor(factor) } ?? factor
      }
      guard let pauli = matrix else { continue }
      if label.allSatisfy({ $0 == "I" || $0 == "i" }) { continue }
      identityWeight -= probability
      operators.append(pauli.scaled(by: probability.squareRoot()))
    }
    guard identityWeight >= -traceTolerance else {
      throw .invalidNoiseParameter(name: "identity", value: identityWeight, allowed: "0…1 (the probabilities sum above 1)")
    }
    let identityOperator = Matrix.identity(dimension: 1 << length).scaled(by: Swift.max(0, identityWeight).squareRoot())
    return try KrausChannel(krausOperators: [identityOperator] + operators)
  }

  /// Throws unless `value` is a probability.
  static func checkProbability(_ value: Double, name: String) throws(SimulationError) {
    guard value >= 0, value <= 1 else { throw .invalidNoiseParameter(name: name, value: value, allowed: "0…1") }
  }

  /// The 4^k Pauli strings on k qubits, identity first; string j puts Pauli (j >> 2q) & 3 (I, X, Y, Z) on qubit q.
  static func pauliStrings(qubits: Int) -> [Matrix] {
    let single = [identity, pauliX, pauliY, pauliZ]
    return (0..<(1 << (2 * qubits))).map { index in
      var matrix = single[index & 3]
      for qubit in 1..<Swift.max(qubits, 1) { matrix = single[(index >> (2 * qubit)) & 3].tensor(matrix) }
      return matrix
    }
  }

  static let identity = Matrix.identity(dimension: 2)
  static let pauliX = Matrix(dimension: 2, validElements: [.zero, .one, .one, .zero])
  static let pauliY = Matrix(dimension: 2, validElements: [.zero, Complex(0, -1), Complex(0, 1), .zero])
  static let pauliZ = diagonal(.one, -.one)

  static func diagonal(_ first: Complex<Double>, _ second: Complex<Double>) -> Matrix {
    Matrix(dimension: 2, validElements: [first, .zero, .zero, second])
  }
}
