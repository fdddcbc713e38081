import EntangleCircuits

extension HydrogenMolecule {
  /// A hardware-efficient ansatz for the 4-qubit H₂ Hamiltonian: the Hartree–Fock state
  /// (X on qubits 0 and 1), then `layers` times an RY on every qubit followed by a CZ ladder
  /// (0–1, 1–2, 2–3), and a last RY layer. Parameters `t0`, `t1`, … (4 per RY layer).
  ///
  /// At all-zero parameters it prepares the Hartree–Fock state (the CZs only add a sign), so
  /// an optimizer starts at the RHF energy and goes down. RY and CZ keep the amplitudes real,
  /// as the ground state of this real Hamiltonian is; the ansatz does not conserve the
  /// electron number, which the optimizer's minimum respects anyway.
  ///
  /// - Complexity: 4·(layers + 1) RY gates and 3·layers CZs.
  /// - Throws: ``AlgorithmError/invalidArgument(name:value:expected:)`` for fewer than one layer.
  public static func hardwareEfficientAnsatz(layers: Int = 2) throws(AlgorithmError) -> Circuit {
    guard layers >= 1 else {
      throw .invalidArgument(name: "the number of layers", value: "\(layers)", expected: "at least 1")
    }
    var parameter = 0
    func nextAngle() -> Parameter {
      defer { parameter += 1 }
      return Parameter("t\(parameter)")
    }
    return try AlgorithmError.building { () throws(CircuitError) in
      var circuit = try Circuit(qubits: qubitCount)
      try circuit.append(X(0))
      try circuit.append(X(1))
      for layer in 0...layers {
        for qubit in 0..<qubitCount { try circuit.append(RY(nextAngle(), qubit)) }
        guard layer < layers else { break }
        for qubit in 0..<qubitCount - 1 { try circuit.append(CZ(qubit, qubit + 1)) }
      }
      return circuit
    }
  }
}
