extension PauliString {
  /// A Pauli string as bit masks over basis-state indices, the form simulators apply it in:
  /// P|i⟩ = i^`yCount` · (−1)^popcount(i & `zMask`) · |i ⊕ `xMask`⟩.
  public struct BitMasks: Hashable, Sendable {
    /// Qubits with X or Y: the bits P flips.
    public var xMask: Int
    /// Qubits with Z or Y: the bits whose value signs the result.
    public var zMask: Int
    /// The number of Y factors (Y = i·X·Z).
    public var yCount: Int

    /// i^`yCount`, as (real, imaginary).
    public var phase: (real: Double, imaginary: Double) {
      [(1.0, 0.0), (0.0, 1.0), (-1.0, 0.0), (0.0, -1.0)][yCount % 4]
    }
  }

  /// The string as bit masks (qubit k is bit k); qubits must be below 63.
  public var bitMasks: BitMasks {
    var masks = BitMasks(xMask: 0, zMask: 0, yCount: 0)
    for (qubit, pauli) in operators {
      switch pauli {
      case .i: break
      case .x: masks.xMask |= 1 << qubit
      case .z: masks.zMask |= 1 << qubit
      case .y:
        masks.xMask |= 1 << qubit
        masks.zMask |= 1 << qubit
        masks.yCount += 1
      }
    }
    return masks
  }
}
