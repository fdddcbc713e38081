import EntangleCircuits
import Foundation

/// Reading and writing OpenQASM 2.0 (Cross, Bishop, Smolin, Gambetta, arXiv:1707.03429).
///
/// ```swift
/// let program = try OpenQASM.parse("""
///   OPENQASM 2.0;
///   include "qelib1.inc";
///   qreg q[2];
///   h q[0];
///   cx q[0], q[1];
///   """)
/// program.circuit.qubitCount          // 2
/// let text = try OpenQASM.serialize(program.circuit)
/// ```
///
/// The reader takes the whole language of the paper, with Qiskit's extended `qelib1.inc` built in.
/// It accepts a program without an `OPENQASM 2.0;` line, as Qiskit's default (non-strict) reader does;
/// when the line is there it must be the first statement and name version 2.0.
public enum OpenQASM {
  /// Reads an OpenQASM 2.0 program.
  ///
  /// Qubits are numbered across the `qreg`s in declaration order and classical bits across the
  /// `creg`s likewise; qubit k is bit k of a basis state's index (little-endian, as in Qiskit).
  /// Gates of `qelib1.inc` become native gates with Qiskit's matrices; gates the program defines are
  /// expanded with their parameters evaluated to numbers. At most 2^20 qubits and 2^20 bits are
  /// read, and programs that expand to at most 2^24 operations.
  ///
  /// - Parameters:
  ///   - source: the program text (LF or CRLF line endings).
  ///   - file: the name errors give for the source.
  ///   - maximumQubits: when set, a `qreg` that takes the total past it is refused at the `qreg`, with the bytes
  ///     the state would need (`bytesPerAmplitude` · 2^n) and `availableBytes` in the message.
  ///   - bytesPerAmplitude: the bytes of one amplitude (16 for double precision, 8 for single).
  ///   - availableBytes: the memory available, for the message.
  /// - Throws: ``OpenQASMError`` naming the file, line and column of the first problem.
  /// - Complexity: O(source length + operations).
  public static func parse(
    _ source: String, file: String = "<input>", maximumQubits: Int? = nil,
    bytesPerAmplitude: Int = 16, availableBytes: Int? = nil
  ) throws(OpenQASMError) -> QASMProgram {
    let limits = OpenQASMParser.Limits(
      maximumQubits: maximumQubits, bytesPerAmplitude: bytesPerAmplitude, availableBytes: availableBytes)
    var parser = try OpenQASMParser(source, file: file, limits: limits)
    return try parser.parseProgram()
  }

  /// Reads the OpenQASM 2.0 program in the file at `path`; errors name the file as `path`.
  ///
  /// - Throws: ``OpenQASMError`` at line 0 when the file cannot be read or is not UTF-8, else as
  ///   ``parse(_:file:maximumQubits:bytesPerAmplitude:availableBytes:)``.
  public static func parse(
    contentsOf path: String, maximumQubits: Int? = nil, bytesPerAmplitude: Int = 16, availableBytes: Int? = nil
  ) throws(OpenQASMError) -> QASMProgram {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw OpenQASMError(file: path, line: 0, column: 0, message: "cannot read \(path): no such file, or it is not readable")
    }
    guard let source = String(data: data, encoding: .utf8) else {
      throw OpenQASMError(file: path, line: 0, column: 0, message: "\(path) is not UTF-8 text")
    }
    return try parse(source, file: path, maximumQubits: maximumQubits, bytesPerAmplitude: bytesPerAmplitude,
                     availableBytes: availableBytes)
  }

  /// Writes `circuit` as OpenQASM 2.0 that Qiskit's `qasm2.loads` reads back to the same circuit.
  ///
  /// The text has `include "qelib1.inc";`, one `qreg q` (qubit k is `q[k]`) and one `creg c` (bit k is `c[k]`),
  /// each left out when empty. Gates with a `qelib1.inc` name are written by it; the rest are written
  /// exactly (global phase included) in `qelib1.inc` gates: `ryy` and `iswap` by Qiskit's definitions,
  /// a QFT as its textbook circuit of `h`, `cp` and `swap`, a one-qubit ``Circuits/Gate/unitary(_:)`` as
  /// `u` (or `cu`) from its Z-Y-Z angles, a k-qubit one (k ≤ 6) as Givens rotations (Nielsen & Chuang §4.5),
  /// a global phase as `p`/`x` pairs, and gates with more controls than `qelib1.inc` names by Barenco et al.'s
  /// constructions (Phys. Rev. A 52, 3457, 1995). Numbers are written with every digit needed to read them
  /// back exactly. The constructions use no ancilla qubits and grow quickly with the number of controls.
  ///
  /// - Throws: ``OpenQASMError`` (file `<circuit>`, line 0) for a parameter without a value (bind the circuit
  ///   first); for a classical condition on anything but all the circuit's bits in order (OpenQASM 2 compares
  ///   a whole register); for a unitary matrix on more than 6 qubits; and for more than 10 controls, counting
  ///   one more for a multi-qubit gate and k − 1 more for a k-qubit matrix.
  public static func serialize(_ circuit: Circuit) throws(OpenQASMError) -> String {
    var writer = OpenQASMWriter(qubitCount: circuit.qubitCount, bitCount: circuit.classicalBitCount)
    for operation in circuit.operations { try writer.write(operation) }
    return writer.text
  }
}
