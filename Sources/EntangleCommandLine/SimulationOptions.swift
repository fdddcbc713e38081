import ArgumentParser

/// The options of the commands that simulate: threads and precision.
struct SimulationOptions: ParsableArguments {
  @Option(help: "Threads per pass over the state (default: the machine's active cores).")
  var threads: Int?

  @Option(help: "Amplitude precision: double (complex128, 16 bytes per amplitude) or single (complex64, 8).")
  var precision: Precision = .double

  func validate() throws {
    if let threads, threads < 1 { throw ValidationError("--threads must be at least 1, got \(threads)") }
  }
}
