import Entangle

/// Where a circuit measures: whether every measurement is final, so that one simulation can be
/// sampled for all shots, or the circuit must run shot by shot.
///
/// Measurements are final when no operation acts on a measured qubit after its measurement
/// (barriers aside), the same qubit is not measured twice, and there are no resets and no
/// classical conditions. Gates on other qubits may follow: they commute with the measurements.
struct MeasurementStructure {
  /// Whether the circuit measures anything.
  let hasMeasurements: Bool
  /// The measurements in circuit order when all are final; nil when some measurement is mid-circuit
  /// or the circuit resets or conditions.
  let finalMeasurements: [(qubit: Int, bit: Int)]?
  /// The circuit without its final measurements, as Qiskit's `remove_final_measurements` gives it;
  /// the whole circuit when the measurements are not all final.
  let withoutFinalMeasurements: Circuit

  /// What a run's output says about the measurements.
  enum Kind: String {
    /// No measurement, reset or condition.
    case none
    /// Only final measurements: the state before them is deterministic.
    case final
    /// A measurement before other operations on its qubit, a reset or a condition: the state depends on the seed.
    case midCircuit = "mid-circuit"
  }

  var kind: Kind {
    finalMeasurements == nil ? .midCircuit : hasMeasurements ? .final : .none
  }

  init(_ circuit: Circuit) throws(CircuitError) {
    var measuredQubits: Set<Int> = []
    var measurements: [(qubit: Int, bit: Int)] = []
    var allFinal = true
    var others: [Operation] = []
    for operation in circuit.operations {
      if operation.condition != nil { allFinal = false }
      switch operation.kind {
      case .reset:
        allFinal = false
      case .measure(let qubit, let bit):
        if !measuredQubits.insert(qubit).inserted { allFinal = false }
        measurements.append((qubit, bit))
      case .gate:
        if !measuredQubits.isDisjoint(with: operation.qubits) { allFinal = false }
      case .barrier:
        break
      }
      if case .measure = operation.kind { continue }
      others.append(operation)
    }
    hasMeasurements = !measurements.isEmpty
    finalMeasurements = allFinal ? measurements : nil
    withoutFinalMeasurements =
      allFinal && hasMeasurements
      ? try Circuit(qubits: circuit.qubitCount, bits: circuit.classicalBitCount, operations: others) : circuit
  }

  /// The classical bits that final measurements write for basis state `index`, bit b at position b;
  /// a bit written twice keeps the later value, as running the measurements in order would.
  func classicalBits(forBasisState index: Int, bitCount: Int) -> [Bool] {
    var bits = [Bool](repeating: false, count: bitCount)
    for measurement in finalMeasurements ?? [] { bits[measurement.bit] = index >> measurement.qubit & 1 == 1 }
    return bits
  }
}
