/// The built-in `qelib1.inc`: Qiskit's extended library (`qiskit/qasm/libs/qelib1.inc`, copied unchanged
/// into `StandardLibrary+Text.swift`), parsed once.
enum StandardLibrary {
  /// The only include file Entangle knows.
  static let fileName = "qelib1.inc"

  /// The library's gates by name, parsed once.
  static let definitions: Result<[String: GateDefinition], OpenQASMError> = Result {
    () throws(OpenQASMError) in try OpenQASMParser.libraryDefinitions(text, file: fileName)
  }
}
