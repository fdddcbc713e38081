/// A quantum gate: what is applied, without the qubits it is applied to.
///
/// The set is Qiskit's standard library and the extended `qelib1.inc`.
/// Controlled gates (cx, cz, ccx, cp, crx, …) are these gates with control
/// qubits in an ``Operation``: `cx` is `.x` with one control. Matrices follow
/// Qiskit's definitions and its little-endian order over the targets.
public enum Gate: Hashable, Sendable {
  case identity
  case x, y, z, h
  case s, sdg, t, tdg
  /// √X.
  case sx
  /// (√X)†.
  case sxdg
  case rx(Parameter), ry(Parameter), rz(Parameter)
  /// diag(1, e^{iλ}); OpenQASM's `p` and `u1`.
  case phase(Parameter)
  /// The general single-qubit gate U(θ, φ, λ) of OpenQASM (`u`, `u3`).
  case u(theta: Parameter, phi: Parameter, lambda: Parameter)
  /// U(π/2, φ, λ).
  case u2(phi: Parameter, lambda: Parameter)
  case swap
  /// |01⟩ ↔ i|10⟩, |10⟩ ↔ i|01⟩.
  case iswap
  /// exp(−iθ X⊗X/2).
  case rxx(Parameter)
  /// exp(−iθ Y⊗Y/2).
  case ryy(Parameter)
  /// exp(−iθ Z⊗Z/2).
  case rzz(Parameter)
  /// e^{iγ} on no qubits; with controls it becomes a phase on the controls (as in Qiskit's `cu`).
  case globalPhase(Parameter)
  /// An arbitrary k-qubit unitary; checked when added to a circuit.
  case unitary(Matrix)
  /// The quantum Fourier transform on `qubitCount` qubits, |j⟩ → 2^{-k/2} Σ_m e^{2πi·jm/2^k} |m⟩
  /// with the first target as the least-significant bit of j. Without `swaps`, the output qubits come in
  /// reverse order (the textbook circuit without its final swaps). Simulated as one FFTW transform.
  case qft(qubitCount: Int, swaps: Bool = true, inverse: Bool = false)

  /// The gate's name as in Qiskit and OpenQASM (`x`, `sxdg`, `p`, `u`, …).
  public var name: String {
    switch self {
    case .identity: return "id"
    case .x: return "x"
    case .y: return "y"
    case .z: return "z"
    case .h: return "h"
    case .s: return "s"
    case .sdg: return "sdg"
    case .t: return "t"
    case .tdg: return "tdg"
    case .sx: return "sx"
    case .sxdg: return "sxdg"
    case .rx: return "rx"
    case .ry: return "ry"
    case .rz: return "rz"
    case .phase: return "p"
    case .u: return "u"
    case .u2: return "u2"
    case .swap: return "swap"
    case .iswap: return "iswap"
    case .rxx: return "rxx"
    case .ryy: return "ryy"
    case .rzz: return "rzz"
    case .globalPhase: return "global_phase"
    case .unitary: return "unitary"
    case let .qft(_, _, inverse): return inverse ? "iqft" : "qft"
    }
  }

  /// The number of target qubits the gate acts on.
  public var qubitCount: Int {
    switch self {
    case .globalPhase: return 0
    case .swap, .iswap, .rxx, .ryy, .rzz: return 2
    case .unitary(let matrix): return matrix.qubitCount
    case .qft(let count, _, _): return count
    default: return 1
    }
  }

  /// The gate's angles, in the order OpenQASM writes them.
  public var parameters: [Parameter] {
    switch self {
    case let .rx(a), let .ry(a), let .rz(a), let .phase(a), let .rxx(a), let .ryy(a), let .rzz(a), let .globalPhase(a):
      return [a]
    case let .u(theta, phi, lambda): return [theta, phi, lambda]
    case let .u2(phi, lambda): return [phi, lambda]
    default: return []
    }
  }

  /// The names of the symbolic parameters the gate uses.
  public var symbols: Set<String> {
    parameters.reduce(into: []) { $0.formUnion($1.symbols) }
  }

  /// The gate with the symbols in `bindings` replaced by their values.
  public func substituting(_ bindings: [String: Double]) -> Gate {
    switch self {
    case .rx(let a): return .rx(a.substituting(bindings))
    case .ry(let a): return .ry(a.substituting(bindings))
    case .rz(let a): return .rz(a.substituting(bindings))
    case .phase(let a): return .phase(a.substituting(bindings))
    case .rxx(let a): return .rxx(a.substituting(bindings))
    case .ryy(let a): return .ryy(a.substituting(bindings))
    case .rzz(let a): return .rzz(a.substituting(bindings))
    case .globalPhase(let a): return .globalPhase(a.substituting(bindings))
    case let .u(theta, phi, lambda):
      return .u(theta: theta.substituting(bindings), phi: phi.substituting(bindings), lambda: lambda.substituting(bindings))
    case let .u2(phi, lambda): return .u2(phi: phi.substituting(bindings), lambda: lambda.substituting(bindings))
    default: return self
    }
  }

  /// The inverse gate: U† (exactly; `s` ↔ `sdg`, angles negated, `u(θ,φ,λ)` → `u(−θ,−λ,−φ)`).
  public var inverse: Gate {
    switch self {
    case .identity, .x, .y, .z, .h, .swap: return self
    case .s: return .sdg
    case .sdg: return .s
    case .t: return .tdg
    case .tdg: return .t
    case .sx: return .sxdg
    case .sxdg: return .sx
    case .rx(let a): return .rx(-a)
    case .ry(let a): return .ry(-a)
    case .rz(let a): return .rz(-a)
    case .phase(let a): return .phase(-a)
    case .rxx(let a): return .rxx(-a)
    case .ryy(let a): return .ryy(-a)
    case .rzz(let a): return .rzz(-a)
    case .globalPhase(let a): return .globalPhase(-a)
    case let .u(theta, phi, lambda): return .u(theta: -theta, phi: -lambda, lambda: -phi)
    case let .u2(phi, lambda): return .u(theta: -Parameter.pi / 2, phi: -lambda, lambda: -phi)
    case .iswap: return .unitary(GateMatrices.iswap.adjoint)
    case .unitary(let matrix): return .unitary(matrix.adjoint)
    case let .qft(count, swaps, inverse): return .qft(qubitCount: count, swaps: swaps, inverse: !inverse)
    }
  }
}
