// Checks of EntangleMPI that need several processes: `mpirun -np 3 --oversubscribe mpi-checks`.
// Every rank runs the same checks; a failure prints the rank and the check and exits 1.
import Entangle
import EntangleMPI
import Foundation

func check(_ condition: Bool, _ what: String, rank: Int) {
  guard !condition else { return }
  FileHandle.standardError.write(Data("mpi-checks: rank \(rank): FAILED: \(what)\n".utf8))
  exit(1)
}

let world = try MPICommunicator.world()
let rank = world.rank
check(world.size >= 2, "needs at least 2 ranks, got \(world.size)", rank: rank)

// Ring: every rank sends its rank (as bytes) to the next and receives from the previous.
let next = (rank + 1) % world.size, previous = (rank + world.size - 1) % world.size
try world.send(Array("hello from \(rank)".utf8), to: next, tag: 7)
let message = try world.receive(from: previous, tag: 7)
check(String(decoding: message.bytes, as: UTF8.self) == "hello from \(previous)", "ring message from \(previous)", rank: rank)
check(message.source == previous && message.tag == 7, "ring source and tag", rank: rank)

// A large message (8 MiB) arrives intact.
if rank == 0 {
  let large = (0..<(8 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 31) }
  try world.send(large, to: 1, tag: 9)
} else if rank == 1 {
  let large = try world.receive(from: 0, tag: 9)
  check(large.bytes.count == 8 << 20, "large message size", rank: rank)
  check(large.bytes.enumerated().allSatisfy { $0.element == UInt8(truncatingIfNeeded: $0.offset &* 31) }, "large message bytes", rank: rank)
}

// A rank that does not exist is a typed error, not a crash.
do {
  try world.send([1], to: world.size, tag: 1)
  check(false, "sending to rank \(world.size) should fail", rank: rank)
} catch {
  check(error == .rankOutOfRange(rank: world.size, size: world.size), "typed error for a bad rank", rank: rank)
  // What Foundation's `localizedDescription` shows is the message itself, not "error 2".
  let expected = "rank \(world.size) is out of range; the communicator has \(world.size) ranks (0..<\(world.size))"
  check(error.localizedDescription == expected, "MPIError.localizedDescription, got \(error.localizedDescription)", rank: rank)
}
let workerFailure: any Error = MPIExecutorError.workerFailed(rank: 2, message: "out of memory")
check(
  workerFailure.localizedDescription == "rank 2 failed the job: out of memory",
  "MPIExecutorError.localizedDescription is its message, got \(workerFailure.localizedDescription)", rank: rank
)
check(try world.receiveIfAvailable(tag: 12345) == nil, "no message with an unused tag", rank: rank)

// The MPI executor: rank 0 offloads jobs to ranks 1 and 2; the results equal the in-process executor's.
let ansatz = try Circuit(qubits: 6) {
  for q in 0..<6 { RY(Parameter("a\(q)"), q) }
  for q in 0..<5 { CX(q, q + 1) }
  for q in 0..<6 { RZ(Parameter("b\(q)") * 2, q) }
}
let observable = try PauliSum("0.5 * ZZIIII + 0.25 * IIXXII - 1.5 * IIIIIY + 0.125 * ZIZIZI")
let bindings = (0..<12).map { seed in
  Dictionary(uniqueKeysWithValues: ansatz.parameterNames.enumerated().map { ($1, 0.3 * Double(($0 + 5 * seed) % 11) - 1.4) })
}
if rank == 0 {
  let executor = try MPIExecutor(world: world)
  let distributed = QuantumRuntime(executor: executor)
  let local = QuantumRuntime(executor: LocalExecutor())
  let remote = try await distributed.expectations(ansatz, bindings: bindings, observables: [observable])
  let here = try await local.expectations(ansatz, bindings: bindings, observables: [observable])
  check(remote == here, "MPI expectations equal the in-process ones exactly", rank: rank)
  let remoteGradient = try await distributed.gradient(ansatz, bindings: bindings[3], observable: observable)
  let localGradient = try await local.gradient(ansatz, bindings: bindings[3], observable: observable)
  check(remoteGradient.gradient == localGradient.gradient, "MPI gradient equals the in-process one", rank: rank)
  let counts = try await distributed.samples(ansatz, bindings: bindings[0], shots: 500, seed: 3)
  check(counts == (try await local.samples(ansatz, bindings: bindings[0], shots: 500, seed: 3)), "MPI samples", rank: rank)
  // A job the worker cannot run comes back as the worker's error, with its message.
  do {
    _ = try await distributed.expectation(ansatz, observable: observable)
    check(false, "an unbound parameter should fail on the worker", rank: rank)
  } catch let error as MPIExecutorError {
    guard case let .workerFailed(worker, message) = error else { check(false, "workerFailed expected", rank: rank); exit(1) }
    check(worker >= 1 && message.contains("has no value"), "worker error carries the cause: \(message)", rank: rank)
  }
  // A job larger than a worker is refused before it is sent.
  let small = try MPIExecutor(world: world, workerResources: ResourceBudget(memoryBytes: 1 << 9, threads: 1))
  let oversized = QuantumJob(ansatz, bindings: bindings[0], request: .probabilities)
  do {
    _ = try await small.run(oversized)
    check(false, "a job larger than a worker should be refused", rank: rank)
  } catch let error as MPIExecutorError {
    check(error == .tooLargeForWorker(needed: oversized.memoryBytes, available: 1 << 9), "typed refusal: \(error)", rank: rank)
  }
  // A task graph on the MPI executor: every quantum task ran on a worker rank, and the trace
  // has one process per rank.
  var graph = TaskGraph()
  let energies = bindings.enumerated().map { index, binding in
    graph.quantum("energy\(index)", QuantumJob(ansatz, bindings: binding, request: .expectation(observable)))
  }
  let results = try await GraphRun(graph, executor: executor).run()
  for (index, energy) in energies.enumerated() {
    check(try results.value(of: energy).expectationValue() == here[index][0], "graph energy \(index) on MPI", rank: rank)
  }
  let ranks = Set(results.records.filter(\.isQuantum).map(\.rank))
  check(!ranks.isEmpty && ranks.isSubset(of: Set(1..<world.size)), "quantum tasks ran on worker ranks: \(ranks)", rank: rank)
  let trace = try JSONSerialization.jsonObject(with: try results.chromeTrace()) as? [String: Any]
  let pids = Set((trace?["traceEvents"] as? [[String: Any]] ?? []).compactMap { $0["pid"] as? Int })
  check(pids.isSuperset(of: ranks.union([0])), "the trace has a process per rank: \(pids)", rank: rank)
  try executor.shutdown()
} else {
  try await MPIExecutor.serveJobs(on: world)
}

try world.barrier()
try world.finalize()
if rank == 0 { print("mpi-checks: \(world.size) ranks: all checks passed") }
