import EntangleCircuits
import ComplexModule
import EntangleTestSupport
import Testing

@testable import EntangleSimulation

/// Gate fusion and cache blocking change how a circuit runs, never what it computes.
@Suite("Fusion and cache blocking")
struct FusionTests {
  /// Options that make small states use every path: blocks of `block` qubits with
  /// `chunk` low qubits fixed, so segments gather scattered chunks.
  static func options(block: Int?, chunk: Int, fusion: Bool = true) -> ExecutionPlan.Options {
    ExecutionPlan.Options(fusion: fusion, blockQubits: block, chunkQubits: chunk)
  }

  static func run(
    _ circuit: Circuit, qubits: Int, options: ExecutionPlan.Options, seed: UInt64
  ) throws -> (StateVector<Double>, ExecutionPlan) {
    var state = try StateVector(amplitudes: RandomState.make(qubits: qubits, seed: seed))
    let plan = try ExecutionPlan(circuit, bindings: [:], stateQubits: qubits, options: options)
    var generator = SeededRandomNumberGenerator(seed: seed)
    _ = try state.run(plan, using: &generator)
    return (state, plan)
  }

  /// The state after `circuit` from the seeded random input: the dense reference up to
  /// 8 qubits, beyond that the unoptimized plan (every gate its own kernel pass, each checked
  /// against the reference in `CircuitSimulationTests`).
  static func expected(_ circuit: Circuit, qubits: Int, seed: UInt64) throws -> [Complex<Double>] {
    if qubits <= 8 { return try ReferenceSimulator.run(circuit, from: RandomState.make(qubits: qubits, seed: seed)) }
    return try run(circuit, qubits: qubits, options: .unoptimized, seed: seed).0.amplitudes
  }

  @Test(
    "fused and blocked plans agree with the reference to 1e-12",
    arguments: [(8, nil, 0), (8, 4, 1), (9, 5, 2), (10, 6, 3), (10, 4, 0), (7, 3, 3)] as [(Int, Int?, Int)])
  func randomCircuits(qubits: Int, block: Int?, chunk: Int) throws {
    let classes: Set<RandomCircuit.GateClass> = [.fixed, .rotation, .generalSingleQubit, .twoQubit, .unitary, .globalPhase]
    for seed in UInt64(1)...4 {
      let circuit = RandomCircuit.make(
        qubits: qubits, gates: 120, seed: seed &* 977 &+ UInt64(qubits), classes: classes,
        maximumExtraControls: 2, maximumUnitaryQubits: 3)
      let expected = try Self.expected(circuit, qubits: qubits, seed: seed)
      let (state, _) = try Self.run(circuit, qubits: qubits, options: Self.options(block: block, chunk: chunk), seed: seed)
      #expect(maxDifference(state.amplitudes, expected) < 1e-12, "seed \(seed)")
    }
  }

  @Test("layered circuits as the benchmarks write them run in few segments and agree")
  func layeredCircuit() throws {
    // Ten layers of rx, rz on every qubit and a CNOT ladder, as Qulacs' benchmark writes them.
    let n = 10
    var generator = SeededRandomNumberGenerator(seed: 42)
    let circuit = try Circuit(qubits: n) {
      for _ in 0..<10 {
        for q in 0..<n {
          RX(Parameter(Double.random(in: 0..<2 * .pi, using: &generator)), q)
          RZ(Parameter(Double.random(in: 0..<2 * .pi, using: &generator)), q)
        }
        for q in 0..<n - 1 { CX(q, q + 1) }
      }
    }
    let expected = try Self.expected(circuit, qubits: n, seed: 3)
    let (state, plan) = try Self.run(circuit, qubits: n, options: Self.options(block: 7, chunk: 2), seed: 3)
    #expect(maxDifference(state.amplitudes, expected) < 1e-12)
    // 470 gates on 10 qubits with 7-qubit blocks: a pass over memory covers more than half a
    // layer (a segment, or one step that is all a segment fused to).
    #expect(ExecutionSummary(plan).memoryPasses <= 20)
    #expect(ExecutionSummary(plan).segments >= 5)
  }

  @Test("runs of diagonal gates fuse to one diagonal step, permutations to one permutation")
  func classesArePreserved() throws {
    let diagonal = try Circuit(qubits: 4) {
      RZ(0.3, 0); CZ(0, 1); T(2); CP(0.7, 2, 3); RZZ(0.2, 1, 3); S(0)
    }
    let diagonalPlan = try ExecutionPlan(diagonal, bindings: [:], stateQubits: 4, options: Self.options(block: nil, chunk: 0))
    #expect(diagonalPlan.steps.count == 1)
    if case .diagonal = diagonalPlan.steps.first {} else { Issue.record("expected one diagonal step, got \(diagonalPlan.steps)") }

    let permutation = try Circuit(qubits: 7) { CX(4, 5); CX(5, 4); CX(4, 5); X(6); CCX(4, 5, 6) }
    let permutationPlan = try ExecutionPlan(
      permutation, bindings: [:], stateQubits: 7, options: Self.options(block: nil, chunk: 0))
    #expect(permutationPlan.steps.count == 1)
    if case .permutation = permutationPlan.steps.first {} else { Issue.record("expected one permutation, got \(permutationPlan.steps)") }
  }

  @Test("H·H and CX·CX fuse to nothing")
  func identitiesDisappear() throws {
    let circuit = try Circuit(qubits: 2) { H(0); H(0); CX(0, 1); CX(0, 1) }
    let plan = try ExecutionPlan(circuit, bindings: [:], stateQubits: 2, options: Self.options(block: nil, chunk: 0))
    #expect(plan.steps.isEmpty)
  }

  @Test("a product that acts as a controlled gate keeps its control")
  func controlsAreExtracted() throws {
    // CRX(a)·CRX(b) on the same qubits is CRX(a + b): one target, one control.
    let circuit = try Circuit(qubits: 2) { CRX(0.4, 0, 1); CRX(0.5, 0, 1) }
    let plan = try ExecutionPlan(circuit, bindings: [:], stateQubits: 2, options: Self.options(block: nil, chunk: 0))
    guard case let .dense(matrix, targets, controlMask) = plan.steps.first, plan.steps.count == 1 else {
      Issue.record("expected one dense step, got \(plan.steps)")
      return
    }
    #expect(targets == [1] && controlMask == 0b01)
    let expected = try Gate.rx(Parameter(0.9)).matrix([:])
    #expect(zip(matrix, expected.elements).allSatisfy { ($0 - $1).length < 1e-15 })
  }

  @Test("measurements and conditions break fusion and keep their order")
  func nonUnitaryStepsStay() throws {
    let circuit = try Circuit(qubits: 3, bits: 1) {
      H(0); CX(0, 1)
      Measure(0, into: 0)
      X(2).conditioned(on: [0], equals: 1)
      H(0); H(0)
    }
    for seed in UInt64(0)..<8 {
      var reference = try StateVector(qubits: 3)
      let plain = try ExecutionPlan(circuit, bindings: [:], stateQubits: 3, options: .unoptimized)
      var generator = SeededRandomNumberGenerator(seed: seed)
      let expectedBits = try reference.run(plain, using: &generator)
      var state = try StateVector(qubits: 3)
      let fused = try ExecutionPlan(circuit, bindings: [:], stateQubits: 3, options: Self.options(block: 2, chunk: 1))
      generator = SeededRandomNumberGenerator(seed: seed)
      let bits = try state.run(fused, using: &generator)
      #expect(bits == expectedBits)
      #expect(maxDifference(state.amplitudes, reference.amplitudes) < 1e-12)
    }
  }

  @Test("the standard options fuse and block a 20-qubit circuit and agree with the unfused run in both precisions")
  func standardOptionsAtScale() throws {
    let n = 18
    let circuit = RandomCircuit.make(
      qubits: n, gates: 150, seed: 7, classes: [.fixed, .rotation, .twoQubit, .generalSingleQubit],
      maximumExtraControls: 1)
    let input = RandomState.make(qubits: n, seed: 1)
    var plain = try StateVector(amplitudes: input)
    var generator = SeededRandomNumberGenerator(seed: 0)
    _ = try plain.run(try ExecutionPlan(circuit, bindings: [:], stateQubits: n, options: .unoptimized), using: &generator)
    var optimized = try StateVector(amplitudes: input)
    try optimized.apply(circuit)
    #expect(maxDifference(optimized.amplitudes, plain.amplitudes) < 1e-12)

    var single = try StateVector<Float>(amplitudes: input.map { Complex(Float($0.real), Float($0.imaginary)) })
    try single.apply(circuit)
    let widened = single.amplitudes.map { Complex(Double($0.real), Double($0.imaginary)) }
    #expect(maxDifference(widened, plain.amplitudes) < 1e-4)
  }
}
