import EntangleCircuits
import ComplexModule
import Foundation

/// Writes a circuit as OpenQASM 2.0 over Qiskit's extended `qelib1.inc`: one `qreg q`, one `creg c`.
///
/// Every gate is written exactly, global phase included, because a phase that is global for a gate
/// becomes relative once the gate is controlled; see ``OpenQASM/serialize(_:)`` for the forms used.
struct OpenQASMWriter {
  /// The most controls written: the constructions without ancillas grow about fivefold with each control
  /// past the four `qelib1.inc` names, so a gate with 10 controls already takes some 10^5 lines.
  static let maximumControls = 10

  let qubitCount: Int
  let bitCount: Int
  private var lines: [String]
  /// `if(c==v) ` while writing a conditioned operation.
  private var prefix = ""

  init(qubitCount: Int, bitCount: Int) {
    self.qubitCount = qubitCount
    self.bitCount = bitCount
    lines = ["OPENQASM 2.0;", "include \"qelib1.inc\";"]
    if qubitCount > 0 { lines.append("qreg q[\(qubitCount)];") }
    if bitCount > 0 { lines.append("creg c[\(bitCount)];") }
  }

  var text: String { lines.joined(separator: "\n") + "\n" }

  static func failure(_ message: String) -> OpenQASMError {
    OpenQASMError(file: "<circuit>", line: 0, column: 0, message: message)
  }

  mutating func write(_ operation: EntangleCircuits.Operation) throws(OpenQASMError) {
    prefix = ""
    if let condition = operation.condition {
      guard condition.bits == Array(0..<bitCount) else {
        throw Self.failure("\(operation.summary) is conditioned on bits \(condition.bits); OpenQASM 2 can only compare "
                             + "the whole register c (bits 0..<\(bitCount) in order)")
      }
      prefix = "if(c==\(condition.value)) "
    }
    switch operation.kind {
    case let .gate(gate, targets, controls):
      // A multi-qubit gate is written as controlled X and one-qubit gates, which adds one control,
      // and a k-qubit matrix as one-qubit gates controlled by the other k − 1 targets.
      let added: Int
      if case .unitary(let matrix) = gate {
        guard matrix.qubitCount <= Self.maximumUnitaryQubits else {
          throw Self.failure("a \(matrix.qubitCount)-qubit unitary matrix is too large to write in OpenQASM 2 gates "
                               + "(at most \(Self.maximumUnitaryQubits) qubits); decompose it first")
        }
        added = matrix.qubitCount - 1
      } else {
        added = gate.qubitCount > 1 ? 1 : 0
      }
      guard controls.count + added <= Self.maximumControls else {
        throw Self.failure("\(operation.summary) has too many controls to write in OpenQASM 2: a gate may have at most "
                             + "\(Self.maximumControls) controls, less one for a multi-qubit gate and k − 1 for a k-qubit matrix")
      }
      try write(gate, targets: targets, controls: controls)
    case let .measure(qubit, bit): lines.append(prefix + "measure q[\(qubit)] -> c[\(bit)];")
    case let .reset(qubit): lines.append(prefix + "reset q[\(qubit)];")
    case let .barrier(qubits):
      if !qubits.isEmpty { lines.append("barrier " + qubits.map { "q[\($0)]" }.joined(separator: ",") + ";") }
    }
  }

  // MARK: - Gates

  private mutating func emit(_ name: String, _ qubits: [Int]) { emit(name, [], qubits) }

  private mutating func emit(_ name: String, _ parameters: [Double], _ qubits: [Int]) {
    let list = parameters.isEmpty ? "" : "(" + parameters.map(Self.format).joined(separator: ",") + ")"
    lines.append(prefix + name + list + " " + qubits.map { "q[\($0)]" }.joined(separator: ",") + ";")
  }

  /// The shortest decimal that reads back as `value`, in OpenQASM 2 real syntax (`1.0e-05`, not `1e-05`).
  static func format(_ value: Double) -> String {
    let text = "\(value)"
    guard let exponent = text.firstIndex(where: { $0 == "e" || $0 == "E" }), !text[..<exponent].contains(".") else {
      return text
    }
    return text[..<exponent] + ".0" + text[exponent...]
  }

  private func values(_ gate: Gate) throws(OpenQASMError) -> [Double] {
    var result: [Double] = []
    for parameter in gate.parameters {
      let value: Double
      do {
        value = try parameter.value()
      } catch {
        throw Self.failure("\(gate.name)(\(parameter)): \(error); bind the circuit's parameters before writing it")
      }
      result.append(value)
    }
    return result
  }

  mutating func write(_ gate: Gate, targets t: [Int], controls c: [Int]) throws(OpenQASMError) {
    let p = try values(gate)
    switch (gate, c.count) {
    case (.identity, 0): emit("id", t)
    case (.identity, _): break
    case (.x, 0), (.y, 0), (.z, 0), (.h, 0), (.s, 0), (.sdg, 0), (.t, 0), (.tdg, 0), (.sx, 0), (.sxdg, 0),
      (.rx, 0), (.ry, 0), (.rz, 0), (.phase, 0), (.u, 0), (.u2, 0), (.swap, 0), (.rxx, 0), (.rzz, 0):
      emit(gate.name, p, t)
    case (.x, 1): emit("cx", c + t)
    case (.x, 2): emit("ccx", c + t)
    case (.x, 3): emit("c3x", c + t)
    case (.x, 4): emit("c4x", c + t)
    case (.x, _): try multiControlledX(target: t[0], controls: c)
    case (.y, 1): emit("cy", c + t)
    case (.z, 1): emit("cz", c + t)
    case (.h, 1): emit("ch", c + t)
    case (.sx, 1): emit("csx", c + t)
    case (.sx, 3): emit("c3sqrtx", c + t)
    case (.rx, 1): emit("crx", p, c + t)
    case (.ry, 1): emit("cry", p, c + t)
    case (.rz, 1): emit("crz", p, c + t)
    case (.phase, 1): emit("cp", p, c + t)
    case (.u, 1): emit("cu3", p, c + t)
    case (.swap, 1): emit("cswap", c + t)
    case (.z, _): try write(.phase(.pi), targets: t, controls: c)
    case (.s, _): try write(.phase(.pi / 2), targets: t, controls: c)
    case (.sdg, _): try write(.phase(-.pi / 2), targets: t, controls: c)
    case (.t, _): try write(.phase(.pi / 4), targets: t, controls: c)
    case (.tdg, _): try write(.phase(-.pi / 4), targets: t, controls: c)
    case (.u2, _): try write(.u(theta: .pi / 2, phi: Parameter(p[0]), lambda: Parameter(p[1])), targets: t, controls: c)
    case (.globalPhase, 0):
      // e^{iγ}·I = X·P(γ)·X·P(γ) on any qubit; with no qubit the phase cannot be observed.
      guard qubitCount > 0 else { return }
      emit("p", p, [0])
      emit("x", [0])
      emit("p", p, [0])
      emit("x", [0])
    case (.globalPhase, _):
      // A phase where every control is 1 is a phase gate on one control, controlled by the others.
      try write(.phase(Parameter(p[0])), targets: [c[0]], controls: Array(c.dropFirst()))
    case let (.unitary(matrix), _):
      if matrix.qubitCount == 1 {
        try singleQubit(matrix, target: t[0], controls: c)
      } else {
        try multiQubitUnitary(matrix, targets: t, controls: c)
      }
    case (.swap, _), (.rxx, _), (.ryy, _), (.rzz, _), (.iswap, _), (.qft, _):
      for (part, partTargets, partControls) in decomposition(gate, p, targets: t) {
        try write(part, targets: partTargets, controls: partControls + c)
      }
    default:
      // A one-qubit gate with controls qelib1.inc has no name for.
      let matrix: Matrix
      do {
        matrix = try gate.matrix()
      } catch {
        throw Self.failure("\(gate.name): \(error)")
      }
      try singleQubit(matrix, target: t[0], controls: c)
    }
  }

  /// Exact decompositions into one-qubit gates and controlled X (Qiskit's definitions of the same gates).
  private func decomposition(_ gate: Gate, _ p: [Double], targets t: [Int]) -> [(Gate, [Int], [Int])] {
    switch gate {
    case .swap:
      return [(.x, [t[1]], [t[0]]), (.x, [t[0]], [t[1]]), (.x, [t[1]], [t[0]])]
    case .rzz:
      return [(.x, [t[1]], [t[0]]), (.rz(Parameter(p[0])), [t[1]], []), (.x, [t[1]], [t[0]])]
    case .rxx:
      return [(.h, [t[0]], []), (.h, [t[1]], [])] + decomposition(.rzz(0), p, targets: t)
        + [(.h, [t[0]], []), (.h, [t[1]], [])]
    case .ryy:
      let quarter = Parameter(Double.pi / 2), minusQuarter = Parameter(-Double.pi / 2)
      return [(.rx(quarter), [t[0]], []), (.rx(quarter), [t[1]], [])] + decomposition(.rzz(0), p, targets: t)
        + [(.rx(minusQuarter), [t[0]], []), (.rx(minusQuarter), [t[1]], [])]
    case .iswap:
      return [(.s, [t[0]], []), (.s, [t[1]], []), (.h, [t[0]], []), (.x, [t[1]], [t[0]]), (.x, [t[0]], [t[1]]),
              (.h, [t[1]], [])]
    case let .qft(count, swaps, inverse):
      // The textbook circuit (Nielsen & Chuang §5.1) with targets[0] the least-significant bit.
      var forward: [(Gate, [Int], [Int])] = []
      for i in stride(from: count - 1, through: 0, by: -1) {
        forward.append((.h, [t[i]], []))
        for j in stride(from: i - 1, through: 0, by: -1) {
          forward.append((.phase(Parameter(Double.pi / Double(sign: .plus, exponent: i - j, significand: 1))), [t[i]], [t[j]]))
        }
      }
      if swaps {
        for i in 0..<count / 2 { forward.append((.swap, [t[i], t[count - 1 - i]], [])) }
      }
      guard inverse else { return forward }
      return forward.reversed().map { ($0.0.inverse, $0.1, $0.2) }
    default:
      return []
    }
  }

  /// U = e^{iα}·Rz(β)·Ry(γ)·Rz(δ) (Nielsen & Chuang, theorem 4.1), as (α, β, γ, δ).
  private static func zyz(_ u: Matrix) -> (Double, Double, Double, Double) {
    let a = u[0, 0], b = u[0, 1], c = u[1, 0], d = u[1, 1]
    let determinant = a * d - b * c
    let alpha = Foundation.atan2(determinant.imaginary, determinant.real) / 2
    let unphase = Complex(Foundation.cos(-alpha), Foundation.sin(-alpha))
    // V = e^{-iα}U = [[e^{-i(β+δ)/2} cos(γ/2), …], [e^{i(β−δ)/2} sin(γ/2), …]].
    let v00 = unphase * a, v10 = unphase * c
    let gamma = 2 * Foundation.atan2(v10.length, v00.length)
    let sum = -2 * Foundation.atan2(v00.imaginary, v00.real)
    let difference = 2 * Foundation.atan2(v10.imaginary, v10.real)
    return (alpha, (sum + difference) / 2, gamma, (sum - difference) / 2)
  }

  /// A one-qubit unitary with any number of controls.
  private mutating func singleQubit(_ matrix: Matrix, target: Int, controls: [Int]) throws(OpenQASMError) {
    let (alpha, beta, gamma, delta) = Self.zyz(matrix)
    // U3(θ, φ, λ) = e^{i(φ+λ)/2}·Rz(φ)·Ry(θ)·Rz(λ), so U = e^{i(α − (β+δ)/2)}·U3(γ, β, δ).
    let phase = alpha - (beta + delta) / 2
    switch controls.count {
    case 0:
      emit("u", [gamma, beta, delta], [target])
      try write(.globalPhase(Parameter(phase)), targets: [], controls: [])
    case 1:
      emit("cu", [gamma, beta, delta, phase], controls + [target])
    default:
      // Barenco et al. lemma 5.2: U = e^{iα}·A·X·B·X·C with A·B·C = I.
      try write(.rz(Parameter((delta - beta) / 2)), targets: [target], controls: [])
      try write(.x, targets: [target], controls: controls)
      try write(.rz(Parameter(-(delta + beta) / 2)), targets: [target], controls: [])
      try write(.ry(Parameter(-gamma / 2)), targets: [target], controls: [])
      try write(.x, targets: [target], controls: controls)
      try write(.ry(Parameter(gamma / 2)), targets: [target], controls: [])
      try write(.rz(Parameter(beta)), targets: [target], controls: [])
      try write(.globalPhase(Parameter(alpha)), targets: [], controls: controls)
    }
  }

  /// X with five or more controls (Barenco et al. lemma 7.5, with V = √X).
  private mutating func multiControlledX(target: Int, controls: [Int]) throws(OpenQASMError) {
    let last = controls[controls.count - 1]
    let others = Array(controls.dropLast())
    try write(.sx, targets: [target], controls: [last])
    try write(.x, targets: [last], controls: others)
    try write(.sxdg, targets: [target], controls: [last])
    try write(.x, targets: [last], controls: others)
    try write(.sx, targets: [target], controls: others)
  }
}
