import Foundation
import EntangleTestSupport
import EntangleOpenQASM
import Testing

/// The reader never traps: seeded mutations of the QASMBench files (byte flips, deletions, insertions of
/// tokens and of random bytes, duplicated spans, truncations) either parse or throw an OpenQASMError.
@Suite("Fuzzing the reader")
struct FuzzTests {
  /// Tokens worth inserting: the language's punctuation and keywords, and numbers at the edges.
  static let tokens = [
    ";", ",", "(", ")", "[", "]", "{", "}", "->", "==", "+", "-", "*", "/", "^", "\"", "//", "\n", "\r\n", " ",
    "OPENQASM 2.0;", "include \"qelib1.inc\";", "qreg", "creg", "gate", "opaque", "measure", "reset", "barrier", "if",
    "U", "CX", "pi", "sin", "ln", "sqrt", "q", "c", "0", "1", "99999999999999999999", "1e308", "0.0", "-",
    "gate g(a) x { U(a,0,0) x; }", "g(1) q;", "qreg r[1048576];", "h q;", "cx q, q;",
  ]

  /// One mutation of `source`, the same for the same generator state.
  static func mutate(_ source: String, using generator: inout SeededGenerator) -> String {
    var bytes = Array(source.utf8)
    let rounds = Int.random(in: 1...4, using: &generator)
    for _ in 0..<rounds {
      let position = bytes.isEmpty ? 0 : Int.random(in: 0..<bytes.count, using: &generator)
      switch Int.random(in: 0..<6, using: &generator) {
      case 0 where !bytes.isEmpty:
        bytes[position] ^= UInt8(1) << UInt8.random(in: 0..<8, using: &generator)
      case 1 where !bytes.isEmpty:
        let length = Int.random(in: 1...16, using: &generator)
        bytes.removeSubrange(position..<min(bytes.count, position + length))
      case 2:
        bytes.insert(contentsOf: Array(tokens.randomElement(using: &generator)!.utf8), at: position)
      case 3:
        bytes.insert(UInt8.random(in: 0...255, using: &generator), at: position)
      case 4 where !bytes.isEmpty:
        let length = Int.random(in: 1...64, using: &generator)
        let span = bytes[position..<min(bytes.count, position + length)]
        bytes.insert(contentsOf: Array(span), at: Int.random(in: 0...bytes.count, using: &generator))
      default:
        bytes.removeSubrange(Int.random(in: 0...bytes.count, using: &generator)...)
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Parses mutated inputs until `count` have run or `deadline` passes; returns how many ran and how many parsed.
  static func run(count: Int, seed: UInt64, until deadline: Date = .distantFuture) -> (ran: Int, parsed: Int) {
    // Small files mutate and parse fast; the fuzzer spends its time on the parser, not on 100 kB inputs.
    let sources = Fixtures.sources.filter { $0.utf8.count <= 20_000 }
    var generator = SeededGenerator(seed: seed)
    var parsed = 0
    var ran = 0
    while ran < count, ran % 256 != 0 || Date() < deadline {
      let input = mutate(sources.randomElement(using: &generator)!, using: &generator)
      if (try? OpenQASM.parse(input, file: "fuzz.qasm", maximumQubits: 40)) != nil { parsed += 1 }
      ran += 1
    }
    return (ran, parsed)
  }

  @Test("20,000 mutated inputs parse or throw, none traps")
  func mutations() {
    let (ran, parsed) = Self.run(count: 20_000, seed: 2026)
    #expect(ran == 20_000)
    // Some mutations (e.g. in a comment) leave a valid program: the fuzzer reaches past the first error.
    #expect(parsed > 0)
  }

  /// The long run for the closing report: set `ENTANGLE_FUZZ_SECONDS` (and `ENTANGLE_FUZZ_REPORT`, a file
  /// that receives the count) to fuzz for that long.
  @Test("long fuzzing run", .enabled(if: ProcessInfo.processInfo.environment["ENTANGLE_FUZZ_SECONDS"] != nil))
  func longRun() throws {
    let environment = ProcessInfo.processInfo.environment
    let seconds = Double(environment["ENTANGLE_FUZZ_SECONDS"] ?? "") ?? 600
    let started = Date()
    let (ran, parsed) = Self.run(count: .max, seed: UInt64(started.timeIntervalSince1970), until: started + seconds)
    let summary = "\(ran) inputs in \(Int(Date().timeIntervalSince(started))) s, \(parsed) parsed\n"
    if let report = environment["ENTANGLE_FUZZ_REPORT"] {
      try summary.write(toFile: report, atomically: true, encoding: .utf8)
    }
    #expect(ran > 0)
  }
}
