import ComplexModule
import Foundation

/// Runs Qiskit, when it is installed, as an independent reader and simulator of OpenQASM 2.
enum Qiskit {
  /// The Python that has qiskit: `ENTANGLE_PYTHON`, else `python3` on the PATH; `nil` when it lacks qiskit.
  static let python: String? = {
    let python = ProcessInfo.processInfo.environment["ENTANGLE_PYTHON"] ?? "python3"
    let probe = try? run(python, ["-c", "import qiskit.qasm2"], input: "")
    return probe?.status == 0 ? python : nil
  }()

  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  /// Qiskit's state for a program, read as `qiskit.qasm2.loads` reads it with its extended qelib1.inc
  /// (the gate set `qasm2.dumps` writes), little-endian like ours.
  static func statevector(of program: String) throws -> [Complex<Double>] {
    let script = """
      import sys, json
      from qiskit import qasm2
      from qiskit.quantum_info import Statevector
      circuit = qasm2.loads(sys.stdin.read(), include_path=qasm2.LEGACY_INCLUDE_PATH,
                            custom_instructions=qasm2.LEGACY_CUSTOM_INSTRUCTIONS)
      circuit.remove_final_measurements()
      print(json.dumps([[z.real, z.imag] for z in Statevector(circuit).data]))
      """
    guard let python else { throw Failure(description: "qiskit is not installed") }
    let (status, output) = try run(python, ["-c", script], input: program)
    guard status == 0 else { throw Failure(description: "qiskit refused the program: \(output)") }
    let pairs = try JSONDecoder().decode([[Double]].self, from: Data(output.utf8))
    return pairs.map { Complex($0[0], $0[1]) }
  }

  private static func run(_ python: String, _ arguments: [String], input: String) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [python] + arguments
    let stdin = Pipe(), stdout = Pipe()
    process.standardInput = stdin
    process.standardOutput = stdout
    process.standardError = stdout
    try process.run()
    stdin.fileHandleForWriting.write(Data(input.utf8))
    try stdin.fileHandleForWriting.close()
    let data = stdout.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
  }
}
