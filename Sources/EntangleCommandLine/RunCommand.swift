import ArgumentParser
import Entangle
import Foundation

/// `entangle run FILE.qasm`: simulate a program and print its amplitudes, probabilities or counts.
struct RunCommand: ReportingCommand {
  static let configuration = CommandConfiguration(
    commandName: "run",
    abstract: "Simulate an OpenQASM 2.0 program and print amplitudes, probabilities or counts.",
    discussion: """
      Indices and bitstrings are little-endian: qubit k is bit k of an amplitude's index, and \
      bitstrings print with qubit 0 rightmost, as Qiskit prints them.

      amplitudes, probabilities: the final state. When every measurement is final (no operation on a \
      measured qubit after it, no reset, no if), this is the state before the measurements, as Qiskit's \
      Statevector of the circuit without its final measurements. Otherwise it is the state after the \
      whole circuit, each measurement and reset collapsing it by a draw from --seed.

      counts: for a program that measures, the classical bits as Qiskit prints them (each register \
      with bit 0 rightmost, registers separated by a space, the last-declared register first); for a \
      program without measurements, all qubits are sampled. When every measurement is final the state \
      is simulated once and sampled --shots times; otherwise the program runs shot by shot, with \
      mid-circuit measurements, resets and if, from one generator seeded with --seed.

      --format json prints one object: file, qubits, classical_bits, measurements (none, final or \
      mid-circuit), precision, threads, seed and shots where they apply, and amplitudes \
      ([[re, im], ...] in index order), probabilities or counts ({"bitstring": count}).
      """
  )

  /// What `run` prints.
  enum Output: String, CaseIterable, ExpressibleByArgument {
    case amplitudes, probabilities, counts
  }

  @Argument(help: "The OpenQASM 2.0 file.")
  var file: String

  @Option(help: "What to print: amplitudes, probabilities or counts.")
  var output: Output = .counts

  @Option(help: "Shots to sample for --output counts.")
  var shots: Int = 1024

  @Option(help: "Seed for measurements and sampling (default: a random seed, printed with the result).")
  var seed: UInt64?

  @Option(help: "Output format: text (a table of the most likely outcomes) or json (one object).")
  var format: OutputFormat = .text

  @OptionGroup var simulation: SimulationOptions

  @Option(help: "Outcomes shown in the text table.")
  var top: Int = 16

  @Option(help: "A noise model (JSON, see Docs/Noise.md): gate errors as Kraus channels and readout errors.")
  var noise: String?

  /// How a noisy program is simulated.
  enum Method: String, CaseIterable, ExpressibleByArgument {
    case trajectories
    case densityMatrix = "density-matrix"
  }

  @Option(help: "With --noise: trajectories (a state-vector run per shot) or density-matrix (exact, 16·4^n bytes).")
  var method: Method = .trajectories

  func validate() throws {
    guard shots > 0 else { throw ValidationError("--shots must be positive, got \(shots)") }
    guard top > 0 else { throw ValidationError("--top must be positive, got \(top)") }
  }

  func execute(writingTo output: OutputBuffer) throws(CommandFailure) {
    let program = try ProgramLoader.load(file, checkingMemoryFor: simulation.precision)
    if let noise {
      try reportNoisy(program: program, noiseFile: noise, to: output)
      return
    }
    switch simulation.precision {
    case .double: try report(Double.self, program: program, to: output)
    case .single: try report(Float.self, program: program, to: output)
    }
  }

  private func report<Scalar: AmplitudeScalar>(_: Scalar.Type, program: QASMProgram, to buffer: OutputBuffer)
    throws(CommandFailure)
  {
    let executor = try CircuitExecutor<Scalar>(program: program, threads: simulation.threads, file: file)
    // A short random seed, easy to copy into --seed to repeat the run.
    let seed = self.seed ?? UInt64.random(in: 0...UInt64(UInt32.max))
    let circuit = program.circuit
    let measurements = executor.structure.kind
    var members: [(key: String, value: JSONValue)] = [
      ("file", .string(file)),
      ("qubits", .integer(circuit.qubitCount)),
      ("classical_bits", .integer(circuit.classicalBitCount)),
      ("measurements", .string(measurements.rawValue)),
      ("precision", .string(simulation.precision.rawValue)),
      ("threads", .integer(executor.threadCount)),
    ]
    var summary =
      "\(file): \(Self.counted(circuit.qubitCount, "qubit")), \(simulation.precision.rawValue) precision, "
      + Self.counted(executor.threadCount, "thread")
    var lines: [String] = []
    switch output {
    case .amplitudes, .probabilities:
      let state = try executor.finalState(seed: seed)
      switch measurements {
      case .midCircuit:
        members.append(("seed", .unsignedInteger(seed)))
        summary += ", seed \(seed) (the state after the seeded measurements)"
      case .final: summary += " (the state before the final measurements)"
      case .none: break
      }
      switch (format, output) {
      case (.json, .amplitudes): members.append(("amplitudes", Self.amplitudesJSON(state)))
      case (.json, _): members.append(("probabilities", Self.probabilitiesJSON(state.probabilities())))
      case (.text, _): lines = stateTable(state)
      }
    case .counts:
      let counts = try executor.counts(shots: shots, seed: seed)
      members.append(("shots", .integer(shots)))
      members.append(("seed", .unsignedInteger(seed)))
      members.append(("counts", .object(counts.sorted { $0.key < $1.key }.map { ($0.key, .integer($0.value)) })))
      summary += ", \(shots) shots, seed \(seed)"
      if !executor.structure.hasMeasurements { summary += " (no measurements: all qubits sampled)" }
      lines = countsTable(counts)
    }
    switch format {
    case .json:
      JSONValue.object(members).write(to: buffer)
      buffer.writeLine()
    case .text:
      buffer.writeLine(summary)
      for line in lines { buffer.writeLine(line) }
    }
  }

  /// A run under a noise model: counts over the measured qubits (all qubits when none is
  /// measured), or the probabilities averaged over trajectories, readout errors applied exactly.
  private func reportNoisy(program: QASMProgram, noiseFile: String, to buffer: OutputBuffer) throws(CommandFailure) {
    let model: NoiseModel
    do {
      model = try NoiseModel(json: try Data(contentsOf: URL(fileURLWithPath: noiseFile)))
    } catch let error as SimulationError {
      throw CommandFailure(file: noiseFile, message: error.description)
    } catch {
      throw CommandFailure(file: noiseFile, message: "cannot read the noise model: \(error.localizedDescription)")
    }
    guard output != .amplitudes else {
      throw CommandFailure(file: file, message: "a noisy run has no amplitudes; use --output probabilities or counts")
    }
    let circuit = program.circuit
    let measured = Array(Set(circuit.operations.compactMap { operation -> Int? in
      if case let .measure(qubit, _) = operation.kind { return qubit } else { return nil }
    })).sorted()
    let seed = self.seed ?? UInt64.random(in: 0...UInt64(UInt32.max))
    let result: (probabilities: [Double], counts: [String: Int])
    do {
      switch method {
      case .trajectories:
        let run = try TrajectorySimulator(
          noiseModel: model, threads: simulation.threads ?? ProcessInfo.processInfo.activeProcessorCount
        ).run(circuit, shots: shots, seed: seed, measuring: measured.isEmpty ? nil : measured)
        result = (run.probabilities, run.counts)
      case .densityMatrix:
        result = try Self.densityMatrixRun(
          circuit, model: model, measuring: measured.isEmpty ? Array(0..<circuit.qubitCount) : measured,
          shots: shots, seed: seed)
      }
    } catch {
      throw CommandFailure(file: file, message: error.description)
    }
    var members: [(key: String, value: JSONValue)] = [
      ("file", .string(file)), ("qubits", .integer(circuit.qubitCount)), ("noise", .string(noiseFile)),
      ("method", .string(method.rawValue)), ("shots", .integer(shots)), ("seed", .unsignedInteger(seed)),
    ]
    var lines: [String]
    if output == .probabilities {
      let probabilities = model.readProbabilities(result.probabilities, qubits: Array(0..<circuit.qubitCount))
      members.append(("probabilities", Self.probabilitiesJSON(probabilities)))
      var table = OutcomeTable(headers: ["outcome", "probability"])
      let selection = TopOutcomes.select(count: probabilities.count, limit: top, threshold: 1e-12) { probabilities[$0] }
      for index in selection.indices {
        table.append([CircuitExecutor<Double>.bitString(index, width: circuit.qubitCount), Self.rounded(probabilities[index])], value: probabilities[index])
      }
      lines = [table.render()] + Self.omissionNote(selection.omitted)
    } else {
      members.append(("counts", .object(result.counts.sorted { $0.key < $1.key }.map { ($0.key, .integer($0.value)) })))
      lines = countsTable(result.counts)
    }
    switch format {
    case .json:
      JSONValue.object(members).write(to: buffer)
      buffer.writeLine()
    case .text:
      buffer.writeLine(
        "\(file): \(Self.counted(circuit.qubitCount, "qubit")), noise \(noiseFile), "
          + (method == .trajectories ? "\(shots) trajectories" : "exact density matrix, \(shots) shots") + ", seed \(seed)"
          + (measured.isEmpty ? " (no measurements: all qubits read)" : ", measured qubits \(measured) (first rightmost)"))
      for line in lines { buffer.writeLine(line) }
    }
  }

  /// The exact noisy run: the density matrix through every gate and channel of the model, its
  /// diagonal (before readout errors), and counts sampled from it on the measured qubits with
  /// readout errors drawn per shot.
  private static func densityMatrixRun(
    _ circuit: Circuit, model: NoiseModel, measuring measured: [Int], shots: Int, seed: UInt64
  ) throws(SimulationError) -> (probabilities: [Double], counts: [String: Int]) {
    var state = try DensityMatrix(qubits: Swift.max(circuit.qubitCount, 1))
    for item in try model.noisyOperations(of: circuit) {
      switch item {
      case let .operation(operation):
        if case .measure = operation.kind { continue }  // read from the final diagonal
        guard operation.condition == nil else { throw .unsupportedOnDensityMatrix(operation: operation.summary) }
        var single = try Self.circuit(qubits: circuit.qubitCount)
        do { try single.append(operation) } catch { throw .circuit(error) }
        try state.apply(single)
      case let .channel(channel, qubits, condition):
        guard condition == nil else { throw .unsupportedOnDensityMatrix(operation: "a channel on a classically conditioned gate") }
        try state.apply(channel, to: qubits)
      }
    }
    let probabilities = state.probabilities()
    var generator = SeededRandomNumberGenerator(seed: seed)
    var counts: [String: Int] = [:]
    for index in try state.sample(shots: shots, using: &generator) {
      var value = 0
      for (position, qubit) in measured.enumerated() { value |= (index >> qubit & 1) << position }
      let read = model.read(value, qubits: measured, using: &generator)
      counts[String((0..<measured.count).reversed().map { read >> $0 & 1 == 1 ? "1" : "0" }), default: 0] += 1
    }
    return (probabilities, counts)
  }

  private static func circuit(qubits: Int) throws(SimulationError) -> Circuit {
    do { return try Circuit(qubits: qubits) } catch { throw .circuit(error) }
  }

  /// The `--top` most likely basis states with their amplitudes or probabilities and bars.
  private func stateTable<Scalar: AmplitudeScalar>(_ state: StateVector<Scalar>) -> [String] {
    let probabilities = state.probabilities()
    let selection = TopOutcomes.select(count: probabilities.count, limit: top, threshold: 1e-12) { probabilities[$0] }
    let amplitudes = output == .amplitudes
    var table = OutcomeTable(
      headers: amplitudes ? ["outcome", "amplitude", "probability"] : ["outcome", "probability"])
    for index in selection.indices {
      var cells = [CircuitExecutor<Scalar>.bitString(index, width: state.qubitCount)]
      if amplitudes, let amplitude = try? state.amplitude(of: index) { cells.append(Self.complexText(amplitude)) }
      cells.append(Self.rounded(probabilities[index]))
      table.append(cells, value: probabilities[index])
    }
    return [table.render()] + Self.omissionNote(selection.omitted)
  }

  /// The `--top` most frequent outcomes with their counts and bars.
  private func countsTable(_ counts: [String: Int]) -> [String] {
    let ordered = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
    var table = OutcomeTable(headers: ["outcome", "count"])
    for (key, count) in ordered.prefix(top) { table.append([key, String(count)], value: Double(count)) }
    return [table.render()] + Self.omissionNote(ordered.count - min(top, ordered.count))
  }

  private static func omissionNote(_ omitted: Int) -> [String] {
    omitted > 0 ? ["  … \(counted(omitted, "more outcome")) (--top to show more)"] : []
  }

  /// `1 qubit`, `2 qubits`.
  private static func counted(_ count: Int, _ noun: String) -> String {
    "\(count) \(noun)\(count == 1 ? "" : "s")"
  }

  /// `[[re, im], …]` in index order, written as it is formatted.
  private static func amplitudesJSON<Scalar: AmplitudeScalar>(_ state: StateVector<Scalar>) -> JSONValue {
    .stream { buffer in
      let amplitudes = state.amplitudes
      buffer.write("[")
      var chunk = ""
      for (index, amplitude) in amplitudes.enumerated() {
        chunk += (index == 0 ? "[" : ", [") + number(amplitude.real) + ", " + number(amplitude.imaginary) + "]"
        if chunk.utf8.count >= 1 << 16 {
          buffer.write(chunk)
          chunk = ""
        }
      }
      buffer.write(chunk + "]")
    }
  }

  private static func probabilitiesJSON(_ probabilities: [Double]) -> JSONValue {
    .stream { buffer in
      buffer.write("[")
      var chunk = ""
      for (index, probability) in probabilities.enumerated() {
        chunk += (index == 0 ? "" : ", ") + JSONValue.formatted(probability)
        if chunk.utf8.count >= 1 << 16 {
          buffer.write(chunk)
          chunk = ""
        }
      }
      buffer.write(chunk + "]")
    }
  }

  /// The shortest digits that read back as the same `Scalar` (a `Float` is not widened to 17 digits).
  private static func number<Scalar: AmplitudeScalar>(_ value: Scalar) -> String {
    value.isFinite ? "\(value)" : "null"
  }

  /// A value for the text table: six significant digits are enough to read.
  private static func rounded(_ value: Double) -> String {
    String(format: "%.6g", value)
  }

  private static func complexText<Scalar: AmplitudeScalar>(_ amplitude: Complex<Scalar>) -> String {
    let re = Double(amplitude.real)
    let im = Double(amplitude.imaginary)
    return rounded(re) + (im < 0 ? " - " : " + ") + rounded(abs(im)) + "i"
  }
}
