import Foundation
import Testing

/// An OpenQASM source written to a file of its own in the temporary directory, for a command to read.
struct TemporaryQASMFile {
  let path: String

  init(_ source: String, name: String = "circuit") throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "entangle-cli-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    path = directory.appendingPathComponent("\(name).qasm").path
    try source.write(toFile: path, atomically: true, encoding: .utf8)
  }
}

/// Small programs the tests share.
enum Programs {
  static let bell = """
    OPENQASM 2.0;
    include "qelib1.inc";
    qreg q[2];
    h q[0];
    cx q[0], q[1];
    """

  static let measuredBell =
    bell + """

      creg c[2];
      measure q -> c;
      """

  /// q0 is flipped, measured into c, and q1 is flipped only if c reads 1; q0 is then reset and q1
  /// measured into d. Every shot reads c = 1 and d = 1: counts `{"1 1": shots}`.
  static let midCircuitCondition = """
    OPENQASM 2.0;
    include "qelib1.inc";
    qreg q[2];
    creg c[1];
    creg d[1];
    x q[0];
    measure q[0] -> c[0];
    if (c == 1) x q[1];
    reset q[0];
    measure q[1] -> d[0];
    """
}

/// The JSON object a command printed.
func jsonObject(_ text: String) throws -> [String: Any] {
  let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
  return try #require(object as? [String: Any])
}
