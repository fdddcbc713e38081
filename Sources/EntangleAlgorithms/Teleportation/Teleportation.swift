import EntangleCircuits
import ComplexModule
import RealModule
import EntangleSimulation

/// Quantum teleportation of a one-qubit state |ψ⟩ = U(θ, φ, λ)|0⟩ from qubit 0 to qubit 2, with
/// mid-circuit measurements and classically controlled corrections.
///
/// Qubit 0 holds |ψ⟩; qubits 1 and 2 share the Bell pair (|00⟩ + |11⟩)/√2. After CX(0, 1) and H(0),
/// qubit 0 is measured into classical bit 0 and qubit 1 into bit 1; then X acts on qubit 2 if bit 1
/// is 1 and Z if bit 0 is 1 (operations with a `ClassicalCondition`), which leaves qubit 2 in |ψ⟩
/// (Nielsen & Chuang, §1.3.7). Each of the four measurement outcomes has probability 1/4 whatever |ψ⟩ is.
public struct Teleportation: Sendable, Hashable {
  /// θ of U(θ, φ, λ), in radians.
  public let theta: Double
  /// φ of U(θ, φ, λ), in radians.
  public let phi: Double
  /// λ of U(θ, φ, λ), in radians (a global phase of |ψ⟩, kept for completeness).
  public let lambda: Double

  /// Teleportation of U(θ, φ, λ)|0⟩ = cos(θ/2)|0⟩ + e^{iφ} sin(θ/2)|1⟩.
  ///
  /// - Throws: ``AlgorithmError/invalidArgument(name:value:expected:)`` for a non-finite angle.
  public init(theta: Double, phi: Double, lambda: Double) throws(AlgorithmError) {
    for (name, angle) in [("θ", theta), ("φ", phi), ("λ", lambda)] where !angle.isFinite {
      throw .invalidArgument(name: name, value: "\(angle)", expected: "a finite angle in radians")
    }
    self.theta = theta
    self.phi = phi
    self.lambda = lambda
  }

  /// Teleportation of a state drawn uniformly from the Bloch sphere using `seed`:
  /// θ = arccos(1 − 2u) for uniform u in [0, 1), φ and λ uniform in [0, 2π).
  public init(randomStateSeed seed: UInt64) {
    var generator = SeededRandomNumberGenerator(seed: seed)
    theta = Double.acos(1 - 2 * Double.random(in: 0..<1, using: &generator))
    phi = Double.random(in: 0..<(2 * .pi), using: &generator)
    lambda = Double.random(in: 0..<(2 * .pi), using: &generator)
  }

  /// The state to teleport, U(θ, φ, λ)|0⟩, as amplitudes of |0⟩ and |1⟩.
  public var inputState: [Complex<Double>] {
    [Complex(Double.cos(theta / 2)), Complex(length: Double.sin(theta / 2), phase: phi)]
  }

  /// The circuit on 3 qubits and 2 classical bits: preparation, Bell pair, Bell measurement of qubits 0
  /// and 1 into bits 0 and 1, and (when `corrections` is true) X and Z on qubit 2 conditioned on bits 1 and 0.
  ///
  /// - Throws: ``AlgorithmError/circuit(_:)`` only if the circuit cannot be formed.
  public func circuit(corrections: Bool = true) throws(AlgorithmError) -> Circuit {
    var operations: [Operation] = [
      .gate(.u(theta: Parameter(theta), phi: Parameter(phi), lambda: Parameter(lambda)), on: [0]),
      .gate(.h, on: [1]),
      .gate(.x, on: [2], controls: [1]),
      .gate(.x, on: [1], controls: [0]),
      .gate(.h, on: [0]),
      Operation(.measure(qubit: 0, bit: 0)),
      Operation(.measure(qubit: 1, bit: 1)),
    ]
    if corrections {
      operations.append(Operation(.gate(.x, targets: [2], controls: []), condition: ClassicalCondition(bits: [1], value: 1)))
      operations.append(Operation(.gate(.z, targets: [2], controls: []), condition: ClassicalCondition(bits: [0], value: 1)))
    }
    return try AlgorithmError.building { () throws(CircuitError) in
      try Circuit(qubits: 3, bits: 2, operations: operations)
    }
  }

  /// Runs the teleportation once, with measurement outcomes drawn from `seed`, and measures how well
  /// qubit 2 carries the input state.
  ///
  /// The fidelity is ⟨ψ|ρ₂|ψ⟩ for the reduced state ρ₂ of qubit 2, computed from the amplitudes:
  /// Σ over the basis states i of qubits 0 and 1 of |Σ_b ψ_b* · a(i + 4b)|².
  /// - Complexity: a 3-qubit simulation.
  /// - Throws: ``AlgorithmError/simulation(_:)`` only if the simulation fails.
  public func run(seed: UInt64 = 0, corrections: Bool = true) throws(AlgorithmError) -> TeleportationResult {
    let circuit = try circuit(corrections: corrections)
    let (bits, amplitudes) = try AlgorithmError.simulating { () throws(SimulationError) in
      var state = try StateVector(qubits: 3)
      let bits = try state.apply(circuit, seed: seed)
      return (bits, state.amplitudes)
    }
    let input = inputState
    var fidelity = 0.0
    for rest in 0..<4 {
      let overlap = input[0].conjugate * amplitudes[rest] + input[1].conjugate * amplitudes[rest + 4]
      fidelity += overlap.lengthSquared
    }
    return TeleportationResult(measuredBits: bits.map { $0 ? 1 : 0 }, fidelity: fidelity, corrected: corrections)
  }
}
