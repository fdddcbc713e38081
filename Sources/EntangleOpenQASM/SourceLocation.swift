/// A place in a source text: line and column from 1, the column in UTF-8 bytes.
struct SourceLocation: Hashable, Sendable {
  var line: Int
  var column: Int
}
