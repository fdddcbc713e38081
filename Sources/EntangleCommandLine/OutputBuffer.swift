import Foundation

/// Where a command's text goes: standard output in blocks, or memory for tests.
///
/// A class because it owns a buffer that must be flushed exactly once per block; amplitudes of a
/// large state run to hundreds of megabytes of text, so they are written as they are formatted.
final class OutputBuffer {
  enum Destination {
    case standardOutput
    case memory
  }

  let destination: Destination
  private var pending: String = ""
  /// The text written so far when the destination is `.memory`.
  private(set) var collected: String = ""

  /// Pending text is written out once it reaches this many bytes.
  private static let blockSize = 1 << 16

  init(destination: Destination) {
    self.destination = destination
  }

  func write(_ text: String) {
    switch destination {
    case .memory:
      collected += text
    case .standardOutput:
      pending += text
      if pending.utf8.count >= Self.blockSize { flush() }
    }
  }

  func writeLine(_ text: String = "") {
    write(text)
    write("\n")
  }

  func flush() {
    guard destination == .standardOutput, !pending.isEmpty else { return }
    FileHandle.standardOutput.write(Data(pending.utf8))
    pending = ""
  }
}
