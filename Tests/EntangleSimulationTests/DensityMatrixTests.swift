import EntangleCircuits
import ComplexModule
import EntangleTestSupport
import EntangleSimulation
import Testing

@Suite("DensityMatrix: gates, channels, measurement and observables")
struct DensityMatrixTests {
  /// |ψ⟩⟨ψ| row-major, the independent reference for a pure density matrix.
  static func outerProduct(_ psi: [Complex<Double>]) -> [Complex<Double>] {
    psi.flatMap { row in psi.map { row * $0.conjugate } }
  }

  /// The Kraus set {I, X, Y, Z}/2: the fully depolarizing channel ρ → I/2 on one qubit.
  static let fullyDepolarizing: [Matrix] = {
    let half = Complex<Double>(0.5)
    let i = Complex<Double>(0, 0.5)
    return [
      try! Matrix(dimension: 2, elements: [half, .zero, .zero, half]),
      try! Matrix(dimension: 2, elements: [.zero, half, half, .zero]),
      try! Matrix(dimension: 2, elements: [.zero, -i, i, .zero]),
      try! Matrix(dimension: 2, elements: [half, .zero, .zero, -half]),
    ]
  }()

  /// Amplitude damping with decay probability γ (Nielsen & Chuang eq. 8.108).
  static func amplitudeDamping(_ gamma: Double) -> [Matrix] {
    [
      try! Matrix(dimension: 2, elements: [.one, .zero, .zero, Complex((1 - gamma).squareRoot())]),
      try! Matrix(dimension: 2, elements: [.zero, Complex(gamma.squareRoot()), .zero, .zero]),
    ]
  }

  @Test("a random pure circuit gives |ψ⟩⟨ψ| of the state-vector run within 1e-12", arguments: 1...6, UInt64(0)..<3)
  func pureCircuitMatchesStateVector(qubits: Int, seed: UInt64) throws {
    // Every gate class: controlled gates, u, rzz, unitary (k ≤ 3), qft/iqft, global phases.
    let circuit = RandomCircuit.make(qubits: qubits, gates: 16, seed: seed, maximumUnitaryQubits: 3)
    var state = try StateVector(qubits: qubits)
    try state.apply(circuit)
    var rho = try DensityMatrix(qubits: qubits)
    try rho.apply(circuit)
    #expect(maxDifference(rho.elements, Self.outerProduct(state.amplitudes)) < 1e-12)
    #expect(abs(rho.trace - 1) < 1e-12)
  }

  @Test("named gates with controls and QFT match the state vector within 1e-12")
  func namedGates() throws {
    let circuit = try Circuit(qubits: 4) {
      H(0); CX(0, 1); RZ(0.3, 2); RY(1.1, 3)
      QFT([0, 1, 2, 3])
    }
    var state = try StateVector(qubits: 4)
    try state.apply(circuit)
    try state.apply(.u(theta: 0.4, phi: 1.2, lambda: -0.7), to: [2], controls: [0, 3])
    try state.apply(.rzz(0.9), to: [1, 3])
    var rho = try DensityMatrix(qubits: 4)
    try rho.apply(circuit)
    try rho.apply(.u(theta: 0.4, phi: 1.2, lambda: -0.7), to: [2], controls: [0, 3])
    try rho.apply(.rzz(0.9), to: [1, 3])
    #expect(maxDifference(rho.elements, Self.outerProduct(state.amplitudes)) < 1e-12)
    let fromState = try DensityMatrix(state)
    #expect(maxDifference(fromState.elements, rho.elements) < 1e-12)
  }

  @Test("purity is 1 for a pure state and 1/2^n after fully depolarizing every qubit", arguments: 1...4)
  func purity(qubits: Int) throws {
    var rho = try DensityMatrix(qubits: qubits)
    try rho.apply(RandomCircuit.make(qubits: qubits, gates: 10, seed: 7, maximumUnitaryQubits: 2))
    #expect(abs(rho.purity - 1) < 1e-12)
    for qubit in 0..<qubits { try rho.applyKraus(Self.fullyDepolarizing, to: [qubit]) }
    // The maximally mixed state I/2^n: purity 1/2^n, every probability 1/2^n.
    let uniform = 1 / Double(1 << qubits)
    #expect(abs(rho.purity - uniform) < 1e-12)
    #expect(rho.probabilities().allSatisfy { abs($0 - uniform) < 1e-12 })
    #expect(abs(rho.trace - 1) < 1e-12)
  }

  @Test("the partial trace of a Bell state is I/2 on either qubit")
  func bellPartialTrace() throws {
    var rho = try DensityMatrix(qubits: 2)
    try rho.apply(Circuit(qubits: 2) { H(0); CX(0, 1) })
    let half: [Complex<Double>] = [Complex(0.5), .zero, .zero, Complex(0.5)]
    for kept in [0, 1] {
      let reduced = try rho.partialTrace(keeping: [kept])
      #expect(reduced.qubitCount == 1)
      #expect(maxDifference(reduced.elements, half) < 1e-15)
    }
  }

  @Test("the partial trace of a product state is its factor, kept qubits in ascending order")
  func productPartialTrace() throws {
    // Qubits 0, 1, 2 in RY(0.4)|0⟩, RY(1.3)|0⟩ then RZ(0.8), RY(2.1)|0⟩.
    var rho = try DensityMatrix(qubits: 3)
    try rho.apply(Circuit(qubits: 3) { RY(0.4, 0); RY(1.3, 1); RZ(0.8, 1); RY(2.1, 2) })
    var factor = try StateVector(qubits: 2)
    try factor.apply(Circuit(qubits: 2) { RY(0.4, 0); RY(2.1, 1) })
    let reduced = try rho.partialTrace(keeping: [2, 0])
    #expect(maxDifference(reduced.elements, Self.outerProduct(factor.amplitudes)) < 1e-12)
    var middle = try StateVector(qubits: 1)
    try middle.apply(Circuit(qubits: 1) { RY(1.3, 0); RZ(0.8, 0) })
    #expect(maxDifference(try rho.partialTrace(keeping: [1]).elements, Self.outerProduct(middle.amplitudes)) < 1e-12)
  }

  @Test("Tr(ρH) equals the state-vector expectation for pure states within 1e-12", arguments: UInt64(0)..<4)
  func expectation(seed: UInt64) throws {
    let n = 4
    let circuit = RandomCircuit.make(qubits: n, gates: 14, seed: seed, maximumUnitaryQubits: 3)
    var state = try StateVector(qubits: n)
    try state.apply(circuit)
    var rho = try DensityMatrix(qubits: n)
    try rho.apply(circuit)
    var generator = SeededGenerator(seed: seed)
    var terms: [PauliSum.Term] = []
    for _ in 0..<10 {
      var operators: [Int: Pauli] = [:]
      for q in 0..<n { operators[q] = Pauli.allCases.randomElement(using: &generator)! }
      terms.append(PauliSum.Term(Double.random(in: -2..<2, using: &generator), try PauliString(operators)))
    }
    let observable = PauliSum(terms)
    #expect(abs(try rho.expectation(of: observable) - state.expectation(of: observable)) < 1e-12)
  }

  @Test("amplitude damping on |1⟩⟨1| gives diag(γ, 1 − γ)", arguments: [0.0, 0.3, 1.0])
  func amplitudeDamping(gamma: Double) throws {
    var rho = try DensityMatrix(qubits: 2)
    try rho.apply(.x, to: [1])
    try rho.apply(KrausChannel(krausOperators: Self.amplitudeDamping(gamma)), to: [1])
    // Qubit 0 stays |0⟩: the reduced state of qubit 1 is diag(γ, 1 − γ), nothing off the diagonal.
    let reduced = try rho.partialTrace(keeping: [1])
    let expected: [Complex<Double>] = [Complex(gamma), .zero, .zero, Complex(1 - gamma)]
    #expect(maxDifference(reduced.elements, expected) < 1e-15)
    #expect(abs(try rho.probabilities(of: [1])[1] - (1 - gamma)) < 1e-15)
  }

  @Test("measuring collapses with the Born probabilities; a mid-circuit measurement dephases")
  func measurement() throws {
    var generator = SeededRandomNumberGenerator(seed: 3)
    var ones = 0
    for _ in 0..<400 {
      var rho = try DensityMatrix(qubits: 2)
      try rho.apply(Circuit(qubits: 2) { H(0); CX(0, 1) })
      let outcome = try rho.measure(0, using: &generator)
      ones += outcome
      // The partner collapses with it and ρ stays normalised.
      let index = outcome == 1 ? 3 : 0
      #expect(abs(rho.probabilities()[index] - 1) < 1e-15)
      #expect(abs(rho.purity - 1) < 1e-15)
    }
    // Binomial(400, 1/2): standard deviation 10; allow 4σ.
    #expect(abs(ones - 200) < 40)
    var dephased = try DensityMatrix(qubits: 1)
    try dephased.apply(Circuit(qubits: 1, bits: 1) { H(0); Measure(0, into: 0) })
    #expect(maxDifference(dephased.elements, [Complex(0.5), .zero, .zero, Complex(0.5)]) < 1e-15)
  }

  @Test("reset is |0⟩⟨0| ⊗ Tr_q ρ and keeps the trace")
  func reset() throws {
    var rho = try DensityMatrix(qubits: 2)
    try rho.apply(Circuit(qubits: 2) { H(0); CX(0, 1); Reset(0) })
    // Qubit 0 back to |0⟩, qubit 1 left maximally mixed: diag(1/2, 0, 1/2, 0).
    #expect(maxDifference(rho.probabilities().map { Complex($0) }, [Complex(0.5), .zero, Complex(0.5), .zero]) < 1e-15)
    #expect(abs(rho.purity - 0.5) < 1e-15)
    try rho.reset(1)
    #expect(maxDifference(rho.elements, Self.outerProduct([.one, .zero, .zero, .zero])) < 1e-15)
  }

  @Test("sampling and counts follow the diagonal, qubit 0 rightmost")
  func counts() throws {
    var rho = try DensityMatrix(qubits: 3)
    try rho.apply(Circuit(qubits: 3) { X(0); H(2) })
    let counts = try rho.counts(shots: 1000, seed: 5)
    #expect(Set(counts.keys) == ["001", "101"])
    #expect(counts.values.reduce(0, +) == 1000)
    // Binomial(1000, 1/2): standard deviation 15.8; allow 4σ.
    #expect(abs(counts["101", default: 0] - 500) < 64)
    #expect(try rho.sample(shots: 20, seed: 9) == rho.sample(shots: 20, seed: 9))
    #expect(try rho.counts(shots: 10, qubits: [0], seed: 1) == ["1": 10])
  }

  @Test("fidelity with states and density matrices matches overlaps")
  func fidelity() throws {
    let psi = RandomState.make(qubits: 3, seed: 11)
    let phi = RandomState.make(qubits: 3, seed: 12)
    let rho = try DensityMatrix(StateVector(amplitudes: psi))
    let sigma = try DensityMatrix(StateVector(amplitudes: phi))
    // |⟨ψ|φ⟩|², computed directly.
    let overlap = zip(psi, phi).reduce(Complex<Double>.zero) { $0 + $1.0.conjugate * $1.1 }.lengthSquared
    #expect(abs(try rho.fidelity(with: StateVector(amplitudes: phi)) - overlap) < 1e-12)
    #expect(abs(try rho.fidelity(with: sigma) - overlap) < 1e-9)
    #expect(abs(try rho.fidelity(with: rho) - 1) < 1e-9)
    // The maximally mixed qubit against |0⟩: 1/2.
    var mixed = try DensityMatrix(qubits: 1)
    try mixed.applyKraus(Self.fullyDepolarizing, to: [0])
    #expect(abs(try mixed.fidelity(with: DensityMatrix(qubits: 1)) - 0.5) < 1e-9)
    #expect(throws: SimulationError.tooManyQubits(7, maximum: 6, what: "the fidelity of two density matrices")) {
      try DensityMatrix(qubits: 7).fidelity(with: DensityMatrix(qubits: 7))
    }
  }

  @Test("a 30-qubit density matrix is refused before allocating, naming 16·4^30 bytes")
  func memoryRefusal() throws {
    let error = #expect(throws: SimulationError.self) { try DensityMatrix(qubits: 30) }
    guard case let .insufficientMemory(qubits, needed, _) = error else {
      Issue.record("expected insufficientMemory, got \(String(describing: error))")
      return
    }
    #expect(qubits == 60)
    #expect(needed == 16 * Double(sign: .plus, exponent: 60, significand: 1))
    #expect(error?.description.contains("needs") == true)
    #expect(throws: SimulationError.invalidQubitCount(31, maximum: 30)) { try DensityMatrix(qubits: 31) }
    #expect(throws: SimulationError.invalidQubitCount(0, maximum: 30)) { try DensityMatrix(qubits: 0) }
  }

  @Test("invalid qubits, Kraus sets and matrices are typed errors")
  func invalidInput() throws {
    var rho = try DensityMatrix(qubits: 2)
    var generator = SeededRandomNumberGenerator(seed: 0)
    #expect(throws: SimulationError.qubitOutOfRange(qubit: 2, qubitCount: 2)) { try rho.apply(.h, to: [2]) }
    #expect(throws: SimulationError.qubitOutOfRange(qubit: -1, qubitCount: 2)) { try rho.measure(-1, using: &generator) }
    #expect(throws: SimulationError.qubitOutOfRange(qubit: 5, qubitCount: 2)) { try rho.reset(5) }
    #expect(throws: SimulationError.repeatedQubit(1)) { try rho.partialTrace(keeping: [1, 1]) }
    #expect(throws: SimulationError.invalidCount(0, what: "the number of kept qubits")) { try rho.partialTrace(keeping: []) }
    #expect(throws: SimulationError.repeatedQubit(0)) { try rho.applyKraus(Self.fullyDepolarizing, to: [0, 0]) }
    #expect(throws: SimulationError.sizeMismatch(expected: 2, actual: 1, what: "Kraus operator 0")) {
      try rho.applyKraus(Self.fullyDepolarizing, to: [0, 1])
    }
    #expect(throws: SimulationError.self) { try rho.applyKraus([Self.amplitudeDamping(0.2)[1]], to: [0]) }
    #expect(throws: SimulationError.invalidKrausOperators("a channel needs at least one operator")) {
      try rho.applyKraus([], to: [0])
    }
    #expect(throws: SimulationError.sizeMismatch(expected: 1, actual: 2, what: "qubits given to a channel")) {
      try rho.apply(KrausChannel(krausOperators: Self.fullyDepolarizing), to: [0, 1])
    }
    #expect(throws: SimulationError.self) { try rho.expectation(of: PauliString("XII")) }
    #expect(throws: SimulationError.unsupportedOnDensityMatrix(operation: "a classically conditioned operation")) {
      try rho.apply(Circuit(qubits: 2, bits: 1) { Measure(0, into: 0); X(1).conditioned(on: [0], equals: 1) })
    }
    let notHermitian = try Matrix(dimension: 2, elements: [Complex(0.5), Complex(0.1), .zero, Complex(0.5)])
    #expect(throws: SimulationError.self) { try DensityMatrix(matrix: notHermitian) }
    let traceTwo = try Matrix(dimension: 2, elements: [.one, .zero, .zero, .one])
    #expect(throws: SimulationError.traceNotOne(trace: 2, tolerance: 1e-10)) { try DensityMatrix(matrix: traceTwo) }
    let plus = try Matrix(dimension: 2, elements: [Complex(0.5), Complex(0.5), Complex(0.5), Complex(0.5)])
    #expect(try DensityMatrix(matrix: plus).elements == plus.elements)
  }

  @Test("a single unitary Kraus operator on qubits [2, 0] acts as the gate on the state vector, little-endian over the list")
  func krausQubitOrder() throws {
    var generator = SeededGenerator(seed: 21)
    let unitary = RandomUnitary.make(qubits: 2, using: &generator)
    let matrix = try Matrix(dimension: unitary.dimension, elements: unitary.elements)
    let prepare = RandomCircuit.make(qubits: 3, gates: 8, seed: 4, maximumUnitaryQubits: 2)
    var state = try StateVector(qubits: 3)
    try state.apply(prepare)
    try state.apply(.unitary(matrix), to: [2, 0])
    var rho = try DensityMatrix(qubits: 3)
    try rho.apply(prepare)
    try rho.applyKraus([matrix], to: [2, 0])
    #expect(maxDifference(rho.elements, Self.outerProduct(state.amplitudes)) < 1e-12)
  }

  @Test("a trace-decreasing set runs when the check is off: projecting |+⟩ onto |0⟩ leaves trace 1/2")
  func traceDecreasing() throws {
    var rho = try DensityMatrix(qubits: 1)
    try rho.apply(.h, to: [0])
    let projector = try Matrix(dimension: 2, elements: [.one, .zero, .zero, .zero])
    #expect(throws: SimulationError.notTracePreserving(deviation: 1, tolerance: 1e-10)) {
      try rho.applyKraus([projector], to: [0])
    }
    try rho.applyKraus([projector], to: [0], checkingTracePreservation: false)
    #expect(maxDifference(rho.elements, [Complex(0.5), .zero, .zero, .zero]) < 1e-15)
  }

  @Test("single precision matches the double-precision state vector within 1e-5")
  func singlePrecision() throws {
    let circuit = RandomCircuit.make(qubits: 4, gates: 16, seed: 2, maximumUnitaryQubits: 3)
    var state = try StateVector(qubits: 4)
    try state.apply(circuit)
    var rho = try DensityMatrix<Float>(qubits: 4)
    try rho.apply(circuit)
    let entries = rho.elements.map { Complex(Double($0.real), Double($0.imaginary)) }
    #expect(maxDifference(entries, Self.outerProduct(state.amplitudes)) < 1e-5)
    #expect(throws: SimulationError.sizeMismatch(expected: 4, actual: 3, what: "state compared with a density matrix")) {
      try rho.fidelity(with: StateVector<Float>(qubits: 3))
    }
  }

  @Test("the example of Docs/DensityMatrix.md runs and gives the analytic values")
  func guideExample() throws {
    var rho = try DensityMatrix(qubits: 2)
    try rho.apply(Circuit(qubits: 2) { H(0); CX(0, 1) })
    let gamma = 0.1
    let damping = [
      try Matrix([[1, 0], [0, Complex((1 - gamma).squareRoot())]]),
      try Matrix([[0, Complex(gamma.squareRoot())], [0, 0]]),
    ]
    try rho.applyKraus(damping, to: [1])
    // A Bell pair with qubit 1 damped (bitstrings qubit 0 rightmost): ρ = ½(|00⟩⟨00| + γ|01⟩⟨01| + (1−γ)|11⟩⟨11|
    // + √(1−γ)(|00⟩⟨11| + |11⟩⟨00|)), so Tr ρ² = ¼(1 + γ² + (1−γ)² + 2(1−γ)) and ⟨ZZ⟩ = 1 − γ.
    #expect(abs(rho.purity - 0.25 * (1 + gamma * gamma + (1 - gamma) * (1 - gamma) + 2 * (1 - gamma))) < 1e-14)
    #expect(abs(try rho.expectation(of: PauliSum([(1, "ZZ")])) - (1 - gamma)) < 1e-14)
    #expect(try rho.partialTrace(keeping: [0]).qubitCount == 1)
    #expect(try rho.counts(shots: 1000, seed: 1).values.reduce(0, +) == 1000)
  }

  @Test("a Bell pair under two-qubit depolarizing noise λ has fidelity 1 − 3λ/4", arguments: [0.0, 0.1, 0.5, 1.0])
  func depolarizedBell(lambda: Double) throws {
    var bell = try StateVector(qubits: 2)
    try bell.apply(Circuit(qubits: 2) { H(0); CX(0, 1) })
    var rho = try DensityMatrix(bell)
    try rho.apply(KrausChannel.depolarizing(probability: lambda, qubits: 2), to: [0, 1])
    // ρ = (1 − λ)|Φ⁺⟩⟨Φ⁺| + λ I/4 (Qiskit Aer's convention), so ⟨Φ⁺|ρ|Φ⁺⟩ = 1 − λ + λ/4.
    #expect(abs(try rho.fidelity(with: bell) - (1 - 0.75 * lambda)) < 1e-12)
    #expect(abs(try rho.fidelity(with: DensityMatrix(bell)) - (1 - 0.75 * lambda)) < 1e-9)
    #expect(abs(rho.trace - 1) < 1e-12)
  }
}
