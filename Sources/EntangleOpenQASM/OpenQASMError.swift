import Foundation

/// A problem with an OpenQASM program, at the place in the source where it was found.
///
/// ``description`` reads `FILE:LINE:COL: error: message`, the form compilers use, so that
/// editors and terminals link to the place. Lines and columns count from 1; a column counts
/// bytes of UTF-8 from the start of the line. Line 0 means the problem is with the file as a whole
/// (it could not be read) or with a circuit being written (``OpenQASM/serialize(_:)``).
public struct OpenQASMError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The file name as given to the reader (`<input>` for text without a file).
  public var file: String
  /// The line, from 1 (0 when the error has no place in a source).
  public var line: Int
  /// The column, from 1, in UTF-8 bytes (0 when the error has no place in a source).
  public var column: Int
  /// What is wrong and, where there is one, how to fix it.
  public var message: String

  /// An error at `line`:`column` of `file`.
  public init(file: String, line: Int, column: Int, message: String) {
    self.file = file
    self.line = line
    self.column = column
    self.message = message
  }

  /// `FILE:LINE:COL: error: message`.
  public var description: String { "\(file):\(line):\(column): error: \(message)" }
}

// `localizedDescription` carries the same message as `"\(error)"`.
extension OpenQASMError: LocalizedError {
  public var errorDescription: String? { description }
}
