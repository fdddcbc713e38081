import Entangle
import EntangleTestSupport
import Testing

@testable import EntangleCommandLine

@Suite("entangle run against the dense reference simulator")
struct ReferenceComparisonTests {
  static let source = """
    OPENQASM 2.0;
    include "qelib1.inc";
    qreg a[2];
    qreg b[1];
    h a[0];
    cx a[0], b[0];
    ry(0.7) a[1];
    u3(0.3, 1.1, -0.4) b[0];
    rzz(0.9) a[1], b[0];
    cswap a[1], a[0], b[0];
    cu1(pi/3) b[0], a[0];
    """

  /// The same program in the Swift DSL: a[0], a[1], b[0] are qubits 0, 1, 2.
  static func circuit() throws -> Circuit {
    try Circuit(qubits: 3) {
      H(0)
      CX(0, 2)
      RY(0.7, 1)
      U(0.3, 1.1, -0.4, 2)
      RZZ(0.9, 1, 2)
      CSwap(1, 0, 2)
      CP(Double.pi / 3, 2, 0)
    }
  }

  @Test(
    "Amplitudes in little-endian order match the reference, double within 1e-12, single within 1e-6",
    arguments: [("double", 1e-12), ("single", 1e-6)])
  func amplitudes(precision: String, tolerance: Double) throws {
    let file = try TemporaryQASMFile(Self.source)
    let result = CommandInvocation(
      ["run", file.path, "--output", "amplitudes", "--format", "json", "--precision", precision])
    #expect(result.exitCode == 0)
    let amplitudes = try #require(try jsonObject(result.standardOutput)["amplitudes"] as? [[Double]])
    let reference = try ReferenceSimulator.run(Self.circuit())
    #expect(amplitudes.count == reference.count)
    for (actual, expected) in zip(amplitudes, reference) {
      #expect(abs(actual[0] - expected.real) < tolerance && abs(actual[1] - expected.imaginary) < tolerance)
    }
  }
}
