import Entangle

/// What `entangle info` and `entangle bench` report about a circuit's shape.
struct CircuitStatistics {
  /// Operations by kind, in Qiskit's `count_ops` names (`h`, `cx`, `ccx`, `measure`, `barrier`, …),
  /// most frequent first, ties by name.
  let operationCounts: [(name: String, count: Int)]
  /// Gate operations (measurements, resets and barriers excluded), after register broadcasts are
  /// expanded: for files without broadcasts, the gate statements peers.py counts.
  let gateCount: Int
  /// The longest chain of operations that share a qubit or a classical bit, barriers excluded, as
  /// Qiskit's `QuantumCircuit.depth()` counts it (a measurement writes its bit, a condition reads its bits).
  let depth: Int

  init(_ circuit: Circuit) {
    var counts: [String: Int] = [:]
    var gates = 0
    var qubitLevels = [Int](repeating: 0, count: circuit.qubitCount)
    var bitLevels = [Int](repeating: 0, count: circuit.classicalBitCount)
    var depth = 0
    for operation in circuit.operations {
      counts[Self.name(of: operation), default: 0] += 1
      var bits = operation.condition?.bits ?? []
      switch operation.kind {
      case .barrier: continue
      case .gate: gates += 1
      case .measure(_, let bit): bits.append(bit)
      case .reset: break
      }
      let qubits = operation.qubits
      guard !qubits.isEmpty || !bits.isEmpty else { continue }
      let level = 1 + max(qubits.map { qubitLevels[$0] }.max() ?? 0, bits.map { bitLevels[$0] }.max() ?? 0)
      for qubit in qubits { qubitLevels[qubit] = level }
      for bit in bits { bitLevels[bit] = level }
      depth = max(depth, level)
    }
    operationCounts = counts.map { ($0.key, $0.value) }.sorted {
      $0.count != $1.count ? $0.count > $1.count : $0.name < $1.name
    }
    gateCount = gates
    self.depth = depth
  }

  /// Qiskit's name for an operation: a gate's name with one `c` per control up to two
  /// (`cx`, `ccx`, `cp`), `c3x`-style beyond; `measure`, `reset`, `barrier`.
  static func name(of operation: Operation) -> String {
    switch operation.kind {
    case .gate(let gate, _, let controls):
      // A controlled phase on no targets is a phase gate on one of its controls, as the diagram draws it.
      var (name, controlCount) = (gate.name, controls.count)
      if case .globalPhase = gate, controlCount > 0 { (name, controlCount) = ("p", controlCount - 1) }
      switch controlCount {
      case 0: return name
      case 1, 2: return String(repeating: "c", count: controlCount) + name
      default: return "c\(controlCount)\(name)"
      }
    case .measure: return "measure"
    case .reset: return "reset"
    case .barrier: return "barrier"
    }
  }
}
