import Entangle
import Foundation

/// The text Qiskit's drawers put in a gate's box: `H`, `Sdg`, `√X`, `Rz(π/2)`, `U(π/2,0,π)`.
enum GateLabel {
  static func text(for gate: Gate) -> String {
    switch gate {
    case .identity: return "I"
    case .x: return "X"
    case .y: return "Y"
    case .z: return "Z"
    case .h: return "H"
    case .s: return "S"
    case .sdg: return "Sdg"
    case .t: return "T"
    case .tdg: return "Tdg"
    case .sx: return "√X"
    case .sxdg: return "√Xdg"
    case .rx(let angle): return "Rx(\(format(angle)))"
    case .ry(let angle): return "Ry(\(format(angle)))"
    case .rz(let angle): return "Rz(\(format(angle)))"
    case .phase(let angle): return "P(\(format(angle)))"
    case .u(let theta, let phi, let lambda): return "U(\(format(theta)),\(format(phi)),\(format(lambda)))"
    case .u2(let phi, let lambda): return "U2(\(format(phi)),\(format(lambda)))"
    case .swap: return "Swap"
    case .iswap: return "Iswap"
    case .rxx(let angle): return "Rxx(\(format(angle)))"
    case .ryy(let angle): return "Ryy(\(format(angle)))"
    case .rzz(let angle): return "Rzz(\(format(angle)))"
    case .globalPhase(let angle): return "GPhase(\(format(angle)))"
    case .unitary: return "Unitary"
    case .qft(_, _, let inverse): return inverse ? "IQFT" : "QFT"
    }
  }

  /// An angle as Qiskit's `pi_check` writes it: a small rational multiple of π as `3π/4`,
  /// anything else with five significant digits; a symbolic expression as written.
  static func format(_ parameter: Parameter) -> String {
    guard let value = try? parameter.value() else { return parameter.description }
    return format(value)
  }

  static func format(_ value: Double) -> String {
    if abs(value) < 1e-12 { return "0" }
    for denominator in 1...16 {
      let multiple = value * Double(denominator) / .pi
      let numerator = multiple.rounded()
      guard numerator != 0, abs(multiple - numerator) < 1e-9, abs(numerator) < 1000 else { continue }
      let sign = numerator < 0 ? "-" : ""
      let magnitude = abs(Int(numerator))
      let head = sign + (magnitude == 1 ? "" : String(magnitude)) + "π"
      return denominator == 1 ? head : head + "/\(denominator)"
    }
    return String(format: "%.5g", value)
  }
}
