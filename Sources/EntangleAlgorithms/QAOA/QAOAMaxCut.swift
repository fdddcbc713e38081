import EntangleCircuits
import Foundation
import EntangleSimulation

/// The quantum approximate optimization algorithm for weighted MaxCut (Farhi, Goldstone &
/// Gutmann 2014, arXiv:1411.4028).
///
/// Node i is qubit i (qubit i is bit i of a basis-state index, little-endian); a basis state is
/// the partition that puts node i on side `true` when its bit is 1. The cost is
/// C = Σ_(u,v) w_uv (1 − Z_u Z_v)/2, whose value on a basis state is that partition's cut. With p
/// layers and parameters γ_l, β_l (symbols `gamma_l`, `beta_l`, l = 0..<p) the state is
///
///     |γ, β⟩ = e^(−iβ_(p−1) B) e^(−iγ_(p−1) C) ⋯ e^(−iβ_0 B) e^(−iγ_0 C) |+⟩^⊗n,   B = Σ_i X_i.
///
/// In gates: H on every qubit, then per layer one `rzz(−γ_l w_uv)` per edge — since
/// RZZ(θ) = e^(−iθ ZZ/2), e^(−iγ w (1 − ZZ)/2) = e^(−iγw/2) · RZZ(−γw) — and `rx(2β_l)` on every
/// qubit, as RX(θ) = e^(−iθX/2). The circuit is compiled once; ``run(shots:seed:randomStarts:optimizer:)``
/// maximises ⟨C⟩ (minimises −⟨C⟩) from several starting points with adjoint gradients and
/// samples the best state found.
///
/// ```swift
/// let graph = try WeightedGraph.randomThreeRegular(nodes: 10, seed: 1)
/// let qaoa = try QAOAMaxCut(graph: graph, layers: 2)
/// let result = try qaoa.run(shots: 1000, seed: 1)
/// result.approximationRatio   // ⟨C⟩ / maximum cut
/// ```
public struct QAOAMaxCut: Sendable {
  /// The most nodes (qubits) accepted: a state of n qubits takes 16·2^n bytes, 256 MiB at 24,
  /// and the optimisation runs the circuit hundreds of times.
  public static let maximumNodeCount = 24

  /// The graph whose maximum cut is sought.
  public let graph: WeightedGraph
  /// The number of layers p.
  public let layers: Int
  /// The cost C = Σ_(u,v) w_uv (1 − Z_u Z_v)/2, on qubits 0..<n.
  public let cost: PauliSum
  /// The parametrised circuit, with symbols ``parameterNames``.
  public let circuit: Circuit
  private let compiled: CompiledCircuit
  private let negatedCost: PauliSum

  /// Prepares QAOA with `layers` layers for the maximum cut of `graph`.
  ///
  /// - Complexity: O(p · (n + m)) gates, planned once.
  /// - Throws: ``AlgorithmError/graphTooLarge(method:nodes:maximum:requirement:)`` above
  ///   ``maximumNodeCount`` nodes; ``AlgorithmError/invalidArgument(name:value:expected:)`` for
  ///   fewer than 1 layer or a graph without edges (every partition cuts nothing).
  public init(graph: WeightedGraph, layers: Int) throws(AlgorithmError) {
    let n = graph.nodeCount
    guard n <= Self.maximumNodeCount else {
      let bytes = Double(sign: .plus, exponent: n + 4, significand: 1)
      throw .graphTooLarge(
        method: "QAOA", nodes: n, maximum: Self.maximumNodeCount,
        requirement: "a state vector of 2^\(n) amplitudes, 16·2^\(n) ≈ \(String(format: "%.3g", bytes)) bytes")
    }
    guard layers >= 1 else {
      throw .invalidArgument(name: "the number of layers", value: "\(layers)", expected: "at least 1")
    }
    guard !graph.edges.isEmpty else {
      throw .invalidArgument(name: "the graph's edges", value: "none", expected: "at least one edge to cut")
    }
    self.graph = graph
    self.layers = layers
    var terms: [PauliSum.Term] = []
    for edge in graph.edges {
      let zz = try AlgorithmError.building { () throws(CircuitError) in
        try PauliString([edge.first: .z, edge.second: .z])
      }
      terms.append(PauliSum.Term(edge.weight / 2, PauliString()))
      terms.append(PauliSum.Term(-edge.weight / 2, zz))
    }
    cost = PauliSum(terms)
    negatedCost = PauliSum(terms.map { PauliSum.Term(-$0.coefficient, $0.pauli) })

    var operations = (0..<n).map { Operation.gate(.h, on: [$0]) }
    for layer in 0..<layers {
      let gamma = Parameter(Self.gammaName(layer)), beta = Parameter(Self.betaName(layer))
      for edge in graph.edges {
        operations.append(.gate(.rzz(-edge.weight * gamma), on: [edge.first, edge.second]))
      }
      for qubit in 0..<n { operations.append(.gate(.rx(2 * beta), on: [qubit])) }
    }
    circuit = try AlgorithmError.building { () throws(CircuitError) in
      try Circuit(qubits: n, operations: operations)
    }
    let circuit = self.circuit
    compiled = try AlgorithmError.simulating { () throws(SimulationError) in try CompiledCircuit(circuit) }
  }

  static func gammaName(_ layer: Int) -> String { "gamma_\(layer)" }
  static func betaName(_ layer: Int) -> String { "beta_\(layer)" }

  /// The symbols in the order of a parameter vector: `gamma_0` … `gamma_(p−1)`, then `beta_0` … `beta_(p−1)`.
  public var parameterNames: [String] { (0..<layers).map(Self.gammaName) + (0..<layers).map(Self.betaName) }

  /// The bindings of a parameter vector [γ_0 … γ_(p−1), β_0 … β_(p−1)].
  ///
  /// - Throws: ``AlgorithmError/dimensionMismatch(name:expected:actual:)`` unless it has 2p entries.
  public func bindings(_ parameters: [Double]) throws(AlgorithmError) -> [String: Double] {
    guard parameters.count == 2 * layers else {
      throw .dimensionMismatch(name: "the QAOA parameters", expected: 2 * layers, actual: parameters.count)
    }
    return Dictionary(uniqueKeysWithValues: zip(parameterNames, parameters))
  }

  /// ⟨γ, β|C|γ, β⟩ for the parameter vector [γ_0 … γ_(p−1), β_0 … β_(p−1)]: the expected cut.
  ///
  /// - Complexity: one run of the circuit and one pass for C.
  /// - Throws: ``AlgorithmError/dimensionMismatch(name:expected:actual:)``;
  ///   ``AlgorithmError/simulation(_:)`` when the state does not fit in memory.
  public func expectedCut(_ parameters: [Double]) throws(AlgorithmError) -> Double {
    let bindings = try self.bindings(parameters)
    let values = try AlgorithmError.simulating { () throws(SimulationError) in
      try compiled.expectationValues(of: cost, forEach: [bindings])
    }
    return values[0]
  }

  /// The final state |γ, β⟩ for a parameter vector.
  ///
  /// - Throws: as ``expectedCut(_:)``.
  public func state(_ parameters: [Double]) throws(AlgorithmError) -> StateVector<Double> {
    let bindings = try self.bindings(parameters)
    return try AlgorithmError.simulating { () throws(SimulationError) in
      var state = try StateVector<Double>(qubits: graph.nodeCount)
      try state.apply(compiled, bindings: bindings)
      return state
    }
  }

  /// −⟨C⟩ as a function of [γ_0 … γ_(p−1), β_0 … β_(p−1)], with its gradient by the adjoint
  /// method (one forward and one backward sweep for all 2p parameters).
  public var objective: Objective {
    let compiled = self.compiled, negatedCost = self.negatedCost, names = parameterNames
    let dimension = 2 * layers
    return Objective(
      dimension: dimension,
      value: { parameters in
        try AlgorithmError.simulating { () throws(SimulationError) in
          try compiled.expectationValues(of: negatedCost, forEach: [Dictionary(uniqueKeysWithValues: zip(names, parameters))])[0]
        }
      },
      gradient: { parameters in
        let (value, gradient) = try AlgorithmError.simulating { () throws(SimulationError) in
          try compiled.gradient(of: negatedCost, at: Dictionary(uniqueKeysWithValues: zip(names, parameters)))
        }
        return (value, names.map { gradient[$0] ?? 0 })
      })
  }

  /// The linear-ramp start, a discretised annealing path: γ_l = (l + ½)/p · Δ/w̄ and
  /// β_l = (1 − (l + ½)/p) · Δ, with w̄ the mean |weight| (1 for unweighted graphs).
  /// Δ ≈ 0.75 works across p for 3-regular graphs (Sack & Serbyn 2021, arXiv:2101.05742; Zhou et
  /// al. 2020, arXiv:1812.01041, Fig. 3 shows the same ramp shape of optimal parameters).
  public func linearRampStart(delta: Double = 0.75) -> [Double] {
    let fractions = (0..<layers).map { (Double($0) + 0.5) / Double(layers) }
    return fractions.map { $0 * delta / meanAbsoluteWeight } + fractions.map { (1 - $0) * delta }
  }

  /// The mean |w| over the edges, the scale of γ.
  var meanAbsoluteWeight: Double {
    let mean = graph.edges.reduce(0) { $0 + abs($1.weight) } / Double(graph.edgeCount)
    return mean > 0 ? mean : 1
  }

  /// Maximises ⟨C⟩ from the linear-ramp start and `randomStarts` random ones, keeps the best,
  /// and samples `shots` partitions from its state.
  ///
  /// Random starts draw γ_l uniformly from [0, π/w̄) and β_l from [0, π/2) (⟨C⟩ has period π/2
  /// in each β, and period 2π in each γ when all weights are integers).
  /// The brute-force optimum (``WeightedGraph/bruteForceMaximumCut()``) is computed too, for
  /// the approximation ratio.
  /// - Parameters:
  ///   - shots: partitions sampled from the final state; at least 1.
  ///   - seed: seeds the random starts and the samples.
  ///   - randomStarts: starting points besides the linear ramp; at least 0.
  ///   - optimizer: the method; ``LBFGS`` with adjoint gradients by default, ``NelderMead`` also works.
  /// - Complexity: per start, the optimizer's evaluations, each one forward and (for a gradient)
  ///   one backward sweep over the p(m + n) + n gates; then O(2^(n−1) · d) for the optimum.
  /// - Throws: ``AlgorithmError/invalidArgument(name:value:expected:)`` for a negative
  ///   `randomStarts` or fewer than one shot; ``AlgorithmError/simulation(_:)``; or what the
  ///   optimizer throws (``AlgorithmError`` for the optimizers of this module).
  public func run(
    shots: Int = 1000, seed: UInt64 = 0, randomStarts: Int = 3, optimizer: any Optimizer = LBFGS()
  ) throws -> QAOAMaxCutResult {
    guard shots >= 1 else {
      throw AlgorithmError.invalidArgument(name: "the number of shots", value: "\(shots)", expected: "at least 1")
    }
    guard randomStarts >= 0 else {
      throw AlgorithmError.invalidArgument(name: "randomStarts", value: "\(randomStarts)", expected: "at least 0")
    }
    var generator = SeededRandomNumberGenerator(seed: seed)
    let randomStartPoints = (0..<randomStarts).map { _ in
      (0..<layers).map { _ in Double.random(in: 0..<Double.pi, using: &generator) / meanAbsoluteWeight }
        + (0..<layers).map { _ in Double.random(in: 0..<(Double.pi / 2), using: &generator) }
    }
    let objective = self.objective
    var best = try optimizer.minimize(objective, from: linearRampStart())
    var evaluations = best.evaluations
    for start in randomStartPoints {
      let result = try optimizer.minimize(objective, from: start)
      evaluations.values += result.evaluations.values
      evaluations.gradients += result.evaluations.gradients
      if result.value < best.value { best = result }
    }
    let parameters = best.point
    let state = try self.state(parameters)
    let samples = try AlgorithmError.simulating { () throws(SimulationError) in
      try state.sample(shots: shots, using: &generator)
    }
    var bestSample = samples[0]
    var bestCut = graph.cutValue(basisState: bestSample)
    for sample in Set(samples) {
      let cut = graph.cutValue(basisState: sample)
      if cut > bestCut || (cut == bestCut && sample < bestSample) { (bestSample, bestCut) = (sample, cut) }
    }
    let optimum = try graph.bruteForceMaximumCut()
    let expectedCut = -best.value
    return QAOAMaxCutResult(
      nodeCount: graph.nodeCount, edgeCount: graph.edgeCount, layers: layers, expectedCut: expectedCut,
      bestSample: MaxCutSolution(basisState: bestSample, nodes: graph.nodeCount, value: bestCut),
      optimum: optimum, approximationRatio: optimum.value > 0 ? expectedCut / optimum.value : nil,
      gammas: Array(parameters[..<layers]), betas: Array(parameters[layers...]), starts: 1 + randomStarts,
      evaluations: evaluations, shots: shots, seed: seed)
  }
}
