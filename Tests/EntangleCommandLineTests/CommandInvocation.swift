import ArgumentParser

@testable import EntangleCommandLine

/// What a command printed and how it ended, run in-process as `entangle ARGUMENTS` would run it.
struct CommandInvocation {
  /// The exit status the process would have: 0 on success.
  var exitCode: Int32
  /// Everything written to standard output.
  var standardOutput: String
  /// Everything written to standard error.
  var standardError: String

  /// Parses `arguments` (without the program name) and runs the subcommand, capturing its output.
  init(_ arguments: [String]) {
    let output = OutputBuffer(destination: .memory)
    do {
      let command = try EntangleCommand.parseAsRoot(arguments)
      guard let reporting = command as? any ReportingCommand else {
        (exitCode, standardOutput, standardError) = (1, "", "not a subcommand: \(arguments)\n")
        return
      }
      try reporting.execute(writingTo: output)
      (exitCode, standardOutput, standardError) = (0, output.collected, "")
    } catch let failure as CommandFailure {
      (exitCode, standardOutput, standardError) = (1, output.collected, failure.description + "\n")
    } catch {
      // What swift-argument-parser prints for a bad option, and its exit status.
      let message = EntangleCommand.fullMessage(for: error)
      (exitCode, standardOutput, standardError) = (EntangleCommand.exitCode(for: error).rawValue, "", message + "\n")
    }
  }
}
