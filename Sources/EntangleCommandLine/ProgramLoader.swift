import Entangle

/// Reads an OpenQASM file for a command.
enum ProgramLoader {
  /// The program in `path`. With a precision, a `qreg` that takes the state past the available memory
  /// is refused at its declaration, with the bytes needed, before anything is allocated.
  ///
  /// - Throws: ``CommandFailure`` with the parser's `FILE:LINE:COL: error: …` line.
  static func load(_ path: String, checkingMemoryFor precision: Precision?) throws(CommandFailure) -> QASMProgram {
    do {
      guard let precision else { return try OpenQASM.parse(contentsOf: path) }
      let available = MemoryLimit.available.bytes
      return try OpenQASM.parse(
        contentsOf: path,
        maximumQubits: maximumQubits(bytesPerAmplitude: precision.bytesPerAmplitude, available: available),
        bytesPerAmplitude: precision.bytesPerAmplitude, availableBytes: available)
    } catch {
      throw CommandFailure(error)
    }
  }

  /// The most qubits whose state (2^n amplitudes) fits in `available` bytes.
  static func maximumQubits(bytesPerAmplitude: Int, available: Int) -> Int {
    let amplitudes = available / bytesPerAmplitude
    guard amplitudes > 0 else { return 0 }
    return min(Int.bitWidth - 1 - amplitudes.leadingZeroBitCount, StateVector<Double>.maximumQubitCount)
  }
}
