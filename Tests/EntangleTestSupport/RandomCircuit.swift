import EntangleCircuits
import ComplexModule
import RealModule

/// Seeded random circuits over every case of ``Gate``, for comparing simulators with the reference.
public enum RandomCircuit {
  /// A family of gates to draw from.
  public enum GateClass: CaseIterable, Hashable, Sendable {
    /// id, x, y, z, h, s, sdg, t, tdg, sx, sxdg.
    case fixed
    /// rx, ry, rz, p with random angles.
    case rotation
    /// u(θ, φ, λ) and u2(φ, λ) with random angles.
    case generalSingleQubit
    /// swap, iswap, rxx, ryy, rzz.
    case twoQubit
    /// e^{iγ} on no targets (with controls, a phase on the controls).
    case globalPhase
    /// Random dense k-qubit unitaries, k = 1…`maximumUnitaryQubits`.
    case unitary
    /// qft and iqft, with and without swaps, on random qubit subsets.
    case fourier
  }

  /// A circuit of `gates` random gate operations on `qubits` qubits, the same for the same seed.
  ///
  /// Each operation draws a class from `classes`, then a gate of that class that fits, distinct random
  /// target qubits in random order, and 0…`maximumExtraControls` random extra control qubits
  /// (as many as the remaining qubits allow). Angles are uniform in [−2π, 2π).
  /// With `symbols`, each angle is instead `a·symbol + b` for a random symbol from the list and random
  /// a, b, so the circuit must be bound before it runs.
  public static func make(
    qubits: Int,
    gates: Int,
    seed: UInt64,
    classes: Set<GateClass> = Set(GateClass.allCases),
    maximumExtraControls: Int = 2,
    maximumUnitaryQubits: Int = 5,
    symbols: [String] = []
  ) -> Circuit {
    precondition(qubits >= 1 && !classes.isEmpty, "a random circuit needs a qubit and a gate class")
    var generator = SeededGenerator(seed: seed)
    var circuit = try! Circuit(qubits: qubits)
    let classList = GateClass.allCases.filter { classes.contains($0) }
    var made = 0
    var misses = 0
    while made < gates {
      let gateClass = classList.randomElement(using: &generator)!
      guard let gate = randomGate(
        of: gateClass, qubits: qubits, maximumUnitaryQubits: maximumUnitaryQubits, symbols: symbols, using: &generator
      ) else {
        misses += 1
        precondition(misses < 10_000, "no gate of the classes \(classes) fits in \(qubits) qubits")
        continue
      }
      let chosen = Array((0..<qubits).shuffled(using: &generator))
      let targets = Array(chosen.prefix(gate.qubitCount))
      let free = qubits - gate.qubitCount
      var controlCount = Int.random(in: 0...min(maximumExtraControls, free), using: &generator)
      if gate.qubitCount == 0 && free > 0 && maximumExtraControls > 0 { controlCount = max(controlCount, 1) }
      let controls = Array(chosen.dropFirst(gate.qubitCount).prefix(controlCount))
      // Every random choice above is valid by construction, so the append cannot throw.
      try! circuit.append(.gate(gate, on: targets, controls: controls))
      made += 1
    }
    return circuit
  }

  /// A random gate of the class that fits in `qubits` qubits, or nil when none does.
  static func randomGate(
    of gateClass: GateClass, qubits: Int, maximumUnitaryQubits: Int, symbols: [String],
    using generator: inout SeededGenerator
  ) -> Gate? {
    func angle() -> Parameter {
      let value = Double.random(in: -2 * .pi..<2 * .pi, using: &generator)
      guard let symbol = symbols.randomElement(using: &generator) else { return Parameter(value) }
      return Double.random(in: -2..<2, using: &generator) * Parameter(symbol) + value
    }
    switch gateClass {
    case .fixed:
      let fixed: [Gate] = [.identity, .x, .y, .z, .h, .s, .sdg, .t, .tdg, .sx, .sxdg]
      return fixed.randomElement(using: &generator)!
    case .rotation:
      switch Int.random(in: 0..<4, using: &generator) {
      case 0: return .rx(angle())
      case 1: return .ry(angle())
      case 2: return .rz(angle())
      default: return .phase(angle())
      }
    case .generalSingleQubit:
      if Bool.random(using: &generator) { return .u(theta: angle(), phi: angle(), lambda: angle()) }
      return .u2(phi: angle(), lambda: angle())
    case .twoQubit:
      guard qubits >= 2 else { return nil }
      switch Int.random(in: 0..<5, using: &generator) {
      case 0: return .swap
      case 1: return .iswap
      case 2: return .rxx(angle())
      case 3: return .ryy(angle())
      default: return .rzz(angle())
      }
    case .globalPhase:
      return .globalPhase(angle())
    case .unitary:
      let k = Int.random(in: 1...min(maximumUnitaryQubits, qubits), using: &generator)
      let matrix = RandomUnitary.make(qubits: k, using: &generator)
      return .unitary(try! Matrix(dimension: matrix.dimension, elements: matrix.elements))
    case .fourier:
      let k = Int.random(in: 1...qubits, using: &generator)
      return .qft(qubitCount: k, swaps: Bool.random(using: &generator), inverse: Bool.random(using: &generator))
    }
  }
}
