// Parameter sweeps and gradients: what a variational loop pays per step.
//
//   swift run -c release --toolset Toolsets/native.json variational-benchmark [--repeat 7] [--threads 1,2] \
//       [--suite overhead,gradient] [--overhead-qubits 4,20] [--gradient-qubits 16,20]
//
// 1. Per-evaluation overhead: ⟨H⟩ of a hardware-efficient ansatz at 4 and 20 qubits, planned
//    afresh on every call (`StateVector.apply(circuit, bindings:)`) against a `CompiledCircuit`
//    bound to new values, one call at a time and as one batch.
// 2. One adjoint gradient against one forward evaluation (the compiled circuit's ⟨H⟩) at 16 and
//    20 qubits with 100+ parameters.
//
// Medians of `--repeat` runs after a warm-up; the machine is shared, so compare ratios.
import Entangle
import Foundation

struct Options {
  var repeats = 7
  var threads = [1, 2]
  var suites = ["overhead", "gradient"]
  var gradientQubits = [16, 20]
  var overheadQubits = [4, 20]

  init(_ arguments: [String]) {
    var index = 1
    while index + 1 < arguments.count {
      let value = arguments[index + 1]
      switch arguments[index] {
      case "--repeat": repeats = Int(value) ?? repeats
      case "--threads": threads = value.split(separator: ",").compactMap { Int($0) }
      case "--suite": suites = value.split(separator: ",").map(String.init)
      case "--gradient-qubits": gradientQubits = value.split(separator: ",").compactMap { Int($0) }
      case "--overhead-qubits": overheadQubits = value.split(separator: ",").compactMap { Int($0) }
      default: break
      }
      index += 2
    }
  }
}

/// RY and RZ on every qubit, then a CX ladder, `layers` times: 2·n·layers parameters.
func hardwareEfficientAnsatz(qubits n: Int, layers: Int) throws -> Circuit {
  try Circuit(qubits: n) {
    for layer in 0..<layers {
      for q in 0..<n {
        RY(Parameter("y\(layer)_\(q)"), q)
        RZ(Parameter("z\(layer)_\(q)"), q)
      }
      for q in 0..<n - 1 { CX(q, q + 1) }
    }
  }
}

/// Σ Z_q Z_{q+1} + 0.5 Σ X_q: an Ising chain in a transverse field.
func isingChain(qubits n: Int) throws -> PauliSum {
  var terms: [PauliSum.Term] = []
  for q in 0..<n - 1 { terms.append(.init(1, try PauliString([q: .z, q + 1: .z]))) }
  for q in 0..<n { terms.append(.init(0.5, try PauliString([q: .x]))) }
  return PauliSum(terms)
}

func bindings(_ names: [String], seed: Int) -> [String: Double] {
  Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, 0.1 * Double(($0 * 7 + seed * 13) % 31) - 1.5) })
}

func median(_ values: [Double]) -> Double {
  let sorted = values.sorted()
  return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}

/// The median seconds of `body` over `repeats` runs, after one warm-up run.
func time(_ repeats: Int, _ body: () throws -> Void) rethrows -> Double {
  try body()
  var times: [Double] = []
  for _ in 0..<repeats {
    let start = ContinuousClock.now
    try body()
    let elapsed = ContinuousClock.now - start
    times.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
  }
  return median(times)
}

func format(_ seconds: Double) -> String {
  seconds < 1e-3 ? String(format: "%.1f µs", seconds * 1e6) : String(format: "%.2f ms", seconds * 1e3)
}

let options = Options(CommandLine.arguments)

if options.suites.contains("overhead") {
print("## Per-evaluation overhead: planned afresh against compiled and bound")
print("| n | layers | parameters | threads | fresh plan per call | compiled, per call | compiled, batch of 32 (per binding) | fresh ÷ compiled |")
print("|---|---|---|---|---|---|---|---|")
for n in options.overheadQubits {
  let layers = 2
  let circuit = try hardwareEfficientAnsatz(qubits: n, layers: layers)
  let observable = try isingChain(qubits: n)
  let compiled = try CompiledCircuit(circuit)
  let names = compiled.parameterNames
  let batch = (0..<32).map { bindings(names, seed: $0) }
  for threads in options.threads {
    var state = try StateVector(qubits: n)
    state.threadCount = threads
    var seed = 0
    let fresh = try time(options.repeats) {
      seed += 1
      try state.setBasisState(0)
      try state.apply(circuit, bindings: bindings(names, seed: seed))
      _ = try state.expectation(of: observable)
    }
    let reused = try time(options.repeats) {
      seed += 1
      try state.setBasisState(0)
      try state.apply(compiled, bindings: bindings(names, seed: seed))
      _ = try state.expectation(of: observable)
    }
    let batched = try time(options.repeats) {
      _ = try compiled.expectationValues(of: observable, forEach: batch, threads: threads)
    } / Double(batch.count)
    print("| \(n) | \(layers) | \(names.count) | \(threads) | \(format(fresh)) | \(format(reused)) | \(format(batched)) | \(String(format: "%.2f", fresh / reused)) |")
  }
}

}

if options.suites.contains("gradient") {
print("\n## One adjoint gradient against one forward evaluation")
print("| n | layers | parameters | threads | circuit | ⟨H⟩ | forward (both) | adjoint gradient | gradient ÷ forward |")
print("|---|---|---|---|---|---|---|---|---|")
for n in options.gradientQubits {
  let layers = n <= 16 ? 4 : 3
  let circuit = try hardwareEfficientAnsatz(qubits: n, layers: layers)
  let observable = try isingChain(qubits: n)
  let compiled = try CompiledCircuit(circuit)
  let values = bindings(compiled.parameterNames, seed: 1)
  for threads in options.threads {
    var state = try StateVector(qubits: n)
    state.threadCount = threads
    let circuitTime = try time(options.repeats) {
      try state.setBasisState(0)
      try state.apply(compiled, bindings: values)
    }
    let observableTime = try time(options.repeats) { _ = try state.expectation(of: observable) }
    let forward = try time(options.repeats) {
      _ = try compiled.expectationValues(of: observable, forEach: [values], threads: threads)
    }
    let gradient = try time(options.repeats) {
      _ = try compiled.gradient(of: observable, at: values, threads: threads)
    }
    print(
      "| \(n) | \(layers) | \(compiled.parameterNames.count) | \(threads) | \(format(circuitTime)) | \(format(observableTime)) "
        + "| \(format(forward)) | \(format(gradient)) | \(String(format: "%.2f", gradient / forward)) |")
  }
}
}
