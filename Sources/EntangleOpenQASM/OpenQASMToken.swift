/// One token of OpenQASM 2.0 source.
struct OpenQASMToken: Hashable, Sendable {
  enum Kind: Hashable, Sendable {
    /// A name: a keyword (`qreg`, `gate`, `U`, `pi`, …) or an identifier; the parser tells them apart.
    case identifier(String)
    /// A non-negative integer literal, kept as text so that an overflowing one is reported where it is used.
    case integer(String)
    /// A real literal (with a decimal point or an exponent).
    case real(Double)
    /// A double-quoted string, without its quotes.
    case string(String)
    case semicolon, comma, leftParenthesis, rightParenthesis, leftBracket, rightBracket, leftBrace, rightBrace
    case arrow, equalEqual, plus, minus, star, slash, caret
    case endOfFile
  }

  var kind: Kind
  /// Where the token starts.
  var location: SourceLocation
  /// Just after the token's last byte (where a missing `;` belongs).
  var end: SourceLocation

  /// The token as a reader would quote it in a message.
  var quoted: String {
    switch kind {
    case .identifier(let name): return "'\(name)'"
    case .integer(let text): return "'\(text)'"
    case .real(let value): return "'\(value)'"
    case .string(let text): return "\"\(text)\""
    case .semicolon: return "';'"
    case .comma: return "','"
    case .leftParenthesis: return "'('"
    case .rightParenthesis: return "')'"
    case .leftBracket: return "'['"
    case .rightBracket: return "']'"
    case .leftBrace: return "'{'"
    case .rightBrace: return "'}'"
    case .arrow: return "'->'"
    case .equalEqual: return "'=='"
    case .plus: return "'+'"
    case .minus: return "'-'"
    case .star: return "'*'"
    case .slash: return "'/'"
    case .caret: return "'^'"
    case .endOfFile: return "the end of the file"
    }
  }
}
