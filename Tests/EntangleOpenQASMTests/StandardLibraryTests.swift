import EntangleCircuits
import EntangleTestSupport
import Foundation
import EntangleOpenQASM
import Testing

/// Each gate of qelib1.inc maps to native gates whose matrix equals the gate's definition in qelib1.inc,
/// expanded down to U and CX, up to a global phase.
@Suite("qelib1.inc gates against their definitions")
struct StandardLibraryTests {
  /// (name, parameter count, qubit count) of every gate in qelib1.inc, read from its text.
  static let gates: [(String, Int, Int)] = {
    let pattern = try! NSRegularExpression(pattern: #"^gate\s+(\w+)\s*(?:\(([^)]*)\))?\s*([\w\s,]+?)\s*(?:\{|$)"#,
                                           options: [.anchorsMatchLines])
    let text = Fixtures.qelib1
    return pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { match in
      func group(_ i: Int) -> String {
        Range(match.range(at: i), in: text).map { String(text[$0]) } ?? ""
      }
      let parameters = group(2).split(separator: ",").count
      let qubits = group(3).split(separator: ",").count
      return (group(1), parameters, qubits)
    }
  }()

  /// qelib1.inc with every gate renamed `def_NAME` (declarations and calls), so that a program that includes
  /// this text instead of qelib1.inc expands each gate to U and CX through the definitions.
  static let renamedLibrary: String = {
    var text = Fixtures.qelib1
    for (name, _, _) in gates {
      let pattern = try! NSRegularExpression(pattern: #"(^|[{;]|gate)(\s*)\#(name)\b(?=\s*[(a-z])"#,
                                             options: [.anchorsMatchLines])
      text = pattern.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text),
                                              withTemplate: "$1$2def_\(name)")
    }
    return text
  }()

  @Test("the library holds the 42 gates Qiskit's qelib1.inc defines")
  func inventory() {
    #expect(Self.gates.count == 42)
    #expect(Set(Self.gates.map(\.0)).isSuperset(of: ["u0", "u", "p", "sx", "sxdg", "swap", "cswap", "crx", "cry", "cp", "csx",
                                                    "cu", "rxx", "rzz", "rccx", "rc3x", "c3x", "c3sqrtx", "c4x"]))
  }

  @Test("native gate equals the U/CX expansion up to global phase", arguments: gates.map(\.0))
  func nativeMatchesDefinition(name: String) throws {
    let (_, parameterCount, qubitCount) = Self.gates.first { $0.0 == name }!
    var generator = SeededGenerator(seed: UInt64(name.utf8.reduce(0) { $0 &* 31 &+ Int($1) }.magnitude))
    let angles = (0..<parameterCount).map { _ in Double.random(in: -4...4, using: &generator) }
    let list = angles.isEmpty ? "" : "(" + angles.map { "\($0)" }.joined(separator: ", ") + ")"
    // Qubits in a scrambled order, so that the test also checks which argument is the control.
    let qubits = (0..<qubitCount).reversed().map { "q[\($0)]" }.joined(separator: ", ")
    let native = try OpenQASM.parse("include \"qelib1.inc\"; qreg q[\(qubitCount)]; \(name)\(list) \(qubits);").circuit
    let expanded = try OpenQASM.parse(Self.renamedLibrary + "\nqreg q[\(qubitCount)]; def_\(name)\(list) \(qubits);").circuit
    let nativeMatrix = try ReferenceSimulator.unitary(of: native)
    let expandedMatrix = try ReferenceSimulator.unitary(of: expanded)
    #expect(maxDifferenceUpToGlobalPhase(nativeMatrix, expandedMatrix) < 1e-12)
    let usesOnlyBuiltins = expanded.operations.allSatisfy { operation in
      guard case let .gate(gate, _, controls) = operation.kind else { return true }
      if case .u = gate { return controls.isEmpty }
      return gate == .x && controls.count == 1
    }
    #expect(usesOnlyBuiltins, "the expansion is U and CX only")
  }

  @Test("known gates are native single operations, not expansions", arguments: [
    ("cx q[0], q[1];", Operation.gate(.x, on: [1], controls: [0])),
    ("ccx q[0], q[1], q[2];", .gate(.x, on: [2], controls: [0, 1])),
    ("c4x q[0], q[1], q[2], q[3], q[4];", .gate(.x, on: [4], controls: [0, 1, 2, 3])),
    ("c3sqrtx q[0], q[1], q[2], q[3];", .gate(.sx, on: [3], controls: [0, 1, 2])),
    ("cswap q[2], q[0], q[1];", .gate(.swap, on: [0, 1], controls: [2])),
    ("cu1(0.5) q[0], q[1];", .gate(.phase(0.5), on: [1], controls: [0])),
    ("cu3(1, 2, 3) q[0], q[1];", .gate(.u(theta: 1, phi: 2, lambda: 3), on: [1], controls: [0])),
    ("rzz(0.25) q[0], q[1];", .gate(.rzz(0.25), on: [0, 1])),
    ("u0(7) q[0];", .gate(.identity, on: [0])),
  ])
  func native(statement: String, expected: Operation) throws {
    let circuit = try OpenQASM.parse("include \"qelib1.inc\"; qreg q[5]; " + statement).circuit
    #expect(circuit.operations == [expected])
  }

  @Test("cu is a controlled U with a phase on the control")
  func controlledU() throws {
    let circuit = try OpenQASM.parse("include \"qelib1.inc\"; qreg q[2]; cu(1, 2, 3, 4) q[1], q[0];").circuit
    #expect(circuit.operations == [
      .gate(.globalPhase(4), on: [], controls: [1]),
      .gate(.u(theta: 1, phi: 2, lambda: 3), on: [0], controls: [1]),
    ])
  }
}
