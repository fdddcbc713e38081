// One pass of each kernel class, timed, next to the machine's memory bandwidth.
//
//   swift run -c release --toolset Toolsets/native.json kernel-benchmark \
//       [--qubits 20,24,26] [--threads 1,2] [--repeat 5] [--precision double,single] \
//       [--stream 1=47,2=90] [--qft 24] [--suite kernels,placements,calls,qft]
//       [--kernels "dense 1q,CX"] [--targets 0,5,12]
//
// A pass over a state of n qubits reads and writes every amplitude once: 32·2^n bytes in
// double precision, 16·2^n in single. Effective bandwidth = those bytes / median time, and
// `--stream` gives the read-modify-write bandwidth that Benchmarks/Peers/stream.c measured
// (GB/s per thread count) so the table shows the fraction of the limit each kernel reaches.
// Controlled gates and permutations touch less memory than a full pass; their column still
// uses the full-pass bytes, so it reads as "passes per second" in bandwidth units.
//
// The `placements` suite times dense 2- to 5-qubit gates on low, mixed and high target sets
// and divides by a one-qubit pass on target n/2 (the unit a fusion pass's cost model uses).
// The `calls` suite times 200 dense gates on small states (n = 10 and 16, the sizes of
// cache-resident blocks), per gate: as one circuit (one plan, which fuses) and as one
// `apply(_:to:)` call each (a plan per gate: the per-gate overhead). `qulacs-per-gate.py`
// times Qulacs on the same gates.
import Entangle
import Foundation

struct Options {
  var qubits = [20, 24, 26]
  var threads = [1, 2]
  var repeats = 5
  var precisions = ["double", "single"]
  var stream: [Int: Double] = [:]
  var qftQubits = 24
  var suites = ["kernels", "qft"]
  var kernels: [String]? = nil
  var targets: [Int]? = nil

  init(arguments: [String]) {
    var iterator = arguments.makeIterator()
    while let flag = iterator.next() {
      guard let value = iterator.next() else { break }
      let list = value.split(separator: ",").map(String.init)
      switch flag {
      case "--qubits": qubits = list.compactMap { Int($0) }
      case "--threads": threads = list.compactMap { Int($0) }
      case "--repeat": repeats = Int(value) ?? repeats
      case "--precision": precisions = list
      case "--qft": qftQubits = Int(value) ?? qftQubits
      case "--suite": suites = list
      case "--kernels": kernels = list
      case "--targets": targets = list.compactMap { Int($0) }
      case "--stream":
        for pair in list {
          let parts = pair.split(separator: "=")
          if parts.count == 2, let t = Int(parts[0]), let gbps = Double(parts[1]) { stream[t] = gbps }
        }
      default: FileHandle.standardError.write(Data("unknown option \(flag)\n".utf8))
      }
    }
  }
}

/// A kernel class and the gate that exercises it on target `t` of `n` qubits.
struct KernelCase: Sendable {
  let name: String
  let gate: @Sendable (Int, Int) -> (Gate, [Int], [Int])

  static func hadamards(_ k: Int) -> Matrix {
    (1..<k).reduce(GateMatrices.h) { product, _ in product.tensor(GateMatrices.h) }
  }

  static let all: [KernelCase] = [
    KernelCase(name: "dense 1q") { t, _ in (.u(theta: 0.3, phi: 0.2, lambda: 0.1), [t], []) },
    KernelCase(name: "dense 2q") { t, n in (.rxx(0.3), [t, (t + 1) % n], []) },
    KernelCase(name: "dense 3q") { t, n in (.unitary(hadamards(3)), (0..<3).map { (t + $0) % n }, []) },
    KernelCase(name: "dense 4q") { t, n in (.unitary(hadamards(4)), (0..<4).map { (t + $0) % n }, []) },
    KernelCase(name: "dense 5q") { t, n in (.unitary(hadamards(5)), (0..<5).map { (t + $0) % n }, []) },
    KernelCase(name: "diagonal") { t, _ in (.rz(0.3), [t], []) },
    KernelCase(name: "perm X") { t, _ in (.x, [t], []) },
    KernelCase(name: "CX") { t, _ in (.x, [t], [t == 0 ? 1 : 0]) },
    KernelCase(name: "CRY") { t, _ in (.ry(0.3), [t], [t == 0 ? 1 : 0]) },
  ]
}

enum GateMatrices {
  static let h = try! Gate.h.matrix()

  /// A dense k-qubit unitary with no zero entries: a tensor product of distinct U gates.
  static func dense(_ k: Int) -> Matrix {
    (0..<k).map { try! Gate.u(theta: 0.3 + 0.2 * Double($0), phi: 0.1 * Double($0), lambda: 0.7).matrix() }
      .reduce(nil as Matrix?) { $0?.tensor($1) ?? $1 }!
  }
}

/// Target sets for dense k-qubit gates: all low, low and high mixed, spread, all high.
func placements(qubits n: Int) -> [[Int]] {
  let sets: [[Int]] = [
    [0, 1], [1, 2], [2, 3], [3, 4], [0, n - 1], [5, 12], [n - 2, n - 1],
    [0, 1, 2], [1, 2, 3], [2, 3, 4], [3, 4, 5], [0, 5, 12], [n - 3, n - 2, n - 1],
    [0, 1, 2, 3], [1, 2, 3, 4], [2, 3, 4, 5], [0, 5, 12, n - 1], [4, 5, 6, 7], Array(n - 4..<n),
    [0, 1, 2, 3, 4], [1, 2, 3, 4, 5], [2, 3, 4, 5, 6], [0, 1, 5, 12, n - 1], [5, 6, 7, 8, 9],
    Array(n - 5..<n),
  ]
  return sets.filter { Set($0).count == $0.count && $0.allSatisfy { $0 < n } }
}

func timeGate<Scalar: AmplitudeScalar>(
  _ scalar: Scalar.Type, qubits n: Int, threads: Int, repeats: Int, _ gate: Gate, targets: [Int]
) throws -> Double {
  var state = try StateVector<Scalar>(qubits: n)
  state.threadCount = threads
  try state.apply(gate, to: targets)  // warm-up: faults pages in
  var times: [Double] = []
  for _ in 0..<repeats {
    let start = ContinuousClock.now
    try state.apply(gate, to: targets)
    times.append(seconds(ContinuousClock.now - start))
  }
  return median(times)
}

/// Dense gates by placement, in milliseconds and in one-qubit passes.
func placementTable(_ options: Options) throws {
  print("\n| n | precision | threads | targets | median ms | passes |")
  print("|---|---|---|---|---|---|")
  let matrices = (2...5).map { Gate.unitary(GateMatrices.dense($0)) }
  for n in options.qubits {
    for precision in options.precisions {
      for threads in options.threads {
        func time(_ gate: Gate, _ targets: [Int]) throws -> Double {
          precision == "single"
            ? try timeGate(Float.self, qubits: n, threads: threads, repeats: options.repeats, gate, targets: targets)
            : try timeGate(Double.self, qubits: n, threads: threads, repeats: options.repeats, gate, targets: targets)
        }
        let pass = try time(.u(theta: 0.3, phi: 0.2, lambda: 0.1), [n / 2])
        print("| \(n) | \(precision) | \(threads) | 1q [\(n / 2)] | " + String(format: "%.3f | 1.00 |", pass * 1e3))
        for targets in placements(qubits: n) {
          let t = try time(matrices[targets.count - 2], targets)
          let list = targets.map(String.init).joined(separator: ",")
          print("| \(n) | \(precision) | \(threads) | \(targets.count)q [\(list)] | "
            + String(format: "%.3f | %.2f |", t * 1e3, t / pass))
        }
      }
    }
  }
}

func median(_ values: [Double]) -> Double {
  let sorted = values.sorted()
  return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}

func seconds(_ duration: Duration) -> Double {
  Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
}

func timePasses<Scalar: AmplitudeScalar>(
  _ scalar: Scalar.Type, qubits n: Int, threads: Int, repeats: Int, _ kernel: KernelCase, target: Int
) throws -> Double {
  var state = try StateVector<Scalar>(qubits: n)
  state.threadCount = threads
  let (gate, targets, controls) = kernel.gate(target, n)
  try state.apply(gate, to: targets, controls: controls)  // warm-up: faults pages in, caches plans
  var times: [Double] = []
  for _ in 0..<repeats {
    let start = ContinuousClock.now
    try state.apply(gate, to: targets, controls: controls)
    times.append(seconds(ContinuousClock.now - start))
  }
  return median(times)
}

let options = Options(arguments: Array(CommandLine.arguments.dropFirst()))
do {
  if options.suites.contains("kernels") { try kernelTable(options) }
  if options.suites.contains("placements") { try placementTable(options) }
  if options.suites.contains("calls") { try callTable(options) }
  if options.suites.contains("qft") { try fourierTable(options) }
} catch {
  print("error: \(error)")
  exit(1)
}

/// Microseconds per dense gate in a circuit of 200 on a small state, one thread.
func callTable(_ options: Options) throws {
  print("\n| n | precision | targets | µs per gate, one circuit | µs per gate, one call each |")
  print("|---|---|---|---|---|")
  let gateCount = 200
  for n in [10, 16] {
    for precision in options.precisions {
      for k in 1...5 {
        for targets in [Array(0..<k), Array(n - k..<n)] {
          let gate = Gate.unitary(GateMatrices.dense(k))
          let circuit = try Circuit(
            qubits: n, operations: Array(repeating: .gate(gate, on: targets), count: gateCount))
          /// The fastest of the runs of `body`, after one warm-up run.
          func fastest(_ body: () throws -> Void) throws -> Double {
            try body()
            var times: [Double] = []
            for _ in 0..<max(options.repeats, 5) {
              let start = ContinuousClock.now
              try body()
              times.append(seconds(ContinuousClock.now - start))
            }
            return times.min()!
          }
          // The whole circuit in one plan (fused), and one `apply(_:to:)` per gate (a plan each).
          func time<Scalar: AmplitudeScalar>(_ scalar: Scalar.Type) throws -> (Double, Double) {
            var state = try StateVector<Scalar>(qubits: n)
            state.threadCount = 1
            let whole = try fastest { try state.apply(circuit) }
            let each = try fastest { for _ in 0..<gateCount { try state.apply(gate, to: targets) } }
            return (whole, each)
          }
          let (whole, each) = precision == "single" ? try time(Float.self) : try time(Double.self)
          let list = targets.map(String.init).joined(separator: ",")
          print("| \(n) | \(precision) | [\(list)] | "
            + String(format: "%.2f | %.2f |", whole / Double(gateCount) * 1e6, each / Double(gateCount) * 1e6))
        }
      }
    }
  }
}

/// One pass of each kernel class on a few targets, with its effective bandwidth.
func kernelTable(_ options: Options) throws {
  print("| n | precision | threads | kernel | " + "target | median ms | GB/s | % of stream |")
  print("|---|---|---|---|---|---|---|---|")
  for n in options.qubits {
    for precision in options.precisions {
      for threads in options.threads {
        for kernel in KernelCase.all where options.kernels?.contains(kernel.name) ?? true {
          for target in options.targets ?? Array(Set([0, 1, 2, 5, 12, n - 1])).sorted() where target < n {
            let time =
              precision == "single"
              ? try timePasses(Float.self, qubits: n, threads: threads, repeats: options.repeats, kernel, target: target)
              : try timePasses(Double.self, qubits: n, threads: threads, repeats: options.repeats, kernel, target: target)
            let bytes = Double(precision == "single" ? 16 : 32) * Double(1 << n)
            let gbps = bytes / time / 1e9
            let fraction = options.stream[threads].map { String(format: "%.0f%%", 100 * gbps / $0) } ?? "–"
            print("| \(n) | \(precision) | \(threads) | \(kernel.name) | \(target) | "
              + String(format: "%.3f | %.1f | ", time * 1e3, gbps) + fraction + " |")
          }
        }
      }
    }
  }
}

/// The QFT over the whole register: one FFTW transform against the textbook circuit.
func fourierTable(_ options: Options) throws {
  let n = options.qftQubits
  let all = Array(0..<n)
  let textbook = try Circuit(qubits: n) {
    for j in all.reversed() {
      H(j)
      for m in (0..<j).reversed() { CP(Double.pi / Double(1 << (j - m)), j, m) }
    }
    for i in 0..<n / 2 { Swap(i, n - 1 - i) }
  }
  print("\n| n | threads | QFT via FFTW s | textbook circuit s (\(textbook.operations.count) gates) | speed-up |")
  print("|---|---|---|---|---|")
  for threads in options.threads {
    var state = try StateVector(qubits: n)
    state.threadCount = threads
    try state.apply(Circuit(qubits: n) { for q in all { H(q) } })
    var fftw: [Double] = [], gates: [Double] = []
    try state.apply(Circuit(qubits: n) { QFT(all) })  // plan once
    for _ in 0..<3 {
      var start = ContinuousClock.now
      try state.apply(Circuit(qubits: n) { QFT(all) })
      fftw.append(seconds(ContinuousClock.now - start))
      start = ContinuousClock.now
      try state.apply(textbook)
      gates.append(seconds(ContinuousClock.now - start))
    }
    print("| \(n) | \(threads) | " + String(format: "%.3f | %.3f | %.1f× |", median(fftw), median(gates), median(gates) / median(fftw)))
  }
}
