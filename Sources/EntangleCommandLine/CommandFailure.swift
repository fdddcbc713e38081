import Entangle
import Foundation

/// A failure the user can act on, printed as one line on standard error:
/// `FILE:LINE:COL: error: message` when the place is known, `FILE: error: message` otherwise.
struct CommandFailure: Error, CustomStringConvertible {
  /// The whole line, without a trailing newline.
  let description: String

  /// A failure at a place in a source file; OpenQASM errors already read `FILE:LINE:COL: error: …`.
  /// One without a place (line 0, e.g. a file that cannot be read) reads `FILE: error: …`.
  init(_ error: OpenQASMError) {
    description = error.line > 0 ? error.description : "\(error.file): error: \(error.message)"
  }

  /// A failure without a location in the source, e.g. a state too large for memory.
  init(file: String, message: String) {
    description = "\(file): error: \(message)"
  }
}

// `localizedDescription` carries the same message as `"\(error)"`.
extension CommandFailure: LocalizedError {
  var errorDescription: String? { description }
}
