import ComplexModule
import EntangleTestSupport
import Foundation
import EntangleAlgorithms
import RealModule
import EntangleSimulation
import Testing

/// QAOA for MaxCut against independent references: dense matrix exponentials built here, the
/// p = 1 closed form of Wang, Hadfield, Jiang & Rieffel (2018), Farhi, Goldstone & Gutmann's
/// p = 1 results (3/4 on even rings, 0.6924 on 3-regular graphs), and brute-force optima.
@Suite struct QAOAMaxCutTests {
  /// The 4-node weighted fixture graph (weights 2, 0.5, 3, 1, −1), written out.
  static let weighted = try! WeightedGraph(
    nodes: 4,
    edges: [.init(0, 1, weight: 2), .init(1, 2, weight: 0.5), .init(2, 3, weight: 3), .init(3, 0), .init(0, 2, weight: -1)])

  /// Σ w over edges whose ends differ in the basis state x: C's diagonal, computed from the edge list.
  static func cut(_ graph: WeightedGraph, _ x: Int) -> Double {
    graph.edges.reduce(0) { $0 + ((x >> $1.first) & 1 != (x >> $1.second) & 1 ? $1.weight : 0) }
  }

  static func kroneckerPower(_ single: DenseMatrix, _ n: Int) -> DenseMatrix {
    (1..<n).reduce(single) { product, _ in DenseMatrix.kronecker(product, single) }
  }

  /// exp(−iβX) and H as 2 × 2 matrices.
  static func mixer(_ beta: Double, qubits: Int) -> DenseMatrix {
    let c = Complex(Double.cos(beta)), s = Complex(0, -Double.sin(beta))
    return kroneckerPower(DenseMatrix([[c, s], [s, c]]), qubits)
  }

  static func phase(_ gamma: Double, _ graph: WeightedGraph) -> DenseMatrix {
    .diagonal((0..<(1 << graph.nodeCount)).map { Complex.exp(Complex(0, -gamma * cut(graph, $0))) })
  }

  /// The circuit's unitary, column by column from basis states, by the production simulator.
  static func simulatedUnitary(_ qaoa: QAOAMaxCut, _ parameters: [Double]) throws -> DenseMatrix {
    let n = qaoa.graph.nodeCount
    let bindings = try qaoa.bindings(parameters)
    var unitary = DenseMatrix(zeros: 1 << n)
    for column in 0..<(1 << n) {
      var state = try StateVector<Double>(basisState: column, qubits: n)
      try state.apply(qaoa.circuit, bindings: bindings)
      for (row, amplitude) in state.amplitudes.enumerated() { unitary[row, column] = amplitude }
    }
    return unitary
  }

  @Test func layersEqualDenseExponentialsOfCostAndMixer() throws {
    let graph = Self.weighted
    let hadamard = Self.kroneckerPower(
      DenseMatrix([[Complex(0.5.squareRoot()), Complex(0.5.squareRoot())], [Complex(0.5.squareRoot()), Complex(-0.5.squareRoot())]]), 4)
    let (gamma0, beta0, gamma1, beta1) = (0.37, 0.81, -1.23, 0.29)

    let one = try QAOAMaxCut(graph: graph, layers: 1)
    let expectedOne = Self.mixer(beta0, qubits: 4) * Self.phase(gamma0, graph) * hadamard
    #expect(maxDifferenceUpToGlobalPhase(try Self.simulatedUnitary(one, [gamma0, beta0]), expectedOne) < 1e-12)

    let two = try QAOAMaxCut(graph: graph, layers: 2)
    let expectedTwo = Self.mixer(beta1, qubits: 4) * Self.phase(gamma1, graph) * expectedOne
    #expect(
      maxDifferenceUpToGlobalPhase(try Self.simulatedUnitary(two, [gamma0, gamma1, beta0, beta1]), expectedTwo) < 1e-12)
    #expect(two.parameterNames == ["gamma_0", "gamma_1", "beta_0", "beta_1"])
  }

  @Test func costIsDiagonalWithTheCutOfEachBasisState() throws {
    let qaoa = try QAOAMaxCut(graph: Self.weighted, layers: 1)
    for x in 0..<16 {
      let state = try StateVector<Double>(basisState: x, qubits: 4)
      #expect(abs(try state.expectation(of: qaoa.cost) - Self.cut(Self.weighted, x)) < 1e-12, "x = \(x)")
      #expect(Self.weighted.cutValue(basisState: x) == Self.cut(Self.weighted, x))
    }
  }

  @Test func expectedCutMatchesTheDenseState() throws {
    let qaoa = try QAOAMaxCut(graph: Self.weighted, layers: 1)
    let state = Self.mixer(0.4, qubits: 4) * Self.phase(0.9, Self.weighted) * [Complex](repeating: Complex(0.25), count: 16)
    let expected = (0..<16).reduce(0.0) { $0 + state[$1].lengthSquared * Self.cut(Self.weighted, $1) }
    #expect(abs(try qaoa.expectedCut([0.9, 0.4]) - expected) < 1e-12)
  }

  @Test func adjointGradientMatchesFiniteDifferences() throws {
    let qaoa = try QAOAMaxCut(graph: Self.weighted, layers: 2)
    let point = [0.3, -0.7, 0.5, 1.1]
    let (value, gradient) = try qaoa.objective.valueAndGradient!(point)
    #expect(abs(value + (try qaoa.expectedCut(point))) < 1e-12)
    let h = 1e-5
    for index in point.indices {
      var plus = point, minus = point
      plus[index] += h
      minus[index] -= h
      let difference = -(try qaoa.expectedCut(plus) - qaoa.expectedCut(minus)) / (2 * h)
      #expect(abs(gradient[index] - difference) < 1e-8, "parameter \(index)")
    }
  }

  /// ⟨C⟩ at p = 1 for an unweighted graph, edge by edge (Wang, Hadfield, Jiang & Rieffel,
  /// Phys. Rev. A 97, 022304 (2018), Theorem 1): with d = deg u − 1, e = deg v − 1 and f the
  /// triangles on the edge,
  /// ⟨C_uv⟩ = ½ + ¼ sin 4β sin γ (cos^d γ + cos^e γ) − ¼ sin² 2β cos^(d+e−2f) γ (1 − cos^f 2γ).
  static func closedFormExpectedCut(_ graph: WeightedGraph, gamma: Double, beta: Double) -> Double {
    var neighbours = [Set<Int>](repeating: [], count: graph.nodeCount)
    for edge in graph.edges {
      neighbours[edge.first].insert(edge.second)
      neighbours[edge.second].insert(edge.first)
    }
    return graph.edges.reduce(0) { total, edge in
      let d = neighbours[edge.first].count - 1, e = neighbours[edge.second].count - 1
      let f = neighbours[edge.first].intersection(neighbours[edge.second]).count
      let (cosGamma, sin4Beta, sin2Beta) = (Double.cos(gamma), Double.sin(4 * beta), Double.sin(2 * beta))
      // Integer powers: RealModule's pow(x, y) is defined for x ≥ 0 only.
      return total + 0.5 + 0.25 * sin4Beta * Double.sin(gamma) * (Double.pow(cosGamma, d) + Double.pow(cosGamma, e))
        - 0.25 * sin2Beta * sin2Beta * Double.pow(cosGamma, d + e - 2 * f) * (1 - Double.pow(Double.cos(2 * gamma), f))
    }
  }

  @Test func depthOneMatchesTheClosedForm() throws {
    let graphs = [
      try WeightedGraph.randomThreeRegular(nodes: 8, seed: 3),
      try WeightedGraph(nodes: 4, edges: [.init(0, 1), .init(0, 2), .init(0, 3), .init(1, 2), .init(1, 3), .init(2, 3)]),
      try WeightedGraph(nodes: 6, edges: [.init(0, 1), .init(1, 2), .init(2, 0), .init(2, 3), .init(3, 4), .init(4, 5)]),
    ]
    for graph in graphs {
      let qaoa = try QAOAMaxCut(graph: graph, layers: 1)
      for (gamma, beta) in [(0.3, 0.2), (0.62, 0.39), (-1.1, 0.7), (2.5, -0.4)] {
        let expected = Self.closedFormExpectedCut(graph, gamma: gamma, beta: beta)
        #expect(abs(try qaoa.expectedCut([gamma, beta]) - expected) < 1e-12, "\(graph.nodeCount) nodes, γ = \(gamma), β = \(beta)")
      }
    }
  }

  @Test(arguments: [8, 10])
  func depthOneOnEvenRingsReachesThreeQuarters(n: Int) throws {
    // Farhi, Goldstone & Gutmann (2014), §V: at p = 1 each edge of a ring is cut with
    // probability at most 3/4, reached at γ = π/4, β = π/8 (up to symmetries).
    let ring = try WeightedGraph(nodes: n, edges: (0..<n).map { .init($0, ($0 + 1) % n) })
    let result = try QAOAMaxCut(graph: ring, layers: 1).run(shots: 200, seed: 5, randomStarts: 2)
    #expect(abs(result.expectedCut / Double(n) - 0.75) < 1e-4)
    #expect(result.optimum.value == Double(n))
    #expect(abs(result.approximationRatio! - result.expectedCut / Double(n)) < 1e-15)
  }

  @Test func nelderMeadAlsoFindsTheRingOptimum() throws {
    let ring = try WeightedGraph(nodes: 8, edges: (0..<8).map { .init($0, ($0 + 1) % 8) })
    let result = try QAOAMaxCut(graph: ring, layers: 1).run(shots: 10, seed: 1, randomStarts: 1, optimizer: NelderMead())
    #expect(abs(result.expectedCut / 8 - 0.75) < 1e-4)
  }

  @Test(arguments: [(8, UInt64(1)), (10, UInt64(2)), (12, UInt64(3))])
  func threeRegularGraphsBeatTheWorstCaseBoundAndImproveWithDepth(nodes: Int, seed: UInt64) throws {
    let graph = try WeightedGraph.randomThreeRegular(nodes: nodes, seed: seed)
    let one = try QAOAMaxCut(graph: graph, layers: 1).run(shots: 1000, seed: seed, randomStarts: 1)
    let three = try QAOAMaxCut(graph: graph, layers: 3).run(shots: 1000, seed: seed, randomStarts: 1)
    // Farhi, Goldstone & Gutmann (2014), §VI: p = 1 gives at least 0.6924 of the maximum cut
    // on every 3-regular graph.
    #expect(one.approximationRatio! >= 0.6924)
    #expect(three.approximationRatio! > one.approximationRatio! + 0.01)
    #expect(three.bestSampledCut == three.optimum.value)
    #expect(try graph.cutValue(three.bestSample.sides) == three.bestSampledCut)
  }

  @Test func samePartitionStringAsTheNodeOrder() throws {
    // Node i is qubit i: basis state 0b0101 puts nodes 0 and 2 on side 1, written "1010".
    let solution = try Self.weighted.bruteForceMaximumCut()
    #expect(solution.sides == [true, false, true, false])
    #expect(solution.partition == "1010")
  }

  @Test func refusesWhatItCannotRun() throws {
    let ring = try WeightedGraph(nodes: 4, edges: [.init(0, 1), .init(1, 2)])
    #expect(throws: AlgorithmError.self) { try QAOAMaxCut(graph: ring, layers: 0) }
    #expect(throws: AlgorithmError.self) { try QAOAMaxCut(graph: try WeightedGraph(nodes: 3, edges: []), layers: 1) }
    let qaoa = try QAOAMaxCut(graph: ring, layers: 1)
    #expect(throws: AlgorithmError.self) { try qaoa.run(shots: 0) }
    #expect(throws: AlgorithmError.self) { try qaoa.run(randomStarts: -1) }
    #expect(throws: AlgorithmError.self) { try qaoa.expectedCut([0.1]) }
    #expect(throws: AlgorithmError.self) {
      try QAOAMaxCut(graph: try WeightedGraph(nodes: 25, edges: [.init(0, 24)]), layers: 1)
    }
  }
}
