import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Standard error and the terminal: error lines, progress, and the width diagrams wrap at.
enum Terminal {
  /// Whether standard error is a terminal (progress is drawn only then).
  static var standardErrorIsTerminal: Bool { isatty(2) == 1 }

  static func writeError(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
  }

  static func writeErrorLine(_ text: String) {
    writeError(text + "\n")
  }

  /// The width of the terminal that standard output is, or nil when it is not a terminal.
  static var outputColumns: Int? {
    guard isatty(1) == 1 else { return nil }
    var size = winsize()
    guard ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
    return Int(size.ws_col)
  }
}
