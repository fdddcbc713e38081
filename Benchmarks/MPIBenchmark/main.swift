// Throughput of 1,000 ten-qubit expectation tasks through the MPI executor, the workload of
// runtime-benchmark: rank 0 runs the task graph, the other ranks simulate.
//
//   mpirun -np 3 --oversubscribe mpi-benchmark [repeats]     (as root: OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1)
//   mpi-benchmark [repeats]                                    (one process: the in-process LocalExecutor, one thread)
import Entangle
import EntangleMPI
import Foundation

let repeats = CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 5
let world = try MPICommunicator.world()

let qubits = 10
let ansatz = try Circuit(qubits: qubits) {
  for layer in 0..<3 {
    for q in 0..<qubits { RY(Parameter("t\(layer)_\(q)"), q) }
    for q in 0..<(qubits - 1) { CX(q, q + 1) }
  }
}
var terms = (0..<(qubits - 1)).map { q in PauliSum.Term(1, try! PauliString([q: .z, q + 1: .z])) }
terms.append(PauliSum.Term(0.5, try PauliString(Dictionary(uniqueKeysWithValues: (0..<qubits).map { ($0, Pauli.x) }))))
let hamiltonian = PauliSum(terms)
var generator = SeededRandomNumberGenerator(seed: 42)
let bindings = (0..<1000).map { _ in
  Dictionary(uniqueKeysWithValues: ansatz.parameterNames.map { ($0, Double.random(in: -.pi ... .pi, using: &generator)) })
}

func seconds(_ duration: Duration) -> Double {
  Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
}

if world.rank == 0 {
  let executor: any QuantumExecutor =
    world.size > 1 ? try MPIExecutor(world: world) : LocalExecutor(resources: ResourceBudget(memoryBytes: 1 << 30, threads: 1))
  var times: [Double] = []
  var reference: [Double] = []
  for repeat_ in 0...repeats {
    var graph = TaskGraph()
    let energies = bindings.enumerated().map { index, binding in
      graph.quantum("energy\(index)", QuantumJob(ansatz, bindings: binding, request: .expectation(hamiltonian)))
    }
    let start = ContinuousClock.now
    let results = try await GraphRun(graph, executor: executor).run()
    let elapsed = seconds(ContinuousClock.now - start)
    let values = try energies.map { try results.value(of: $0).expectationValue() }
    if repeat_ == 0 { reference = values } else { times.append(elapsed) }  // the first run warms up
    precondition(values == reference, "results differ between runs")
  }
  times.sort()
  let workers = world.size > 1 ? "\(world.size - 1) worker rank\(world.size == 2 ? "" : "s")" : "in-process, one thread"
  print(String(
    format: "mpi-benchmark: %d ranks (%@): 1,000 ten-qubit expectation tasks in %.3f s median (min %.3f, max %.3f), %.0f tasks/s; checksum %.12f",
    world.size, workers as NSString, times[times.count / 2], times[0], times[times.count - 1], 1000 / times[times.count / 2],
    reference.reduce(0, +)))
  if let mpi = executor as? MPIExecutor { try mpi.shutdown() }
} else {
  try await MPIExecutor.serveJobs(on: world, executor: LocalExecutor(resources: ResourceBudget(memoryBytes: 1 << 30, threads: 1)))
}
try world.finalize()
