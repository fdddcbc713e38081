extension PauliSum {
  /// A sum parsed from text as Qiskit prints a `SparsePauliOp`, e.g.
  /// `"-1.05 * II + 0.39 * ZI - 0.39 * IZ + 0.18 * XX"`.
  ///
  /// Each Pauli string has qubit 0 rightmost, as in ``PauliString``: `"ZI"` is Z on qubit 1.
  /// A term is a coefficient and a Pauli string joined by `*` (or by spaces), a Pauli string alone
  /// (coefficient 1), or a number alone (a multiple of the identity). Coefficients are decimal
  /// numbers with an optional exponent (`2.5e-3`); a `+` or `-` before a term, or just after the
  /// `+`/`-` that joins it to the previous one, is the sign of its coefficient, so the printed
  /// form ``description`` (`"0.5 * ZZ + -1.0 * XI"`) reads back. Spaces are free between tokens.
  /// Terms are kept in the order written, without combining like terms (see ``simplified(tolerance:)``).
  ///
  /// - Complexity: O(length of the text).
  /// - Throws: ``CircuitError/invalidPauliSum(expected:found:column:text:)`` naming the 1-based
  ///   column of the first character that does not fit, e.g. "expected a Pauli string after '*' at column 14".
  public init(_ text: String) throws(CircuitError) {
    var parser = PauliSumParser(text: text)
    self.init(try parser.parseSum())
  }
}

/// A recursive-descent reader for the grammar of `PauliSum(_ text: String)`:
///
///     sum  = sign? term (("+" | "-") sign? term)*
///     term = number ("*"? pauli)? | pauli
struct PauliSumParser {
  private let text: String
  private let characters: [Character]
  private var position = 0

  init(text: String) {
    self.text = text
    characters = Array(text)
  }

  mutating func parseSum() throws(CircuitError) -> [PauliSum.Term] {
    var terms: [PauliSum.Term] = []
    var sign = parseSigns(1)
    while true {
      terms.append(try parseTerm(sign: sign))
      skipSpaces()
      guard let character = current else { return terms }
      switch character {
      case "+": sign = 1
      case "-": sign = -1
      default: throw failure(expected: "'+' or '-' between terms")
      }
      position += 1
      sign = parseSigns(sign)
    }
  }

  /// Reads any further signs (`- -x` is `+x`) and folds them into `sign`.
  private mutating func parseSigns(_ sign: Double) -> Double {
    var sign = sign
    while true {
      skipSpaces()
      switch current {
      case "+": position += 1
      case "-": sign = -sign; position += 1
      default: return sign
      }
    }
  }

  private mutating func parseTerm(sign: Double) throws(CircuitError) -> PauliSum.Term {
    skipSpaces()
    guard let character = current else { throw failure(expected: "a term") }
    if character.isLetter {
      return PauliSum.Term(sign, try parsePauli(context: ""))
    }
    guard character.isASCII && (character.isNumber || character == ".") else {
      throw failure(expected: "a coefficient or a Pauli string")
    }
    let coefficient = sign * (try parseNumber())
    skipSpaces()
    if current == "*" {
      position += 1
      skipSpaces()
      return PauliSum.Term(coefficient, try parsePauli(context: " after '*'"))
    }
    if let next = current, next.isLetter {
      return PauliSum.Term(coefficient, try parsePauli(context: ""))
    }
    return PauliSum.Term(coefficient, PauliString())
  }

  /// digits ("." digits?)? | "." digits, then an optional exponent "e" sign? digits.
  private mutating func parseNumber() throws(CircuitError) -> Double {
    let start = position
    let integerDigits = skipDigits()
    var fractionDigits = 0
    if current == "." {
      position += 1
      fractionDigits = skipDigits()
    }
    guard integerDigits + fractionDigits > 0 else {
      position = start
      throw failure(expected: "a number")
    }
    if current == "e" || current == "E" {
      position += 1
      if current == "+" || current == "-" { position += 1 }
      guard skipDigits() > 0 else { throw failure(expected: "the digits of an exponent") }
    }
    let literal = String(characters[start..<position])
    guard let value = Double(literal), value.isFinite else {
      position = start
      throw failure(expected: "a finite coefficient", found: "'\(literal)'")
    }
    return value
  }

  /// A run of letters, each of which must be I, X, Y or Z (either case); qubit 0 is the last letter.
  private mutating func parsePauli(context: String) throws(CircuitError) -> PauliString {
    let start = position
    var operators: [Int: Pauli] = [:]
    while let character = current, character.isLetter { position += 1 }
    let end = position
    guard end > start else { throw failure(expected: "a Pauli string\(context)") }
    for index in start..<end {
      let pauli: Pauli
      switch characters[index] {
      case "I", "i": pauli = .i
      case "X", "x": pauli = .x
      case "Y", "y": pauli = .y
      case "Z", "z": pauli = .z
      default:
        position = index
        throw failure(expected: "a Pauli string of I, X, Y, Z\(context)", found: "'\(characters[index])'")
      }
      operators[end - 1 - index] = pauli
    }
    return PauliString(uncheckedOperators: operators)
  }

  private var current: Character? { position < characters.count ? characters[position] : nil }

  private mutating func skipSpaces() {
    while let character = current, character.isWhitespace { position += 1 }
  }

  private mutating func skipDigits() -> Int {
    let start = position
    while let character = current, character.isASCII, character.isNumber { position += 1 }
    return position - start
  }

  /// The error at the current position; what was found defaults to the rest of the token there.
  private func failure(expected: String, found: String? = nil) -> CircuitError {
    let foundText: String
    if let found {
      foundText = found
    } else if current != nil {
      let end = characters[position...].firstIndex { $0.isWhitespace } ?? characters.count
      foundText = "'\(String(characters[position..<Swift.max(end, position + 1)]))'"
    } else {
      foundText = "the end of the text"
    }
    return .invalidPauliSum(expected: expected, found: foundText, column: position + 1, text: text)
  }
}
