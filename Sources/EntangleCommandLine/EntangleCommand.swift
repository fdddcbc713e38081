import ArgumentParser

/// `entangle`: run, time, inspect and draw OpenQASM 2.0 circuits on Entangle's state-vector simulator.
///
/// The subcommands live in this library so that every executable (`entangle`, and later a
/// distributed one) shares their options, program loading, output formats and error reporting.
/// An executable runs it with `EntangleCommand.main()`.
public struct EntangleCommand: ParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "entangle",
    abstract: "Run, time, inspect and draw OpenQASM 2.0 circuits on Entangle's state-vector simulator.",
    discussion: """
      Qubits are little-endian, as in Qiskit: qubit k is bit k of an amplitude's index, and bitstrings \
      print with qubit 0 (or classical bit 0) rightmost. Errors go to standard error as one line \
      FILE:LINE:COL: error: MESSAGE, with a non-zero exit status.
      """,
    subcommands: [RunCommand.self, BenchCommand.self, InfoCommand.self, DrawCommand.self]
  )

  public init() {}
}
