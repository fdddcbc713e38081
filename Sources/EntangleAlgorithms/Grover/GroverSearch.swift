import EntangleCircuits
import RealModule
import EntangleSimulation

/// Grover search for the basis states a predicate marks among the 2^n states of n qubits.
///
/// The circuit is Hadamards on every qubit, then k rounds of the oracle (a phase of −1 on every
/// marked basis state) and the diffusion operator (inversion about the mean). With M marked states
/// out of N = 2^n and θ = asin(√(M/N)), k rounds leave the marked states with total probability
/// sin²((2k+1)θ) (Nielsen & Chuang, §6.1.3); ``optimalIterations`` = ⌊π/(4θ)⌋ maximises it.
///
/// Qubit k is bit k of a basis-state index (little-endian, as in Qiskit); the predicate and
/// ``markedStates`` speak of those indices.
///
/// ```swift
/// let search = try GroverSearch(qubits: 4) { $0 == 5 || $0 == 11 }
/// let result = try search.run(shots: 1000, seed: 7)
/// result.successProbability   // 0.9453125 after 2 rounds
/// ```
public struct GroverSearch: Sendable, Hashable {
  /// The qubit counts accepted: the predicate is evaluated on all 2^n indices and the oracle has one
  /// multi-controlled Z per marked state, so the search is meant for small registers.
  public static let supportedQubitCounts = 1...20

  /// The number of qubits n; the search space is the 2^n basis states.
  public let qubitCount: Int
  /// The marked basis-state indices, ascending (bit k of an index is qubit k).
  public let markedStates: [Int]

  /// A search over n qubits for the indices where `isMarked` is true.
  ///
  /// When every index is marked (M = N) the search is trivial: ``optimalIterations`` is 0 and a
  /// measurement of the uniform superposition finds a marked state with probability 1.
  /// - Complexity: evaluates `isMarked` once for each of the 2^n indices.
  /// - Throws: ``AlgorithmError/invalidArgument(name:value:expected:)`` when `qubits` is outside
  ///   ``supportedQubitCounts``; ``AlgorithmError/noMarkedStates(qubits:)`` when no index is marked.
  public init(qubits: Int, isMarked: (Int) -> Bool) throws(AlgorithmError) {
    guard Self.supportedQubitCounts.contains(qubits) else {
      throw .invalidArgument(
        name: "the number of qubits", value: "\(qubits)",
        expected: "in \(Self.supportedQubitCounts.lowerBound)...\(Self.supportedQubitCounts.upperBound)")
    }
    let marked = (0..<(1 << qubits)).filter(isMarked)
    guard !marked.isEmpty else { throw .noMarkedStates(qubits: qubits) }
    qubitCount = qubits
    markedStates = marked
  }

  /// A search over n qubits for the given basis-state indices (repeats are ignored).
  ///
  /// - Throws: ``AlgorithmError/invalidArgument(name:value:expected:)`` for an index outside 0..<2^n or a
  ///   qubit count outside ``supportedQubitCounts``; ``AlgorithmError/noMarkedStates(qubits:)`` for an empty list.
  public init(qubits: Int, marked: [Int]) throws(AlgorithmError) {
    guard Self.supportedQubitCounts.contains(qubits) else {
      throw .invalidArgument(
        name: "the number of qubits", value: "\(qubits)",
        expected: "in \(Self.supportedQubitCounts.lowerBound)...\(Self.supportedQubitCounts.upperBound)")
    }
    if let outside = marked.first(where: { !(0..<(1 << qubits)).contains($0) }) {
      throw .invalidArgument(
        name: "marked index", value: "\(outside)", expected: "in 0..<\(1 << qubits) for \(qubits) qubits")
    }
    let set = Set(marked)
    try self.init(qubits: qubits) { set.contains($0) }
  }

  /// The number of basis states N = 2^n.
  public var stateCount: Int { 1 << qubitCount }

  /// The number of marked states M.
  public var markedCount: Int { markedStates.count }

  /// The rotation angle θ = asin(√(M/N)) of one Grover round (each round rotates by 2θ).
  public var angle: Double { Double.asin((Double(markedCount) / Double(stateCount)).squareRoot()) }

  /// The round count k = ⌊π/(4θ)⌋ that maximises the success probability sin²((2k+1)θ);
  /// 0 when M ≥ N/2 makes a round no better than none.
  public var optimalIterations: Int { Int((Double.pi / (4 * angle)).rounded(.down)) }

  /// The probability sin²((2k+1)θ) of measuring a marked state after `iterations` rounds, from the formula.
  public func analyticSuccessProbability(iterations: Int) -> Double {
    let sine = Double.sin(Double(2 * iterations + 1) * angle)
    return sine * sine
  }

  /// The oracle: a phase of −1 on every marked basis state, identity elsewhere.
  ///
  /// For each marked index, X gates turn it into |1…1⟩, a Z on qubit n−1 controlled by qubits 0…n−2
  /// flips its sign, and the X gates are undone; X gates shared by consecutive marked indices cancel
  /// and are left out.
  /// - Complexity: M multi-controlled Z gates and at most n·(M+1) X gates.
  /// - Throws: ``AlgorithmError/circuit(_:)`` only if the circuit cannot be formed.
  public func oracle() throws(AlgorithmError) -> Circuit {
    let n = qubitCount
    let allOnes = stateCount - 1
    var operations: [Operation] = []
    var flipped = 0
    for index in markedStates {
      let needed = ~index & allOnes
      for qubit in 0..<n where (flipped ^ needed) >> qubit & 1 == 1 { operations.append(.gate(.x, on: [qubit])) }
      flipped = needed
      operations.append(Self.multiControlledZ(qubits: n))
    }
    for qubit in 0..<n where flipped >> qubit & 1 == 1 { operations.append(.gate(.x, on: [qubit])) }
    return try AlgorithmError.building { () throws(CircuitError) in try Circuit(qubits: n, operations: operations) }
  }

  /// The diffusion operator H^⊗n · X^⊗n · (multi-controlled Z) · X^⊗n · H^⊗n = I − 2|s⟩⟨s|,
  /// the inversion about the mean up to a global phase of −1 (which no measurement sees).
  ///
  /// - Complexity: 4n one-qubit gates and one Z with n−1 controls.
  /// - Throws: ``AlgorithmError/circuit(_:)`` only if the circuit cannot be formed.
  public func diffusion() throws(AlgorithmError) -> Circuit {
    let n = qubitCount
    var operations: [Operation] = []
    operations += (0..<n).map { .gate(.h, on: [$0]) }
    operations += (0..<n).map { .gate(.x, on: [$0]) }
    operations.append(Self.multiControlledZ(qubits: n))
    operations += (0..<n).map { .gate(.x, on: [$0]) }
    operations += (0..<n).map { .gate(.h, on: [$0]) }
    return try AlgorithmError.building { () throws(CircuitError) in try Circuit(qubits: n, operations: operations) }
  }

  /// The whole search: Hadamards on every qubit, then `iterations` rounds of oracle and diffusion.
  ///
  /// - Throws: ``AlgorithmError/invalidArgument(name:value:expected:)`` for a negative `iterations`.
  public func circuit(iterations: Int) throws(AlgorithmError) -> Circuit {
    guard iterations >= 0 else {
      throw .invalidArgument(name: "the number of iterations", value: "\(iterations)", expected: "0 or more")
    }
    let n = qubitCount
    let round = try oracle().operations + diffusion().operations
    var operations: [Operation] = (0..<n).map { .gate(.h, on: [$0]) }
    for _ in 0..<iterations { operations += round }
    return try AlgorithmError.building { () throws(CircuitError) in try Circuit(qubits: n, operations: operations) }
  }

  /// Runs the search on a state vector and samples the result.
  ///
  /// - Parameters:
  ///   - iterations: the number of rounds; ``optimalIterations`` when `nil`.
  ///   - shots: the number of measurements sampled from the final state.
  ///   - seed: the seed of the sampling.
  /// - Complexity: O(k·(M + n)·2^n) for k rounds, plus O(shots·n) for sampling.
  /// - Throws: ``AlgorithmError/invalidArgument(name:value:expected:)`` for negative `iterations` or `shots`;
  ///   ``AlgorithmError/simulation(_:)`` when the state does not fit in memory.
  public func run(iterations: Int? = nil, shots: Int = 1024, seed: UInt64 = 0) throws(AlgorithmError) -> GroverResult {
    guard shots >= 0 else {
      throw .invalidArgument(name: "the number of shots", value: "\(shots)", expected: "0 or more")
    }
    let rounds = iterations ?? optimalIterations
    let circuit = try circuit(iterations: rounds)
    let n = qubitCount
    let (probabilities, samples) = try AlgorithmError.simulating { () throws(SimulationError) in
      var state = try StateVector(qubits: n)
      try state.apply(circuit)
      var generator = SeededRandomNumberGenerator(seed: seed)
      return (state.probabilities(), try state.sample(shots: shots, using: &generator))
    }
    var counts: [Int: Int] = [:]
    for outcome in samples { counts[outcome, default: 0] += 1 }
    return GroverResult(
      qubitCount: n, markedStates: markedStates, iterations: rounds,
      successProbability: markedStates.reduce(0) { $0 + probabilities[$1] }, counts: counts)
  }

  /// Z on qubit n−1 controlled by qubits 0…n−2: −1 on |1…1⟩ only.
  private static func multiControlledZ(qubits n: Int) -> Operation {
    .gate(.z, on: [n - 1], controls: Array(0..<(n - 1)))
  }
}
