import Entangle
import Foundation

/// Runs a parsed program on a `StateVector<Scalar>` for `entangle run`: the final state, or counts
/// over many shots, with the same seed giving the same result.
struct CircuitExecutor<Scalar: AmplitudeScalar> {
  let program: QASMProgram
  let structure: MeasurementStructure
  /// Threads per pass; nil leaves the simulator's default (the machine's active cores).
  let threads: Int?
  /// The file name errors are reported against.
  let file: String

  init(program: QASMProgram, threads: Int?, file: String) throws(CommandFailure) {
    self.program = program
    self.threads = threads
    self.file = file
    do {
      structure = try MeasurementStructure(program.circuit)
    } catch {
      throw CommandFailure(file: file, message: error.description)
    }
  }

  /// The threads a pass may use: `--threads`, or the simulator's default, the machine's active cores.
  var threadCount: Int {
    threads ?? ProcessInfo.processInfo.activeProcessorCount
  }

  /// The state the amplitudes and probabilities describe: before the measurements when they are all
  /// final (as Qiskit's `Statevector` of the circuit without final measurements), otherwise after the
  /// whole circuit, with every measurement collapsing the state by a draw from `seed`.
  func finalState(seed: UInt64) throws(CommandFailure) -> StateVector<Scalar> {
    var state = try emptyState(qubits: program.circuit.qubitCount)
    let progress = ProgressIndicator("simulating")
    defer { progress.finish() }
    try simulate { () throws(SimulationError) in
      try state.apply(structure.withoutFinalMeasurements, seed: seed)
    }
    return state
  }

  /// Counts of `shots` outcomes keyed by bitstring: the classical bits in Qiskit's format when the
  /// circuit measures (``ClassicalBitFormat``), otherwise all qubits with qubit 0 rightmost.
  ///
  /// With only final measurements the circuit is simulated once and sampled; otherwise it runs shot
  /// by shot, the operations before the first measurement, reset or condition simulated once.
  func counts(shots: Int, seed: UInt64) throws(CommandFailure) -> [String: Int] {
    var generator = SeededRandomNumberGenerator(seed: seed)
    let circuit = program.circuit
    if structure.finalMeasurements != nil { return try sampledCounts(shots: shots, generator: &generator) }
    let format = ClassicalBitFormat(registers: program.classicalRegisters, bitCount: circuit.classicalBitCount)
    let split =
      circuit.operations.firstIndex { operation in
        if operation.condition != nil { return true }
        switch operation.kind {
        case .measure, .reset: return true
        case .gate, .barrier: return false
        }
      } ?? circuit.operations.count
    var prepared = try emptyState(qubits: circuit.qubitCount)
    var counts: [String: Int] = [:]
    let progress = ProgressIndicator("running shots", total: shots)
    defer { progress.finish() }
    try simulate { () throws(SimulationError) in
      let prefix = try Self.circuit(like: circuit, operations: circuit.operations[..<split])
      let rest = try Self.circuit(like: circuit, operations: circuit.operations[split...])
      try prepared.apply(prefix)
      for _ in 0..<shots {
        var state = prepared
        let bits = try state.apply(rest, using: &generator)
        // A program that resets or conditions but never measures is read out like one without measurements.
        let key =
          structure.hasMeasurements
          ? format.key(bits)
          : Self.bitString(try state.sample(shots: 1, using: &generator)[0], width: circuit.qubitCount)
        counts[key, default: 0] += 1
        progress.advance()
      }
    }
    return counts
  }

  /// Shots drawn per call to `sample`, so that a billion shots do not hold a billion indices at once
  /// (the draws, one generator in order, are the same as in a single call).
  private static var samplingBatch: Int { 1 << 20 }

  /// Counts from one simulation of the circuit without its final measurements, sampled `shots` times.
  private func sampledCounts(shots: Int, generator: inout SeededRandomNumberGenerator) throws(CommandFailure)
    -> [String: Int]
  {
    let circuit = program.circuit
    var state = try emptyState(qubits: circuit.qubitCount)
    var indexCounts: [Int: Int] = [:]
    do {
      let progress = ProgressIndicator("simulating")
      defer { progress.finish() }
      try simulate { () throws(SimulationError) in
        try state.apply(structure.withoutFinalMeasurements)
        var remaining = shots
        while remaining > 0 {
          let batch = min(remaining, Self.samplingBatch)
          for index in try state.sample(shots: batch, using: &generator) { indexCounts[index, default: 0] += 1 }
          remaining -= batch
        }
      }
    }
    var counts: [String: Int] = [:]
    if structure.hasMeasurements {
      let format = ClassicalBitFormat(registers: program.classicalRegisters, bitCount: circuit.classicalBitCount)
      for (index, count) in indexCounts {
        counts[
          format.key(structure.classicalBits(forBasisState: index, bitCount: circuit.classicalBitCount)), default: 0] +=
          count
      }
    } else {
      for (index, count) in indexCounts { counts[Self.bitString(index, width: circuit.qubitCount)] = count }
    }
    return counts
  }

  /// Basis state `index` with qubit 0 rightmost.
  static func bitString(_ index: Int, width: Int) -> String {
    String((0..<width).reversed().map { index >> $0 & 1 == 1 ? "1" : "0" })
  }

  /// |0…0⟩ on `qubits` qubits with the requested thread count, refused before allocating when it cannot fit.
  func emptyState(qubits: Int) throws(CommandFailure) -> StateVector<Scalar> {
    var state: StateVector<Scalar>
    do {
      state = try StateVector<Scalar>(qubits: qubits)
    } catch {
      throw CommandFailure(file: file, message: error.description)
    }
    if let threads { state.threadCount = threads }
    return state
  }

  /// Runs `body`, reporting a simulation error as `FILE: error: …`.
  private func simulate(_ body: () throws(SimulationError) -> Void) throws(CommandFailure) {
    do {
      try body()
    } catch {
      throw CommandFailure(file: file, message: error.description)
    }
  }

  private static func circuit(like circuit: Circuit, operations: ArraySlice<EntangleCircuits.Operation>) throws(SimulationError)
    -> Circuit
  {
    do {
      return try Circuit(qubits: circuit.qubitCount, bits: circuit.classicalBitCount, operations: Array(operations))
    } catch {
      throw .circuit(error)
    }
  }
}
