import ArgumentParser
import Entangle
import Foundation

/// `entangle bench FILE.qasm`: time the simulation of a program, as `shared/bench/peers.py` times its peers.
struct BenchCommand: ReportingCommand {
  static let configuration = CommandConfiguration(
    commandName: "bench",
    abstract: "Time the simulation of an OpenQASM 2.0 program (parsing excluded).",
    discussion: """
      The file is parsed and one state allocated once; then one untimed warm-up and --repeat timed runs \
      each set the state to |0…0⟩ and apply the circuit (planning, fusion and gates), as peers.py times \
      Qulacs. The JSON object has the fields peers.py prints for its peers \
      (file, qubits, gates, peer, version, threads, median_s, min_s, max_s, runs, warmup_s, precision, \
      cpu_per_wall, fusion, fused_ops) and the plan's memory_passes, segments and fourier_transforms, with peer "entangle"; Benchmarks/compare-with-peers tabulates it beside them.
      """
  )

  @Argument(help: "The OpenQASM 2.0 file.")
  var file: String

  @Option(name: .customLong("repeat"), help: "Timed runs; the median, minimum and maximum are reported.")
  var repeatCount: Int = 3

  @OptionGroup var simulation: SimulationOptions

  @Option(help: "Output format: text or json (one object).")
  var format: OutputFormat = .text

  func validate() throws {
    guard repeatCount > 0 else { throw ValidationError("--repeat must be positive, got \(repeatCount)") }
  }

  func execute(writingTo output: OutputBuffer) throws(CommandFailure) {
    let program = try ProgramLoader.load(file, checkingMemoryFor: simulation.precision)
    let timing: BenchmarkTiming
    let (threads, runs) = (simulation.threads, repeatCount)
    switch simulation.precision {
    case .double:
      timing = try BenchmarkTiming.measure(Double.self, program: program, threads: threads, repeat: runs, file: file)
    case .single:
      timing = try BenchmarkTiming.measure(Float.self, program: program, threads: threads, repeat: runs, file: file)
    }
    let circuit = program.circuit
    let gates = CircuitStatistics(circuit).gateCount
    let fileName = URL(fileURLWithPath: file).lastPathComponent
    switch format {
    case .json:
      let members: [(key: String, value: JSONValue)] = [
        ("file", .string(fileName)),
        ("qubits", .integer(circuit.qubitCount)),
        ("gates", .integer(gates)),
        ("peer", .string("entangle")),
        ("version", .null),
        ("threads", .integer(timing.threads)),
        ("median_s", .number(timing.median)),
        ("min_s", .number(timing.minimum)),
        ("max_s", .number(timing.maximum)),
        ("runs", .integer(timing.times.count)),
        ("warmup_s", .number(timing.warmup)),
        ("precision", .string(simulation.precision.complexTypeName)),
        ("cpu_per_wall", .number((timing.cpuPerWall * 100).rounded() / 100)),
        ("fusion", .string("cost-model fusion, cache-blocked segments, QFT recognition")),
        ("fused_ops", .integer(timing.summary.kernelSteps)),
        ("memory_passes", .integer(timing.summary.memoryPasses)),
        ("segments", .integer(timing.summary.segments)),
        ("fourier_transforms", .integer(timing.summary.fourierTransforms)),
      ]
      JSONValue.object(members).write(to: output)
      output.writeLine()
    case .text:
      output.writeLine(
        "\(fileName): \(circuit.qubitCount) qubits, \(gates) gates, \(simulation.precision.rawValue) precision, "
          + "\(timing.threads) threads")
      output.writeLine(
        String(
          format: "  median %.6f s   min %.6f s   max %.6f s   (%ld runs after a %.6f s warm-up, %.2f cores busy)",
          timing.median, timing.minimum, timing.maximum, timing.times.count, timing.warmup, timing.cpuPerWall))
      let summary = timing.summary
      output.writeLine(
        "  plan: \(summary.kernelSteps) kernel steps, \(summary.memoryPasses) passes over memory "
          + "(\(summary.segments) cache-blocked segments, \(summary.fourierTransforms) FFTW transforms)")
    }
  }
}
