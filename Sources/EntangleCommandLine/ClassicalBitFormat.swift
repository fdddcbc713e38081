import Entangle

/// Classical bits printed as Qiskit prints counts: each register with its bit 0 rightmost,
/// the registers separated by a space, the last-declared register leftmost
/// (`creg a[2]; creg b[1];` gives `"b0 a1a0"`, e.g. `"1 01"`).
struct ClassicalBitFormat {
  /// The registers' bit ranges in declaration order.
  private let groups: [Range<Int>]

  init(registers: [QASMRegister], bitCount: Int) {
    let ranges = registers.sorted { $0.offset < $1.offset }.map { $0.offset..<$0.offset + $0.size }.filter {
      !$0.isEmpty
    }
    groups = ranges.isEmpty ? [0..<bitCount] : ranges
  }

  func key(_ bits: [Bool]) -> String {
    groups.reversed().map { range in String(range.reversed().map { bits[$0] ? "1" : "0" }) }.joined(separator: " ")
  }
}
