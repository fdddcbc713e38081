// MaxCut of a graph far larger than a state vector, by divide and conquer with QAOA sub-problems.
//
//   swift run -c release maxcut-divide-conquer [--graph FILE] [--max-qubits K] [--trace FILE] [--json] [--seed s]
//                                              [--refine r] [--grid g] [--shots k]
//   mpirun -np 3 maxcut-divide-conquer …   (rank 0 schedules, the other ranks simulate)
//
// The graph is split into parts of at most K nodes (`DivideAndConquerMaxCut`); each part's
// induced subgraph is solved by p = 1 QAOA through the hybrid runtime: a grid of ⟨C⟩(γ, β)
// expectation jobs, then a sampling job at the best angles, whose best sampled cut is kept.
// The merge problem (which parts to flip) is solved the same way, recursively when it has more
// than K nodes; 1-flip local search polishes the result. Refinement rounds then re-solve new
// parts of K − 1 nodes by QAOA with the rest of the graph held fixed (an anchor node stands for
// it), and a last local search ends the run. The baseline is a greedy cut with the same local
// search. Partitions print in node order: character i is node i + 1 of the file.
// See Examples/README.md.
import ArgumentParser
import Entangle
import EntangleMPI
import Foundation

struct MaxCutDivideConquer: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "maxcut-divide-conquer",
    abstract: "Approximate the maximum cut of a large graph with QAOA on parts of at most K nodes.")

  @Option(help: "A bundled graph (G1, G14, G22) or a file in the Gset format: 'n m', then m lines 'u v w' (nodes from 1).")
  var graph = "G14"

  @Option(name: .customLong("max-qubits"), help: "K: the most nodes (qubits) in one QAOA sub-problem, 3...20.")
  var maxQubits = 14

  @Option(help: "Write the run's Chrome trace-event JSON (for Perfetto) to this file.")
  var trace: String?

  @Option(help: "The seed of the partition and of the samples.")
  var seed: UInt64 = 1

  @Option(help: "Rounds of refinement: every part (of K − 1 nodes, plus an anchor for the rest) re-solved with the rest held fixed.")
  var refine = 4

  @Option(help: "Points per axis of the (γ, β) grid of each sub-problem.")
  var grid = 8

  @Option(help: "Partitions sampled at the best grid point of each sub-problem.")
  var shots = 1000

  @Flag(help: "Print one JSON object instead of the report.")
  var json = false

  func validate() throws {
    guard (3...20).contains(maxQubits) else { throw ValidationError("--max-qubits must be in 3...20, not \(maxQubits)") }
    guard refine >= 0 else { throw ValidationError("--refine must be at least 0, not \(refine)") }
    guard grid >= 1 else { throw ValidationError("--grid must be at least 1, not \(grid)") }
    guard shots >= 1 else { throw ValidationError("--shots must be at least 1, not \(shots)") }
  }

  func run(executor: any QuantumExecutor, ranks: Int) async throws {
    do {
      let (weightedGraph, name) = try loadGraph()
      let bestKnown = try bestKnownCut(of: name)
      let start = ContinuousClock.now
      let method = try DivideAndConquerMaxCut(graph: weightedGraph, maximumPartSize: maxQubits, seed: seed)
      let solver = QAOASubproblemSolver(grid: grid, shots: shots)

      var tasks = TaskGraph()
      let baseline = tasks.add("baseline") { _ in try weightedGraph.localSearch(from: weightedGraph.greedyCut().sides) }
      let parts = tasks.map("part", over: method.subproblems) { context, subproblem in
        try await solver.solve(subproblem, context: context)
      }
      let merged = tasks.reduce("merge", parts) { context, partSides in
        try await method.merge(partSides) { batch in try await solver.solve(batch, context: context) }
      }
      let polishedMerge = tasks.add("polish[0]", inputs: merged) { _, sides in try weightedGraph.localSearch(from: sides).sides }
      var refined = polishedMerge
      for round in 0..<refine {
        let neighbourhoods = try DivideAndConquerMaxCut(
          graph: weightedGraph, maximumPartSize: maxQubits - 1, seed: seed &+ UInt64(round + 1), label: "round[\(round)]/")
        refined = tasks.add("refine[\(round)]", inputs: refined) { context, sides in
          try await neighbourhoods.refine(sides) { batch in try await solver.solve(batch, context: context) }
        }
      }
      let polished = tasks.add("polish[1]", inputs: refined) { _, sides in try weightedGraph.localSearch(from: sides) }

      let progress = ProgressBar()
      let results = try await GraphRun(
        tasks, executor: executor, options: RunOptions(progress: { progress.update($0) })
      ).run()
      progress.finish()
      let elapsed = ContinuousClock.now - start
      let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18

      if let trace {
        do {
          try results.chromeTrace().write(to: URL(fileURLWithPath: trace))
        } catch {
          throw ValidationError("cannot write the trace to \(trace): \(error.localizedDescription)")
        }
      }
      let solution = try results.value(of: polished)
      let beforePolish = try weightedGraph.cutValue(results.value(of: merged))
      let afterFirstPolish = try weightedGraph.cutValue(results.value(of: polishedMerge))
      let afterRefinement = try weightedGraph.cutValue(results.value(of: refined))
      let baselineCut = try results.value(of: baseline).value
      let subproblems = await solver.solvedCount
      if json {
        let object: [String: Any] = [
          "graph": name, "nodes": weightedGraph.nodeCount, "edges": weightedGraph.edgeCount,
          "cut": solution.value, "cut_before_polish": beforePolish,
          "cut_after_first_polish": afterFirstPolish, "cut_after_refinement": afterRefinement, "partition": solution.partition,
          "baseline_cut": baselineCut, "best_known": bestKnown.map { $0 as Any } ?? NSNull(),
          "subproblems": subproblems, "parts": method.parts.count, "max_qubits": maxQubits, "ranks": ranks,
          "refine_rounds": refine, "grid": grid, "shots": shots,
          "seed": seed, "seconds": seconds,
        ]
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        print(String(decoding: data, as: UTF8.self))
        return
      }
      print("MaxCut of \(name): \(weightedGraph.nodeCount) nodes, \(weightedGraph.edgeCount) edges")
      print("\(method.parts.count) parts of at most \(maxQubits) nodes; \(subproblems) QAOA sub-problems (p = 1, "
        + "\(grid)×\(grid) grid, \(shots) shots) including merges and refinement, on \(ranks == 1 ? "1 process" : "\(ranks) MPI ranks")")
      print("cut after merge    \(format(beforePolish))   (divide and conquer, before any local search)")
      print("after local search \(format(afterFirstPolish))")
      print("after refinement   \(format(afterRefinement))   (\(refine) round\(refine == 1 ? "" : "s") of QAOA on parts with the rest fixed)")
      print("cut                \(format(solution.value))   (after a last local search)")
      print("baseline           \(format(baselineCut))   (greedy + the same local search)")
      if let bestKnown {
        print("best known         \(format(bestKnown))   (cut / best known = \(String(format: "%.4f", solution.value / bestKnown)))")
      }
      print("time               \(String(format: "%.2f", seconds)) s, \(results.records.count) tasks")
      if let trace { print("trace              \(trace)") }
      let shown = solution.partition.prefix(64)
      print("partition          \(shown)\(shown.count < solution.partition.count ? "…" : "")  (character i is node i + 1)")
    } catch let error as ValidationError {
      FileHandle.standardError.write(Data("maxcut-divide-conquer: error: \(error)\n".utf8))
      throw ExitCode.failure
    } catch let AlgorithmError.malformedGraph(line, column, reason) {
      FileHandle.standardError.write(Data("maxcut-divide-conquer: error: \(graph):\(line):\(column): \(reason)\n".utf8))
      throw ExitCode.failure
    } catch {
      FileHandle.standardError.write(Data("maxcut-divide-conquer: error: \(error)\n".utf8))
      throw ExitCode.failure
    }
  }

  /// The graph and its name: a bundled graph for a bare name, else the file at the path.
  private func loadGraph() throws -> (WeightedGraph, String) {
    let url: URL
    if !graph.contains("/"), let bundled = Self.dataURL("\(graph).txt"),
      FileManager.default.fileExists(atPath: bundled.path)
    {
      url = bundled
    } else {
      url = URL(fileURLWithPath: graph)
    }
    let text: String
    do {
      text = try String(contentsOf: url, encoding: .utf8)
    } catch {
      throw ValidationError("cannot read the graph \(graph) (a bundled name is G1, G14 or G22): \(error.localizedDescription)")
    }
    return (try WeightedGraph(gset: text), url.deletingPathExtension().lastPathComponent)
  }

  /// The best-known cut of the graph named `name` in the bundled best_known.json, if listed.
  private func bestKnownCut(of name: String) throws -> Double? {
    guard let url = Self.dataURL("best_known.json") else { return nil }
    let object = try JSONSerialization.jsonObject(with: Data(contentsOf: url))
    let graphs = (object as? [String: Any])?["graphs"] as? [String: Any]
    let entry = graphs?[name] as? [String: Any]
    return (entry?["best_known_cut"] as? NSNumber)?.doubleValue
  }

  private static func dataURL(_ file: String) -> URL? {
    Bundle.module.resourceURL?.appendingPathComponent("Data").appendingPathComponent(file)
  }

  private func format(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(format: "%.6g", value)
  }
}

/// Solves MaxCut sub-problems of at most K nodes by p = 1 QAOA through the runtime: one
/// expectation job per point of a (γ, β) grid, then a sampling job at the best point; the best
/// sampled partition is the answer.
///
/// The grid covers γ ∈ (0, π/w̄) (w̄ the mean |weight|) and β ∈ (−π/4, π/4). ⟨C⟩ has period π/2
/// in β, is unchanged by (γ, β) → (−γ, −β), and with integer weights has period 2π in γ, so for
/// unit weights this is a whole cell of the landscape; heavier merge and anchor edges shrink the
/// useful γ as 1/w̄, and the grid follows.
/// The jobs of one sub-problem are all submitted before any is awaited, so they run in
/// parallel on as many threads or ranks as the executor has.
struct QAOASubproblemSolver: Sendable {
  let grid: Int
  let shots: Int
  private let counter = SolvedCounter()

  init(grid: Int, shots: Int) {
    self.grid = grid
    self.shots = shots
  }

  /// The number of sub-problems solved so far.
  var solvedCount: Int { get async { await counter.count } }

  /// Solves a batch of sub-problems, each as its own task of the run, submitted together.
  func solve(_ batch: [MaxCutSubproblem], context: TaskContext) async throws -> [[Bool]] {
    var handles: [TaskHandle<[Bool]>] = []
    for subproblem in batch {
      handles.append(await context.submit(subproblem.label) { child in try await self.solve(subproblem, context: child) })
    }
    var solutions: [[Bool]] = []
    for handle in handles { solutions.append(try await context.value(of: handle)) }
    return solutions
  }

  /// The sides of one sub-problem's nodes (node k is qubit k).
  func solve(_ subproblem: MaxCutSubproblem, context: TaskContext) async throws -> [Bool] {
    await counter.increment()
    let graph = subproblem.graph
    guard !graph.edges.isEmpty else { return Array(repeating: false, count: graph.nodeCount) }
    let qaoa = try QAOAMaxCut(graph: graph, layers: 1)
    let meanWeight = graph.edges.reduce(0) { $0 + abs($1.weight) } / Double(graph.edgeCount)
    var points: [[Double]] = []
    var handles: [TaskHandle<QuantumResult>] = []
    for gammaIndex in 0..<grid {
      for betaIndex in 0..<grid {
        let gamma = (Double(gammaIndex) + 0.5) / Double(grid) * .pi / meanWeight
        let beta = (Double(betaIndex) + 0.5) / Double(grid) * .pi / 2 - .pi / 4
        let job = QuantumJob(qaoa.circuit, bindings: try qaoa.bindings([gamma, beta]), request: .expectation(qaoa.cost))
        points.append([gamma, beta])
        handles.append(await context.submit("\(subproblem.label) ⟨C⟩", job))
      }
    }
    var best = points[0]
    var bestValue = -Double.infinity
    for (point, handle) in zip(points, handles) {
      let value = try await context.value(of: handle).expectationValue()
      if value > bestValue { (best, bestValue) = (point, value) }
    }
    let sampling = QuantumJob(
      qaoa.circuit, bindings: try qaoa.bindings(best), request: .samples(shots: shots, seed: subproblem.seed))
    let counts = try await context.run(sampling, name: "\(subproblem.label) samples").countValues()
    // Bitstrings print qubit 0 rightmost: node k is character n − 1 − k. Sorted keys make the
    // choice among equal cuts the same in every run.
    let n = graph.nodeCount
    var bestSides = Array(repeating: false, count: n)
    var bestCut = -Double.infinity
    for bitstring in counts.keys.sorted() {
      let characters = Array(bitstring.utf8)
      let sides = (0..<n).map { characters[n - 1 - $0] == UInt8(ascii: "1") }
      let cut = try graph.cutValue(sides)
      if cut > bestCut { (bestSides, bestCut) = (sides, cut) }
    }
    return bestSides
  }
}

private actor SolvedCounter {
  private(set) var count = 0
  func increment() { count += 1 }
}

/// A one-line progress bar on standard error, redrawn at most ten times a second.
final class ProgressBar: @unchecked Sendable {
  // Guards the fields below: the run calls `update` from its scheduler.
  private let lock = NSLock()
  private var lastDrawn: ContinuousClock.Instant?
  private var drawn = false

  func update(_ progress: RunProgress) {
    lock.withLock {
      let now = ContinuousClock.now
      if let lastDrawn, now - lastDrawn < .milliseconds(100) { return }
      lastDrawn = now
      drawn = true
      let width = 30
      let filled = progress.total > 0 ? width * progress.done / progress.total : 0
      let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
      let line = "\r[\(bar)] \(progress.done)/\(progress.total) done, \(progress.running) running, \(progress.pending) pending  "
      FileHandle.standardError.write(Data(line.utf8))
    }
  }

  func finish() {
    lock.withLock {
      if drawn { FileHandle.standardError.write(Data("\n".utf8)) }
    }
  }
}

// Under mpirun every rank starts here: rank 0 runs the command with jobs sent to the other
// ranks, which serve jobs until rank 0 shuts them down.
let worldSize = Int(ProcessInfo.processInfo.environment["OMPI_COMM_WORLD_SIZE"] ?? "") ?? 1
var world: MPICommunicator?
var mpiExecutor: MPIExecutor?
do {
  if worldSize > 1 {
    let communicator = try MPICommunicator.world()
    world = communicator
    if communicator.rank != 0 {
      try await MPIExecutor.serveJobs(on: communicator)
      try communicator.finalize()
      exit(0)
    }
    mpiExecutor = try MPIExecutor(world: communicator)
  }
} catch {
  FileHandle.standardError.write(Data("maxcut-divide-conquer: error: MPI: \(error)\n".utf8))
  exit(1)
}
var failure: (any Error)?
do {
  let command = try MaxCutDivideConquer.parse()
  try await command.run(executor: mpiExecutor ?? LocalExecutor(), ranks: worldSize)
} catch {
  failure = error
}
try? mpiExecutor?.shutdown()
try? world?.finalize()
if let failure { MaxCutDivideConquer.exit(withError: failure) }
