import EntangleCircuits
import ComplexModule

extension StateVector {
  /// Applies `gate` to `targets` (in the gate's little-endian order), only where every control is 1.
  ///
  /// - Complexity: one pass over the state (a 1/2^c share of it with c controls); a dense k-qubit
  ///   gate costs about 2^k multiply-adds per amplitude.
  /// - Throws: ``SimulationError/qubitOutOfRange(qubit:qubitCount:)``, ``SimulationError/repeatedQubit(_:)``,
  ///   or ``SimulationError/circuit(_:)`` for a wrong target count, a non-unitary matrix or an unbound parameter.
  public mutating func apply(
    _ gate: Gate, to targets: [Int], controls: [Int] = [], bindings: [String: Double] = [:]
  ) throws(SimulationError) {
    var single = try Circuit.single(qubits: qubitCount)
    let steps: [ExecutionPlan.Step]
    do {
      try single.append(.gate(gate, on: targets, controls: controls))
      steps = try ExecutionPlan.lower(gate, targets: targets, controls: controls, bindings: bindings)
    } catch {
      throw .circuit(error)
    }
    // One step gains nothing from fusion, QFT recognition or cache blocking: planning them
    // took 2.4 of the 4.1 µs a one-qubit call cost on 10 qubits. A controlled QFT lowers to
    // its textbook gates, which do gain.
    guard steps.count <= 1 else {
      try apply(single, bindings: bindings)
      return
    }
    if let step = steps.first { try applyUnitary(step) }
  }

  /// Runs `circuit` on this state, with mid-circuit measurements, resets and classical conditions,
  /// drawing measurement outcomes from a generator seeded with `seed`.
  ///
  /// The circuit's qubit i acts on this state's qubit i; the circuit may have fewer qubits than the state.
  /// - Returns: the classical bits after the run (index = bit number), all `false` when nothing is measured.
  /// - Throws: ``SimulationError/sizeMismatch(expected:actual:what:)`` when the circuit has more qubits than the
  ///   state; ``SimulationError/circuit(_:)`` when a parameter has no value.
  @discardableResult
  public mutating func apply(_ circuit: Circuit, bindings: [String: Double] = [:], seed: UInt64 = 0)
    throws(SimulationError) -> [Bool]
  {
    var generator = SeededRandomNumberGenerator(seed: seed)
    return try apply(circuit, bindings: bindings, using: &generator)
  }

  /// Runs `circuit` on this state, drawing measurement outcomes from `generator`.
  ///
  /// - Returns: the classical bits after the run (index = bit number).
  @discardableResult
  public mutating func apply(
    _ circuit: Circuit, bindings: [String: Double] = [:], using generator: inout some RandomNumberGenerator
  ) throws(SimulationError) -> [Bool] {
    guard circuit.qubitCount <= qubitCount else {
      throw .sizeMismatch(expected: qubitCount, actual: circuit.qubitCount, what: "circuit applied to a state")
    }
    let plan = try ExecutionPlan(
      circuit, bindings: bindings, stateQubits: qubitCount,
      options: .standard(bytesPerAmplitude: Scalar.bytesPerAmplitude))
    return try run(plan, using: &generator)
  }

  /// How `circuit` would run on this state: the passes over memory and the kernel steps left
  /// after fusion, QFT recognition and cache blocking. Nothing is applied.
  ///
  /// - Complexity: the planning part of ``apply(_:bindings:seed:)``, about linear in the gates.
  /// - Throws: the errors of ``apply(_:bindings:seed:)`` for a circuit that cannot run.
  public func executionSummary(of circuit: Circuit, bindings: [String: Double] = [:]) throws(SimulationError)
    -> ExecutionSummary
  {
    guard circuit.qubitCount <= qubitCount else {
      throw .sizeMismatch(expected: qubitCount, actual: circuit.qubitCount, what: "circuit applied to a state")
    }
    return ExecutionSummary(
      try ExecutionPlan(
        circuit, bindings: bindings, stateQubits: qubitCount,
        options: .standard(bytesPerAmplitude: Scalar.bytesPerAmplitude)))
  }

  /// Runs the steps of `plan`, made for a state of this many qubits.
  ///
  /// - Returns: the classical bits after the run (index = bit number).
  mutating func run(_ plan: ExecutionPlan, using generator: inout some RandomNumberGenerator) throws(SimulationError)
    -> [Bool]
  {
    assert(plan.qubitCount == qubitCount)
    var bits = [Bool](repeating: false, count: plan.classicalBitCount)
    for step in plan.steps { try run(step, bits: &bits, generator: &generator) }
    return bits
  }

  /// Applies a step that needs no classical bits or randomness: a unitary step, a segment
  /// or a transform.
  mutating func applyUnitary(_ step: ExecutionPlan.Step) throws(SimulationError) {
    var bits: [Bool] = []
    var generator = SeededRandomNumberGenerator(seed: 0)
    try run(step, bits: &bits, generator: &generator)
  }

  mutating func run(
    _ step: ExecutionPlan.Step, bits: inout [Bool], generator: inout some RandomNumberGenerator
  ) throws(SimulationError) {
    let n = qubitCount
    let threads = threadCount
    switch step {
    case .dense, .diagonal, .permutation:
      StateKernels.apply(step, to: uniqueBase(), qubitCount: n, threads: threads)
    case let .segment(segment):
      StateKernels.applySegment(segment, to: uniqueBase(), qubitCount: n, threads: threads)
    case let .fourier(qubits, inverse, swaps):
      do {
        try FourierTransform.apply(qubits: qubits, inverse: inverse, swaps: swaps, to: uniqueBase(), qubitCount: n, threads: threads)
      } catch {
        throw .fourierTransformUnavailable(qubits: qubits, qubitCount: n)
      }
    case let .measure(qubit, bit):
      bits[bit] = measureUnchecked(qubit, using: &generator) == 1
    case let .reset(qubit):
      resetUnchecked(qubit, using: &generator)
    case let .conditioned(condition, inner):
      var value = 0
      for (position, bit) in condition.bits.enumerated() where bits[bit] { value |= 1 << position }
      if value == condition.value { try run(inner, bits: &bits, generator: &generator) }
    }
  }
}

extension Circuit {
  /// An empty circuit of `qubits` qubits, for applying one gate.
  fileprivate static func single(qubits: Int) throws(SimulationError) -> Circuit {
    do { return try Circuit(qubits: qubits) } catch { throw .circuit(error) }
  }
}
