import ArgumentParser
import Entangle
import Foundation

/// `entangle info FILE.qasm`: registers, operation counts, depth and the memory a state needs.
struct InfoCommand: ReportingCommand {
  static let configuration = CommandConfiguration(
    commandName: "info",
    abstract: "Show an OpenQASM 2.0 program's registers, operation counts, depth and state memory."
  )

  @Argument(help: "The OpenQASM 2.0 file.")
  var file: String

  @Option(help: "Output format: text or json (one object).")
  var format: OutputFormat = .text

  func execute(writingTo output: OutputBuffer) throws(CommandFailure) {
    // No memory check: info is how a user learns what a too-large program would need.
    let program = try ProgramLoader.load(file, checkingMemoryFor: nil)
    let circuit = program.circuit
    let statistics = CircuitStatistics(circuit)
    let doubleBytes = MemoryLimit.bytesNeeded(qubits: circuit.qubitCount, scalar: Double.self)
    let singleBytes = MemoryLimit.bytesNeeded(qubits: circuit.qubitCount, scalar: Float.self)
    let available = MemoryLimit.available.bytes
    switch format {
    case .json:
      func registers(_ list: [QASMRegister]) -> JSONValue {
        .array(
          list.map {
            .object([("name", .string($0.name)), ("size", .integer($0.size)), ("offset", .integer($0.offset))])
          })
      }
      let members: [(key: String, value: JSONValue)] = [
        ("file", .string(file)),
        ("qubits", .integer(circuit.qubitCount)),
        ("classical_bits", .integer(circuit.classicalBitCount)),
        ("quantum_registers", registers(program.quantumRegisters)),
        ("classical_registers", registers(program.classicalRegisters)),
        ("operations", .integer(circuit.operations.count)),
        ("gates", .integer(statistics.gateCount)),
        ("operation_counts", .object(statistics.operationCounts.map { ($0.name, .integer($0.count)) })),
        ("depth", .integer(statistics.depth)),
        ("memory_bytes", .object([("double", Self.bytesJSON(doubleBytes)), ("single", Self.bytesJSON(singleBytes))])),
        ("available_bytes", .integer(available)),
      ]
      JSONValue.object(members).write(to: output)
      output.writeLine()
    case .text:
      func registers(_ list: [QASMRegister]) -> String {
        list.isEmpty ? "" : "  (" + list.map { "\($0.name)[\($0.size)]" }.joined(separator: ", ") + ")"
      }
      let counts = statistics.operationCounts.map { "\($0.name) \($0.count)" }.joined(separator: ", ")
      var lines = [
        file,
        "  qubits          \(circuit.qubitCount)\(registers(program.quantumRegisters))",
        "  classical bits  \(circuit.classicalBitCount)\(registers(program.classicalRegisters))",
        "  operations      \(circuit.operations.count)\(counts.isEmpty ? "" : "  (\(counts))")",
        "  gates           \(statistics.gateCount)",
        "  depth           \(statistics.depth)",
        "  state memory    \(ByteCount(doubleBytes).abbreviated) in double precision, \(ByteCount(singleBytes).abbreviated) in single",
        "  available       \(ByteCount(Double(available)).abbreviated)",
      ]
      if doubleBytes > Double(available) {
        lines.append(
          singleBytes > Double(available)
            ? "  the state does not fit in the available memory" : "  only single precision fits (--precision single)")
      }
      output.writeLine(lines.joined(separator: "\n"))
    }
  }

  /// Bytes as an exact integer while they fit one, else as a number.
  private static func bytesJSON(_ bytes: Double) -> JSONValue {
    bytes < 0x1p62 ? .integer(Int(bytes)) : .number(bytes)
  }
}
