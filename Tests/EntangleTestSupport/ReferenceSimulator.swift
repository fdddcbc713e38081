import EntangleCircuits
import ComplexModule
import RealModule

/// A deliberately simple dense simulator that tests use as the source of expected values.
///
/// It shares no code with the production simulator: every operation becomes (or acts as)
/// its full 2^n × 2^n matrix, built entry by entry from ``Gate/matrix(_:)`` placed on the
/// operation's targets and acting only where every control qubit is 1. Qubit k is bit k of a
/// basis index (little-endian); a gate's matrix index has bit i = `targets[i]`.
/// Intended for n ≤ 8 qubits.
public enum ReferenceSimulator {
  /// Why the reference simulator refused a circuit.
  public enum Failure: Error, Equatable, CustomStringConvertible {
    /// Measurements, resets and classical conditions are not unitary.
    case notUnitary(String)
    /// More qubits than the simulator is meant for.
    case tooManyQubits(Int)

    public var description: String {
      switch self {
      case .notUnitary(let operation): return "the reference simulator runs unitary circuits only, not \(operation)"
      case .tooManyQubits(let count): return "the reference simulator is for at most 8 qubits, got \(count)"
      }
    }
  }

  /// The largest qubit count accepted.
  public static let maximumQubits = 8

  /// The full 2^n × 2^n matrix of a gate operation on `qubits` qubits.
  ///
  /// Column c maps to the rows whose target bits range over the gate's output index and whose
  /// other bits equal c's; columns with a control bit 0 map to themselves.
  /// - Complexity: O(4^n).
  /// - Throws: ``Failure`` for a non-gate or conditioned operation; ``CircuitError`` for unbound symbols.
  public static func matrix(of operation: Operation, qubits: Int, bindings: [String: Double] = [:]) throws -> DenseMatrix {
    try checkSize(qubits)
    let dimension = 1 << qubits
    var result = DenseMatrix(zeros: dimension)
    let images = try columnImages(of: operation, qubits: qubits, bindings: bindings)
    for column in 0..<dimension {
      for (row, value) in images(column) { result[row, column] += value }
    }
    return result
  }

  /// The state after one operation (a gate or a barrier).
  /// - Complexity: O(2^n · 2^k) for k targets.
  public static func apply(_ operation: Operation, to state: [Complex<Double>], bindings: [String: Double] = [:]) throws -> [Complex<Double>] {
    let qubits = state.count.trailingZeroBitCount
    precondition(1 << qubits == state.count, "a state has 2^n amplitudes")
    let images = try columnImages(of: operation, qubits: qubits, bindings: bindings)
    var result = [Complex<Double>](repeating: .zero, count: state.count)
    for column in state.indices where state[column] != .zero {
      for (row, value) in images(column) { result[row] += value * state[column] }
    }
    return result
  }

  /// The state after the whole circuit, starting from `state` (default |0…0⟩).
  /// - Throws: ``Failure/notUnitary(_:)`` for a measurement, reset or classical condition.
  public static func run(_ circuit: Circuit, from state: [Complex<Double>]? = nil, bindings: [String: Double] = [:]) throws -> [Complex<Double>] {
    try checkSize(circuit.qubitCount)
    var current = state ?? basisState(0, qubits: circuit.qubitCount)
    precondition(current.count == 1 << circuit.qubitCount, "the state does not match the circuit's qubit count")
    for operation in circuit.operations { current = try apply(operation, to: current, bindings: bindings) }
    return current
  }

  /// The circuit's unitary, column by column: column j is the circuit applied to |j⟩.
  /// - Complexity: O(4^n · gates · 2^k).
  public static func unitary(of circuit: Circuit, bindings: [String: Double] = [:]) throws -> DenseMatrix {
    try checkSize(circuit.qubitCount)
    let dimension = 1 << circuit.qubitCount
    var result = DenseMatrix(zeros: dimension)
    for column in 0..<dimension {
      let image = try run(circuit, from: basisState(column, qubits: circuit.qubitCount), bindings: bindings)
      for row in 0..<dimension { result[row, column] = image[row] }
    }
    return result
  }

  /// |index⟩ on `qubits` qubits.
  public static func basisState(_ index: Int, qubits: Int) -> [Complex<Double>] {
    var state = [Complex<Double>](repeating: .zero, count: 1 << qubits)
    state[index] = .one
    return state
  }

  /// The full matrix of a Pauli string on `qubits` qubits: P_{n−1} ⊗ … ⊗ P_0 (qubit k on bit k).
  public static func matrix(of pauli: PauliString, qubits: Int) -> DenseMatrix {
    var result = DenseMatrix.identity(1)
    for qubit in 0..<qubits { result = .kronecker(singleQubitPauli(pauli[qubit]), result) }
    return result
  }

  /// The full matrix Σ c_k P_k of a Pauli sum on `qubits` qubits.
  public static func matrix(of sum: PauliSum, qubits: Int) -> DenseMatrix {
    var result = DenseMatrix(zeros: 1 << qubits)
    for term in sum.terms {
      let termMatrix = matrix(of: term.pauli, qubits: qubits)
      for k in result.elements.indices { result.elements[k] += Complex(term.coefficient) * termMatrix.elements[k] }
    }
    return result
  }

  /// ⟨ψ|H|ψ⟩ from the full matrix of `observable` (real for a Hermitian H; the imaginary part is dropped).
  public static func expectation(of observable: PauliSum, in state: [Complex<Double>]) -> Double {
    let qubits = state.count.trailingZeroBitCount
    return innerProduct(state, matrix(of: observable, qubits: qubits) * state).real
  }

  static func singleQubitPauli(_ pauli: Pauli) -> DenseMatrix {
    switch pauli {
    case .i: return DenseMatrix([[1, 0], [0, 1]])
    case .x: return DenseMatrix([[0, 1], [1, 0]])
    case .y: return DenseMatrix([[0, -Complex.i], [Complex.i, 0]])
    case .z: return DenseMatrix([[1, 0], [0, -1]])
    }
  }

  private static func checkSize(_ qubits: Int) throws {
    guard qubits <= maximumQubits else { throw Failure.tooManyQubits(qubits) }
  }

  /// For each basis column, the (row, value) pairs of the operation's full matrix in that column.
  private static func columnImages(
    of operation: Operation, qubits: Int, bindings: [String: Double]
  ) throws -> (Int) -> [(Int, Complex<Double>)] {
    guard operation.condition == nil else { throw Failure.notUnitary("conditioned " + operation.summary) }
    switch operation.kind {
    case .barrier:
      return { [($0, .one)] }
    case .measure, .reset:
      throw Failure.notUnitary(operation.summary)
    case let .gate(gate, targets, controls):
      let small = DenseMatrix(try gate.matrix(bindings))
      precondition(small.dimension == 1 << targets.count, "gate matrix does not match its targets")
      precondition((targets + controls).allSatisfy { (0..<qubits).contains($0) }, "qubit out of range")
      return { column in
        guard controls.allSatisfy({ column >> $0 & 1 == 1 }) else { return [(column, .one)] }
        var smallColumn = 0
        var rest = column
        for (i, target) in targets.enumerated() {
          smallColumn |= (column >> target & 1) << i
          rest &= ~(1 << target)
        }
        return (0..<small.dimension).compactMap { smallRow in
          let value = small[smallRow, smallColumn]
          guard value != .zero else { return nil }
          var row = rest
          for (i, target) in targets.enumerated() { row |= (smallRow >> i & 1) << target }
          return (row, value)
        }
      }
    }
  }
}
