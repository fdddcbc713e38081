/// A Pauli string is encoded as its text with qubit 0 rightmost (`"XIZ"`), so the encoding
/// is compact and the same on every run (a dictionary's order is not).
extension PauliString: Codable {
  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    let text = try container.decode(String.self)
    do {
      try self.init(text)
    } catch {
      throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
    }
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(description)
  }
}

/// A Pauli sum is encoded as its terms in order, each `[coefficient, "XIZ"]`.
extension PauliSum: Codable {
  public init(from decoder: any Decoder) throws {
    var container = try decoder.unkeyedContainer()
    var terms: [Term] = []
    while !container.isAtEnd {
      var term = try container.nestedUnkeyedContainer()
      terms.append(Term(try term.decode(Double.self), try term.decode(PauliString.self)))
    }
    self.init(terms)
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.unkeyedContainer()
    for term in terms {
      var nested = container.nestedUnkeyedContainer()
      try nested.encode(term.coefficient)
      try nested.encode(term.pauli)
    }
  }
}
