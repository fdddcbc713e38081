import EntangleCircuits
import ComplexModule
import EntangleTestSupport
import EntangleSimulation
import Testing

/// Every kernel class against the dense reference simulator, on seeded random circuits.
@Suite("Simulating circuits against the dense reference")
struct CircuitSimulationTests {
  static let classes: [RandomCircuit.GateClass] = RandomCircuit.GateClass.allCases

  @Test("each gate class on every qubit position, n = 1…8", arguments: classes, [1, 2, 3, 5, 8])
  func gateClass(_ gateClass: RandomCircuit.GateClass, qubits: Int) throws {
    if gateClass == .twoQubit && qubits < 2 { return }
    for seed in UInt64(0)..<4 {
      let circuit = RandomCircuit.make(
        qubits: qubits, gates: 40, seed: seed * 31 + UInt64(qubits), classes: [gateClass],
        maximumUnitaryQubits: min(5, qubits))
      let input = RandomState.make(qubits: qubits, seed: seed)
      let expected = try ReferenceSimulator.run(circuit, from: input)
      var state = try StateVector(amplitudes: input)
      try state.apply(circuit)
      #expect(maxDifference(state.amplitudes, expected) < 1e-12, "seed \(seed)")
    }
  }

  @Test("mixed random circuits in single precision agree to 1e-5", arguments: [2, 4, 7])
  func singlePrecision(qubits: Int) throws {
    let circuit = RandomCircuit.make(qubits: qubits, gates: 60, seed: 99, maximumUnitaryQubits: min(5, qubits))
    let input = RandomState.make(qubits: qubits, seed: 5)
    let expected = try ReferenceSimulator.run(circuit, from: input)
    var state = try StateVector<Float>(amplitudes: input.map { Complex(Float($0.real), Float($0.imaginary)) })
    try state.apply(circuit)
    let actual = state.amplitudes.map { Complex(Double($0.real), Double($0.imaginary)) }
    #expect(maxDifference(actual, expected) < 1e-5)
  }

  @Test("symbolic circuits run with bindings")
  func boundParameters() throws {
    let circuit = RandomCircuit.make(qubits: 4, gates: 30, seed: 3, classes: [.rotation, .generalSingleQubit, .twoQubit], symbols: ["a", "b"])
    let bindings = ["a": 0.7, "b": -1.3]
    let expected = try ReferenceSimulator.run(circuit.bound(to: bindings))
    var state = try StateVector(qubits: 4)
    try state.apply(circuit, bindings: bindings)
    #expect(maxDifference(state.amplitudes, expected) < 1e-12)
  }

  @Test("the norm stays 1 over 10,000 random gates")
  func normPreservation() throws {
    let circuit = RandomCircuit.make(qubits: 10, gates: 10_000, seed: 2026)
    var state = try StateVector(amplitudes: RandomState.make(qubits: 10, seed: 1))
    try state.apply(circuit)
    #expect(abs(state.normSquared - 1) < 1e-10)
  }

  @Test("a circuit followed by its inverse is the identity")
  func inverse() throws {
    let circuit = RandomCircuit.make(qubits: 6, gates: 200, seed: 8)
    let input = RandomState.make(qubits: 6, seed: 9)
    var state = try StateVector(amplitudes: input)
    try state.apply(circuit)
    try state.apply(circuit.inverse())
    #expect(maxDifference(state.amplitudes, input) < 1e-11)
  }

  @Test("the QFT block equals the textbook gates, on qubit subsets in any order",
        arguments: [[0, 1, 2, 3, 4, 5, 6], [0, 1, 2], [4, 5, 6], [1, 3, 6], [6, 5, 4, 3, 2, 1, 0], [5, 0, 2, 3], [3]])
  func fourierBlock(qubits subset: [Int]) throws {
    let n = 7
    let input = RandomState.make(qubits: n, seed: UInt64(subset.count))
    for swaps in [true, false] {
      for inverse in [false, true] {
        let block = try Circuit(qubits: n) {
          if inverse { IQFT(subset, swaps: swaps) } else { QFT(subset, swaps: swaps) }
        }
        let textbook = try Self.textbookFourier(on: subset, qubits: n, swaps: swaps, inverse: inverse)
        let expected = try ReferenceSimulator.run(textbook, from: input)
        var state = try StateVector(amplitudes: input)
        try state.apply(block)
        #expect(maxDifference(state.amplitudes, expected) < 1e-12, "swaps \(swaps) inverse \(inverse)")
        // The same block with an extra control runs through its gates; check it against the reference too.
        if let control = (0..<n).first(where: { !subset.contains($0) }) {
          var controlled = try StateVector(amplitudes: input)
          try controlled.apply(block.controlled(by: [control]))
          let reference = try ReferenceSimulator.run(textbook.controlled(by: [control]), from: input)
          #expect(maxDifference(controlled.amplitudes, reference) < 1e-12)
        }
      }
    }
  }

  /// Qiskit's QFT circuit over `subset` (subset[i] is the block's qubit i): H and CP(π/2^(j−m)), then swaps.
  static func textbookFourier(on subset: [Int], qubits n: Int, swaps: Bool, inverse: Bool) throws -> Circuit {
    let k = subset.count
    let forward = try Circuit(qubits: n) {
      for j in (0..<k).reversed() {
        H(subset[j])
        for m in (0..<j).reversed() { CP(Double.pi / Double(1 << (j - m)), subset[j], subset[m]) }
      }
      if swaps {
        for i in 0..<k / 2 { Swap(subset[i], subset[k - 1 - i]) }
      }
    }
    return inverse ? try forward.inverse() : forward
  }
}
