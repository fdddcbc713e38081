import RealModule
import EntangleCircuits
import ComplexModule

/// What a simulator makes of a circuit once: parameters bound, every operation lowered
/// to the kernel class that runs it fastest, neighbouring gates fused, and runs of gates
/// grouped so that each run costs one pass over memory.
///
/// Gates are classified by their matrix, not their name: a matrix with only a diagonal
/// runs as a diagonal pass (no mixing), one with a single non-zero per column as a
/// permutation (data movement, phases only where they are not 1), anything else as a dense
/// pass. A ``Gate/qft(qubitCount:swaps:inverse:)`` block, and a textbook QFT that
/// `FourierRecognition` finds among the gates, runs as one FFTW transform. Then `CacheBlocking` cuts the unitary steps into segments that each touch few enough
/// qubits to run block by block in cache, and `GateFusion` merges the steps of each
/// segment where its cost model says the merged step is cheaper.
struct ExecutionPlan: Sendable {
  /// One step of the plan.
  enum Step: Sendable {
    case dense(matrix: [Complex<Double>], targets: [Int], controlMask: Int)
    case diagonal(entries: [Complex<Double>], targets: [Int], controlMask: Int)
    case permutation(permutation: [Int], phases: [Complex<Double>]?, targets: [Int], controlMask: Int)
    case fourier(qubits: [Int], inverse: Bool, swaps: Bool)
    case measure(qubit: Int, bit: Int)
    case reset(qubit: Int)
    indirect case conditioned(ClassicalCondition, Step)
    /// Unitary steps applied block by block while each block is in cache.
    case segment(BlockedSegment)
  }

  /// How a plan is optimised.
  struct Options: Sendable {
    /// Whether neighbouring gates are fused.
    var fusion = true
    /// log2 of the amplitudes of a cache block; nil: no cache blocking.
    var blockQubits: Int?
    /// The low qubits every block holds, so that it is gathered in contiguous chunks.
    var chunkQubits = 0
    /// The size of an amplitude, which decides the qubits inside one SIMD vector.
    var bytesPerAmplitude = 16

    /// Fusion and cache blocking sized for the per-core cache of this kind of machine:
    /// 512 KiB blocks (a quarter of the 2 MiB L2), gathered in chunks of at least 2 KiB.
    ///
    /// A block's gather and scatter cost 2.0 passes over memory at 512 KiB and 2.8 at 1 MiB
    /// (`Float`, n = 26: the scatter finds fewer of its lines still in cache); whole circuits
    /// ran 4–5% faster with the smaller block despite its fewer free qubits.
    static func standard(bytesPerAmplitude: Int) -> Options {
      let amplitudeBits = bytesPerAmplitude.trailingZeroBitCount
      return Options(
        fusion: true, blockQubits: 19 - amplitudeBits, chunkQubits: 11 - amplitudeBits,
        bytesPerAmplitude: bytesPerAmplitude)
    }

    /// Every gate as its own pass, as written.
    static let unoptimized = Options(fusion: false, blockQubits: nil)
  }

  let qubitCount: Int
  let classicalBitCount: Int
  var steps: [Step] = []
  /// How the steps are made again for new parameter values; nil for a plan made for one binding.
  private(set) var rebinding: Rebinding?

  /// Lowers `circuit` with its symbols taken from `bindings`, for a state of `stateQubits`
  /// qubits (at least the circuit's).
  ///
  /// - Throws: ``CircuitError/unboundParameter(name:)`` (wrapped in ``SimulationError/circuit(_:)``)
  ///   when a symbol has no value.
  init(_ circuit: Circuit, bindings: [String: Double], stateQubits: Int, options: Options) throws(SimulationError) {
    qubitCount = stateQubits
    classicalBitCount = circuit.classicalBitCount
    var lowered: [Step] = []
    do {
      let operations = options.fusion
        ? FourierRecognition.rewrite(circuit.operations, bindings: bindings) : circuit.operations
      for operation in operations { lowered += try Self.lower(operation, bindings: bindings) }
    } catch {
      throw .circuit(error)
    }
    steps = CacheBlocking.plan(lowered, qubitCount: stateQubits, options: options).steps
  }

  /// Lowers `circuit` with its symbols left free, for binding again and again
  /// (``bound(to:)``): gates whose angles use a symbol are lowered, fused and blocked by
  /// their structure, never by the values their angles happen to take.
  ///
  /// The steps hold the matrices for placeholder values until the plan is bound.
  init(compiling circuit: Circuit, stateQubits: Int, options: Options) throws(SimulationError) {
    qubitCount = stateQubits
    classicalBitCount = circuit.classicalBitCount
    // Irrational-looking values, distinct per symbol, so that no gate's structure (diagonal,
    // permutation, identity) shows only by coincidence.
    let names = circuit.parameterNames
    let placeholders = Dictionary(
      uniqueKeysWithValues: names.enumerated().map { ($1, 0.7390851332 + 1.2247448714 * Double($0 + 1)) })
    var lowered: [Step] = []
    var parametric: [Bool] = []
    var operations: [Rebinding.Operation] = []
    do {
      // Unbound angles are never recognised as part of a QFT: they may take any value.
      let rewritten = options.fusion ? FourierRecognition.rewrite(circuit.operations, bindings: [:]) : circuit.operations
      for operation in rewritten {
        let steps = try Self.lower(operation, bindings: placeholders)
        let isParametric: Bool
        if case let .gate(gate, _, _) = operation.kind { isParametric = !gate.symbols.isEmpty } else { isParametric = false }
        if isParametric { operations.append(.init(operation: operation, firstStep: lowered.count, stepCount: steps.count)) }
        lowered += steps
        parametric += Array(repeating: isParametric, count: steps.count)
      }
    } catch {
      throw .circuit(error)
    }
    let planned = CacheBlocking.plan(lowered, parametric: parametric, qubitCount: stateQubits, options: options)
    steps = planned.steps
    rebinding = Rebinding(
      circuit: circuit, options: options, lowered: lowered, operations: operations, parametricSteps: planned.parametricSteps)
  }

  /// The steps of one operation, its condition carried by each.
  static func lower(_ operation: Operation, bindings: [String: Double]) throws(CircuitError) -> [Step] {
    try lower(operation.kind, bindings: bindings).map { step in operation.condition.map { .conditioned($0, step) } ?? step }
  }

  static func lower(_ kind: Operation.Kind, bindings: [String: Double]) throws(CircuitError) -> [Step] {
    switch kind {
    case let .gate(gate, targets, controls):
      return try lower(gate, targets: targets, controls: controls, bindings: bindings)
    case let .measure(qubit, bit): return [.measure(qubit: qubit, bit: bit)]
    case let .reset(qubit): return [.reset(qubit: qubit)]
    case .barrier: return []
    }
  }

  /// The steps that apply `gate` on `targets` where every control is 1.
  static func lower(_ gate: Gate, targets: [Int], controls: [Int], bindings: [String: Double]) throws(CircuitError) -> [Step] {
    switch gate {
    case .identity:
      return []
    case let .qft(_, swaps, inverse) where controls.isEmpty:
      return [.fourier(qubits: targets, inverse: inverse, swaps: swaps)]
    case let .qft(count, swaps, inverse):
      // A controlled QFT runs as its textbook gates, each with the extra controls.
      var steps: [Step] = []
      for (gate, gateTargets, gateControls) in FourierCircuit.gates(qubits: count, swaps: swaps, inverse: inverse) {
        steps += try lower(gate, targets: gateTargets.map { targets[$0] },
                           controls: gateControls.map { targets[$0] } + controls, bindings: bindings)
      }
      return steps
    case .globalPhase(let angle):
      // e^{iγ} where every control is 1: a diagonal on one control (or on any qubit without controls).
      let phase = cis(try angle.value(bindings))
      guard let last = controls.last else {
        return [.diagonal(entries: [phase, phase], targets: [0], controlMask: 0)]
      }
      return [.diagonal(entries: [.one, phase], targets: [last], controlMask: mask(controls.dropLast()))]
    default:
      return [classify(try gate.matrix(bindings), targets: targets, controlMask: mask(controls))]
    }
  }

  /// The cheapest kernel class that applies `matrix` exactly.
  static func classify(_ matrix: Matrix, targets: [Int], controlMask: Int) -> Step {
    classify(matrix.elements, dimension: matrix.dimension, targets: targets, controlMask: controlMask)
  }

  /// The cheapest kernel class that applies the row-major `elements` exactly.
  static func classify(_ elements: [Complex<Double>], dimension n: Int, targets: [Int], controlMask: Int) -> Step {
    var isDiagonal = true
    var permutation = [Int](repeating: -1, count: n)
    var isMonomial = true
    for column in 0..<n {
      for row in 0..<n where elements[row * n + column] != .zero {
        if row != column { isDiagonal = false }
        if permutation[column] >= 0 { isMonomial = false }
        permutation[column] = row
      }
    }
    if isDiagonal {
      return .diagonal(entries: (0..<n).map { elements[$0 * n + $0] }, targets: targets, controlMask: controlMask)
    }
    if isMonomial, Set(permutation).count == n, !permutation.contains(-1) {
      let phases = (0..<n).map { elements[permutation[$0] * n + $0] }
      return .permutation(
        permutation: permutation, phases: phases.allSatisfy { $0 == .one } ? nil : phases,
        targets: targets, controlMask: controlMask)
    }
    return .dense(matrix: elements, targets: targets, controlMask: controlMask)
  }

  static func mask(_ qubits: some Sequence<Int>) -> Int { qubits.reduce(0) { $0 | 1 << $1 } }
}

/// e^{iφ}.
func cis(_ phase: Double) -> Complex<Double> { Complex(.cos(phase), .sin(phase)) }

/// The textbook QFT circuit as Qiskit builds it, on block qubits 0..<k.
enum FourierCircuit {
  /// (gate, targets, controls) in order: for j from k−1 down to 0, H on j then CP(π/2^(j−m)) from m = j−1
  /// down to 0 (control j, target m); then swaps (i, k−1−i). The inverse is the adjoint, in reverse order.
  static func gates(qubits k: Int, swaps: Bool, inverse: Bool) -> [(Gate, [Int], [Int])] {
    var gates: [(Gate, [Int], [Int])] = []
    for j in stride(from: k - 1, through: 0, by: -1) {
      gates.append((.h, [j], []))
      for m in stride(from: j - 1, through: 0, by: -1) {
        gates.append((.phase(Parameter(Double.pi / Double(1 << (j - m)))), [m], [j]))
      }
    }
    if swaps {
      for i in 0..<k / 2 { gates.append((.swap, [i, k - 1 - i], [])) }
    }
    guard inverse else { return gates }
    return gates.reversed().map { ($0.0.inverse, $0.1, $0.2) }
  }
}
