// Quantum phase estimation of U = P(2πφ) = diag(1, e^{2πiφ}) on its eigenstate |1⟩.
//
//   swift run -c release phase-estimation [--phase φ] [--bits t] [--json]
//
// t counting qubits, controlled U^(2^j), and the inverse QFT as one FFTW transform. An exact
// φ = m/2^t is read with certainty; otherwise the nearest m/2^t has probability ≥ 4/π².
// See Examples/README.md for the JSON keys.
import ArgumentParser
import Entangle
import Foundation

struct PhaseEstimationExample: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "phase-estimation",
    abstract: "Quantum phase estimation of P(2πφ) with t counting qubits.")

  @Option(parsing: .unconditional, help: "The eigenphase φ to estimate, in turns (taken mod 1).")
  var phase = 0.3

  @Option(help: "The number of counting qubits t (1...20).")
  var bits = 6

  @Flag(help: "Print one JSON object instead of the report.")
  var json = false

  func run() throws {
    do {
      let result = try PhaseEstimation(phase: phase, countingQubits: bits).run()
      if json {
        let object: [String: Any] = [
          "phase": phase, "bits": bits, "estimate": result.estimate, "probability": result.probability,
          "outcome": result.mostLikelyOutcome,
        ]
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        print(String(decoding: data, as: UTF8.self))
        return
      }
      let reduced = phase - phase.rounded(.down)
      print("Phase estimation of P(2πφ), φ = \(phase), with \(bits) counting qubits")
      print("estimate \(result.mostLikelyOutcome)/\(1 << bits) = \(result.estimate) "
        + "(error \(String(format: "%.3g", abs(result.estimate - reduced)))) with probability \(String(format: "%.6f", result.probability))")
      print("\nmost likely outcomes (counting qubit 0 is bit 0):")
      let ranked = result.distribution.indices.sorted { result.distribution[$0] > result.distribution[$1] }
      for outcome in ranked.prefix(6) where result.distribution[outcome] > 1e-12 {
        let probability = result.distribution[outcome]
        print("  m = \(outcome)  φ ≈ \(String(format: "%.6f", result.phase(of: outcome)))  "
          + "\(String(format: "%.6f", probability))  \(String(repeating: "█", count: Int(probability * 40)))")
      }
    } catch {
      FileHandle.standardError.write(Data("phase-estimation: error: \(error)\n".utf8))
      throw ExitCode.failure
    }
  }
}

PhaseEstimationExample.main()
