import EntangleCircuits
import Foundation

/// A request the simulator cannot carry out, with what is wrong and by how much.
public enum SimulationError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The state would need more memory than the limit allows; nothing was allocated.
  case insufficientMemory(qubits: Int, bytesNeeded: Double, bytesAvailable: Int)
  /// A qubit count outside 1...maximum.
  case invalidQubitCount(Int, maximum: Int)
  /// Amplitudes whose count is not a power of two.
  case amplitudeCountNotPowerOfTwo(Int)
  /// Amplitudes whose norm is not 1 within the tolerance.
  case notNormalized(norm: Double, tolerance: Double)
  /// A qubit that the state does not have.
  case qubitOutOfRange(qubit: Int, qubitCount: Int)
  /// The same qubit named twice in one request.
  case repeatedQubit(Int)
  /// A basis-state index outside 0..<2^n.
  case basisStateOutOfRange(index: Int, qubitCount: Int)
  /// Two states (or a state and an observable or circuit) of different sizes.
  case sizeMismatch(expected: Int, actual: Int, what: String)
  /// A negative shot count or thread count.
  case invalidCount(Int, what: String)
  /// A circuit or gate problem found while preparing the run (unbound parameter, …).
  case circuit(CircuitError)
  /// FFTW could not plan a transform of this shape.
  case fourierTransformUnavailable(qubits: [Int], qubitCount: Int)
  /// A gradient was asked of a circuit with an operation that is not a unitary gate.
  case notDifferentiable(operation: String)
  /// A noise parameter outside its range; `name` is the parameter (or its path in a noise-model document).
  case invalidNoiseParameter(name: String, value: Double, allowed: String)
  /// Kraus operators whose Σ K†K differs from the identity by `deviation` (largest entry) or more than `tolerance`.
  case notTracePreserving(deviation: Double, tolerance: Double)
  /// Kraus operators that cannot form a channel: none at all, or matrices of different sizes.
  case invalidKrausOperators(String)
  /// A noise-model document with something wrong at `path` (for example `errors[1].channel`).
  case invalidNoiseModel(path: String, problem: String)
  /// A density matrix that is not Hermitian within the tolerance (largest |ρ[r, c] − conj(ρ[c, r])|).
  case notHermitian(deviation: Double, tolerance: Double)
  /// A density matrix whose trace is not 1 within the tolerance.
  case traceNotOne(trace: Double, tolerance: Double)
  /// An operation a density-matrix run cannot carry out (a classical condition, …).
  case unsupportedOnDensityMatrix(operation: String)
  /// A computation limited to small registers asked of a larger one.
  case tooManyQubits(Int, maximum: Int, what: String)

  public var description: String {
    switch self {
    case let .insufficientMemory(qubits, needed, available):
      return "a state of \(qubits) qubits needs \(ByteCount(needed)) but only \(ByteCount(Double(available))) is available; use fewer qubits, single precision, or raise the memory limit"
    case let .invalidQubitCount(count, maximum):
      return "a state needs between 1 and \(maximum) qubits, got \(count)"
    case let .amplitudeCountNotPowerOfTwo(count):
      return "a state needs 2^n amplitudes, got \(count)"
    case let .notNormalized(norm, tolerance):
      return "the amplitudes have norm \(norm); a state needs norm 1 within \(tolerance)"
    case let .qubitOutOfRange(qubit, count):
      return "qubit \(qubit) is out of range; the state has \(count) qubit\(count == 1 ? "" : "s") (0..<\(count))"
    case let .repeatedQubit(qubit):
      return "qubit \(qubit) is named more than once"
    case let .basisStateOutOfRange(index, count):
      return "basis state \(index) is out of range for \(count) qubits (0..<\(1 << Swift.min(count, 62)))"
    case let .sizeMismatch(expected, actual, what):
      return "\(what): expected \(expected) qubits, got \(actual)"
    case let .invalidCount(count, what):
      return "\(what) must be positive, got \(count)"
    case let .circuit(error):
      return error.description
    case let .fourierTransformUnavailable(qubits, count):
      return "FFTW could not plan a transform over qubits \(qubits) of a \(count)-qubit state"
    case let .notDifferentiable(operation):
      return "gradients need a circuit of unitary gates; \(operation) is not one (measure at the end, or use expectation values of the unitary part)"
    case let .invalidNoiseParameter(name, value, allowed):
      return "\(name) must be in \(allowed), got \(value)"
    case let .notTracePreserving(deviation, tolerance):
      return "the Kraus operators are not trace preserving: Σ K†K differs from the identity by \(deviation) (tolerance \(tolerance))"
    case let .invalidKrausOperators(problem):
      return "invalid Kraus operators: \(problem)"
    case let .invalidNoiseModel(path, problem):
      return path.isEmpty ? "noise model: \(problem)" : "noise model: \(path) \(problem)"
    case let .notHermitian(deviation, tolerance):
      return "the matrix differs from its conjugate transpose by \(deviation); a density matrix must be Hermitian within \(tolerance)"
    case let .traceNotOne(trace, tolerance):
      return "the matrix has trace \(trace); a density matrix needs trace 1 within \(tolerance)"
    case let .unsupportedOnDensityMatrix(operation):
      return "a density-matrix run cannot apply \(operation); use a state vector (or trajectories) for it"
    case let .tooManyQubits(count, maximum, what):
      return "\(what) is limited to \(maximum) qubits, got \(count)"
    }
  }
}

// `localizedDescription` carries the same message as `"\(error)"`.
extension SimulationError: LocalizedError {
  public var errorDescription: String? { description }
}
