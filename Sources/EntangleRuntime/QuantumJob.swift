import EntangleCircuits

/// One piece of quantum work: a circuit, values for its symbols, what to compute, and the
/// precision of the state. A plain value: hashable (identical jobs are computed once),
/// codable (an executor on another rank or a checkpoint can carry it).
///
/// ```swift
/// let job = QuantumJob(ansatz, bindings: ["theta": 0.4], request: .expectation(hamiltonian))
/// let energy = try await LocalExecutor().run(job).expectationValue()
/// ```
public struct QuantumJob: Hashable, Sendable, Codable {
  /// The circuit, its symbols free.
  public var circuit: Circuit
  /// A value for every symbol of the circuit.
  public var bindings: [String: Double]
  /// What to compute from the final state.
  public var request: QuantumRequest
  /// The precision of the state.
  public var precision: Precision

  /// A job that runs `circuit` with `bindings` from |0…0⟩ and computes `request`.
  public init(
    _ circuit: Circuit, bindings: [String: Double] = [:], request: QuantumRequest, precision: Precision = .double
  ) {
    self.circuit = circuit
    self.bindings = bindings
    self.request = request
    self.precision = precision
  }

  /// The qubits of the state the job simulates: the circuit's.
  public var qubitCount: Int { circuit.qubitCount }

  /// The bytes of memory the job needs: one state of 2^n amplitudes (16 bytes each in double
  /// precision, 8 in single), plus its request's workspace: a second state for a gradient
  /// (the adjoint state) or a returned copy of the amplitudes, half a state for probabilities
  /// or samples. Saturates at `Int.max`.
  public var memoryBytes: Int {
    let state = Double(precision.bytesPerAmplitude) * Double(sign: .plus, exponent: qubitCount, significand: 1)
    let total = state * (1 + request.workspaceStates)
    return total >= Double(Int.max) ? Int.max : Int(total)
  }

  /// The memory and threads the job takes when the executor has `threadBudget` threads:
  /// one thread below 18 qubits (waking threads costs more than they save on small states),
  /// all of them from 18 qubits on.
  public func resourceNeed(threadBudget: Int) -> ResourceBudget {
    ResourceBudget(memoryBytes: memoryBytes, threads: qubitCount < 18 ? 1 : Swift.max(1, threadBudget))
  }

  /// A short label: `expectation on 10 qubits`.
  var summary: String {
    "\(request.summary) on \(qubitCount) qubit\(qubitCount == 1 ? "" : "s")\(precision == .single ? " (single)" : "")"
  }
}
