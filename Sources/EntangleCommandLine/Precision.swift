import ArgumentParser
import Entangle

/// The floating-point type amplitudes are stored in.
enum Precision: String, CaseIterable, ExpressibleByArgument {
  /// `StateVector<Double>`: 16 bytes per amplitude.
  case double
  /// `StateVector<Float>`: 8 bytes per amplitude, half the memory and time.
  case single

  var bytesPerAmplitude: Int {
    switch self {
    case .double: return Double.bytesPerAmplitude
    case .single: return Float.bytesPerAmplitude
    }
  }

  /// The name peers.py gives a precision (`complex128`, `complex64`).
  var complexTypeName: String {
    switch self {
    case .double: return "complex128"
    case .single: return "complex64"
    }
  }
}
