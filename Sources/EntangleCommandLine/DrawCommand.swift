import ArgumentParser
import Entangle

/// `entangle draw FILE.qasm`: a text circuit diagram in the style of Qiskit's text drawer.
struct DrawCommand: ReportingCommand {
  static let configuration = CommandConfiguration(
    commandName: "draw",
    abstract: "Draw an OpenQASM 2.0 program as a text circuit diagram, as Qiskit's text drawer does."
  )

  @Argument(help: "The OpenQASM 2.0 file.")
  var file: String

  @Option(help: "Wrap at this many columns (default: the terminal's width, or 80).")
  var width: Int?

  func validate() throws {
    if let width, width < 20 { throw ValidationError("--width must be at least 20, got \(width)") }
  }

  func execute(writingTo output: OutputBuffer) throws(CommandFailure) {
    let program = try ProgramLoader.load(file, checkingMemoryFor: nil)
    output.writeLine(CircuitDrawing(program: program).render(width: width ?? Terminal.outputColumns ?? 80))
  }
}
