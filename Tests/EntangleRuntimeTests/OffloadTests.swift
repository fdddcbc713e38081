import EntangleCircuits
import Foundation
import EntangleSimulation
import Testing

@testable import EntangleRuntime

@Suite("Offload API")
struct OffloadTests {
  let circuit: Circuit
  let hamiltonian: PauliSum
  let bindings: [String: Double] = ["a": 0.37, "b": -1.21]

  init() throws {
    circuit = try Fixtures.ansatz()
    hamiltonian = try Fixtures.hamiltonian()
  }

  private func directState() throws -> StateVector<Double> {
    var state = try StateVector<Double>(qubits: 3)
    try state.apply(circuit, bindings: bindings)
    return state
  }

  @Test("expectation values equal the simulator's (1e-12)")
  func expectation() async throws {
    let runtime = QuantumRuntime(executor: LocalExecutor(resources: ResourceBudget(memoryBytes: 1 << 30, threads: 2)))
    let value = try await runtime.expectation(circuit, bindings: bindings, observable: hamiltonian)
    #expect(abs(value - (try directState().expectation(of: hamiltonian))) < 1e-12)
    let single = try await runtime.expectation(circuit, bindings: bindings, observable: hamiltonian, precision: .single)
    #expect(abs(single - value) < 1e-5)
  }

  @Test("probabilities and samples equal the simulator's")
  func probabilitiesAndSamples() async throws {
    let runtime = QuantumRuntime()
    let probabilities = try await runtime.probabilities(circuit, bindings: bindings)
    let direct = try directState().probabilities()
    #expect(zip(probabilities, direct).allSatisfy { abs($0 - $1) < 1e-12 })
    let counts = try await runtime.samples(circuit, bindings: bindings, shots: 500, seed: 7)
    #expect(counts == (try directState().counts(shots: 500, seed: 7)))
    #expect(counts.values.reduce(0, +) == 500)
  }

  @Test("gradients equal CompiledCircuit.gradient (1e-12)")
  func gradient() async throws {
    let runtime = QuantumRuntime()
    let (value, gradient) = try await runtime.gradient(circuit, bindings: bindings, observable: hamiltonian)
    let direct = try CompiledCircuit(circuit).gradient(of: hamiltonian, at: bindings)
    #expect(abs(value - direct.value) < 1e-12)
    for (name, derivative) in direct.gradient { #expect(abs(gradient[name]! - derivative) < 1e-12) }
    #expect(Set(gradient.keys) == ["a", "b"])
  }

  @Test("expectations broadcast every binding with every observable")
  func broadcasting() async throws {
    let runtime = QuantumRuntime()
    let sweep = [["a": 0.1, "b": 0.2], ["a": 0.5, "b": -0.4], ["a": 2.0, "b": 1.0]]
    let observables = [hamiltonian, try PauliSum([(1, "ZII")])]
    let table = try await runtime.expectations(circuit, bindings: sweep, observables: observables)
    #expect(table.count == 3 && table.allSatisfy { $0.count == 2 })
    let compiled = try CompiledCircuit(circuit)
    for (column, observable) in observables.enumerated() {
      let direct = try compiled.expectationValues(of: observable, forEach: sweep)
      for row in 0..<3 { #expect(abs(table[row][column] - direct[row]) < 1e-12) }
    }
    let oneRow = try await runtime.expectations(circuit, bindings: [bindings], observables: observables)
    #expect(oneRow.count == 1 && oneRow[0].count == 2)
  }

  @Test("a missing binding is a typed simulation error, not a trap")
  func missingBinding() async throws {
    let runtime = QuantumRuntime()
    await #expect(throws: TaskError.self) {
      _ = try await runtime.expectation(circuit, bindings: ["a": 1], observable: hamiltonian)
    }
  }

  @Test("identical concurrent jobs share one execution; cached results are reused")
  func sharedJobs() async throws {
    let executor = CountingExecutor()
    let runtime = QuantumRuntime(executor: executor, cachesResults: true)
    let job = QuantumJob(circuit, bindings: bindings, request: .expectation(hamiltonian))
    async let first = runtime.run(job)
    async let second = runtime.run(job)
    let (a, b) = try await (first, second)
    #expect(a == b)
    _ = try await runtime.run(job)
    #expect(await executor.calls.value == 1)
  }

  @Test("the executor shares one plan between jobs with the same circuit")
  func planCache() async throws {
    let executor = LocalExecutor(resources: ResourceBudget(memoryBytes: 1 << 30, threads: 2), planCacheCapacity: 2)
    for angle in stride(from: 0.0, to: 1.0, by: 0.1) {
      _ = try await executor.run(QuantumJob(circuit, bindings: ["a": angle, "b": 0], request: .expectation(hamiltonian)))
    }
    let statistics = await executor.statistics
    #expect(statistics.plansCompiled == 1)
    #expect(statistics.planCacheHits == 9)
    #expect(statistics.jobsRun == 10)
  }
}
