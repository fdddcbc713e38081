import EntangleCircuits

/// The gates of Qiskit's extended `qelib1.inc` as native ``Circuits/Gate``s, so that they run on the
/// simulator's specialised kernels instead of their `U`/`CX` expansions.
///
/// Each mapping is Qiskit's matrix for the gate (the class `qiskit.qasm2` uses for the name), which equals
/// the definition in `qelib1.inc` up to a global phase; the tests check every one against its expansion.
/// `rccx` and `rc3x` have no native form and are expanded from their definitions (whose `u1`, `u2` and
/// `cx` are native).
enum StandardGateMapping {
  /// The operations for standard gate `name` with evaluated `parameters` on `qubits` (in the order the
  /// definition lists them), or `nil` when the gate is expanded from its definition instead.
  static func operations(name: String, parameters p: [Double], qubits q: [Int]) -> [Operation]? {
    func one(_ gate: Gate, _ targets: [Int], controls: [Int] = []) -> [Operation] {
      [.gate(gate, on: targets, controls: controls)]
    }
    func angle(_ i: Int) -> Parameter { Parameter(p[i]) }
    switch (name, p.count, q.count) {
    case ("u3", 3, 1), ("u", 3, 1): return one(.u(theta: angle(0), phi: angle(1), lambda: angle(2)), q)
    case ("u2", 2, 1): return one(.u2(phi: angle(0), lambda: angle(1)), q)
    case ("u1", 1, 1), ("p", 1, 1): return one(.phase(angle(0)), q)
    case ("cx", 0, 2): return one(.x, [q[1]], controls: [q[0]])
    case ("id", 0, 1), ("u0", 1, 1): return one(.identity, q)
    case ("x", 0, 1): return one(.x, q)
    case ("y", 0, 1): return one(.y, q)
    case ("z", 0, 1): return one(.z, q)
    case ("h", 0, 1): return one(.h, q)
    case ("s", 0, 1): return one(.s, q)
    case ("sdg", 0, 1): return one(.sdg, q)
    case ("t", 0, 1): return one(.t, q)
    case ("tdg", 0, 1): return one(.tdg, q)
    case ("rx", 1, 1): return one(.rx(angle(0)), q)
    case ("ry", 1, 1): return one(.ry(angle(0)), q)
    case ("rz", 1, 1): return one(.rz(angle(0)), q)
    case ("sx", 0, 1): return one(.sx, q)
    case ("sxdg", 0, 1): return one(.sxdg, q)
    case ("cz", 0, 2): return one(.z, [q[1]], controls: [q[0]])
    case ("cy", 0, 2): return one(.y, [q[1]], controls: [q[0]])
    case ("swap", 0, 2): return one(.swap, q)
    case ("ch", 0, 2): return one(.h, [q[1]], controls: [q[0]])
    case ("ccx", 0, 3): return one(.x, [q[2]], controls: [q[0], q[1]])
    case ("cswap", 0, 3): return one(.swap, [q[1], q[2]], controls: [q[0]])
    case ("crx", 1, 2): return one(.rx(angle(0)), [q[1]], controls: [q[0]])
    case ("cry", 1, 2): return one(.ry(angle(0)), [q[1]], controls: [q[0]])
    case ("crz", 1, 2): return one(.rz(angle(0)), [q[1]], controls: [q[0]])
    case ("cu1", 1, 2), ("cp", 1, 2): return one(.phase(angle(0)), [q[1]], controls: [q[0]])
    case ("cu3", 3, 2): return one(.u(theta: angle(0), phi: angle(1), lambda: angle(2)), [q[1]], controls: [q[0]])
    case ("csx", 0, 2): return one(.sx, [q[1]], controls: [q[0]])
    case ("cu", 4, 2):
      // Qiskit's CUGate: e^{iγ}·U(θ, φ, λ) where the control is 1; the phase acts on the control alone.
      return [
        .gate(.globalPhase(angle(3)), on: [], controls: [q[0]]),
        .gate(.u(theta: angle(0), phi: angle(1), lambda: angle(2)), on: [q[1]], controls: [q[0]]),
      ]
    case ("rxx", 1, 2): return one(.rxx(angle(0)), q)
    case ("rzz", 1, 2): return one(.rzz(angle(0)), q)
    case ("c3x", 0, 4): return one(.x, [q[3]], controls: Array(q[0..<3]))
    case ("c3sqrtx", 0, 4): return one(.sx, [q[3]], controls: Array(q[0..<3]))
    case ("c4x", 0, 5): return one(.x, [q[4]], controls: Array(q[0..<4]))
    default: return nil
    }
  }
}
