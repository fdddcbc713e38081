import EntangleCircuits

/// Which errors follow which gates, and how each qubit is misread: the same model runs on a
/// density matrix (exactly) or on state-vector trajectories (by sampling).
///
/// The rule, as in Qiskit Aer: an error applies after every gate it lists (on the listed qubits, or on
/// any qubits when it lists none) and acts on all the gate's qubits. A depolarizing error with
/// probability λ on a k-qubit gate is the k-qubit depolarizing channel; a one-qubit channel on a
/// multi-qubit gate acts on each of its qubits; a k-qubit channel needs a k-qubit gate.
///
/// Gate names are Qiskit's and OpenQASM's: the ``Gate/name`` with one `c` per control, so `cx` is
/// `x` with one control, `ccx` has two, and `cp`, `crz`, `cswap` follow. A gate's qubits, in the
/// order a multi-qubit channel sees them (little-endian, first = channel qubit 0), are its controls
/// then its targets, the order of an OpenQASM statement (`cx c, t`).
public struct NoiseModel: Hashable, Sendable {
  /// What an error does after a gate.
  public enum Channel: Hashable, Sendable {
    /// The depolarizing channel of the gate's size, ρ → (1−λ)ρ + λ·I/2^k (Aer's `depolarizing_error(λ, k)`).
    case depolarizing(probability: Double)
    /// A fixed channel: a one-qubit channel acts on each of the gate's qubits, a k-qubit one on all k.
    case kraus(KrausChannel)
  }

  /// One error: a channel after the gates it names.
  public struct GateError: Hashable, Sendable {
    /// The gate names it follows; `nil` for every gate.
    public var gates: Set<String>?
    /// The qubits it is restricted to (every qubit of the gate must be one of them); `nil` for any.
    public var qubits: Set<Int>?
    /// The channel applied after each matching gate.
    public var channel: Channel

    /// Whether this error follows `gate` named `name` on `qubits`.
    func applies(toGateNamed name: String, on gateQubits: [Int]) -> Bool {
      (gates?.contains(name) ?? true) && (qubits.map { allowed in gateQubits.allSatisfy(allowed.contains) } ?? true)
    }
  }

  /// The gate errors, applied in this order after a gate they all match.
  public private(set) var gateErrors: [GateError] = []
  /// The readout error of each qubit that has one.
  public private(set) var readoutErrors: [Int: ReadoutError] = [:]

  /// A model with no errors.
  public init() {}

  /// Adds an error after the gates named `gates` (every gate when `nil`), on `qubits` (any when `nil`).
  ///
  /// - Throws: ``SimulationError/invalidNoiseParameter(name:value:allowed:)`` for a depolarizing
  ///   probability outside 0…1 or a negative qubit.
  public mutating func addError(_ channel: Channel, gates: [String]? = nil, qubits: [Int]? = nil) throws(SimulationError) {
    if case let .depolarizing(probability) = channel { try KrausChannel.checkProbability(probability, name: "probability") }
    if let negative = qubits?.first(where: { $0 < 0 }) {
      throw .invalidNoiseParameter(name: "qubits", value: Double(negative), allowed: "0…")
    }
    gateErrors.append(GateError(gates: gates.map(Set.init), qubits: qubits.map(Set.init), channel: channel))
  }

  /// Sets the readout error of each of `qubits`, replacing any it had.
  ///
  /// - Throws: ``SimulationError/invalidNoiseParameter(name:value:allowed:)`` for a negative qubit.
  public mutating func setReadoutError(_ error: ReadoutError, qubits: [Int]) throws(SimulationError) {
    if let negative = qubits.first(where: { $0 < 0 }) {
      throw .invalidNoiseParameter(name: "qubits", value: Double(negative), allowed: "0…")
    }
    for qubit in qubits { readoutErrors[qubit] = error }
  }

  /// The name a noise model matches for `gate` with `controlCount` controls: one `c` per control, then the gate's name.
  public static func gateName(of gate: Gate, controlCount: Int) -> String {
    String(repeating: "c", count: controlCount) + gate.name
  }

  /// The circuit with its noise: each operation (its gate angles bound from `bindings`), followed by the
  /// channels the model attaches to it, each with the qubits it acts on and the operation's classical condition.
  ///
  /// A density matrix applies a ``NoisyOperation/channel(_:qubits:condition:)`` as
  /// Σ K ρ K† over `qubits` (little-endian: `qubits[0]` is the channel's qubit 0); trajectories sample
  /// one Kraus branch. Measurements, resets and barriers get no channels.
  /// - Complexity: O(operations · errors), plus building each depolarizing channel size once.
  /// - Throws: ``SimulationError/sizeMismatch(expected:actual:what:)`` when a multi-qubit channel meets a gate
  ///   of another size; ``SimulationError/invalidNoiseParameter(name:value:allowed:)`` for a depolarizing error
  ///   on a gate with more than ``KrausChannel/maximumDepolarizingQubits`` qubits.
  public func noisyOperations(of circuit: Circuit, bindings: [String: Double] = [:]) throws(SimulationError) -> [NoisyOperation] {
    var result: [NoisyOperation] = []
    var depolarizing: [DepolarizingKey: KrausChannel] = [:]
    for operation in circuit.operations {
      guard case let .gate(gate, targets, controls) = operation.kind else {
        result.append(.operation(operation))
        continue
      }
      var bound = operation
      bound.kind = .gate(bindings.isEmpty ? gate : gate.substituting(bindings), targets: targets, controls: controls)
      result.append(.operation(bound))
      let qubits = controls + targets
      guard !qubits.isEmpty else { continue }
      let name = Self.gateName(of: gate, controlCount: controls.count)
      for error in gateErrors where error.applies(toGateNamed: name, on: qubits) {
        switch error.channel {
        case let .depolarizing(probability):
          let key = DepolarizingKey(probability: probability, qubits: qubits.count)
          let channel: KrausChannel
          if let cached = depolarizing[key] {
            channel = cached
          } else {
            channel = try KrausChannel.depolarizing(probability: probability, qubits: qubits.count)
            depolarizing[key] = channel
          }
          result.append(.channel(channel, qubits: qubits, condition: operation.condition))
        case let .kraus(channel) where channel.qubitCount == 1:
          for qubit in qubits { result.append(.channel(channel, qubits: [qubit], condition: operation.condition)) }
        case let .kraus(channel):
          guard channel.qubitCount == qubits.count else {
            throw .sizeMismatch(expected: qubits.count, actual: channel.qubitCount, what: "channel after \(operation.summary)")
          }
          result.append(.channel(channel, qubits: qubits, condition: operation.condition))
        }
      }
    }
    return result
  }

  /// The outcome `value` of measuring `qubits` (bit i of `value` is `qubits[i]`) as read through each qubit's
  /// readout error, drawn from `generator`.
  public func read(_ value: Int, qubits: [Int], using generator: inout some RandomNumberGenerator) -> Int {
    var result = value
    for (position, qubit) in qubits.enumerated() {
      guard let error = readoutErrors[qubit] else { continue }
      let bit = value >> position & 1
      result = result & ~(1 << position) | error.read(bit, using: &generator) << position
    }
    return result
  }

  /// The distribution of read outcomes of `qubits` given their true distribution (entry j: bit i of j is
  /// `qubits[i]`), with each qubit's readout error applied exactly.
  ///
  /// - Complexity: O(2^k) per qubit with an error, for k = `qubits.count`.
  public func readProbabilities(_ probabilities: [Double], qubits: [Int]) -> [Double] {
    var result = probabilities
    for (position, qubit) in qubits.enumerated() {
      if let error = readoutErrors[qubit] { result = error.applied(to: result, bit: position) }
    }
    return result
  }
}

/// A depolarizing channel is built once per probability and size.
private struct DepolarizingKey: Hashable {
  var probability: Double
  var qubits: Int
}

/// One item of a noisy circuit: an operation to run as it is, or a channel after it.
public enum NoisyOperation: Hashable, Sendable {
  /// An operation of the circuit, its gate angles bound.
  case operation(Operation)
  /// `channel` on `qubits` (`qubits[i]` is the channel's qubit i), only when `condition` holds (always when `nil`).
  case channel(KrausChannel, qubits: [Int], condition: ClassicalCondition?)
}
