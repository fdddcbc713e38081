import EntangleCircuits
import EntangleSimulation

/// The variational quantum eigensolver: the lowest ⟨ψ(θ)|H|ψ(θ)⟩ over the parameters of an
/// ansatz, found by a classical optimizer (Peruzzo et al., Nat. Commun. 5, 4213 (2014)).
///
/// The ansatz is compiled once (``CompiledCircuit``): every evaluation binds new values to
/// the same plan. Gradient-based optimizers get exact gradients by the adjoint method
/// (``CompiledCircuit/gradient(of:at:scalar:threads:)``): one forward run and one backward
/// sweep per gradient, whatever the number of parameters.
///
/// ```swift
/// let molecule = try HydrogenMolecule(bondLength: 0.7414)
/// let solver = try VariationalEigensolver(
///   ansatz: HydrogenMolecule.doubleExcitationAnsatz(parameter: Parameter("theta")),
///   hamiltonian: molecule.qubitHamiltonian)
/// let result = try solver.minimize(using: LBFGS(), from: ["theta": 0])
/// result.energy   // −1.13727 Ha
/// ```
public struct VariationalEigensolver: Sendable {
  /// The ansatz, compiled for the Hamiltonian's qubits.
  public let ansatz: CompiledCircuit
  /// The observable whose lowest expectation value is sought.
  public let hamiltonian: PauliSum

  /// A solver for `hamiltonian` over the states `ansatz` prepares from |0…0⟩.
  ///
  /// - Throws: ``AlgorithmError/invalidArgument(name:value:expected:)`` when the ansatz has no
  ///   parameters or acts on fewer qubits than the Hamiltonian names; ``AlgorithmError/simulation(_:)``
  ///   for a circuit the simulator cannot plan.
  public init(ansatz: Circuit, hamiltonian: PauliSum) throws(AlgorithmError) {
    guard !ansatz.parameterNames.isEmpty else {
      throw .invalidArgument(name: "the ansatz's parameters", value: "none", expected: "at least one symbol to vary")
    }
    let qubits = Swift.max(ansatz.qubitCount, hamiltonian.minimumQubitCount)
    guard hamiltonian.minimumQubitCount <= ansatz.qubitCount else {
      throw .invalidArgument(
        name: "the ansatz's qubit count", value: "\(ansatz.qubitCount)",
        expected: "at least the \(hamiltonian.minimumQubitCount) qubits the Hamiltonian acts on")
    }
    self.ansatz = try AlgorithmError.simulating { () throws(SimulationError) in try CompiledCircuit(ansatz, qubits: qubits) }
    self.hamiltonian = hamiltonian
  }

  /// The ansatz's parameter names, sorted: the order of the optimizer's coordinates.
  public var parameterNames: [String] { ansatz.parameterNames }

  /// ⟨ψ(θ)|H|ψ(θ)⟩ for the given values.
  ///
  /// - Throws: ``AlgorithmError/simulation(_:)`` for a missing value.
  public func energy(at parameters: [String: Double]) throws(AlgorithmError) -> Double {
    try AlgorithmError.simulating { () throws(SimulationError) in
      try ansatz.expectationValues(of: hamiltonian, forEach: [parameters])[0]
    }
  }

  /// The objective the optimizers see: the energy as a function of the parameters in
  /// ``parameterNames`` order, with its adjoint gradient.
  public var objective: Objective {
    let ansatz = self.ansatz, hamiltonian = self.hamiltonian, names = parameterNames
    @Sendable func bindings(_ point: [Double]) -> [String: Double] {
      Dictionary(uniqueKeysWithValues: zip(names, point))
    }
    return Objective(
      dimension: names.count,
      value: { point in try ansatz.expectationValues(of: hamiltonian, forEach: [bindings(point)])[0] },
      gradient: { point in
        let (value, gradient) = try ansatz.gradient(of: hamiltonian, at: bindings(point))
        return (value, names.map { gradient[$0] ?? 0 })
      })
  }

  /// Minimises the energy with `optimizer`, starting at `start` (every parameter; missing
  /// ones start at 0), then from `restarts` more points: `start` with each parameter moved by
  /// a seeded uniform amount in ±`spread`. The lowest result wins; evaluations add up.
  ///
  /// Restarts matter for ansätze whose start is a stationary point (a hardware-efficient
  /// ansatz at zero angles prepares the Hartree–Fock state with zero gradient) or whose
  /// landscape has local minima.
  ///
  /// - Complexity: per iteration, the optimizer's evaluations; each costs one run of the
  ///   compiled ansatz (a gradient: about six runs' worth, see
  ///   ``CompiledCircuit/gradient(of:at:scalar:threads:)``).
  /// - Throws: what the optimizer throws, as ``AlgorithmError``.
  public func minimize(
    using optimizer: some Optimizer, from start: [String: Double] = [:], restarts: Int = 0, spread: Double = 0.5,
    seed: UInt64 = 0, observer: ((OptimizationProgress) -> OptimizationDecision)? = nil
  ) throws(AlgorithmError) -> VariationalResult {
    guard restarts >= 0 else {
      throw .invalidArgument(name: "restarts", value: "\(restarts)", expected: "0 or more")
    }
    let origin = parameterNames.map { start[$0] ?? 0 }
    var generator = SeededRandomNumberGenerator(seed: seed)
    var best = try minimize(using: optimizer, from: origin, observer: observer)
    for _ in 0..<restarts {
      let point = origin.map { $0 + Double.random(in: -spread...spread, using: &generator) }
      var candidate = try minimize(using: optimizer, from: point, observer: observer)
      candidate.evaluations.values += best.evaluations.values
      candidate.evaluations.gradients += best.evaluations.gradients
      candidate.iterations += best.iterations
      if candidate.energy < best.energy {
        best = candidate
      } else {
        best.evaluations = candidate.evaluations
        best.iterations = candidate.iterations
      }
    }
    return best
  }

  private func minimize(
    using optimizer: some Optimizer, from point: [Double], observer: ((OptimizationProgress) -> OptimizationDecision)?
  ) throws(AlgorithmError) -> VariationalResult {
    let names = parameterNames
    let result: OptimizationResult
    do {
      result = try optimizer.minimize(objective, from: point, observer: observer)
    } catch let error as AlgorithmError {
      throw error
    } catch let error as SimulationError {
      throw .simulation(error)
    } catch {
      throw .invalidArgument(name: "the optimization", value: "\(error)", expected: "to run without errors")
    }
    return VariationalResult(
      energy: result.value, parameters: Dictionary(uniqueKeysWithValues: zip(names, result.point)),
      iterations: result.iterations, evaluations: result.evaluations, stopReason: result.stopReason)
  }
}

/// The outcome of a variational minimisation.
public struct VariationalResult: Sendable {
  /// The lowest energy found (the Hamiltonian's units; hartree for molecules).
  public var energy: Double
  /// The parameters at that energy.
  public var parameters: [String: Double]
  /// The optimizer's iterations.
  public var iterations: Int
  /// Energy and gradient evaluations.
  public var evaluations: EvaluationCounts
  /// Why the optimizer stopped.
  public var stopReason: StopReason
}
