// The H₂ dissociation curve as a task graph: one VQE task per bond length, run in parallel
// within the memory and thread budget, then one task that gathers the table.
//
//   swift run -c release h2-curve [--from 0.3] [--to 2.5] [--step 0.1] [--ansatz uccsd|hardware-efficient]
//                                 [--threads T] [--trace FILE] [--dot FILE] [--json]
//
// Each task builds the molecule (integrals, Hartree–Fock, Jordan–Wigner), runs the variational
// eigensolver and compares with full CI; the runtime schedules the tasks by the resources they
// declare (one thread and the 4-qubit state each) and writes a Perfetto trace of the run.
import ArgumentParser
import Entangle
import Foundation

enum AnsatzChoice: String, ExpressibleByArgument {
  case uccsd
  case hardwareEfficient = "hardware-efficient"
}

struct CurvePoint: Codable, Sendable {
  var bondLength: Double
  var energy: Double
  var hartreeFock: Double
  var fullCI: Double
  var evaluations: Int
}

@main
struct H2CurveExample: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "h2-curve", abstract: "The H₂ dissociation curve, one VQE task per bond length, scheduled by the hybrid runtime.")

  @Option(help: "The first bond length in ångström.")
  var from = 0.3

  @Option(help: "The last bond length in ångström.")
  var to = 2.5

  @Option(help: "The step in ångström.")
  var step = 0.1

  @Option(help: "uccsd or hardware-efficient.")
  var ansatz = AnsatzChoice.uccsd

  @Option(help: "Threads the runtime may use (default: all cores).")
  var threads = ProcessInfo.processInfo.activeProcessorCount

  @Option(help: "Write the Chrome trace-event JSON of the run (open it in ui.perfetto.dev).")
  var trace: String?

  @Option(help: "Write the task graph as Graphviz DOT.")
  var dot: String?

  @Flag(help: "Print one JSON object instead of the report.")
  var json = false

  func run() async throws {
    do {
      guard from > 0, to >= from, step > 0, (to - from) / step < 10_000 else {
        throw AlgorithmError.invalidArgument(
          name: "the bond-length range", value: "\(from)…\(to) Å in steps of \(step) Å",
          expected: "positive, increasing, with a positive step and at most 10,000 points")
      }
      let count = Int(((to - from) / step).rounded(.down)) + 1
      let bondLengths = (0..<count).map { from + Double($0) * step }
      let choice = ansatz
      var graph = TaskGraph()
      // Each task holds one thread and a few kilobytes (a 4-qubit state, the ansatz's plan).
      let need = ResourceBudget(memoryBytes: 1 << 20, threads: 1)
      let points = graph.map("vqe", over: bondLengths, resources: need) { _, bondLength in
        try Self.solve(bondLength: bondLength, ansatz: choice)
      }
      let curve = graph.reduce("curve", points) { _, points in points.sorted { $0.bondLength < $1.bondLength } }
      if let dot { try graph.dot().write(toFile: dot, atomically: true, encoding: .utf8) }

      let quiet = json
      let budget = ResourceBudget(memoryBytes: ResourceBudget.machine().memoryBytes, threads: Swift.max(1, threads))
      let options = RunOptions(budget: budget) { progress in
        guard !quiet else { return }
        let width = 30
        let filled = progress.total == 0 ? 0 : width * progress.done / progress.total
        let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
        FileHandle.standardError.write(Data("\r[\(bar)] \(progress)".utf8))
      }
      let start = ContinuousClock.now
      let results = try await GraphRun(graph, executor: LocalExecutor(resources: budget), options: options).run()
      let elapsed = ContinuousClock.now - start
      let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
      if !json { FileHandle.standardError.write(Data("\n".utf8)) }
      let table = try results.value(of: curve)
      if let trace { try results.chromeTrace().write(to: URL(fileURLWithPath: trace)) }

      if json {
        let object: [String: Any] = [
          "ansatz": choice.rawValue, "seconds": seconds, "threads": budget.threads,
          "peak_running_tasks": results.statistics.peakRunningTasks,
          "curve": table.map {
            ["bond_length": $0.bondLength, "energy": $0.energy, "hf_energy": $0.hartreeFock, "fci_energy": $0.fullCI,
             "evaluations": $0.evaluations]
          },
        ]
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        print(String(decoding: data, as: UTF8.self))
        return
      }
      print("H₂ / STO-3G dissociation curve, \(table.count) VQE tasks (\(choice.rawValue) ansatz) on \(budget.threads) thread\(budget.threads == 1 ? "" : "s")")
      print("  R (Å)   Hartree–Fock        VQE       full CI   VQE − FCI (mHa)")
      for point in table {
        print(String(format: "  %5.3f   %12.6f  %12.6f  %12.6f   %15.6f", point.bondLength, point.hartreeFock, point.energy, point.fullCI,
                     (point.energy - point.fullCI) * 1000))
      }
      let worst = table.map { abs($0.energy - $0.fullCI) }.max() ?? 0
      print(String(format: "largest error %.2e Ha; %.2f s; at most %d tasks at once", worst, seconds, results.statistics.peakRunningTasks))
      if let trace { print("trace written to \(trace)") }
    } catch {
      FileHandle.standardError.write(Data("h2-curve: error: \(error)\n".utf8))
      throw ExitCode.failure
    }
  }

  static func solve(bondLength: Double, ansatz: AnsatzChoice) throws -> CurvePoint {
    let molecule = try HydrogenMolecule(bondLength: bondLength)
    let result: VariationalResult
    switch ansatz {
    case .uccsd:
      result = try VariationalEigensolver(
        ansatz: HydrogenMolecule.doubleExcitationAnsatz(parameter: Parameter("theta")), hamiltonian: molecule.qubitHamiltonian
      ).minimize(using: LBFGS(), from: ["theta": 0])
    case .hardwareEfficient:
      result = try VariationalEigensolver(ansatz: HydrogenMolecule.hardwareEfficientAnsatz(), hamiltonian: molecule.qubitHamiltonian)
        .minimize(using: LBFGS(), restarts: 4, seed: 7)
    }
    return CurvePoint(
      bondLength: bondLength, energy: result.energy, hartreeFock: molecule.hartreeFockEnergy,
      fullCI: try molecule.fullConfigurationInteractionEnergy(), evaluations: result.evaluations.total)
  }
}
