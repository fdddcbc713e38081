/// One step of a circuit: a gate on qubits (with optional controls), a measurement,
/// a reset or a barrier, optionally conditioned on classical bits.
public struct Operation: Hashable, Sendable {
  /// What the operation does.
  public enum Kind: Hashable, Sendable {
    /// `gate` on `targets` (in the gate's little-endian order), applied only where every control qubit is 1.
    case gate(Gate, targets: [Int], controls: [Int])
    /// Measures `qubit` in the computational basis into classical bit `bit`.
    case measure(qubit: Int, bit: Int)
    /// Sets `qubit` to |0⟩.
    case reset(qubit: Int)
    /// Keeps transformations from moving operations across it; no effect on the state.
    case barrier(qubits: [Int])
  }

  /// What the operation does.
  public var kind: Kind
  /// When set, the operation runs only if the classical bits hold the given value.
  public var condition: ClassicalCondition?

  /// An operation of the given kind, optionally conditioned on classical bits.
  public init(_ kind: Kind, condition: ClassicalCondition? = nil) {
    self.kind = kind
    self.condition = condition
  }

  /// `gate` on `targets`, controlled by `controls`.
  public static func gate(_ gate: Gate, on targets: [Int], controls: [Int] = []) -> Operation {
    Operation(.gate(gate, targets: targets, controls: controls))
  }

  /// Every qubit the operation touches: targets then controls, or the measured, reset or barred qubits.
  public var qubits: [Int] {
    switch kind {
    case let .gate(_, targets, controls): return targets + controls
    case let .measure(qubit, _), let .reset(qubit): return [qubit]
    case let .barrier(qubits): return qubits
    }
  }

  /// A short human-readable form, e.g. `cx q[0], q[1]` style: `x(controls: [0]) [1]`.
  public var summary: String {
    switch kind {
    case let .gate(gate, targets, controls):
      let params = gate.parameters.isEmpty ? "" : "(" + gate.parameters.map(\.description).joined(separator: ", ") + ")"
      let controlText = controls.isEmpty ? "" : " controlled by \(controls)"
      return "\(gate.name)\(params) on \(targets)\(controlText)"
    case let .measure(qubit, bit): return "measure qubit \(qubit) into bit \(bit)"
    case let .reset(qubit): return "reset qubit \(qubit)"
    case let .barrier(qubits): return "barrier on \(qubits)"
    }
  }
}

/// A classical condition: the operation runs only when `bits` read as an integer equal `value`.
///
/// `bits[0]` is the integer's least-significant bit, as for an OpenQASM `if (c == value)` on register `c`.
public struct ClassicalCondition: Hashable, Sendable {
  /// The classical bits compared, least significant first.
  public var bits: [Int]
  /// The value they must hold.
  public var value: Int

  /// A condition that `bits` (least significant first) hold `value`.
  public init(bits: [Int], value: Int) {
    self.bits = bits
    self.value = value
  }
}
