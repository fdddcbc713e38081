/// The owned, 64-byte-aligned storage of 2^n interleaved complex amplitudes.
///
/// A class so that a multi-gigabyte state is never copied by accident: ``StateVector``
/// copies it only on write to a shared value.
final class AmplitudeBuffer<Scalar: AmplitudeScalar>: @unchecked Sendable {
  /// Interleaved (re, im) storage of `count` amplitudes.
  let base: UnsafeMutablePointer<Scalar>
  /// The number of amplitudes.
  let count: Int

  /// Zero-filled storage for `count` amplitudes.
  init(count: Int) {
    self.count = count
    let raw = UnsafeMutableRawPointer.allocate(byteCount: count * Scalar.bytesPerAmplitude, alignment: 64)
    base = raw.bindMemory(to: Scalar.self, capacity: 2 * count)
    base.initialize(repeating: 0, count: 2 * count)
  }

  /// A copy of `other`.
  init(copying other: AmplitudeBuffer) {
    count = other.count
    let raw = UnsafeMutableRawPointer.allocate(byteCount: count * Scalar.bytesPerAmplitude, alignment: 64)
    base = raw.bindMemory(to: Scalar.self, capacity: 2 * count)
    base.initialize(from: other.base, count: 2 * count)
  }

  deinit { base.deallocate() }

  /// Read-only view of the interleaved scalars.
  var scalars: UnsafeBufferPointer<Scalar> { UnsafeBufferPointer(start: base, count: 2 * count) }
}
