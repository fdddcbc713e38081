import EntangleCircuits
import Foundation

/// A circuit planned once for simulation, its parameters left free, then run for as many
/// bindings of them as needed: the parameter sweeps of VQE, QAOA and gradient estimation.
///
/// ``StateVector/apply(_:bindings:seed:)`` plans a circuit on every call: QFT recognition,
/// lowering every gate to its kernel class, cache blocking and fusion. A compiled circuit
/// does that once; binding values afterwards only lowers the gates that use a symbol again
/// and multiplies out the fused steps that hold them, so an evaluation costs the passes over
/// the state and a few microseconds, whatever the circuit's length.
///
/// Gates whose angles use a symbol are planned by their structure alone: a fused block that
/// holds one stays a dense (or diagonal) step for every value, where planning for one
/// binding might have found, say, that `rx(0)` is the identity. A binding therefore never
/// changes the plan's shape, and results agree with ``StateVector/apply(_:bindings:seed:)``
/// to rounding (1e-12).
///
/// ```swift
/// let ansatz = try Circuit(qubits: 2) { RY(Parameter("a"), 0); CX(0, 1); RZ(Parameter("b"), 1) }
/// let compiled = try CompiledCircuit(ansatz)
/// var state = try StateVector(qubits: 2)
/// try state.apply(compiled, bindings: ["a": 0.3, "b": 1.2])
/// let energies = try compiled.expectationValues(of: hamiltonian, forEach: [["a": 0, "b": 0], ["a": 1, "b": 2]])
/// ```
public struct CompiledCircuit: Sendable {
  /// The circuit as given.
  public let circuit: Circuit
  /// The qubits of the states it runs on (at least the circuit's).
  public let qubitCount: Int
  let plan: ExecutionPlan

  /// Plans `circuit` for states of `qubits` qubits (default: the circuit's) stored in `scalar`.
  ///
  /// The precision only tunes the plan (which qubits share a SIMD vector); the compiled
  /// circuit runs on states of either precision.
  /// - Complexity: about linear in the gates, as one ``StateVector/apply(_:bindings:seed:)`` call plans.
  /// - Throws: ``SimulationError/sizeMismatch(expected:actual:what:)`` when `qubits` is below the
  ///   circuit's qubit count; ``SimulationError/invalidQubitCount(_:maximum:)``.
  public init<Scalar: AmplitudeScalar>(_ circuit: Circuit, qubits: Int? = nil, scalar: Scalar.Type = Double.self)
    throws(SimulationError)
  {
    let qubits = qubits ?? circuit.qubitCount
    guard (1...StateVector<Scalar>.maximumQubitCount).contains(qubits) else {
      throw .invalidQubitCount(qubits, maximum: StateVector<Scalar>.maximumQubitCount)
    }
    guard circuit.qubitCount <= qubits else {
      throw .sizeMismatch(expected: qubits, actual: circuit.qubitCount, what: "circuit compiled for a state")
    }
    self.circuit = circuit
    qubitCount = qubits
    plan = try ExecutionPlan(
      compiling: circuit, stateQubits: qubits, options: .standard(bytesPerAmplitude: Scalar.bytesPerAmplitude))
  }

  /// The names of the circuit's symbols, sorted: every one needs a value in a binding.
  public var parameterNames: [String] { circuit.parameterNames }

  /// The passes over memory and kernel steps one run costs.
  public var executionSummary: ExecutionSummary { ExecutionSummary(plan) }

  /// ⟨ψ(θ)|H|ψ(θ)⟩ for each binding θ in `bindings`, each run from |0…0⟩: one call for a
  /// whole batch, as Qiskit's Estimator takes a list of parameter values.
  ///
  /// States of up to 16 qubits run several bindings at once, one per thread, each on its own
  /// state; larger ones run one binding at a time on all threads.
  /// - Complexity: per binding, the circuit's passes plus one pass per distinct X/Y pattern of H.
  /// - Throws: ``SimulationError/circuit(_:)`` for a missing or non-finite value (the first
  ///   failing binding's error); ``SimulationError/qubitOutOfRange(qubit:qubitCount:)`` when H
  ///   names a qubit the state lacks; the memory errors of ``StateVector/init(qubits:memoryLimit:)``.
  @_specialize(where Scalar == Double)
  @_specialize(where Scalar == Float)
  public func expectationValues<Scalar: AmplitudeScalar>(
    of observable: PauliSum, forEach bindings: [[String: Double]], scalar: Scalar.Type = Double.self,
    threads: Int = ProcessInfo.processInfo.activeProcessorCount
  ) throws(SimulationError) -> [Double] {
    guard !bindings.isEmpty else { return [] }
    let concurrent = qubitCount <= 16 ? Swift.max(1, Swift.min(threads, bindings.count)) : 1
    var outcomes = [Result<Double, SimulationError>](repeating: .success(0), count: bindings.count)
    let plan = self.plan
    let qubits = qubitCount
    outcomes.withUnsafeMutableBufferPointer { outcomes in
      nonisolated(unsafe) let outcomes = outcomes
      ParallelLoop.forEachChunk(count: bindings.count, threads: concurrent, minimumPerThread: 1) { range in
        let allocated = Result { () throws(SimulationError) in try StateVector<Scalar>(qubits: qubits) }
        guard case var .success(state) = allocated else {
          for index in range { outcomes[index] = allocated.map { _ in 0 } }
          return
        }
        state.threadCount = concurrent > 1 ? 1 : threads
        for index in range {
          outcomes[index] = Result { () throws(SimulationError) -> Double in
            try state.setBasisState(0)
            var generator = SeededRandomNumberGenerator(seed: 0)
            _ = try state.run(try plan.bound(to: bindings[index]), using: &generator)
            return try state.expectation(of: observable)
          }
        }
      }
    }
    return try outcomes.map { result throws(SimulationError) in try result.get() }
  }
}

extension StateVector {
  /// Runs a compiled circuit on this state with its symbols taken from `bindings`, reusing
  /// its plan (see ``CompiledCircuit``).
  ///
  /// - Returns: the classical bits after the run (index = bit number).
  /// - Throws: ``SimulationError/sizeMismatch(expected:actual:what:)`` when the circuit was
  ///   compiled for another qubit count; ``SimulationError/circuit(_:)`` for a missing value.
  @discardableResult
  public mutating func apply(_ compiled: CompiledCircuit, bindings: [String: Double] = [:], seed: UInt64 = 0)
    throws(SimulationError) -> [Bool]
  {
    guard compiled.qubitCount == qubitCount else {
      throw .sizeMismatch(expected: qubitCount, actual: compiled.qubitCount, what: "compiled circuit applied to a state")
    }
    var generator = SeededRandomNumberGenerator(seed: seed)
    return try run(try compiled.plan.bound(to: bindings), using: &generator)
  }
}
