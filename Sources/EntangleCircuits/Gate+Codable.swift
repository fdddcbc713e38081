import ComplexModule

/// A gate is encoded as a JSON array: its OpenQASM name, then its angles (`["rx", θ]`,
/// `["u", θ, φ, λ]`); `["unitary", dimension, [re, im, …]]` for a matrix (row-major);
/// `["qft", qubits, swaps, inverse]` for a Fourier transform.
extension Gate: Codable {
  public init(from decoder: any Decoder) throws {
    var container = try decoder.unkeyedContainer()
    let name = try container.decode(String.self)
    func angle() throws -> Parameter { try container.decode(Parameter.self) }
    switch name {
    case "id": self = .identity
    case "x": self = .x
    case "y": self = .y
    case "z": self = .z
    case "h": self = .h
    case "s": self = .s
    case "sdg": self = .sdg
    case "t": self = .t
    case "tdg": self = .tdg
    case "sx": self = .sx
    case "sxdg": self = .sxdg
    case "rx": self = .rx(try angle())
    case "ry": self = .ry(try angle())
    case "rz": self = .rz(try angle())
    case "p": self = .phase(try angle())
    case "u": self = .u(theta: try angle(), phi: try angle(), lambda: try angle())
    case "u2": self = .u2(phi: try angle(), lambda: try angle())
    case "swap": self = .swap
    case "iswap": self = .iswap
    case "rxx": self = .rxx(try angle())
    case "ryy": self = .ryy(try angle())
    case "rzz": self = .rzz(try angle())
    case "global_phase": self = .globalPhase(try angle())
    case "unitary":
      let dimension = try container.decode(Int.self)
      let parts = try container.decode([Double].self)
      guard parts.count.isMultiple(of: 2) else {
        throw DecodingError.dataCorruptedError(in: container, debugDescription: "a matrix needs (re, im) pairs")
      }
      let elements = stride(from: 0, to: parts.count, by: 2).map { Complex(parts[$0], parts[$0 + 1]) }
      do {
        self = .unitary(try Matrix(dimension: dimension, elements: elements))
      } catch {
        throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
      }
    case "qft":
      let count = try container.decode(Int.self)
      guard count >= 1 else {
        throw DecodingError.dataCorruptedError(in: container, debugDescription: "a QFT needs at least one qubit")
      }
      self = .qft(qubitCount: count, swaps: try container.decode(Bool.self), inverse: try container.decode(Bool.self))
    default:
      throw DecodingError.dataCorruptedError(in: container, debugDescription: "unknown gate \(name)")
    }
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.unkeyedContainer()
    switch self {
    case .unitary(let matrix):
      try container.encode("unitary")
      try container.encode(matrix.dimension)
      try container.encode(matrix.elements.flatMap { [$0.real, $0.imaginary] })
    case let .qft(count, swaps, inverse):
      try container.encode("qft")
      try container.encode(count)
      try container.encode(swaps)
      try container.encode(inverse)
    default:
      try container.encode(name)
      for parameter in parameters { try container.encode(parameter) }
    }
  }
}
