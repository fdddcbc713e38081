/// A JSON value whose object members keep their order, written the way Python's `json.dumps`
/// writes them (`", "` and `": "` separators), so that the CLI's lines sit beside peers.py's.
enum JSONValue {
  case null
  case bool(Bool)
  case integer(Int)
  /// A seed or other 64-bit unsigned value, written in full.
  case unsignedInteger(UInt64)
  case number(Double)
  /// A single-precision number, written with the shortest digits that read back as the same `Float`.
  case singleNumber(Float)
  case string(String)
  case array([JSONValue])
  case object([(key: String, value: JSONValue)])
  /// Text produced on demand straight into the output: millions of amplitudes are not built as values first.
  case stream((OutputBuffer) -> Void)

  /// A number, or `null` when it is not finite (JSON has no NaN or infinity).
  static func formatted(_ value: Double) -> String {
    value.isFinite ? "\(value)" : "null"
  }

  static func formatted(_ value: Float) -> String {
    value.isFinite ? "\(value)" : "null"
  }

  /// Writes the value without a trailing newline.
  func write(to output: OutputBuffer) {
    switch self {
    case .null: output.write("null")
    case .bool(let value): output.write(value ? "true" : "false")
    case .integer(let value): output.write(String(value))
    case .unsignedInteger(let value): output.write(String(value))
    case .number(let value): output.write(Self.formatted(value))
    case .singleNumber(let value): output.write(Self.formatted(value))
    case .string(let value): output.write(Self.quoted(value))
    case .array(let elements):
      output.write("[")
      for (index, element) in elements.enumerated() {
        if index > 0 { output.write(", ") }
        element.write(to: output)
      }
      output.write("]")
    case .object(let members):
      output.write("{")
      for (index, member) in members.enumerated() {
        if index > 0 { output.write(", ") }
        output.write(Self.quoted(member.key) + ": ")
        member.value.write(to: output)
      }
      output.write("}")
    case .stream(let produce):
      produce(output)
    }
  }

  /// The string as a JSON string literal (RFC 8259 §7).
  static func quoted(_ text: String) -> String {
    var result = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": result += "\\\""
      case "\\": result += "\\\\"
      case "\n": result += "\\n"
      case "\r": result += "\\r"
      case "\t": result += "\\t"
      case let control where control.value < 0x20:
        let hex = String(control.value, radix: 16)
        result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result + "\""
  }
}
