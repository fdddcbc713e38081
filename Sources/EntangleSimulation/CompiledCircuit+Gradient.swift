import EntangleCircuits
import ComplexModule
import Foundation
import RealModule

extension CompiledCircuit {
  /// ⟨ψ(θ)|H|ψ(θ)⟩ and its exact gradient with respect to every symbol, by the adjoint
  /// method (Jones & Gacon 2020, arXiv:2009.02823).
  ///
  /// One forward run (the compiled, fused plan), then one sweep back through the gates:
  /// with λ = H|ψ⟩, each gate U is undone on |ψ⟩ and on |λ⟩, and for each of its angles p,
  /// ∂E/∂p = 2 Re⟨λ|∂U/∂p|ψ⟩ is read in one pass that writes nothing. A symbol used by
  /// several gates, or inside expressions, collects ∂E/∂p · ∂p/∂θ from each (chain rule).
  /// ∂U/∂p is exact: every standard gate is A + B e^{iωp} + C e^{−iωp} in each angle, so
  /// ∂U/∂p = ω (U(p + π/2ω) − U(p − π/2ω)) / 2. Controlled gates' derivatives act only where
  /// their controls are 1.
  ///
  /// - Complexity: memory of two states whatever the depth; time of the forward run, one
  ///   pass per term pattern of H, then per gate two passes (undoing it on both states) and
  ///   one read of both per angle. The sweep stops at the first gate with a symbol.
  /// - Returns: the value and ∂E/∂θ for every name in ``parameterNames`` (0 for a symbol
  ///   the result does not depend on).
  /// - Throws: ``SimulationError/notDifferentiable(operation:)`` for a measurement, reset or
  ///   classically conditioned gate; ``SimulationError/circuit(_:)`` for a missing value; the
  ///   errors of ``expectationValues(of:forEach:scalar:threads:)``.
  @_specialize(where Scalar == Double)
  @_specialize(where Scalar == Float)
  public func gradient<Scalar: AmplitudeScalar>(
    of observable: PauliSum, at bindings: [String: Double], scalar: Scalar.Type = Double.self,
    threads: Int = ProcessInfo.processInfo.activeProcessorCount
  ) throws(SimulationError) -> (value: Double, gradient: [String: Double]) {
    let gates = try AdjointGate.gates(
      of: circuit, bindings: bindings, stateQubits: qubitCount, bytesPerAmplitude: Scalar.bytesPerAmplitude)
    var state = try StateVector<Scalar>(qubits: qubitCount)
    state.threadCount = threads
    try state.apply(self, bindings: bindings)
    var adjoint = try StateVector<Scalar>(qubits: qubitCount)
    adjoint.threadCount = threads
    try adjoint.setToProduct(of: observable, with: state)
    let value = try state.innerProduct(with: adjoint).real

    var gradient = Dictionary(uniqueKeysWithValues: parameterNames.map { ($0, 0.0) })
    guard let first = gates.firstIndex(where: { !$0.derivatives.isEmpty }) else { return (value, gradient) }
    for gate in gates[first...].reversed() {
      for step in gate.inverse { try state.applyUnitary(step) }
      for derivative in gate.derivatives {
        let overlap = adjoint.braket(derivative.matrix, targets: derivative.targets, controlMask: derivative.controlMask, state)
        for (symbol, factor) in derivative.chainFactors { gradient[symbol, default: 0] += 2 * overlap.real * factor }
      }
      if gate.index > first {  // λ is not needed past the first gate with a symbol
        for step in gate.inverse { try adjoint.applyUnitary(step) }
      }
    }
    return (value, gradient)
  }

  /// The gradient of ⟨ψ(θ)|H|ψ(θ)⟩ by the parameter-shift rule: two runs per angle of an
  /// uncontrolled gate (shifts ±π/2), four per angle of a controlled one (±π/2 and ±3π/2,
  /// whose generator has the frequencies 1/2 and 1; Anselmetti et al. 2021). What hardware
  /// can measure; here the independent check of ``gradient(of:at:scalar:threads:)``.
  ///
  /// - Complexity: 2 or 4 full runs per occurrence of a symbol.
  /// - Throws: the errors of ``gradient(of:at:scalar:threads:)``.
  public func parameterShiftGradient(of observable: PauliSum, at bindings: [String: Double])
    throws(SimulationError) -> [String: Double]
  {
    var gradient = Dictionary(uniqueKeysWithValues: parameterNames.map { ($0, 0.0) })
    var operations = circuit.operations
    let d1 = (2.0.squareRoot() + 1) / (4 * 2.0.squareRoot())
    let d2 = (2.0.squareRoot() - 1) / (4 * 2.0.squareRoot())
    for (index, operation) in circuit.operations.enumerated() {
      guard case let .gate(gate, targets, controls) = operation.kind, !gate.symbols.isEmpty else { continue }
      guard operation.condition == nil else { throw .notDifferentiable(operation: operation.summary) }
      for (slot, parameter) in gate.parameters.enumerated() where !parameter.isConstant {
        let angle: Double
        do { angle = try parameter.value(bindings) } catch { throw .circuit(error) }
        func energy(shift: Double) throws(SimulationError) -> Double {
          operations[index] = .gate(gate.replacingParameter(slot, with: Parameter(angle + shift)), on: targets, controls: controls)
          defer { operations[index] = operation }
          let shifted: Circuit
          do {
            shifted = try Circuit(qubits: circuit.qubitCount, bits: circuit.classicalBitCount, operations: operations)
          } catch {
            throw .circuit(error)
          }
          var state = try StateVector(qubits: qubitCount)
          try state.apply(shifted, bindings: bindings)
          return try state.expectation(of: observable)
        }
        let derivative: Double
        if controls.isEmpty {
          derivative = (try energy(shift: .pi / 2) - energy(shift: -.pi / 2)) / 2
        } else {
          derivative = d1 * (try energy(shift: .pi / 2) - energy(shift: -.pi / 2))
            - d2 * (try energy(shift: 3 * .pi / 2) - energy(shift: -3 * .pi / 2))
        }
        for symbol in parameter.symbols {
          do {
            gradient[symbol, default: 0] += derivative * (try parameter.derivative(withRespectTo: symbol, at: bindings))
          } catch {
            throw .circuit(error)
          }
        }
      }
    }
    return gradient
  }
}

/// One operation of a circuit as the adjoint sweep sees it.
struct AdjointGate {
  /// ∂U/∂p for one angle p, and ∂p/∂θ for each symbol θ that p uses.
  struct Derivative {
    var matrix: [Complex<Double>]
    var targets: [Int]
    var controlMask: Int
    var chainFactors: [String: Double]
  }

  /// The entry's position in the sweep.
  var index: Int
  /// Steps that apply U†.
  var inverse: [ExecutionPlan.Step]
  var derivatives: [Derivative]

  /// The sweep's gates: each gate with an angle alone, each run of gates without one as one
  /// entry whose inverse is planned like a circuit (fused and cache-blocked), so that a CX
  /// ladder costs a pass or two in the sweep rather than two per gate.
  static func gates(of circuit: Circuit, bindings: [String: Double], stateQubits: Int, bytesPerAmplitude: Int)
    throws(SimulationError) -> [AdjointGate]
  {
    var result: [AdjointGate] = []
    var constantRun: [EntangleCircuits.Operation] = []
    func flushConstantRun() throws {
      guard !constantRun.isEmpty else { return }
      let inverse = try Circuit(
        qubits: circuit.qubitCount,
        operations: constantRun.reversed().map { operation in
          guard case let .gate(gate, targets, controls) = operation.kind else { return operation }
          return .gate(gate.inverse, on: targets, controls: controls)
        })
      let plan = try ExecutionPlan(
        inverse, bindings: bindings, stateQubits: stateQubits, options: .standard(bytesPerAmplitude: bytesPerAmplitude))
      result.append(AdjointGate(index: result.count, inverse: plan.steps, derivatives: []))
      constantRun = []
    }
    do {
      for operation in circuit.operations {
        guard case let .gate(gate, targets, controls) = operation.kind, operation.condition == nil else {
          if case .barrier = operation.kind { continue }
          throw SimulationError.notDifferentiable(operation: operation.summary)
        }
        guard gate.parameters.contains(where: { !$0.isConstant }) else {
          constantRun.append(operation)
          continue
        }
        try flushConstantRun()
        let inverse = try ExecutionPlan.lower(gate.inverse, targets: targets, controls: controls, bindings: bindings)
        var derivatives: [Derivative] = []
        for (slot, parameter) in gate.parameters.enumerated() where !parameter.isConstant {
          let angle = try parameter.value(bindings)
          let frequency = gate.angleFrequency(slot)
          let shift = Double.pi / (2 * frequency)
          let plus = try ExecutionPlan.lower(
            gate.replacingParameter(slot, with: Parameter(angle + shift)), targets: targets, controls: controls, bindings: bindings)
          let minus = try ExecutionPlan.lower(
            gate.replacingParameter(slot, with: Parameter(angle - shift)), targets: targets, controls: controls, bindings: bindings)
          guard plus.count == 1, minus.count == 1, let (_, stepTargets, controlMask) = plus[0].unitary else {
            throw SimulationError.notDifferentiable(operation: operation.summary)
          }
          let matrix = zip(plus[0].targetMatrix, minus[0].targetMatrix).map { Complex(frequency / 2) * ($0 - $1) }
          var factors: [String: Double] = [:]
          for symbol in parameter.symbols { factors[symbol] = try parameter.derivative(withRespectTo: symbol, at: bindings) }
          derivatives.append(Derivative(matrix: matrix, targets: stepTargets, controlMask: controlMask, chainFactors: factors))
        }
        result.append(AdjointGate(index: result.count, inverse: inverse, derivatives: derivatives))
      }
      try flushConstantRun()
    } catch let error as SimulationError {
      throw error
    } catch let error as CircuitError {
      throw .circuit(error)
    } catch {
      throw .notDifferentiable(operation: "\(error)")
    }
    return result
  }
}

extension Gate {
  /// The gate with angle number `slot` (in ``parameters`` order) replaced by `value`.
  func replacingParameter(_ slot: Int, with value: Parameter) -> Gate {
    switch self {
    case .rx: return .rx(value)
    case .ry: return .ry(value)
    case .rz: return .rz(value)
    case .phase: return .phase(value)
    case .rxx: return .rxx(value)
    case .ryy: return .ryy(value)
    case .rzz: return .rzz(value)
    case .globalPhase: return .globalPhase(value)
    case let .u(theta, phi, lambda):
      return .u(theta: slot == 0 ? value : theta, phi: slot == 1 ? value : phi, lambda: slot == 2 ? value : lambda)
    case let .u2(phi, lambda):
      return .u2(phi: slot == 0 ? value : phi, lambda: slot == 1 ? value : lambda)
    default: return self
    }
  }

  /// ω for angle number `slot`: the gate is A + B e^{iωp} + C e^{−iωp} in that angle p
  /// (1/2 for the rotations exp(−ipG/2) and u's θ, 1 for phases).
  func angleFrequency(_ slot: Int) -> Double {
    switch self {
    case .rx, .ry, .rz, .rxx, .ryy, .rzz: return 0.5
    case .u: return slot == 0 ? 0.5 : 1
    default: return 1
    }
  }
}

extension StateVector {
  /// Sets this state to H|ψ⟩ for the Pauli sum H (not normalised).
  mutating func setToProduct(of observable: PauliSum, with state: StateVector) throws(SimulationError) {
    var terms: [StateKernels.PauliTerm] = []
    for term in observable.terms {
      if let qubit = term.pauli.qubits.last, qubit >= qubitCount {
        throw .qubitOutOfRange(qubit: qubit, qubitCount: qubitCount)
      }
      let masks = term.pauli.bitMasks
      terms.append(
        .init(
          coefficient: term.coefficient, flipMask: masks.xMask, signMask: masks.zMask,
          phase: Complex(masks.phase.real, masks.phase.imaginary)))
    }
    StateKernels.applyPauliSum(
      terms, from: UnsafePointer(state.buffer.base), to: uniqueBase(), qubitCount: qubitCount, threads: threadCount)
  }

  /// ⟨self| M |ket⟩ for M on `targets` where the controls are 1 (zero elsewhere).
  func braket(_ matrix: [Complex<Double>], targets: [Int], controlMask: Int, _ ket: StateVector) -> Complex<Double> {
    StateKernels.braket(
      UnsafePointer(buffer.base), matrix, targets: targets, controlMask: controlMask, UnsafePointer(ket.buffer.base),
      qubitCount: qubitCount, threads: threadCount)
  }
}
