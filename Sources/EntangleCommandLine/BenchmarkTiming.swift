import Entangle
import Foundation

/// Wall-clock times of repeated simulations of one circuit: each run sets one allocated state to
/// |0…0⟩ and applies the circuit (planning, fusion and gates), the region peers.py times for
/// Qulacs (`set_zero_state` and `update_quantum_state`); parsing is excluded.
struct BenchmarkTiming {
  /// The threads a pass could use.
  let threads: Int
  /// The untimed first run, in seconds (it pays for first-touch page faults and FFTW plans).
  let warmup: Double
  /// The timed runs, in seconds.
  let times: [Double]
  /// Process CPU time over wall time during the timed runs: about the threads really busy.
  let cpuPerWall: Double
  /// The plan the runs executed: passes over memory and fused kernel steps.
  let summary: ExecutionSummary

  var median: Double {
    let sorted = times.sorted()
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
  }

  var minimum: Double { times.min() ?? 0 }
  var maximum: Double { times.max() ?? 0 }

  /// Runs the program once untimed, then `repeat` timed times.
  ///
  /// - Throws: ``CommandFailure`` when the state cannot be made or the circuit cannot run.
  static func measure<Scalar: AmplitudeScalar>(
    _: Scalar.Type, program: QASMProgram, threads: Int?, repeat count: Int, file: String
  ) throws(CommandFailure) -> BenchmarkTiming {
    let circuit = program.circuit
    let progress = ProgressIndicator("timing runs", total: count + 1)
    defer { progress.finish() }
    var state: StateVector<Scalar>
    do {
      state = try StateVector<Scalar>(qubits: circuit.qubitCount)
    } catch {
      throw CommandFailure(file: file, message: error.description)
    }
    if let threads { state.threadCount = threads }
    let summary: ExecutionSummary
    do {
      summary = try state.executionSummary(of: circuit)
    } catch {
      throw CommandFailure(file: file, message: error.description)
    }
    func runOnce() throws(CommandFailure) -> Double {
      let start = DispatchTime.now().uptimeNanoseconds
      do {
        try state.setBasisState(0)
        try state.apply(circuit)
      } catch {
        throw CommandFailure(file: file, message: error.description)
      }
      progress.advance()
      return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }
    let warmup = try runOnce()
    let cpuStart = clock()
    let wallStart = DispatchTime.now().uptimeNanoseconds
    var times: [Double] = []
    for _ in 0..<count { times.append(try runOnce()) }
    let wall = Double(DispatchTime.now().uptimeNanoseconds - wallStart) / 1e9
    let cpu = Double(clock() - cpuStart) / Double(CLOCKS_PER_SEC)
    return BenchmarkTiming(
      threads: threads ?? ProcessInfo.processInfo.activeProcessorCount, warmup: warmup, times: times,
      cpuPerWall: wall > 0 ? cpu / wall : 0, summary: summary)
  }
}
