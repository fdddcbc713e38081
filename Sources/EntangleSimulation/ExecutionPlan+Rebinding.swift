import EntangleCircuits
import ComplexModule

extension ExecutionPlan {
  /// Where a step made from gates with parameters sits in a plan, and what it is made from.
  struct ParametricStep: Sendable {
    enum Source: Sendable {
      /// A lowered step as it is (a classically conditioned gate).
      case step(Int)
      /// The structural product of lowered steps (``GateFusion/structuralProduct(of:block:)``).
      case block(GateFusion.Block)
    }

    /// The index in the plan's steps.
    var index: Int
    /// The index inside the segment at `index`, for a step in a segment.
    var segmentIndex: Int?
    var source: Source
  }

  /// What a compiled plan keeps to make its parametric steps again for new values.
  struct Rebinding: Sendable {
    /// An operation whose gate uses a symbol, and the lowered steps it became.
    struct Operation: Sendable {
      var operation: EntangleCircuits.Operation
      var firstStep: Int
      var stepCount: Int
    }

    /// The circuit, planned afresh for a binding under which a gate loses its structure.
    let circuit: Circuit
    let options: Options
    /// Every lowered step, the parametric ones at placeholder values.
    let lowered: [Step]
    let operations: [Operation]
    let parametricSteps: [ParametricStep]
  }

  /// The plan with the symbols taken from `bindings`: each parametric gate is lowered
  /// again, and each fused step that holds one is multiplied out again; the grouping,
  /// blocking and every other step are reused.
  ///
  /// - Complexity: O(4^k) per parametric gate and O(g · 4^k) per fused step of g gates on
  ///   k qubits; nothing proportional to the state.
  /// - Throws: ``SimulationError/circuit(_:)`` when a symbol has no value or is not finite.
  func bound(to bindings: [String: Double]) throws(SimulationError) -> ExecutionPlan {
    guard let rebinding else { return self }
    let relowered: [Step]?
    do {
      relowered = try rebinding.lowered(for: bindings)
    } catch {
      throw .circuit(error)
    }
    guard let lowered = relowered else {
      return try ExecutionPlan(rebinding.circuit, bindings: bindings, stateQubits: qubitCount, options: rebinding.options)
    }
    var plan = self
    for parametric in rebinding.parametricSteps {
      switch (parametric.source, parametric.segmentIndex) {
      case let (.step(index), _):
        plan.steps[parametric.index] = lowered[index]
      case let (.block(block), nil):
        plan.steps[parametric.index] = GateFusion.structuralProduct(of: block.members.map { lowered[$0] }, block: block)
      case let (.block(block), inner?):
        guard case .segment(var segment) = plan.steps[parametric.index] else { continue }
        var local = [Int](repeating: 0, count: qubitCount)
        for (position, qubit) in segment.blockQubits.enumerated() { local[qubit] = position }
        let members = block.members.map { lowered[$0].remapped { local[$0] } }
        segment.steps[inner] = GateFusion.structuralProduct(of: members, block: block)
        plan.steps[parametric.index] = .segment(segment)
      }
    }
    return plan
  }

}

extension ExecutionPlan.Rebinding {
  /// The lowered steps with every parametric gate lowered again for `bindings`, in the
  /// shape it had for the placeholders; nil when a gate does not fit that shape, and the
  /// plan is made afresh for this binding (never seen for the standard gates, whose
  /// structure does not depend on their angles).
  func lowered(for bindings: [String: Double]) throws(CircuitError) -> [ExecutionPlan.Step]? {
    var result = lowered
    for entry in operations {
      // A gate on targets lowers to one step: its matrix goes straight into the template's
      // shape, with no classification (the common case, and most of a binding's cost).
      if entry.stepCount == 1, case let .gate(gate, _, _) = entry.operation.kind, gate.qubitCount > 0 {
        guard let shaped = ExecutionPlan.Step.fitting(try gate.matrix(bindings).elements, to: result[entry.firstStep]) else {
          return nil
        }
        result[entry.firstStep] = shaped
        continue
      }
      let steps = try ExecutionPlan.lower(entry.operation, bindings: bindings)
      guard steps.count == entry.stepCount else { return nil }
      for (offset, step) in steps.enumerated() {
        guard let shaped = step.shaped(like: result[entry.firstStep + offset]) else { return nil }
        result[entry.firstStep + offset] = shaped
      }
    }
    return result
  }
}

extension ExecutionPlan.Step {
  /// This step (a gate lowered for some values) in the kernel class and on the qubits of
  /// `template` (the same gate lowered for other values); nil when it does not fit, as a
  /// matrix with entries outside the template's diagonal or permutation would not.
  func shaped(like template: ExecutionPlan.Step) -> ExecutionPlan.Step? {
    switch (self, template) {
    case let (.conditioned(condition, inner), .conditioned(_, innerTemplate)):
      return inner.shaped(like: innerTemplate).map { .conditioned(condition, $0) }
    default:
      guard let unitary, let shape = template.unitary, unitary.targets == shape.targets,
        unitary.controlMask == shape.controlMask
      else { return nil }
      return Self.fitting(targetMatrix, to: template)
    }
  }

  /// A gate matrix on the template's targets (row-major) as a step of the template's class
  /// (inside its condition, if any); nil when the matrix has entries outside the template's
  /// diagonal or permutation.
  static func fitting(_ matrix: [Complex<Double>], to template: ExecutionPlan.Step) -> ExecutionPlan.Step? {
    switch template {
    case let .conditioned(condition, inner):
      return fitting(matrix, to: inner).map { .conditioned(condition, $0) }
    case let .dense(_, targets, controlMask):
      guard matrix.count == 1 << (2 * targets.count) else { return nil }
      return .dense(matrix: matrix, targets: targets, controlMask: controlMask)
    case let .diagonal(_, targets, controlMask):
      let dimension = 1 << targets.count
      guard matrix.count == dimension * dimension,
        matrix.indices.allSatisfy({ $0 / dimension == $0 % dimension || matrix[$0] == .zero })
      else { return nil }
      return .diagonal(entries: (0..<dimension).map { matrix[$0 * (dimension + 1)] }, targets: targets, controlMask: controlMask)
    case let .permutation(permutation, _, targets, controlMask):
      let dimension = permutation.count
      guard matrix.count == dimension * dimension,
        matrix.indices.allSatisfy({ $0 / dimension == permutation[$0 % dimension] || matrix[$0] == .zero })
      else { return nil }
      let phases = (0..<dimension).map { matrix[permutation[$0] * dimension + $0] }
      return .permutation(permutation: permutation, phases: phases, targets: targets, controlMask: controlMask)
    default:
      return nil
    }
  }
}
