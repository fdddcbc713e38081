import EntangleCircuits

/// What to compute from a circuit's final state.
///
/// Every result is in little-endian order: qubit k is bit k of a basis state's index, and
/// bitstrings print with qubit 0 rightmost, as Qiskit prints them.
public enum QuantumRequest: Hashable, Sendable, Codable {
  /// The amplitudes of the final state.
  case state
  /// The probability of every basis state.
  case probabilities
  /// `shots` measurements of every qubit, counted by bitstring; `seed` makes them repeatable.
  case samples(shots: Int, seed: UInt64)
  /// ⟨ψ|H|ψ⟩ for one observable.
  case expectation(PauliSum)
  /// ⟨ψ|Hₖ|ψ⟩ for several observables of the same state: one simulation for all of them.
  case expectations([PauliSum])
  /// ⟨ψ(θ)|H|ψ(θ)⟩ and its gradient with respect to every symbol (adjoint method).
  case gradient(PauliSum)

  /// How many states' worth of memory the request needs besides the state itself: a
  /// returned copy of the amplitudes, a probability vector (half a state), or the adjoint
  /// state of a gradient.
  var workspaceStates: Double {
    switch self {
    case .state, .gradient: return 1
    case .probabilities, .samples: return 0.5
    case .expectation, .expectations: return 0
    }
  }

  /// A short name for traces and graphs: `expectation`, `samples(1000)`, ….
  var summary: String {
    switch self {
    case .state: return "state"
    case .probabilities: return "probabilities"
    case let .samples(shots, _): return "samples(\(shots))"
    case .expectation: return "expectation"
    case let .expectations(observables): return "expectations(\(observables.count))"
    case .gradient: return "gradient"
    }
  }
}

/// The floating-point precision a job's state is stored in.
public enum Precision: String, Hashable, Sendable, Codable, CaseIterable {
  /// 64-bit real and imaginary parts: 16 bytes per amplitude.
  case double
  /// 32-bit real and imaginary parts: 8 bytes per amplitude, half the memory and traffic.
  case single

  /// The bytes one amplitude takes.
  public var bytesPerAmplitude: Int { self == .double ? 16 : 8 }
}
