import Foundation

/// FNV-1a over 128 bits (Fowler, Noll, Vo; draft-eastlake-fnv): a content hash that is the
/// same in every process and on every machine, unlike `Hasher`, whose seed changes per run.
/// Keys of quantum tasks (``QuantumJob/contentHash``) and checkpoint file names use it.
struct StableHash {
  private var high: UInt64 = 0x6c62_272e_07bb_0142
  private var low: UInt64 = 0x62b8_2175_6295_c58d

  mutating func combine(_ bytes: some Sequence<UInt8>) {
    for byte in bytes {
      low ^= UInt64(byte)
      // × the FNV-128 prime 2^88 + 0x13b, modulo 2^128.
      let (productHigh, productLow) = low.multipliedFullWidth(by: 0x13b)
      let shiftedHigh = low << 24  // (low · 2^88) lands in the high word shifted by 24
      high = high &* 0x13b &+ productHigh &+ shiftedHigh
      low = productLow
    }
  }

  /// 32 hexadecimal digits.
  var hexadecimal: String {
    String(format: "%016llx%016llx", high, low)
  }

  static func of(_ text: String) -> String {
    var hash = StableHash()
    hash.combine(text.utf8)
    return hash.hexadecimal
  }
}
