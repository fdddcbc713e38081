import EntangleCircuits
import ComplexModule
import EntangleTestSupport
import RealModule
import Testing

@testable import EntangleSimulation

/// The adjoint gradient against the parameter-shift rule and central finite differences,
/// two methods that share nothing with it but the forward simulation.
@Suite("Gradients")
struct GradientTests {
  static let symbols = ["a", "b", "c", "d"]

  static func bindings(seed: UInt64) -> [String: Double] {
    var generator = SeededGenerator(seed: seed)
    return Dictionary(uniqueKeysWithValues: symbols.map { ($0, Double.random(in: -3..<3, using: &generator)) })
  }

  static func energy(_ circuit: Circuit, _ observable: PauliSum, _ bindings: [String: Double]) throws -> Double {
    var state = try StateVector(qubits: circuit.qubitCount)
    try state.apply(circuit, bindings: bindings)
    return try state.expectation(of: observable)
  }

  static func observable(qubits: Int, seed: UInt64) throws -> PauliSum {
    var generator = SeededGenerator(seed: seed)
    let letters: [Character] = ["I", "X", "Y", "Z"]
    return PauliSum(try (0..<5).map { _ in
      let text = String((0..<qubits).map { _ in letters.randomElement(using: &generator)! })
      return PauliSum.Term(Double.random(in: -1..<1, using: &generator), try PauliString(text))
    })
  }

  @Test("adjoint = parameter shift (1e-9) = central differences (1e-5) on seeded random ansätze", arguments: [3, 4, 5])
  func randomAnsatz(qubits: Int) throws {
    for seed in UInt64(1)...3 {
      let circuit = RandomCircuit.make(
        qubits: qubits, gates: 30, seed: seed &* 31 &+ UInt64(qubits),
        classes: [.fixed, .rotation, .generalSingleQubit, .twoQubit, .globalPhase], maximumExtraControls: 2,
        symbols: Self.symbols)
      let observable = try Self.observable(qubits: qubits, seed: seed)
      let values = Self.bindings(seed: seed)
      let compiled = try CompiledCircuit(circuit)
      let (value, adjoint) = try compiled.gradient(of: observable, at: values)
      #expect(abs(value - (try Self.energy(circuit, observable, values))) < 1e-12)
      let shift = try compiled.parameterShiftGradient(of: observable, at: values)
      let h = 1e-5
      for symbol in compiled.parameterNames {
        var up = values, down = values
        up[symbol]! += h
        down[symbol]! -= h
        let central = (try Self.energy(circuit, observable, up) - Self.energy(circuit, observable, down)) / (2 * h)
        #expect(abs(adjoint[symbol]! - shift[symbol]!) < 1e-9, "\(symbol), seed \(seed)")
        #expect(abs(adjoint[symbol]! - central) < 1e-5, "\(symbol), seed \(seed)")
      }
    }
  }

  @Test("⟨Z⟩ after RY(θ) is cos θ; a shared symbol inside expressions sums its chain-rule terms")
  func analytic() throws {
    let theta = Parameter("theta")
    let single = try CompiledCircuit(try Circuit(qubits: 1) { RY(theta, 0) })
    for value in [-2.0, 0, 0.4, 1.3] {
      let (energy, gradient) = try single.gradient(of: PauliSum([(1, "Z")]), at: ["theta": value])
      #expect(abs(energy - .cos(value)) < 1e-14)
      #expect(abs(gradient["theta"]! + .sin(value)) < 1e-14)
    }
    // RY(2θ) then RY(θ²) on one qubit: ⟨Z⟩ = cos(2θ + θ²), d/dθ = −(2 + 2θ) sin(2θ + θ²).
    let shared = try CompiledCircuit(try Circuit(qubits: 1) { RY(2 * theta, 0); RY(theta * theta, 0) })
    let value = 0.7
    let (energy, gradient) = try shared.gradient(of: PauliSum([(1, "Z")]), at: ["theta": value])
    #expect(abs(energy - .cos(2 * value + value * value)) < 1e-14)
    #expect(abs(gradient["theta"]! + (2 + 2 * value) * .sin(2 * value + value * value)) < 1e-13)
  }

  @Test("a controlled rotation's derivative acts only where the control is 1")
  func controlledRotation() throws {
    // H on the control, CRX(θ) onto the target: ⟨Z_target⟩ = (1 + cos θ)/2.
    let theta = Parameter("theta")
    let compiled = try CompiledCircuit(try Circuit(qubits: 2) { H(0); CRX(theta, 0, 1) })
    let (energy, gradient) = try compiled.gradient(of: PauliSum([(1, "ZI")]), at: ["theta": 0.9])
    #expect(abs(energy - (1 + .cos(0.9)) / 2) < 1e-14)
    #expect(abs(gradient["theta"]! + .sin(0.9) / 2) < 1e-14)
  }

  @Test("measurements and conditioned gates have no gradient: a typed error")
  func notDifferentiable() throws {
    let circuit = try Circuit(qubits: 1, bits: 1) { RX(Parameter("a"), 0); Measure(0, into: 0) }
    #expect(throws: SimulationError.notDifferentiable(operation: "measure qubit 0 into bit 0")) {
      try CompiledCircuit(circuit).gradient(of: PauliSum([(1, "Z")]), at: ["a": 1])
    }
  }
}
