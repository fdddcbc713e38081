import RealModule

/// The floating-point types a state can be stored in: `Double` (the default) and `Float`.
///
/// Amplitudes are stored interleaved (real, imaginary), the memory layout of
/// `Complex<Scalar>`, `fftw_complex` and `MPI_C_DOUBLE_COMPLEX`.
public protocol AmplitudeScalar: Real, BinaryFloatingPoint, SIMDScalar, Sendable, Codable {
  /// Bytes per amplitude: `2 * MemoryLayout<Self>.size`.
  static var bytesPerAmplitude: Int { get }
}

extension AmplitudeScalar {
  public static var bytesPerAmplitude: Int { 2 * MemoryLayout<Self>.stride }
}

extension Double: AmplitudeScalar {}
extension Float: AmplitudeScalar {}
