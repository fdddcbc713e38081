import Foundation
import Testing

@testable import EntangleCommandLine

@Suite("entangle run")
struct RunCommandTests {
  /// 1/√2, the Bell state's two amplitudes.
  let amplitude = 0.5.squareRoot()

  @Test("Bell amplitudes are [[1/√2, 0], [0, 0], [0, 0], [1/√2, 0]] within 1e-12")
  func bellAmplitudes() throws {
    let file = try TemporaryQASMFile(Programs.bell)
    let result = CommandInvocation(["run", file.path, "--output", "amplitudes", "--format", "json"])
    #expect(result.exitCode == 0)
    #expect(result.standardError.isEmpty)
    let object = try jsonObject(result.standardOutput)
    #expect(object["qubits"] as? Int == 2)
    let amplitudes = try #require(object["amplitudes"] as? [[Double]])
    let expected = [[amplitude, 0], [0, 0], [0, 0], [amplitude, 0]]
    #expect(amplitudes.count == 4)
    for (actual, wanted) in zip(amplitudes, expected) {
      #expect(abs(actual[0] - wanted[0]) < 1e-12 && abs(actual[1] - wanted[1]) < 1e-12)
    }
  }

  @Test("Amplitudes of a circuit with final measurements are the state before them, as in Qiskit")
  func amplitudesBeforeFinalMeasurements() throws {
    let file = try TemporaryQASMFile(Programs.measuredBell)
    let result = CommandInvocation(["run", file.path, "--output", "amplitudes", "--format", "json", "--seed", "3"])
    let amplitudes = try #require(try jsonObject(result.standardOutput)["amplitudes"] as? [[Double]])
    #expect(abs(amplitudes[0][0] - amplitude) < 1e-12 && abs(amplitudes[3][0] - amplitude) < 1e-12)
  }

  @Test("Bell probabilities are [0.5, 0, 0, 0.5] within 1e-12")
  func bellProbabilities() throws {
    let file = try TemporaryQASMFile(Programs.bell)
    let result = CommandInvocation(["run", file.path, "--output", "probabilities", "--format", "json"])
    let probabilities = try #require(try jsonObject(result.standardOutput)["probabilities"] as? [Double])
    #expect(probabilities.count == 4)
    for (actual, wanted) in zip(probabilities, [0.5, 0, 0, 0.5]) { #expect(abs(actual - wanted) < 1e-12) }
  }

  @Test("Counts of a measured Bell pair sum to the shots, hold only 00 and 11, and repeat with the seed")
  func measuredBellCounts() throws {
    let file = try TemporaryQASMFile(Programs.measuredBell)
    let arguments = ["run", file.path, "--output", "counts", "--shots", "2000", "--seed", "11", "--format", "json"]
    let result = CommandInvocation(arguments)
    #expect(result.exitCode == 0)
    let object = try jsonObject(result.standardOutput)
    let counts = try #require(object["counts"] as? [String: Int])
    #expect(counts.values.reduce(0, +) == 2000)
    #expect(Set(counts.keys).isSubset(of: ["00", "11"]))
    // 2000 fair coin flips: each outcome within 5 standard deviations (√500 ≈ 22) of 1000.
    #expect(abs((counts["00"] ?? 0) - 1000) < 112)
    #expect(object["shots"] as? Int == 2000)
    #expect(object["seed"] as? Int == 11)
    #expect(CommandInvocation(arguments).standardOutput == result.standardOutput)
  }

  @Test("Counts of a circuit without measurements sample every qubit, qubit 0 rightmost")
  func countsWithoutMeasurements() throws {
    let file = try TemporaryQASMFile("OPENQASM 2.0;\nqreg q[3];\nU(pi, 0, pi) q[0];\n")
    let result = CommandInvocation([
      "run", file.path, "--output", "counts", "--shots", "50", "--seed", "1", "--format", "json",
    ])
    #expect(try jsonObject(result.standardOutput)["counts"] as? [String: Int] == ["001": 50])
  }

  @Test("A program that resets but never measures runs shot by shot and samples every qubit")
  func resetWithoutMeasurements() throws {
    let file = try TemporaryQASMFile("OPENQASM 2.0;\nqreg q[2];\nU(pi, 0, pi) q[0];\nreset q[0];\nU(pi, 0, pi) q[1];\n")
    let result = CommandInvocation(["run", file.path, "--shots", "20", "--seed", "9", "--format", "json"])
    let object = try jsonObject(result.standardOutput)
    #expect(object["counts"] as? [String: Int] == ["10": 20])
    #expect(object["measurements"] as? String == "mid-circuit")
  }

  @Test("A mid-circuit measurement, if and reset run shot by shot to the deterministic counts")
  func midCircuitCondition() throws {
    let file = try TemporaryQASMFile(Programs.midCircuitCondition)
    let result = CommandInvocation(["run", file.path, "--shots", "64", "--seed", "5", "--format", "json"])
    #expect(result.exitCode == 0)
    let object = try jsonObject(result.standardOutput)
    #expect(object["counts"] as? [String: Int] == ["1 1": 64])
    #expect(object["measurements"] as? String == "mid-circuit")
  }

  @Test("A condition on a random mid-circuit outcome copies it: only 0 0 and 1 1")
  func conditionFollowsOutcome() throws {
    let file = try TemporaryQASMFile(
      """
      OPENQASM 2.0;
      include "qelib1.inc";
      qreg q[2];
      creg c[1];
      creg d[1];
      h q[0];
      measure q[0] -> c[0];
      if (c == 1) x q[1];
      measure q[1] -> d[0];
      """)
    let result = CommandInvocation(["run", file.path, "--shots", "400", "--seed", "2", "--format", "json"])
    let counts = try #require(try jsonObject(result.standardOutput)["counts"] as? [String: Int])
    #expect(counts.values.reduce(0, +) == 400)
    #expect(Set(counts.keys).isSubset(of: ["0 0", "1 1"]) && counts.count == 2)
  }

  @Test("--precision single gives the Bell amplitudes within 1e-6")
  func singlePrecision() throws {
    let file = try TemporaryQASMFile(Programs.bell)
    let result = CommandInvocation(
      ["run", file.path, "--output", "amplitudes", "--format", "json", "--precision", "single", "--threads", "1"])
    let object = try jsonObject(result.standardOutput)
    #expect(object["precision"] as? String == "single")
    #expect(object["threads"] as? Int == 1)
    let amplitudes = try #require(object["amplitudes"] as? [[Double]])
    #expect(abs(amplitudes[0][0] - amplitude) < 1e-6 && abs(amplitudes[3][0] - amplitude) < 1e-6)
    #expect(abs(amplitudes[1][0]) < 1e-6 && abs(amplitudes[2][0]) < 1e-6)
  }

  @Test("The text format is a table of the most likely outcomes with bars")
  func textTable() throws {
    let file = try TemporaryQASMFile(Programs.measuredBell)
    let result = CommandInvocation(["run", file.path, "--shots", "100", "--seed", "4"])
    #expect(result.exitCode == 0)
    let lines = result.standardOutput.split(separator: "\n")
    #expect(lines.count == 4)
    #expect(lines[1].contains("outcome") && lines[1].contains("count"))
    #expect(lines[2].contains("█") && lines[3].contains("█"))
  }

  @Test("A zero shot count is refused before anything runs")
  func invalidShots() throws {
    let file = try TemporaryQASMFile(Programs.bell)
    let result = CommandInvocation(["run", file.path, "--shots", "0"])
    #expect(result.exitCode != 0)
    #expect(result.standardOutput.isEmpty)
  }
}
