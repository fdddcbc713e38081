import EntangleCircuits

/// An OpenQASM 2.0 program as read by ``OpenQASM/parse(_:file:maximumQubits:bytesPerAmplitude:availableBytes:)``.
///
/// Qubits are numbered across the `qreg`s in declaration order (`qreg a[2]; qreg b[3];` gives
/// a[0] = 0, a[1] = 1, b[0] = 2, …), and classical bits across the `creg`s likewise. Qubit k is
/// bit k of a basis state's index (little-endian, as in Qiskit).
public struct QASMProgram: Sendable {
  /// The program as a circuit: gates of `qelib1.inc` as native gates, user-defined gates expanded.
  public var circuit: Circuit
  /// The `qreg`s in declaration order.
  public var quantumRegisters: [QASMRegister]
  /// The `creg`s in declaration order.
  public var classicalRegisters: [QASMRegister]

  /// A program with the given circuit and registers.
  public init(circuit: Circuit, quantumRegisters: [QASMRegister], classicalRegisters: [QASMRegister]) {
    self.circuit = circuit
    self.quantumRegisters = quantumRegisters
    self.classicalRegisters = classicalRegisters
  }
}
