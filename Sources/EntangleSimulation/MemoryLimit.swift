import Foundation
import Synchronization

/// How much memory a state may take before it is refused.
///
/// States are checked before anything is allocated: a request that cannot fit throws
/// ``SimulationError/insufficientMemory(qubits:bytesNeeded:bytesAvailable:)`` naming both sizes.
public struct MemoryLimit: Hashable, Sendable {
  /// The most bytes a state may use.
  public var bytes: Int

  /// A limit of `bytes`.
  public init(bytes: Int) { self.bytes = bytes }

  /// The memory the machine has available now (Linux `MemAvailable`, else physical memory),
  /// less 10% headroom for the rest of the process.
  ///
  /// Read at most every 100 ms: a parameter sweep makes a state per evaluation, and reading
  /// `/proc/meminfo` each time cost more than simulating a few qubits.
  public static var available: MemoryLimit {
    MemoryLimit(bytes: Int(Double(recentAvailableBytes()) * 0.9))
  }

  private static let lastReading = Mutex<(bytes: Int, time: ContinuousClock.Instant)?>(nil)

  private static func recentAvailableBytes() -> Int {
    let now = ContinuousClock.now
    if let reading = lastReading.withLock({ $0 }), now - reading.time < .milliseconds(100) { return reading.bytes }
    let bytes = availableBytes()
    lastReading.withLock { $0 = (bytes, now) }
    return bytes
  }

  /// The bytes a state of `qubits` qubits in `Scalar` precision needs: 2^n · 2 · size of `Scalar`.
  public static func bytesNeeded<Scalar: AmplitudeScalar>(qubits: Int, scalar: Scalar.Type = Double.self) -> Double {
    Double(Scalar.bytesPerAmplitude) * Double(sign: .plus, exponent: qubits, significand: 1)
  }

  /// Throws unless a state of `qubits` qubits fits in the limit.
  func check<Scalar: AmplitudeScalar>(qubits: Int, scalar: Scalar.Type) throws(SimulationError) {
    let needed = Self.bytesNeeded(qubits: qubits, scalar: scalar)
    guard needed <= Double(bytes) else {
      throw .insufficientMemory(qubits: qubits, bytesNeeded: needed, bytesAvailable: bytes)
    }
  }

  private static func availableBytes() -> Int {
    #if os(Linux)
    if let text = try? String(contentsOfFile: "/proc/meminfo", encoding: .utf8),
      let line = text.split(separator: "\n").first(where: { $0.hasPrefix("MemAvailable:") }),
      let kibibytes = Int(line.split(separator: " ").dropFirst().first ?? "")
    {
      return kibibytes * 1024
    }
    #endif
    return Int(clamping: ProcessInfo.processInfo.physicalMemory)
  }
}
