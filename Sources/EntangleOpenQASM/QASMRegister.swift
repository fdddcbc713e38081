/// A quantum or classical register declared by `qreg` or `creg`.
///
/// Registers are numbered in declaration order: the register's bit `i` is the circuit's
/// qubit (or classical bit) `offset + i`.
public struct QASMRegister: Hashable, Sendable {
  /// The register's name.
  public var name: String
  /// The circuit index of the register's element 0.
  public var offset: Int
  /// The number of qubits or bits.
  public var size: Int
  /// The line of the declaration, from 1.
  public var line: Int
  /// The column of the declaration, from 1.
  public var column: Int

  /// A register of `size` elements starting at circuit index `offset`, declared at `line`:`column`.
  public init(name: String, offset: Int, size: Int, line: Int, column: Int) {
    self.name = name
    self.offset = offset
    self.size = size
    self.line = line
    self.column = column
  }
}
