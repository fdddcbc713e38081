import ArgumentParser

/// A subcommand whose work is a function from its parsed options to the text it prints,
/// so that tests run it in-process and compare strings; `run()` prints that text or the error line.
protocol ReportingCommand: ParsableCommand {
  /// Does the work and writes the result to `output`; progress, if any, goes to standard error.
  ///
  /// - Throws: ``CommandFailure`` with the one line to print on standard error.
  func execute(writingTo output: OutputBuffer) throws(CommandFailure)
}

extension ReportingCommand {
  mutating func run() throws {
    let output = OutputBuffer(destination: .standardOutput)
    do {
      try execute(writingTo: output)
      output.flush()
    } catch {
      output.flush()
      Terminal.writeErrorLine(error.description)
      throw ExitCode.failure
    }
  }
}
