import EntangleCircuits
import Foundation
@testable import EntangleOpenQASM

/// The test fixtures: the QASMBench circuits with their reference probabilities, and the built-in qelib1.inc.
enum Fixtures {
  /// `Fixtures/QASMBench` in the test bundle.
  static var qasmBench: URL {
    Bundle.module.resourceURL!.appendingPathComponent("Fixtures").appendingPathComponent("QASMBench")
  }

  /// One file of the QASMBench index (`index.json`, made with qiskit by the fixture's authors).
  struct IndexEntry: Decodable, Sendable, CustomStringConvertible {
    var file: String
    var qubits: Int
    var clbits: Int
    var qiskit_parses: Bool
    var qiskit_error: String?
    var ref: String?
    var description: String { file }
  }

  struct Index: Decodable {
    var files: [IndexEntry]
  }

  static let index: [IndexEntry] = {
    let data = try! Data(contentsOf: qasmBench.appendingPathComponent("index.json"))
    return try! JSONDecoder().decode(Index.self, from: data).files
  }()

  /// The text of every QASMBench file, for the fuzzer.
  static let sources: [String] = index.map { entry in
    try! String(contentsOf: qasmBench.appendingPathComponent(entry.file), encoding: .utf8)
  }

  /// The reference probabilities of `entry` (raw little-endian float64, converted from the `.npz` by
  /// `Scripts/convert-qasmbench-references.py`).
  static func referenceProbabilities(_ entry: IndexEntry) throws -> [Double] {
    guard let ref = entry.ref else { return [] }
    let name = (ref as NSString).deletingPathExtension + ".f64"
    let data = try Data(contentsOf: qasmBench.appendingPathComponent(name))
    return data.withUnsafeBytes { raw in
      (0..<data.count / 8).map { i in Double(bitPattern: UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8 * i, as: UInt64.self))) }
    }
  }

  /// Qiskit's extended qelib1.inc as the reader builds it in.
  static var qelib1: String { StandardLibrary.text }
}

/// Foundation also has an `Operation`; in these tests it is always the circuit's.
typealias Operation = EntangleCircuits.Operation
