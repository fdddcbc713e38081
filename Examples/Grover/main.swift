// Grover search: find marked basis states among 2^n with about (π/4)·√(N/M) oracle calls.
//
//   swift run -c release grover [--qubits n] [--marked 5,11] [--iterations k] [--shots s] [--seed s] [--json]
//
// Builds the oracle (X gates and a multi-controlled Z per marked index) and the diffusion operator,
// runs the optimal number of rounds ⌊π/(4θ)⌋ with θ = asin(√(M/N)), and compares the success
// probability with sin²((2k+1)θ). See Examples/README.md for the JSON keys.
import ArgumentParser
import Entangle
import Foundation

struct GroverExample: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "grover",
    abstract: "Grover search for marked basis states (qubit k is bit k of an index).")

  @Option(help: "The number of qubits n (1...20).")
  var qubits = 4

  @Option(help: "The marked basis-state indices, comma-separated, each in 0..<2^n.")
  var marked = "5,11"

  @Option(help: "The number of oracle-and-diffusion rounds (default: the optimal ⌊π/(4θ)⌋).")
  var iterations: Int?

  @Option(help: "The number of measurements sampled from the final state.")
  var shots = 1000

  @Option(help: "The seed of the sampling.")
  var seed: UInt64 = 7

  @Flag(help: "Print one JSON object instead of the report.")
  var json = false

  func validate() throws {
    guard markedIndices != nil else {
      throw ValidationError("--marked must be comma-separated integers such as 5,11; got '\(marked)'")
    }
  }

  /// The parsed `--marked` list, or nil when it is not a list of integers.
  var markedIndices: [Int]? {
    let parts = marked.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
    let indices = parts.compactMap { Int($0) }
    return indices.count == parts.count && !indices.isEmpty ? indices : nil
  }

  func run() throws {
    do {
      let search = try GroverSearch(qubits: qubits, marked: markedIndices ?? [])
      let result = try search.run(iterations: iterations, shots: shots, seed: seed)
      let analytic = search.analyticSuccessProbability(iterations: result.iterations)
      let top = result.outcomesByFrequency.prefix(min(max(search.markedCount, 1), 8))
      if json {
        let outcomes: [[String: Any]] = top.map { index in
          ["index": index, "bitstring": bitstring(index, width: qubits), "count": result.counts[index] ?? 0,
           "marked": search.markedStates.contains(index)]
        }
        let object: [String: Any] = [
          "qubits": qubits, "marked": search.markedStates, "iterations": result.iterations,
          "optimal_iterations": search.optimalIterations, "success_probability": result.successProbability,
          "analytic_success_probability": analytic, "shots": shots, "seed": seed, "top_outcomes": outcomes,
        ]
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        print(String(decoding: data, as: UTF8.self))
        return
      }
      print("Grover search over \(qubits) qubits (N = \(search.stateCount)), marked \(search.markedStates) (M = \(search.markedCount))")
      print("θ = asin(√(M/N)) = \(format(search.angle)); optimal rounds ⌊π/(4θ)⌋ = \(search.optimalIterations); ran \(result.iterations)")
      print("success probability \(format(result.successProbability)) (formula sin²((2k+1)θ) = \(format(analytic)))")
      print("\n\(shots) shots (seed \(seed)), most frequent outcomes (qubit 0 rightmost):")
      for index in top {
        let count = result.counts[index] ?? 0
        let mark = search.markedStates.contains(index) ? "  marked" : ""
        print("  |\(bitstring(index, width: qubits))⟩ = \(index)  \(count)  \(String(repeating: "█", count: count * 40 / max(shots, 1)))\(mark)")
      }
      print("sampled success rate \(format(result.sampledSuccessRate))")
    } catch {
      FileHandle.standardError.write(Data("grover: error: \(error)\n".utf8))
      throw ExitCode.failure
    }
  }

  func bitstring(_ index: Int, width: Int) -> String {
    String((0..<width).reversed().map { index >> $0 & 1 == 1 ? "1" : "0" })
  }

  func format(_ value: Double) -> String { String(format: "%.6f", value) }
}

GroverExample.main()
