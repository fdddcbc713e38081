import ArgumentParser

/// `entangle`: run, time, inspect and draw OpenQASM 2.0 circuits on Entangle's state-vector simulator.
@main
struct EntangleCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "entangle",
    abstract: "Run, time, inspect and draw OpenQASM 2.0 circuits on Entangle's state-vector simulator.",
    discussion: """
      Qubits are little-endian, as in Qiskit: qubit k is bit k of an amplitude's index, and bitstrings \
      print with qubit 0 (or classical bit 0) rightmost. Errors go to standard error as one line \
      FILE:LINE:COL: error: MESSAGE, with a non-zero exit status.
      """,
    subcommands: [RunCommand.self, BenchCommand.self, InfoCommand.self, DrawCommand.self]
  )
}
