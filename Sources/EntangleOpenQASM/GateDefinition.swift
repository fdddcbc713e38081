/// A gate declared by `gate` or `opaque`, in the program or in the built-in `qelib1.inc`.
struct GateDefinition: Sendable {
  /// One statement of a gate body, with qubits as positions in the definition's qubit list.
  enum Statement: Sendable {
    /// `U(θ, φ, λ) a;`
    case u(theta: OpenQASMExpression, phi: OpenQASMExpression, lambda: OpenQASMExpression, qubit: Int)
    /// `CX a, b;`
    case cx(control: Int, target: Int)
    /// A call of a gate defined earlier.
    case call(name: String, parameters: [OpenQASMExpression], qubits: [Int])
    /// `barrier a, b;`
    case barrier(qubits: [Int])
  }

  var name: String
  var parameterCount: Int
  var qubitCount: Int
  /// The body; `nil` for an `opaque` declaration, which has none.
  var body: [Statement]?
  /// Whether the definition comes from the built-in `qelib1.inc`, whose gates map to native ``Circuits/Gate``s.
  var isStandard: Bool
  /// Where the definition is (in `qelib1.inc` for a standard gate).
  var location: SourceLocation
  /// How many levels of gate calls the body makes below this gate (1 for a body of `U` and `CX` only).
  var nesting: Int
}
