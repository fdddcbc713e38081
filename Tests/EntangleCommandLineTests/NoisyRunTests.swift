import Foundation
import Testing

@testable import EntangleCommandLine

/// `entangle run --noise`: trajectories under a noise model, checked against analytic channel results.
@Suite("Noisy runs")
struct NoisyRunTests {
  static func noiseFile(_ json: String) throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("entangle-noise-\(UUID().uuidString).json").path
    try json.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  static let flippedOne = """
    OPENQASM 2.0;
    include "qelib1.inc";
    qreg q[1];
    creg c[1];
    x q[0];
    measure q[0] -> c[0];
    """

  @Test("a bit flip of p = 0.25 after x gives P(0) = 0.25 within 4 standard errors, 4000 seeded trajectories")
  func bitFlipProbabilities() throws {
    let qasm = try TemporaryQASMFile(Self.flippedOne)
    let noise = try Self.noiseFile(#"{"errors": [{"gates": ["x"], "channel": "bit_flip", "p": 0.25}]}"#)
    let run = CommandInvocation([
      "run", qasm.path, "--noise", noise, "--output", "probabilities", "--shots", "4000", "--seed", "11", "--format", "json",
    ])
    #expect(run.exitCode == 0, "\(run.standardError)")
    let object = try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any]
    let probabilities = try #require(object?["probabilities"] as? [Double])
    let standardError = (0.25 * 0.75 / 4000).squareRoot()
    #expect(abs(probabilities[0] - 0.25) < 4 * standardError)
    #expect(abs(probabilities[0] + probabilities[1] - 1) < 1e-12)
  }

  @Test("readout errors alone flip the measured 1 into 0 with p0given1, exactly in probabilities")
  func readoutProbabilities() throws {
    let qasm = try TemporaryQASMFile(Self.flippedOne)
    let noise = try Self.noiseFile(#"{"errors": [], "readout": [{"qubits": [0], "p0given1": 0.2, "p1given0": 0.1}]}"#)
    let run = CommandInvocation(["run", qasm.path, "--noise", noise, "--output", "probabilities", "--shots", "10", "--format", "json"])
    let object = try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any]
    let probabilities = try #require(object?["probabilities"] as? [Double])
    #expect(abs(probabilities[0] - 0.2) < 1e-12 && abs(probabilities[1] - 0.8) < 1e-12)
  }

  @Test(
    "density matrix: a Bell pair with depolarizing λ after h and cx and readout errors has the analytic probabilities (1e-12)")
  func exactBellProbabilities() throws {
    let qasm = try TemporaryQASMFile(Programs.measuredBell)
    let noise = try Self.noiseFile(
      #"{"errors": [{"gates": ["h", "cx"], "channel": "depolarizing", "probability": 0.1}], "readout": [{"qubits": [0, 1], "p0given1": 0.02, "p1given0": 0.01}]}"#)
    let run = CommandInvocation([
      "run", qasm.path, "--noise", noise, "--method", "density-matrix", "--output", "probabilities", "--format", "json",
    ])
    #expect(run.exitCode == 0, "\(run.standardError)")
    let object = try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any]
    let probabilities = try #require(object?["probabilities"] as? [Double])
    // Before readout: depolarizing on h leaves |+⟩'s populations at 1/2; after cx, the two-qubit
    // channel gives (1 − λ)·1/2 + λ/4 to 00 and 11 and λ/4 to 01 and 10.
    let (λ, p01, p10) = (0.1, 0.02, 0.01)  // p01 = P(read 0 | 1), p10 = P(read 1 | 0)
    let ideal = [(1 - λ) / 2 + λ / 4, λ / 4, λ / 4, (1 - λ) / 2 + λ / 4]
    func read(_ read: Int, _ actual: Int) -> Double {
      (0..<2).reduce(1.0) { product, bit in
        let r = read >> bit & 1, a = actual >> bit & 1
        return product * (a == 1 ? (r == 1 ? 1 - p01 : p01) : (r == 1 ? p10 : 1 - p10))
      }
    }
    for index in 0..<4 {
      let expected = (0..<4).reduce(0.0) { $0 + read(index, $1) * ideal[$1] }
      #expect(abs(probabilities[index] - expected) < 1e-12, "outcome \(index)")
    }
  }

  @Test("a bad noise model names its JSON path; amplitudes are refused clearly")
  func errors() throws {
    let qasm = try TemporaryQASMFile(Self.flippedOne)
    let bad = try Self.noiseFile(#"{"errors": [{"gates": ["x"], "channel": "depolarizing", "probability": 2}]}"#)
    let run = CommandInvocation(["run", qasm.path, "--noise", bad])
    #expect(run.exitCode == 1)
    #expect(run.standardError.contains("errors[0].probability must be in 0…1, got 2.0"))
    let good = try Self.noiseFile(#"{"errors": []}"#)
    #expect(CommandInvocation(["run", qasm.path, "--noise", good, "--output", "amplitudes"]).standardError.contains("no amplitudes"))
  }
}
