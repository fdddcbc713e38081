// The variational quantum eigensolver for H₂ in the STO-3G basis, from first principles.
//
//   swift run -c release vqe-h2 [--bond-length R] [--ansatz uccsd|hardware-efficient] [--curve] [--svg FILE] [--json]
//
// Integrals over contracted Gaussians, restricted Hartree–Fock, the Jordan–Wigner Hamiltonian on
// 4 qubits, then VQE with L-BFGS and adjoint gradients, checked against exact diagonalisation
// (full CI). With --curve: the dissociation curve from 0.3 to 2.5 Å, as a table and an SVG plot.
import ArgumentParser
import Entangle
import Foundation

enum AnsatzChoice: String, ExpressibleByArgument, CaseIterable {
  case uccsd
  case hardwareEfficient = "hardware-efficient"
}

struct Point {
  var bondLength: Double
  var energy: Double
  var hartreeFock: Double
  var fullCI: Double
  var evaluations: Int

  var json: [String: Any] {
    ["bond_length": bondLength, "energy": energy, "hf_energy": hartreeFock, "fci_energy": fullCI, "evaluations": evaluations]
  }
}

struct VQEH2Example: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "vqe-h2", abstract: "VQE for the H₂ molecule (STO-3G) against full configuration interaction.")

  @Option(help: "The H–H distance in ångström (0.3–2.5 is the tested range).")
  var bondLength = 0.7414

  @Option(help: "uccsd (one double excitation) or hardware-efficient (RY layers and CZ ladders).")
  var ansatz = AnsatzChoice.uccsd

  @Option(help: "Layers of the hardware-efficient ansatz.")
  var layers = 2

  @Option(help: "Extra seeded starting points for the hardware-efficient ansatz.")
  var restarts = 4

  @Option(help: "The seed of the extra starting points.")
  var seed: UInt64 = 7

  @Flag(help: "The dissociation curve, 0.3 to 2.5 Å in steps of 0.1 Å.")
  var curve = false

  @Option(help: "Where --curve writes its plot.")
  var svg = "h2-dissociation.svg"

  @Flag(help: "Print one JSON object instead of the report.")
  var json = false

  func solve(at bondLength: Double) throws -> Point {
    let molecule = try HydrogenMolecule(bondLength: bondLength)
    let result: VariationalResult
    switch ansatz {
    case .uccsd:
      let solver = try VariationalEigensolver(
        ansatz: HydrogenMolecule.doubleExcitationAnsatz(parameter: Parameter("theta")), hamiltonian: molecule.qubitHamiltonian)
      result = try solver.minimize(using: LBFGS(), from: ["theta": 0])
    case .hardwareEfficient:
      let solver = try VariationalEigensolver(
        ansatz: HydrogenMolecule.hardwareEfficientAnsatz(layers: layers), hamiltonian: molecule.qubitHamiltonian)
      result = try solver.minimize(using: LBFGS(), restarts: restarts, seed: seed)
    }
    return Point(
      bondLength: bondLength, energy: result.energy, hartreeFock: molecule.hartreeFockEnergy,
      fullCI: try molecule.fullConfigurationInteractionEnergy(), evaluations: result.evaluations.total)
  }

  func run() throws {
    do {
      let start = ContinuousClock.now
      let points = try (curve ? (3...25).map { Double($0) / 10 } : [bondLength]).map(solve)
      let elapsed = ContinuousClock.now - start
      let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
      if curve { try Plot.svg(points, ansatz: ansatz.rawValue).write(toFile: svg, atomically: true, encoding: .utf8) }
      if json {
        let object: [String: Any] =
          curve ? ["ansatz": ansatz.rawValue, "curve": points.map(\.json), "svg": svg] : points[0].json.merging(["ansatz": ansatz.rawValue]) { $1 }
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        print(String(decoding: data, as: UTF8.self))
        return
      }
      print("VQE for H₂, STO-3G, 4 qubits (Jordan–Wigner), ansatz: \(ansatz.rawValue)")
      print("energies in hartree, including the nuclear repulsion; chemical accuracy is 1.6 mHa\n")
      print("  R (Å)   Hartree–Fock        VQE       full CI   VQE − FCI (mHa)   evaluations")
      for point in points {
        print(
          String(
            format: "  %5.3f   %12.6f  %12.6f  %12.6f   %15.6f   %11d", point.bondLength, point.hartreeFock, point.energy,
            point.fullCI, (point.energy - point.fullCI) * 1000, point.evaluations))
      }
      let worst = points.map { abs($0.energy - $0.fullCI) }.max() ?? 0
      print(String(format: "\nlargest error %.2e Ha (%@ chemical accuracy), %.2f s", worst, worst < 1.6e-3 ? "within" : "OUTSIDE", seconds))
      if curve { print("plot written to \(svg)") }
    } catch {
      FileHandle.standardError.write(Data("vqe-h2: error: \(error)\n".utf8))
      throw ExitCode.failure
    }
  }
}

/// The dissociation curve as a small self-contained SVG: Hartree–Fock and full CI as lines, VQE as dots.
enum Plot {
  static func svg(_ points: [Point], ansatz: String) -> String {
    let width = 640.0, height = 420.0, left = 70.0, right = 20.0, top = 30.0, bottom = 50.0
    let energies = points.flatMap { [$0.energy, $0.hartreeFock, $0.fullCI] }
    let low = (energies.min() ?? -1.2) - 0.02, high = (energies.max() ?? 0) + 0.02
    let first = points.first?.bondLength ?? 0.3, last = points.last?.bondLength ?? 2.5
    func x(_ r: Double) -> Double { left + (r - first) / max(last - first, 1e-9) * (width - left - right) }
    func y(_ e: Double) -> Double { top + (high - e) / (high - low) * (height - top - bottom) }
    func line(_ values: [Double], _ colour: String) -> String {
      let coordinates = zip(points, values).map { String(format: "%.1f,%.1f", x($0.bondLength), y($1)) }
      return "<polyline fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2\" points=\"\(coordinates.joined(separator: " "))\"/>"
    }
    var parts = [
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" height=\"\(Int(height))\" font-family=\"sans-serif\" font-size=\"12\">",
      "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>",
      "<text x=\"\(Int(width / 2))\" y=\"18\" text-anchor=\"middle\">H₂ / STO-3G dissociation curve (VQE, \(ansatz) ansatz)</text>",
      String(format: "<line x1=\"%.0f\" y1=\"%.0f\" x2=\"%.0f\" y2=\"%.0f\" stroke=\"black\"/>", left, height - bottom, width - right, height - bottom),
      String(format: "<line x1=\"%.0f\" y1=\"%.0f\" x2=\"%.0f\" y2=\"%.0f\" stroke=\"black\"/>", left, top, left, height - bottom),
      "<text x=\"\(Int(width / 2))\" y=\"\(Int(height - 12))\" text-anchor=\"middle\">bond length (Å)</text>",
      "<text x=\"16\" y=\"\(Int(height / 2))\" transform=\"rotate(-90 16 \(Int(height / 2)))\" text-anchor=\"middle\">energy (Ha)</text>",
    ]
    for tick in stride(from: (first * 2).rounded(.up) / 2, through: last, by: 0.5) {
      parts.append(String(format: "<text x=\"%.1f\" y=\"%.0f\" text-anchor=\"middle\">%.1f</text>", x(tick), height - bottom + 16, tick))
    }
    for tick in stride(from: (low * 10).rounded(.up) / 10, through: high, by: 0.1) {
      parts.append(String(format: "<text x=\"%.0f\" y=\"%.1f\" text-anchor=\"end\">%.1f</text>", left - 6, y(tick) + 4, tick))
    }
    parts.append(line(points.map(\.hartreeFock), "#d62728"))
    parts.append(line(points.map(\.fullCI), "#1f77b4"))
    for point in points {
      parts.append(String(format: "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"#2ca02c\"/>", x(point.bondLength), y(point.energy)))
    }
    let legend = [("Hartree–Fock", "#d62728"), ("full CI", "#1f77b4"), ("VQE", "#2ca02c")]
    for (index, (name, colour)) in legend.enumerated() {
      let ly = top + 20 + Double(index) * 18
      parts.append(String(format: "<rect x=\"%.0f\" y=\"%.0f\" width=\"14\" height=\"4\" fill=\"%@\"/>", width - 150, ly - 4, colour))
      parts.append(String(format: "<text x=\"%.0f\" y=\"%.0f\">%@</text>", width - 130, ly + 2, name))
    }
    parts.append("</svg>")
    return parts.joined(separator: "\n") + "\n"
  }
}

VQEH2Example.main()
