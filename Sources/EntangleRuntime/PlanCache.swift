import EntangleCircuits
import EntangleSimulation

/// The compiled plans of the circuits seen last, least recently used dropped first: jobs that
/// share a circuit (a parameter sweep) share one plan.
actor PlanCache {
  private struct Key: Hashable {
    var circuit: Circuit
    var precision: Precision
  }

  let capacity: Int
  private var plans: [Key: CompiledCircuit] = [:]
  private var order: [Key] = []  // least recently used first
  private(set) var compilations = 0
  private(set) var hits = 0
  /// Plans handed out: one per job run.
  private(set) var lookups = 0

  init(capacity: Int) { self.capacity = Swift.max(1, capacity) }

  /// The plan of `circuit` for `precision`, compiled on first use.
  /// - Throws: the errors of ``CompiledCircuit/init(_:qubits:scalar:)``.
  func plan(for circuit: Circuit, precision: Precision) throws(SimulationError) -> CompiledCircuit {
    lookups += 1
    let key = Key(circuit: circuit, precision: precision)
    if let plan = plans[key] {
      hits += 1
      if let index = order.firstIndex(of: key) { order.remove(at: index) }
      order.append(key)
      return plan
    }
    let plan =
      switch precision {
      case .double: try CompiledCircuit(circuit, scalar: Double.self)
      case .single: try CompiledCircuit(circuit, scalar: Float.self)
      }
    compilations += 1
    plans[key] = plan
    order.append(key)
    if order.count > capacity { plans[order.removeFirst()] = nil }
    return plan
  }
}
