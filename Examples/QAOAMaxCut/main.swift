// QAOA for MaxCut on a Gset graph file or a seeded random 3-regular graph.
//
//   swift run -c release qaoa-maxcut [--graph FILE] [--layers p] [--nodes n] [--seed s] [--shots k] [--json]
//
// p layers of e^(−iγC) (one rzz per edge) and e^(−iβB) (rx on every node), compiled once and
// optimised with L-BFGS and adjoint gradients from the linear-ramp start and random starts; the
// best state is sampled, and the expected cut is compared with the brute-force maximum cut.
// Partitions print in node order: character i is node i + 1 of the file (qubit i). See Examples/README.md.
import ArgumentParser
import Entangle
import Foundation

struct QAOAMaxCutExample: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "qaoa-maxcut",
    abstract: "Approximate the maximum cut of a graph (at most 24 nodes) with QAOA.")

  @Option(help: "A graph in the Gset format: 'n m', then m lines 'u v w' (nodes from 1). Default: a random 3-regular graph.")
  var graph: String?

  @Option(help: "The number of QAOA layers p.")
  var layers = 2

  @Option(help: "The nodes of the random 3-regular graph (even, 4...24); ignored with --graph.")
  var nodes = 10

  @Option(help: "The seed of the random graph, the random starting points and the samples.")
  var seed: UInt64 = 1

  @Option(help: "Partitions sampled from the optimised state.")
  var shots = 1000

  @Option(help: "Random starting points besides the linear ramp.")
  var starts = 3

  @Flag(help: "Print one JSON object instead of the report.")
  var json = false

  func run() throws {
    do {
      let weightedGraph = try loadGraph()
      let start = ContinuousClock.now
      let qaoa = try QAOAMaxCut(graph: weightedGraph, layers: layers)
      let result = try qaoa.run(shots: shots, seed: seed, randomStarts: starts)
      let elapsed = ContinuousClock.now - start
      let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
      if json {
        let object: [String: Any] = [
          "nodes": result.nodeCount, "edges": result.edgeCount, "layers": result.layers,
          "graph": graph ?? "random 3-regular, seed \(seed)",
          "cut": result.bestSampledCut, "partition": result.partition,
          "optimum": result.optimum.value, "optimal_partition": result.optimum.partition,
          "expected_cut": result.expectedCut,
          "approximation_ratio": result.approximationRatio.map { $0 as Any } ?? NSNull(),
          "gammas": result.gammas, "betas": result.betas, "starts": result.starts,
          "evaluations": result.evaluations.total, "shots": result.shots, "seed": result.seed,
        ]
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        print(String(decoding: data, as: UTF8.self))
        return
      }
      let source = graph ?? "random 3-regular graph (seed \(seed))"
      print("QAOA MaxCut on \(source): \(result.nodeCount) nodes, \(result.edgeCount) edges, p = \(result.layers)")
      print("optimised from \(result.starts) starting points: \(result.evaluations.total) evaluations in \(String(format: "%.3f", seconds)) s")
      print("γ = \(result.gammas.map { String(format: "%.4f", $0) }.joined(separator: ", "))")
      print("β = \(result.betas.map { String(format: "%.4f", $0) }.joined(separator: ", "))")
      let ratio = result.approximationRatio.map { String(format: "%.4f", $0) } ?? "undefined (the maximum cut is not positive)"
      print("expected cut ⟨C⟩ = \(String(format: "%.4f", result.expectedCut)); maximum cut \(format(result.optimum.value)); ratio \(ratio)")
      print("best of \(result.shots) samples: cut \(format(result.bestSampledCut)), partition \(result.partition)")
      print("a maximum cut (brute force):   cut \(format(result.optimum.value)), partition \(result.optimum.partition)")
      print("(character i of a partition is node i + 1; a partition and its complement cut the same edges)")
    } catch let AlgorithmError.malformedGraph(line, column, reason) {
      FileHandle.standardError.write(Data("qaoa-maxcut: error: \(graph ?? "graph"):\(line):\(column): \(reason)\n".utf8))
      throw ExitCode.failure
    } catch {
      FileHandle.standardError.write(Data("qaoa-maxcut: error: \(error)\n".utf8))
      throw ExitCode.failure
    }
  }

  private func loadGraph() throws -> WeightedGraph {
    guard let graph else { return try WeightedGraph.randomThreeRegular(nodes: nodes, seed: seed) }
    let text: String
    do {
      text = try String(contentsOfFile: graph, encoding: .utf8)
    } catch {
      throw ValidationError("cannot read the graph file \(graph): \(error.localizedDescription)")
    }
    return try WeightedGraph(gset: text)
  }

  private func format(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(format: "%.6g", value)
  }
}

QAOAMaxCutExample.main()
