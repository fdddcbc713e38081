/// A number of bytes as messages show it: in binary units, with the exact count beside them.
///
/// Shared by every module that tells a person how much memory a state needs.
public struct ByteCount: Hashable, Sendable, CustomStringConvertible {
  /// The number of bytes (a `Double`, since states past 2^63 bytes are still worth naming).
  public var bytes: Double

  /// The size `bytes`.
  public init(_ bytes: Double) { self.bytes = bytes }

  /// The size in binary units with at most one decimal: `16 GiB`, `1.5 MiB`, `512 bytes`.
  public var abbreviated: String {
    let units = ["bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB", "ZiB", "YiB"]
    var scaled = bytes
    var unit = 0
    while scaled >= 1024, unit < units.count - 1 {
      scaled /= 1024
      unit += 1
    }
    let rounded = (scaled * 10).rounded() / 10
    let text = rounded == rounded.rounded() && rounded < 1e15 ? "\(Int(rounded))" : "\(rounded)"
    return "\(text) \(units[unit])"
  }

  /// The exact count and, above 1 KiB, the binary units: `17179869184 bytes (16 GiB)`.
  public var description: String {
    let exact = bytes < 9e18 ? "\(Int(bytes))" : "\(bytes)"
    return bytes < 1024 ? "\(exact) bytes" : "\(exact) bytes (\(abbreviated))"
  }
}
