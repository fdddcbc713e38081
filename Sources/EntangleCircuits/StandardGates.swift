// The gate vocabulary of the circuit DSL: one small value per gate of Qiskit's standard
// library and extended qelib1.inc. Each is a single ``Operation``; qubits are checked when the
// circuit is formed.

/// A DSL component that is exactly one operation.
public protocol SingleOperationComponent: CircuitComponent {
  /// The operation this component stands for.
  var operation: Operation { get }
}

extension SingleOperationComponent {
  public func makeOperations() -> [Operation] { [operation] }
}

/// The identity (`id`).
public struct I: SingleOperationComponent {
  public let operation: Operation
  /// The gate on `qubit`.
  public init(_ qubit: Int) { operation = .gate(.identity, on: [qubit]) }
}

/// Hadamard.
public struct H: SingleOperationComponent {
  public let operation: Operation
  /// The gate on `qubit`.
  public init(_ qubit: Int) { operation = .gate(.h, on: [qubit]) }
}

/// Pauli X (NOT).
public struct X: SingleOperationComponent {
  public let operation: Operation
  /// The gate on `qubit`.
  public init(_ qubit: Int) { operation = .gate(.x, on: [qubit]) }
}

/// Pauli Y.
public struct Y: SingleOperationComponent {
  public let operation: Operation
  /// The gate on `qubit`.
  public init(_ qubit: Int) { operation = .gate(.y, on: [qubit]) }
}

/// Pauli Z.
public struct Z: SingleOperationComponent {
  public let operation: Operation
  /// The gate on `qubit`.
  public init(_ qubit: Int) { operation = .gate(.z, on: [qubit]) }
}

/// S = diag(1, i).
public struct S: SingleOperationComponent {
  public let operation: Operation
  /// The gate on `qubit`.
  public init(_ qubit: Int) { operation = .gate(.s, on: [qubit]) }
}

/// S† = diag(1, −i).
public struct Sdg: SingleOperationComponent {
  public let operation: Operation
  /// The gate on `qubit`.
  public init(_ qubit: Int) { operation = .gate(.sdg, on: [qubit]) }
}

/// T = diag(1, e^{iπ/4}).
public struct T: SingleOperationComponent {
  public let operation: Operation
  /// The gate on `qubit`.
  public init(_ qubit: Int) { operation = .gate(.t, on: [qubit]) }
}

/// T† = diag(1, e^{−iπ/4}).
public struct Tdg: SingleOperationComponent {
  public let operation: Operation
  /// The gate on `qubit`.
  public init(_ qubit: Int) { operation = .gate(.tdg, on: [qubit]) }
}

/// √X.
public struct SX: SingleOperationComponent {
  public let operation: Operation
  /// The gate on `qubit`.
  public init(_ qubit: Int) { operation = .gate(.sx, on: [qubit]) }
}

/// (√X)†.
public struct SXdg: SingleOperationComponent {
  public let operation: Operation
  /// The gate on `qubit`.
  public init(_ qubit: Int) { operation = .gate(.sxdg, on: [qubit]) }
}

/// Rotation about X: exp(−iθX/2).
public struct RX: SingleOperationComponent {
  public let operation: Operation
  /// The same gate with angles held in `Double` or `Int` variables.
  @_disfavoredOverload
  public init(_ angle: some ParameterConvertible, _ qubit: Int) { self.init(angle.parameter, qubit) }
  /// The gate with angle `angle` (a number, `.pi`, or a ``Parameter`` expression) on `qubit`.
  public init(_ angle: Parameter, _ qubit: Int) { operation = .gate(.rx(angle), on: [qubit]) }
}

/// Rotation about Y: exp(−iθY/2).
public struct RY: SingleOperationComponent {
  public let operation: Operation
  /// The same gate with angles held in `Double` or `Int` variables.
  @_disfavoredOverload
  public init(_ angle: some ParameterConvertible, _ qubit: Int) { self.init(angle.parameter, qubit) }
  /// The gate with angle `angle` (a number, `.pi`, or a ``Parameter`` expression) on `qubit`.
  public init(_ angle: Parameter, _ qubit: Int) { operation = .gate(.ry(angle), on: [qubit]) }
}

/// Rotation about Z: exp(−iθZ/2).
public struct RZ: SingleOperationComponent {
  public let operation: Operation
  /// The same gate with angles held in `Double` or `Int` variables.
  @_disfavoredOverload
  public init(_ angle: some ParameterConvertible, _ qubit: Int) { self.init(angle.parameter, qubit) }
  /// The gate with angle `angle` (a number, `.pi`, or a ``Parameter`` expression) on `qubit`.
  public init(_ angle: Parameter, _ qubit: Int) { operation = .gate(.rz(angle), on: [qubit]) }
}

/// Phase gate diag(1, e^{iλ}) (`p`, `u1`).
public struct P: SingleOperationComponent {
  public let operation: Operation
  /// The same gate with angles held in `Double` or `Int` variables.
  @_disfavoredOverload
  public init(_ angle: some ParameterConvertible, _ qubit: Int) { self.init(angle.parameter, qubit) }
  /// The gate with angle `angle` (a number, `.pi`, or a ``Parameter`` expression) on `qubit`.
  public init(_ angle: Parameter, _ qubit: Int) { operation = .gate(.phase(angle), on: [qubit]) }
}

/// Controlled X (CNOT).
public struct CX: SingleOperationComponent {
  public let operation: Operation
  /// The gate on `target`, acting where `control` is 1.
  public init(_ control: Int, _ target: Int) { operation = .gate(.x, on: [target], controls: [control]) }
}

/// Controlled Y.
public struct CY: SingleOperationComponent {
  public let operation: Operation
  /// The gate on `target`, acting where `control` is 1.
  public init(_ control: Int, _ target: Int) { operation = .gate(.y, on: [target], controls: [control]) }
}

/// Controlled Z.
public struct CZ: SingleOperationComponent {
  public let operation: Operation
  /// The gate on `target`, acting where `control` is 1.
  public init(_ control: Int, _ target: Int) { operation = .gate(.z, on: [target], controls: [control]) }
}

/// Controlled Hadamard.
public struct CH: SingleOperationComponent {
  public let operation: Operation
  /// The gate on `target`, acting where `control` is 1.
  public init(_ control: Int, _ target: Int) { operation = .gate(.h, on: [target], controls: [control]) }
}

/// Controlled √X.
public struct CSX: SingleOperationComponent {
  public let operation: Operation
  /// The gate on `target`, acting where `control` is 1.
  public init(_ control: Int, _ target: Int) { operation = .gate(.sx, on: [target], controls: [control]) }
}

/// Controlled RX.
public struct CRX: SingleOperationComponent {
  public let operation: Operation
  /// The same gate with angles held in `Double` or `Int` variables.
  @_disfavoredOverload
  public init(
    _ angle: some ParameterConvertible, _ control: Int, _ target: Int
  ) {
    self.init(angle.parameter, control, target)
  }
  /// The gate with angle `angle` on `target`, acting where `control` is 1.
  public init(_ angle: Parameter, _ control: Int, _ target: Int) {
    operation = .gate(.rx(angle), on: [target], controls: [control])
  }
}

/// Controlled RY.
public struct CRY: SingleOperationComponent {
  public let operation: Operation
  /// The same gate with angles held in `Double` or `Int` variables.
  @_disfavoredOverload
  public init(
    _ angle: some ParameterConvertible, _ control: Int, _ target: Int
  ) {
    self.init(angle.parameter, control, target)
  }
  /// The gate with angle `angle` on `target`, acting where `control` is 1.
  public init(_ angle: Parameter, _ control: Int, _ target: Int) {
    operation = .gate(.ry(angle), on: [target], controls: [control])
  }
}

/// Controlled RZ.
public struct CRZ: SingleOperationComponent {
  public let operation: Operation
  /// The same gate with angles held in `Double` or `Int` variables.
  @_disfavoredOverload
  public init(
    _ angle: some ParameterConvertible, _ control: Int, _ target: Int
  ) {
    self.init(angle.parameter, control, target)
  }
  /// The gate with angle `angle` on `target`, acting where `control` is 1.
  public init(_ angle: Parameter, _ control: Int, _ target: Int) {
    operation = .gate(.rz(angle), on: [target], controls: [control])
  }
}

/// Controlled phase (`cp`, `cu1`).
public struct CP: SingleOperationComponent {
  public let operation: Operation
  /// The same gate with angles held in `Double` or `Int` variables.
  @_disfavoredOverload
  public init(
    _ angle: some ParameterConvertible, _ control: Int, _ target: Int
  ) {
    self.init(angle.parameter, control, target)
  }
  /// The gate with angle `angle` on `target`, acting where `control` is 1.
  public init(_ angle: Parameter, _ control: Int, _ target: Int) {
    operation = .gate(.phase(angle), on: [target], controls: [control])
  }
}

/// Exchanges two qubits.
public struct Swap: SingleOperationComponent {
  public let operation: Operation
  /// The gate on `first` and `second`.
  public init(_ first: Int, _ second: Int) { operation = .gate(.swap, on: [first, second]) }
}

/// iSWAP: exchanges two qubits with a phase i on |01⟩ and |10⟩.
public struct ISwap: SingleOperationComponent {
  public let operation: Operation
  /// The gate on `first` and `second`.
  public init(_ first: Int, _ second: Int) { operation = .gate(.iswap, on: [first, second]) }
}

/// exp(−iθ X⊗X/2).
public struct RXX: SingleOperationComponent {
  public let operation: Operation
  /// The same gate with angles held in `Double` or `Int` variables.
  @_disfavoredOverload
  public init(
    _ angle: some ParameterConvertible, _ first: Int, _ second: Int
  ) {
    self.init(angle.parameter, first, second)
  }
  /// The gate with angle `angle` on `first` and `second`.
  public init(_ angle: Parameter, _ first: Int, _ second: Int) {
    operation = .gate(.rxx(angle), on: [first, second])
  }
}

/// exp(−iθ Y⊗Y/2).
public struct RYY: SingleOperationComponent {
  public let operation: Operation
  /// The same gate with angles held in `Double` or `Int` variables.
  @_disfavoredOverload
  public init(
    _ angle: some ParameterConvertible, _ first: Int, _ second: Int
  ) {
    self.init(angle.parameter, first, second)
  }
  /// The gate with angle `angle` on `first` and `second`.
  public init(_ angle: Parameter, _ first: Int, _ second: Int) {
    operation = .gate(.ryy(angle), on: [first, second])
  }
}

/// exp(−iθ Z⊗Z/2).
public struct RZZ: SingleOperationComponent {
  public let operation: Operation
  /// The same gate with angles held in `Double` or `Int` variables.
  @_disfavoredOverload
  public init(
    _ angle: some ParameterConvertible, _ first: Int, _ second: Int
  ) {
    self.init(angle.parameter, first, second)
  }
  /// The gate with angle `angle` on `first` and `second`.
  public init(_ angle: Parameter, _ first: Int, _ second: Int) {
    operation = .gate(.rzz(angle), on: [first, second])
  }
}

/// The general single-qubit gate U(θ, φ, λ) (`u`, `u3`).
public struct U: SingleOperationComponent {
  public let operation: Operation
  /// The same gate with angles held in `Double` or `Int` variables.
  @_disfavoredOverload
  public init(
    _ theta: some ParameterConvertible, _ phi: some ParameterConvertible, _ lambda: some ParameterConvertible, _ qubit: Int
  ) {
    self.init(theta.parameter, phi.parameter, lambda.parameter, qubit)
  }
  /// U(θ, φ, λ) on `qubit`.
  public init(_ theta: Parameter, _ phi: Parameter, _ lambda: Parameter, _ qubit: Int) {
    operation = .gate(.u(theta: theta, phi: phi, lambda: lambda), on: [qubit])
  }
}

/// U2(φ, λ) = U(π/2, φ, λ).
public struct U2: SingleOperationComponent {
  public let operation: Operation
  /// The same gate with angles held in `Double` or `Int` variables.
  @_disfavoredOverload
  public init(
    _ phi: some ParameterConvertible, _ lambda: some ParameterConvertible, _ qubit: Int
  ) {
    self.init(phi.parameter, lambda.parameter, qubit)
  }
  /// U2(φ, λ) on `qubit`.
  public init(_ phi: Parameter, _ lambda: Parameter, _ qubit: Int) {
    operation = .gate(.u2(phi: phi, lambda: lambda), on: [qubit])
  }
}

/// Qiskit's controlled U with a phase: CU(θ, φ, λ, γ) applies e^{iγ}·U(θ, φ, λ) to `target` where `control` is 1.
public struct CU: CircuitComponent {
  let operationList: [Operation]
  /// The same gate with angles held in `Double` or `Int` variables.
  @_disfavoredOverload
  public init(
    _ theta: some ParameterConvertible, _ phi: some ParameterConvertible, _ lambda: some ParameterConvertible,
    _ gamma: some ParameterConvertible, _ control: Int, _ target: Int
  ) {
    self.init(theta.parameter, phi.parameter, lambda.parameter, gamma.parameter, control, target)
  }
  /// CU(θ, φ, λ, γ) with `control` and `target`.
  public init(
    _ theta: Parameter, _ phi: Parameter, _ lambda: Parameter,
    _ gamma: Parameter, _ control: Int, _ target: Int
  ) {
    operationList = [
      .gate(.globalPhase(gamma), on: [], controls: [control]),
      .gate(.u(theta: theta, phi: phi, lambda: lambda), on: [target], controls: [control]),
    ]
  }
  public func makeOperations() -> [Operation] { operationList }
}

/// Toffoli: X on `target` where both controls are 1.
public struct CCX: SingleOperationComponent {
  public let operation: Operation
  /// CCX with controls `control1`, `control2` and `target`.
  public init(_ control1: Int, _ control2: Int, _ target: Int) {
    operation = .gate(.x, on: [target], controls: [control1, control2])
  }
}

/// Fredkin: swaps `first` and `second` where `control` is 1.
public struct CSwap: SingleOperationComponent {
  public let operation: Operation
  /// CSWAP with `control` swapping `first` and `second`.
  public init(_ control: Int, _ first: Int, _ second: Int) {
    operation = .gate(.swap, on: [first, second], controls: [control])
  }
}

/// Multi-controlled X: X on `target` where every control is 1.
public struct MCX: SingleOperationComponent {
  public let operation: Operation
  /// X on `target` controlled by all of `controls`.
  public init(_ controls: [Int], _ target: Int) { operation = .gate(.x, on: [target], controls: controls) }
}

/// Multi-controlled phase: e^{iλ} on the basis states where `target` and every control are 1.
public struct MCP: SingleOperationComponent {
  public let operation: Operation
  /// The same gate with angles held in `Double` or `Int` variables.
  @_disfavoredOverload
  public init(
    _ angle: some ParameterConvertible, _ controls: [Int], _ target: Int
  ) {
    self.init(angle.parameter, controls, target)
  }
  /// The phase `angle` on `target` controlled by all of `controls`.
  public init(_ angle: Parameter, _ controls: [Int], _ target: Int) {
    operation = .gate(.phase(angle), on: [target], controls: controls)
  }
}

/// A global phase e^{iγ} (observable only when controlled).
public struct GlobalPhase: SingleOperationComponent {
  public let operation: Operation
  /// The same gate with angles held in `Double` or `Int` variables.
  @_disfavoredOverload
  public init(_ angle: some ParameterConvertible) { self.init(angle.parameter) }
  /// The phase `angle`.
  public init(_ angle: Parameter) { operation = .gate(.globalPhase(angle), on: []) }
}

/// An arbitrary k-qubit unitary given as a matrix (checked for unitarity when the circuit is formed).
///
/// The matrix index is little-endian over `qubits`: bit i is `qubits[i]`.
public struct Unitary: SingleOperationComponent {
  public let operation: Operation
  /// `matrix` on `qubits`.
  public init(_ matrix: Matrix, on qubits: [Int]) { operation = .gate(.unitary(matrix), on: qubits) }
}

/// The quantum Fourier transform over `qubits` (`qubits[0]` is the least-significant bit of the block).
///
/// Runs as one FFTW transform of the amplitudes. With `swaps: false` the output qubits come reversed,
/// as from the textbook circuit without its final swaps.
public struct QFT: SingleOperationComponent {
  public let operation: Operation
  /// The QFT over `qubits`.
  public init(_ qubits: [Int], swaps: Bool = true) {
    operation = .gate(.qft(qubitCount: qubits.count, swaps: swaps), on: qubits)
  }
}

/// The inverse quantum Fourier transform over `qubits`: exactly the inverse of ``QFT`` with the same arguments.
public struct IQFT: SingleOperationComponent {
  public let operation: Operation
  /// The inverse QFT over `qubits`.
  public init(_ qubits: [Int], swaps: Bool = true) {
    operation = .gate(.qft(qubitCount: qubits.count, swaps: swaps, inverse: true), on: qubits)
  }
}

/// Measures qubits into classical bits (collapsing the state).
public struct Measure: CircuitComponent {
  let qubits: [Int]
  let bits: [Int]
  /// Measures `qubit` into classical bit `bit`.
  public init(_ qubit: Int, into bit: Int) {
    qubits = [qubit]
    bits = [bit]
  }
  /// Measures `qubits[i]` into `bits[i]`; forming the circuit throws
  /// ``CircuitError/measurementCountMismatch(qubits:bits:)`` unless the lists are equally long.
  public init(_ qubits: [Int], into bits: [Int]) {
    self.qubits = qubits
    self.bits = bits
  }
  public func makeOperations() throws(CircuitError) -> [Operation] {
    guard qubits.count == bits.count else { throw .measurementCountMismatch(qubits: qubits.count, bits: bits.count) }
    return zip(qubits, bits).map { Operation(.measure(qubit: $0, bit: $1)) }
  }
}

/// Resets a qubit to |0⟩.
public struct Reset: SingleOperationComponent {
  public let operation: Operation
  /// Resets `qubit`.
  public init(_ qubit: Int) { operation = Operation(.reset(qubit: qubit)) }
}

/// A barrier over qubits; it has no effect on the state.
public struct Barrier: SingleOperationComponent {
  public let operation: Operation
  /// A barrier over `qubits`.
  public init(_ qubits: Int...) { operation = Operation(.barrier(qubits: qubits)) }
  /// A barrier over `qubits`.
  public init(_ qubits: [Int]) { operation = Operation(.barrier(qubits: qubits)) }
}
