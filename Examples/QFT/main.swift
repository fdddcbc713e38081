// The quantum Fourier transform, two ways.
//
//   swift run qft-demo [qubits]
//
// Prepares a periodic state (period 2^k/8), applies the QFT as one FFTW transform and as
// the textbook circuit of Hadamards and controlled phases, checks that both agree, and shows
// the peaks the QFT puts at multiples of 2^k/period.
import Entangle
import Foundation

let qubits = CommandLine.arguments.dropFirst().first.flatMap { Int($0) } ?? 10
do {
  // |ψ⟩ ∝ Σ_j |8j⟩: every eighth basis state, a state of period 8.
  let prepare = try Circuit(qubits: qubits) {
    for q in 3..<qubits { H(q) }
  }
  let all = Array(0..<qubits)
  var viaFFTW = try StateVector(qubits: qubits)
  try viaFFTW.apply(prepare)
  var viaGates = viaFFTW

  // FFTW plans a transform shape once per process; plan outside the timed run.
  var warmUp = viaFFTW
  try warmUp.apply(Circuit(qubits: qubits) { QFT(all) })

  var clock = ContinuousClock.now
  try viaFFTW.apply(Circuit(qubits: qubits) { QFT(all) })
  let fftwTime = ContinuousClock.now - clock

  let textbook = try Circuit(qubits: qubits) {
    for j in all.reversed() {
      H(j)
      for m in (0..<j).reversed() { CP(Double.pi / Double(1 << (j - m)), j, m) }
    }
    for i in 0..<qubits / 2 { Swap(i, qubits - 1 - i) }
  }
  clock = ContinuousClock.now
  try viaGates.apply(textbook)
  let gateTime = ContinuousClock.now - clock

  print("QFT on \(qubits) qubits of a state with period 8")
  print("  FFTW transform (planned beforehand): \(fftwTime)   textbook circuit (\(textbook.operations.count) gates): \(gateTime)")
  print("  fidelity between the two: \(try viaFFTW.fidelity(with: viaGates))")
  print("  peaks (basis state: probability), expected at multiples of 2^\(qubits)/8:")
  for (index, probability) in viaFFTW.probabilities().enumerated() where probability > 1e-6 {
    print("    \(index): \((probability * 1e4).rounded() / 1e4)")
  }
  var restored = viaFFTW
  try restored.apply(Circuit(qubits: qubits) { IQFT(all) })
  var original = try StateVector(qubits: qubits)
  try original.apply(prepare)
  print("  IQFT·QFT gives back the input with fidelity \(try restored.fidelity(with: original))")
} catch {
  print("error: \(error)")
}
