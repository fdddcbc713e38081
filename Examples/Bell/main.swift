// Bell and GHZ states: the first circuits anyone runs.
//
//   swift run bell [qubits]
//
// Prepares (|0…0⟩ + |1…1⟩)/√2 on n qubits (n = 2 is the Bell state), prints its
// amplitudes, 1000 sampled shots, and ⟨Z⊗Z⟩ and ⟨X⊗…⊗X⟩, which are 1 for this state.
import Entangle

let qubits = CommandLine.arguments.dropFirst().first.flatMap { Int($0) } ?? 3
do {
  let ghz = try Circuit(qubits: qubits) {
    H(0)
    for q in 1..<qubits { CX(q - 1, q) }
  }
  var state = try StateVector(qubits: qubits)
  try state.apply(ghz)

  print("GHZ state on \(qubits) qubits (qubit 0 rightmost):")
  for (index, probability) in state.probabilities().enumerated() where probability > 1e-12 {
    let bits = String((0..<qubits).reversed().map { index >> $0 & 1 == 1 ? "1" : "0" })
    print("  |\(bits)⟩  amplitude \(try state.amplitude(of: index).real)  probability \(probability)")
  }

  print("\n1000 shots (seed 7):")
  for (bits, count) in try state.counts(shots: 1000, seed: 7).sorted(by: { $0.key < $1.key }) {
    print("  \(bits)  \(count)  " + String(repeating: "█", count: count / 20))
  }

  let zz = try state.expectation(of: PauliString([0: .z, 1: .z]))
  let allX = try state.expectation(of: PauliString(Dictionary(uniqueKeysWithValues: (0..<qubits).map { ($0, Pauli.x) })))
  print("\n⟨Z₀Z₁⟩ = \(zz)")
  print("⟨X…X⟩ = \(allX)")
} catch {
  print("error: \(error)")
}
