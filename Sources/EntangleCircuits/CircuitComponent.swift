/// Anything that can stand in a ``CircuitBuilder`` block: a gate such as ``H`` or ``CX``,
/// a measurement, a ``Block``, or a whole ``Circuit`` (a nested sub-circuit).
public protocol CircuitComponent {
  /// The operations this component adds, in order.
  ///
  /// - Throws: ``CircuitError`` when the component cannot be formed (e.g. a controlled measurement).
  func makeOperations() throws(CircuitError) -> [Operation]
}

extension Operation: CircuitComponent {
  public func makeOperations() -> [Operation] { [self] }
}

extension Circuit: CircuitComponent {
  public func makeOperations() -> [Operation] { operations }

  /// This circuit as a component whose qubit i is the enclosing circuit's `qubits[i]`.
  public func on(_ qubits: [Int], bits: [Int]? = nil) -> some CircuitComponent {
    RemappedCircuit(circuit: self, qubits: qubits, bits: bits)
  }
}

struct RemappedCircuit: CircuitComponent {
  let circuit: Circuit
  let qubits: [Int]
  let bits: [Int]?

  func makeOperations() throws(CircuitError) -> [Operation] { try circuit.remapped(qubits: qubits, bits: bits) }
}

extension CircuitComponent {
  /// This component with every gate also controlled by `controls` (each must be 1 for the gate to act).
  ///
  /// Forming the circuit throws ``CircuitError/notControllable(operation:)`` for a measurement or reset inside.
  public func controlled(by controls: Int...) -> some CircuitComponent {
    ControlledComponent(base: self, controls: controls)
  }

  /// This component run only when the classical `bits` (least significant first) hold `value`.
  public func conditioned(on bits: [Int], equals value: Int) -> some CircuitComponent {
    ConditionedComponent(base: self, condition: ClassicalCondition(bits: bits, value: value))
  }
}

struct ControlledComponent<Base: CircuitComponent>: CircuitComponent {
  let base: Base
  let controls: [Int]

  func makeOperations() throws(CircuitError) -> [Operation] {
    var result: [Operation] = []
    for operation in try base.makeOperations() {
      switch operation.kind {
      case let .gate(gate, targets, existing):
        result.append(Operation(.gate(gate, targets: targets, controls: existing + controls), condition: operation.condition))
      case .barrier:
        result.append(operation)
      case .measure, .reset:
        throw .notControllable(operation: operation.summary)
      }
    }
    return result
  }
}

struct ConditionedComponent<Base: CircuitComponent>: CircuitComponent {
  let base: Base
  let condition: ClassicalCondition

  /// Applies the condition to every operation; an operation already conditioned gets both conditions,
  /// combined into one over the union of their bits.
  func makeOperations() throws(CircuitError) -> [Operation] {
    var result: [Operation] = []
    for operation in try base.makeOperations() {
      var conditioned = operation
      if let inner = operation.condition {
        guard Set(inner.bits).isDisjoint(with: condition.bits) else {
          throw .conflictingConditions(operation: operation.summary)
        }
        conditioned.condition = ClassicalCondition(
          bits: inner.bits + condition.bits, value: inner.value | condition.value << inner.bits.count)
      } else {
        conditioned.condition = condition
      }
      result.append(conditioned)
    }
    return result
  }
}

/// A group of components, e.g. to control or condition several gates at once:
/// `Block { H(1); CX(1, 2) }.controlled(by: 0)`.
public struct Block: CircuitComponent {
  let content: [any CircuitComponent]

  /// A group built with the circuit DSL.
  public init(@CircuitBuilder _ content: () throws -> [any CircuitComponent]) rethrows {
    self.content = try content()
  }

  public func makeOperations() throws(CircuitError) -> [Operation] {
    var result: [Operation] = []
    for component in content { result += try component.makeOperations() }
    return result
  }
}

/// The result builder behind `Circuit(qubits:) { … }`: `for` loops, `if`/`else`, `switch`
/// and nested components all work as in ordinary Swift.
@resultBuilder
public enum CircuitBuilder {
  /// A gate, a measurement, a block or a sub-circuit written as a statement.
  public static func buildExpression(_ component: some CircuitComponent) -> [any CircuitComponent] { [component] }
  /// A list of components written as a statement.
  public static func buildExpression(_ components: [any CircuitComponent]) -> [any CircuitComponent] { components }
  /// Statements in order.
  public static func buildBlock(_ parts: [any CircuitComponent]...) -> [any CircuitComponent] { parts.flatMap { $0 } }
  /// An `if` without `else`: its statements, or nothing.
  public static func buildOptional(_ part: [any CircuitComponent]?) -> [any CircuitComponent] { part ?? [] }
  /// The `if` branch of an `if`/`else` or the first case of a `switch`.
  public static func buildEither(first part: [any CircuitComponent]) -> [any CircuitComponent] { part }
  /// The `else` branch or a later `switch` case.
  public static func buildEither(second part: [any CircuitComponent]) -> [any CircuitComponent] { part }
  /// The statements of every iteration of a `for` loop, in order.
  public static func buildArray(_ parts: [[any CircuitComponent]]) -> [any CircuitComponent] { parts.flatMap { $0 } }
  /// An `if #available` branch.
  public static func buildLimitedAvailability(_ part: [any CircuitComponent]) -> [any CircuitComponent] { part }
}
