import EntangleCircuits
import Foundation

/// Noisy circuits by Monte-Carlo trajectories: one state-vector run per shot, each channel replaced by
/// one Kraus branch drawn with its Born probability (Dalibard, Castin & Mølmer 1992; the
/// `method="statevector"` noise path of Qiskit Aer).
///
/// Averages over shots converge to the density-matrix result with standard error O(1/√shots), using
/// 16·2^n bytes per thread instead of 16·4^n. Shot i draws from a generator seeded with `seed &+ i`,
/// so counts do not depend on the thread count; averages agree up to the rounding of their sums.
///
/// ```swift
/// var model = NoiseModel()
/// try model.addError(.depolarizing(probability: 0.01), gates: ["cx"])
/// let result = try TrajectorySimulator(noiseModel: model).run(bell, shots: 1000, seed: 7)
/// result.counts   // ["00": 497, "11": 498, …]
/// ```
public struct TrajectorySimulator: Sendable {
  /// The errors applied after gates and on readout.
  public var noiseModel: NoiseModel
  /// The most shots run at the same time, each on its own state (default: the machine's active cores).
  public var threadCount: Int {
    didSet { threadCount = Swift.max(1, threadCount) }
  }

  /// A simulator for `noiseModel` running up to `threads` shots at once.
  public init(noiseModel: NoiseModel, threads: Int = ProcessInfo.processInfo.activeProcessorCount) {
    self.noiseModel = noiseModel
    self.threadCount = Swift.max(1, threads)
  }

  /// Runs `shots` trajectories of `circuit` and gathers counts, averaged probabilities and expectation values.
  ///
  /// Each trajectory runs the circuit's operations (mid-circuit measurements, resets and classical
  /// conditions included) with the noise model's channels, then samples one outcome of `measuring`
  /// (default: every qubit) from its final state and reads it through the readout errors.
  /// - Parameters:
  ///   - observables: Pauli sums whose expectation values are averaged over the trajectories' final states.
  /// - Complexity: shots × (one run of the circuit + one pass per non-unitary channel + one pass for the
  ///   probabilities + one per observable); memory 16·2^n bytes per thread plus 8·2^n for the averages.
  /// - Throws: ``SimulationError/invalidCount(_:what:)`` for fewer than one shot; the errors of
  ///   ``NoiseModel/noisyOperations(of:bindings:)``, of state allocation and of running the circuit;
  ///   ``SimulationError/qubitOutOfRange(qubit:qubitCount:)`` for a measured qubit or observable outside the circuit.
  public func run(
    _ circuit: Circuit, shots: Int, seed: UInt64 = 0, bindings: [String: Double] = [:],
    measuring qubits: [Int]? = nil, observables: [PauliSum] = []
  ) throws(SimulationError) -> TrajectoryResult {
    guard shots >= 1 else { throw .invalidCount(shots, what: "the number of shots") }
    let qubitCount = Swift.max(circuit.qubitCount, 1)
    let measured = qubits ?? Array(0..<circuit.qubitCount)
    var seen = Set<Int>()
    for qubit in measured {
      guard (0..<qubitCount).contains(qubit) else { throw .qubitOutOfRange(qubit: qubit, qubitCount: qubitCount) }
      guard seen.insert(qubit).inserted else { throw .repeatedQubit(qubit) }
    }
    let program = try TrajectoryProgram(
      noiseModel.noisyOperations(of: circuit, bindings: bindings), qubitCount: qubitCount,
      classicalBitCount: circuit.classicalBitCount)

    let totals = TrajectoryTotals(stateSize: 1 << qubitCount, observables: observables.count)
    let chunks = Swift.min(threadCount, shots)
    ParallelLoop.forEachChunk(count: shots, threads: chunks, minimumPerThread: 1) { range in
      do throws(SimulationError) {
        var state = try StateVector<Double>(qubits: qubitCount)
        state.threadCount = chunks > 1 ? 1 : threadCount
        var partial = TrajectoryTotals.Partial(stateSize: 1 << qubitCount, observables: observables.count)
        for shot in range {
          var generator = SeededRandomNumberGenerator(seed: seed &+ UInt64(shot))
          try state.setBasisState(0)
          try program.run(on: &state, using: &generator)
          let probabilities = state.probabilities()
          for i in probabilities.indices { partial.probabilities[i] += probabilities[i] }
          for (index, observable) in observables.enumerated() {
            let value = try state.expectation(of: observable)
            partial.expectationSums[index] += value
            partial.expectationSquares[index] += value * value
          }
          let outcome = StateVector<Double>.draw(from: probabilities, using: &generator)
          var value = 0
          for (position, qubit) in measured.enumerated() where outcome >> qubit & 1 == 1 { value |= 1 << position }
          value = noiseModel.read(value, qubits: measured, using: &generator)
          partial.counts[BitString.make(value, width: measured.count), default: 0] += 1
        }
        totals.add(partial)
      } catch {
        totals.fail(error)
      }
    }
    return try totals.result(shots: shots)
  }
}

/// What trajectories estimate, averaged over shots.
public struct TrajectoryResult: Hashable, Sendable {
  /// The number of trajectories.
  public var shots: Int
  /// Read outcomes by bitstring, the first measured qubit rightmost (as Qiskit prints counts), after readout errors.
  public var counts: [String: Int]
  /// The mean over trajectories of each basis state's probability |⟨i|ψ⟩|² (index little-endian), before
  /// readout errors: an estimate of the density matrix's diagonal.
  public var probabilities: [Double]
  /// The mean over trajectories of each observable's expectation value, in the order asked.
  public var expectationValues: [Double]
  /// The standard error of each mean in ``expectationValues`` (sample standard deviation / √shots).
  public var expectationStandardErrors: [Double]
}

/// A noisy circuit prepared for trajectories: planned stretches of operations between channels.
private struct TrajectoryProgram: Sendable {
  enum Item: Sendable {
    case steps([ExecutionPlan.Step])
    case channel(KrausChannel, qubits: [Int], condition: ClassicalCondition?)
  }

  let items: [Item]
  let classicalBitCount: Int

  init(_ operations: [NoisyOperation], qubitCount: Int, classicalBitCount: Int) throws(SimulationError) {
    self.classicalBitCount = classicalBitCount
    var items: [Item] = []
    var stretch: [EntangleCircuits.Operation] = []
    func flush() throws(SimulationError) {
      guard !stretch.isEmpty else { return }
      let circuit: Circuit
      do throws(CircuitError) {
        circuit = try Circuit(qubits: qubitCount, bits: classicalBitCount, operations: stretch)
      } catch {
        throw .circuit(error)
      }
      let plan = try ExecutionPlan(
        circuit, bindings: [:], stateQubits: qubitCount, options: .standard(bytesPerAmplitude: Double.bytesPerAmplitude))
      items.append(.steps(plan.steps))
      stretch = []
    }
    for operation in operations {
      switch operation {
      case let .operation(operation):
        stretch.append(operation)
      case let .channel(channel, qubits, condition):
        try flush()
        guard let outside = qubits.first(where: { $0 >= qubitCount }) else {
          items.append(.channel(channel, qubits: qubits, condition: condition))
          continue
        }
        throw .qubitOutOfRange(qubit: outside, qubitCount: qubitCount)
      }
    }
    try flush()
    self.items = items
  }

  func run(on state: inout StateVector<Double>, using generator: inout SeededRandomNumberGenerator) throws(SimulationError) {
    var bits = [Bool](repeating: false, count: classicalBitCount)
    for item in items {
      switch item {
      case let .steps(steps):
        for step in steps { try state.run(step, bits: &bits, generator: &generator) }
      case let .channel(channel, qubits, condition):
        if let condition {
          var value = 0
          for (position, bit) in condition.bits.enumerated() where bits[bit] { value |= 1 << position }
          guard value == condition.value else { continue }
        }
        try state.applyChannelUnchecked(channel, to: qubits, using: &generator)
      }
    }
  }
}

/// Sums gathered from the threads running trajectories.
private final class TrajectoryTotals: @unchecked Sendable {
  struct Partial {
    var probabilities: [Double]
    var expectationSums: [Double]
    var expectationSquares: [Double]
    var counts: [String: Int] = [:]

    init(stateSize: Int, observables: Int) {
      probabilities = Array(repeating: 0, count: stateSize)
      expectationSums = Array(repeating: 0, count: observables)
      expectationSquares = Array(repeating: 0, count: observables)
    }
  }

  private let lock = NSLock()
  private var total: Partial
  private var error: SimulationError?

  init(stateSize: Int, observables: Int) {
    total = Partial(stateSize: stateSize, observables: observables)
  }

  func add(_ partial: Partial) {
    lock.withLock {
      for i in total.probabilities.indices { total.probabilities[i] += partial.probabilities[i] }
      for i in total.expectationSums.indices {
        total.expectationSums[i] += partial.expectationSums[i]
        total.expectationSquares[i] += partial.expectationSquares[i]
      }
      total.counts.merge(partial.counts, uniquingKeysWith: +)
    }
  }

  func fail(_ error: SimulationError) {
    lock.withLock { self.error = self.error ?? error }
  }

  func result(shots: Int) throws(SimulationError) -> TrajectoryResult {
    if let error { throw error }
    let n = Double(shots)
    let means = total.expectationSums.map { $0 / n }
    let errors = zip(total.expectationSquares, means).map { squares, mean in
      shots > 1 ? (Swift.max(0, squares / n - mean * mean) * n / (n - 1) / n).squareRoot() : 0
    }
    return TrajectoryResult(
      shots: shots, counts: total.counts, probabilities: total.probabilities.map { $0 / n },
      expectationValues: means, expectationStandardErrors: errors)
  }
}
