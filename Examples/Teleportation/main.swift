// Quantum teleportation of U(θ, φ, λ)|0⟩ from qubit 0 to qubit 2 with mid-circuit measurements
// and classically controlled X and Z corrections.
//
//   swift run -c release teleportation [--theta θ --phi φ --lambda λ] [--seed s] [--json]
//
// Without angles the state is drawn uniformly from the Bloch sphere using the seed. Prints the
// measured bits and the fidelity ⟨ψ|ρ₂|ψ⟩ with and without the corrections (same measurement
// outcomes). See Examples/README.md for the JSON keys.
import ArgumentParser
import Entangle
import Foundation

struct TeleportationExample: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "teleportation",
    abstract: "Teleport a one-qubit state from qubit 0 to qubit 2 and check its fidelity.")

  @Option(parsing: .unconditional, help: "θ of U(θ, φ, λ) in radians (default: a random state from the seed).")
  var theta: Double?

  @Option(parsing: .unconditional, help: "φ of U(θ, φ, λ) in radians (0 when only some angles are given).")
  var phi: Double?

  @Option(parsing: .unconditional, help: "λ of U(θ, φ, λ) in radians (0 when only some angles are given).")
  var lambda: Double?

  @Option(help: "The seed of the random state and of the measurement outcomes.")
  var seed: UInt64 = 0

  @Flag(help: "Print one JSON object instead of the report.")
  var json = false

  func run() throws {
    do {
      let teleportation =
        theta == nil && phi == nil && lambda == nil
        ? Teleportation(randomStateSeed: seed)
        : try Teleportation(theta: theta ?? 0, phi: phi ?? 0, lambda: lambda ?? 0)
      let result = try teleportation.run(seed: seed)
      let uncorrected = try teleportation.run(seed: seed, corrections: false)
      if json {
        let object: [String: Any] = [
          "theta": teleportation.theta, "phi": teleportation.phi, "lambda": teleportation.lambda, "seed": seed,
          "measured_bits": result.measuredBits, "fidelity": result.fidelity,
          "fidelity_without_corrections": uncorrected.fidelity,
        ]
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        print(String(decoding: data, as: UTF8.self))
        return
      }
      let input = teleportation.inputState
      print("Teleporting U(θ, φ, λ)|0⟩ with θ = \(format(teleportation.theta)), φ = \(format(teleportation.phi)), λ = \(format(teleportation.lambda))")
      print("  |ψ⟩ = (\(format(input[0].real))) |0⟩ + (\(format(input[1].real)) + \(format(input[1].imaginary))i) |1⟩")
      print("measured qubit 0 → bit 0 = \(result.measuredBits[0]), qubit 1 → bit 1 = \(result.measuredBits[1])")
      print("corrections: X on qubit 2 if bit 1 = 1, Z on qubit 2 if bit 0 = 1")
      print("fidelity of qubit 2 with |ψ⟩: \(format(result.fidelity)) (without corrections: \(format(uncorrected.fidelity)))")
    } catch {
      FileHandle.standardError.write(Data("teleportation: error: \(error)\n".utf8))
      throw ExitCode.failure
    }
  }

  func format(_ value: Double) -> String { String(format: "%.6f", value) }
}

TeleportationExample.main()
