/// Splits OpenQASM 2.0 source into tokens (OpenQASM 2.0 paper, arXiv:1707.03429, appendix A).
///
/// Whitespace, CR and LF separate tokens (CRLF files read like LF files); `//` starts a comment
/// that runs to the end of the line. Names are `[A-Za-z_][A-Za-z0-9_]*`; a real has a decimal point
/// or an exponent (`1.5`, `.5`, `2.`, `1e-3`); an integer is digits only.
struct OpenQASMLexer {
  private let bytes: [UInt8]
  private let file: String
  private var index = 0
  private var line = 1
  private var lineStart = 0

  init(_ source: String, file: String) {
    bytes = Array(source.utf8)
    self.file = file
  }

  /// Every token of the source, ending with `.endOfFile`.
  ///
  /// - Throws: ``OpenQASMError`` for a character that starts no token or an unterminated string.
  static func tokens(of source: String, file: String) throws(OpenQASMError) -> [OpenQASMToken] {
    var lexer = OpenQASMLexer(source, file: file)
    var result: [OpenQASMToken] = []
    while true {
      let token = try lexer.next()
      result.append(token)
      if token.kind == .endOfFile { return result }
    }
  }

  private var location: SourceLocation { SourceLocation(line: line, column: index - lineStart + 1) }

  private func peek(_ offset: Int = 0) -> UInt8? {
    index + offset < bytes.count ? bytes[index + offset] : nil
  }

  private mutating func skipWhitespaceAndComments() {
    while let byte = peek() {
      if byte == UInt8(ascii: "\n") {
        index += 1
        line += 1
        lineStart = index
      } else if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r")
        || byte == 0x0B || byte == 0x0C
      {
        index += 1
      } else if byte == UInt8(ascii: "/"), peek(1) == UInt8(ascii: "/") {
        while let next = peek(), next != UInt8(ascii: "\n") { index += 1 }
      } else {
        return
      }
    }
  }

  private static func isDigit(_ byte: UInt8?) -> Bool {
    guard let byte else { return false }
    return byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
  }

  private static func isNameStart(_ byte: UInt8) -> Bool {
    (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
      || byte == UInt8(ascii: "_")
  }

  private mutating func next() throws(OpenQASMError) -> OpenQASMToken {
    skipWhitespaceAndComments()
    let start = location
    func token(_ kind: OpenQASMToken.Kind) -> OpenQASMToken {
      OpenQASMToken(kind: kind, location: start, end: location)
    }
    guard let byte = peek() else { return token(.endOfFile) }
    if Self.isNameStart(byte) {
      let first = index
      while let next = peek(), Self.isNameStart(next) || Self.isDigit(next) { index += 1 }
      return token(.identifier(String(decoding: bytes[first..<index], as: UTF8.self)))
    }
    if Self.isDigit(byte) || (byte == UInt8(ascii: ".") && Self.isDigit(peek(1))) {
      return try number(start: start)
    }
    if byte == UInt8(ascii: "\"") {
      index += 1
      let first = index
      while let next = peek(), next != UInt8(ascii: "\""), next != UInt8(ascii: "\n") { index += 1 }
      guard peek() == UInt8(ascii: "\"") else {
        throw OpenQASMError(file: file, line: start.line, column: start.column,
                            message: "unterminated string: add the closing '\"' on the same line")
      }
      let text = String(decoding: bytes[first..<index], as: UTF8.self)
      index += 1
      return token(.string(text))
    }
    index += 1
    switch byte {
    case UInt8(ascii: ";"): return token(.semicolon)
    case UInt8(ascii: ","): return token(.comma)
    case UInt8(ascii: "("): return token(.leftParenthesis)
    case UInt8(ascii: ")"): return token(.rightParenthesis)
    case UInt8(ascii: "["): return token(.leftBracket)
    case UInt8(ascii: "]"): return token(.rightBracket)
    case UInt8(ascii: "{"): return token(.leftBrace)
    case UInt8(ascii: "}"): return token(.rightBrace)
    case UInt8(ascii: "+"): return token(.plus)
    case UInt8(ascii: "*"): return token(.star)
    case UInt8(ascii: "/"): return token(.slash)
    case UInt8(ascii: "^"): return token(.caret)
    case UInt8(ascii: "-"):
      if peek() == UInt8(ascii: ">") {
        index += 1
        return token(.arrow)
      }
      return token(.minus)
    case UInt8(ascii: "="):
      if peek() == UInt8(ascii: "=") {
        index += 1
        return token(.equalEqual)
      }
      throw OpenQASMError(file: file, line: start.line, column: start.column,
                          message: "'=' is not an operator; a condition compares with '==', as in 'if (c == 1)'")
    default:
      let character: String
      if byte >= 0x20 && byte < 0x7F {
        character = "'\(Character(Unicode.Scalar(byte)))'"
      } else {
        character = "byte 0x" + String(byte, radix: 16, uppercase: true)
      }
      throw OpenQASMError(file: file, line: start.line, column: start.column,
                          message: "unexpected character \(character) in OpenQASM source")
    }
  }

  private mutating func number(start: SourceLocation) throws(OpenQASMError) -> OpenQASMToken {
    let first = index
    var isReal = false
    while Self.isDigit(peek()) { index += 1 }
    if peek() == UInt8(ascii: ".") {
      isReal = true
      index += 1
      while Self.isDigit(peek()) { index += 1 }
    }
    if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
      let signLength = peek(1) == UInt8(ascii: "+") || peek(1) == UInt8(ascii: "-") ? 1 : 0
      if Self.isDigit(peek(1 + signLength)) {
        isReal = true
        index += 1 + signLength
        while Self.isDigit(peek()) { index += 1 }
      }
    }
    let text = String(decoding: bytes[first..<index], as: UTF8.self)
    let end = location
    guard isReal else { return OpenQASMToken(kind: .integer(text), location: start, end: end) }
    guard let value = Double(text) else {
      throw OpenQASMError(file: file, line: start.line, column: start.column, message: "malformed number '\(text)'")
    }
    return OpenQASMToken(kind: .real(value), location: start, end: end)
  }
}
