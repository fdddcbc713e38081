/// A parameter is encoded as its expression tree in prefix form, one JSON array per node:
/// `["c", 0.5]` a constant, `["pi"]`, `["s", "theta"]` a symbol, `["neg", x]`,
/// `["+", x, y]` (and `-`, `*`, `/`, `^`), `["f", "sin", x]`. The tree is kept, not its
/// value, so a decoded circuit binds exactly as the original.
extension Parameter: Codable {
  public init(from decoder: any Decoder) throws {
    var container = try decoder.unkeyedContainer()
    self.init(node: try Self.decodeNode(&container))
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.unkeyedContainer()
    try Self.encode(node, into: &container)
  }

  private static func encode(_ node: Node, into container: inout UnkeyedEncodingContainer) throws {
    switch node {
    case .constant(let value):
      try container.encode("c")
      try container.encode(value)
    case .pi:
      try container.encode("pi")
    case .symbol(let name):
      try container.encode("s")
      try container.encode(name)
    case .negated(let inner):
      try container.encode("neg")
      var nested = container.nestedUnkeyedContainer()
      try encode(inner, into: &nested)
    case .binary(let op, let lhs, let rhs):
      try container.encode(op.rawValue)
      var left = container.nestedUnkeyedContainer()
      try encode(lhs, into: &left)
      var right = container.nestedUnkeyedContainer()
      try encode(rhs, into: &right)
    case .function(let function, let inner):
      try container.encode("f")
      try container.encode(function.rawValue)
      var nested = container.nestedUnkeyedContainer()
      try encode(inner, into: &nested)
    }
  }

  private static func decodeNode(_ container: inout UnkeyedDecodingContainer) throws -> Node {
    let tag = try container.decode(String.self)
    switch tag {
    case "c": return .constant(try container.decode(Double.self))
    case "pi": return .pi
    case "s": return .symbol(try container.decode(String.self))
    case "neg":
      var nested = try container.nestedUnkeyedContainer()
      return .negated(try decodeNode(&nested))
    case "f":
      let name = try container.decode(String.self)
      guard let function = Function(rawValue: name) else {
        throw DecodingError.dataCorruptedError(in: container, debugDescription: "unknown function \(name)")
      }
      var nested = try container.nestedUnkeyedContainer()
      return .function(function, try decodeNode(&nested))
    default:
      guard let op = BinaryOperator(rawValue: tag) else {
        throw DecodingError.dataCorruptedError(in: container, debugDescription: "unknown parameter node \(tag)")
      }
      var left = try container.nestedUnkeyedContainer()
      let lhs = try decodeNode(&left)
      var right = try container.nestedUnkeyedContainer()
      return .binary(op, lhs, try decodeNode(&right))
    }
  }
}
