import EntangleCircuits
import ComplexModule
import EntangleTestSupport
import RealModule
import Testing

/// Qiskit's QFT circuit (qiskit.circuit.library.QFT) on qubits 0..<k:
/// for j in reversed(range(k)): h(j); for m in reversed(range(j)): cp(π/2^(j−m), j, m); then swap(i, k−1−i).
func textbookFourierCircuit(qubits k: Int, swaps: Bool) throws -> Circuit {
  try Circuit(qubits: k) {
    for j in (0..<k).reversed() {
      H(j)
      for m in (0..<j).reversed() { CP(Double.pi / Double(1 << (j - m)), j, m) }
    }
    if swaps {
      for q in 0..<(k / 2) { Swap(q, k - 1 - q) }
    }
  }
}

let fourierCases: [(Int, Bool)] = (1...5).flatMap { k in [(k, true), (k, false)] }

@Suite("The quantum Fourier transform")
struct FourierTests {
  @Test("qft equals Qiskit's gate-by-gate circuit", arguments: fourierCases)
  func matchesTextbookCircuit(_ k: Int, _ swaps: Bool) throws {
    let textbook = try ReferenceSimulator.unitary(of: textbookFourierCircuit(qubits: k, swaps: swaps))
    #expect(try maxDifference(gateMatrix(.qft(qubitCount: k, swaps: swaps)), textbook) < tolerance)
  }

  @Test("iqft is the adjoint of the textbook circuit", arguments: fourierCases)
  func inverseMatchesAdjoint(_ k: Int, _ swaps: Bool) throws {
    let textbook = try ReferenceSimulator.unitary(of: textbookFourierCircuit(qubits: k, swaps: swaps))
    #expect(try maxDifference(gateMatrix(.qft(qubitCount: k, swaps: swaps, inverse: true)), textbook.adjoint) < tolerance)
  }

  @Test("QFT then IQFT is the identity on a register inside a larger circuit", arguments: fourierCases)
  func roundTrip(_ k: Int, _ swaps: Bool) throws {
    let qubits = Array([4, 1, 5, 0, 2].prefix(k))
    let u = try referenceUnitary(qubits: 6) {
      QFT(qubits, swaps: swaps)
      IQFT(qubits, swaps: swaps)
    }
    #expect(maxDifference(u, .identity(64)) < tolerance)
  }

  @Test("QFT with swaps maps |j⟩ to Σ_m e^{2πi·jm/N}/√N |m⟩, qubit 0 least significant", arguments: [1, 2, 3, 4])
  func analyticMatrix(_ k: Int) throws {
    let n = 1 << k
    var expected = DenseMatrix(zeros: n)
    for m in 0..<n {
      for j in 0..<n { expected[m, j] = expi(2 * .pi * Double(j * m) / Double(n)) / c(Double(n).squareRoot()) }
    }
    #expect(try maxDifference(gateMatrix(.qft(qubitCount: k)), expected) < tolerance)
  }

  @Test("without swaps the output index is bit-reversed")
  func bitReversedOutput() throws {
    // k = 3: output basis state m appears at index reverse(m).
    let reverse = [0, 4, 2, 6, 1, 5, 3, 7]
    let withSwaps = try gateMatrix(.qft(qubitCount: 3))
    let without = try gateMatrix(.qft(qubitCount: 3, swaps: false))
    for m in 0..<8 {
      for j in 0..<8 { #expect((without[reverse[m], j] - withSwaps[m, j]).length < tolerance) }
    }
  }

  @Test("QFT on a permuted qubit subset equals the textbook circuit placed with on(_:)")
  func permutedSubset() throws {
    let qubits = [3, 0, 2]
    for swaps in [true, false] {
      let textbook = try textbookFourierCircuit(qubits: 3, swaps: swaps)
      let expected = try referenceUnitary(qubits: 4) { textbook.on(qubits) }
      let actual = try referenceUnitary(qubits: 4) { QFT(qubits, swaps: swaps) }
      #expect(maxDifference(actual, expected) < tolerance)
      let inverse = try referenceUnitary(qubits: 4) { IQFT(qubits, swaps: swaps) }
      #expect(maxDifference(inverse, expected.adjoint) < tolerance)
    }
  }

  @Test("QFT of |1⟩ on three qubits has amplitudes e^{2πi m/8}/√8")
  func stateOfOne() throws {
    let state = try ReferenceSimulator.run(Circuit(qubits: 3) { QFT([0, 1, 2]) }, from: ReferenceSimulator.basisState(1, qubits: 3))
    let expected = (0..<8).map { m in expi(2 * .pi * Double(m) / 8) / c(8.0.squareRoot()) }
    #expect(maxDifference(state, expected) < tolerance)
  }
}
