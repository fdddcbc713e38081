import EntangleCircuits
import ComplexModule

// Writing a k-qubit unitary matrix (k ≥ 2) exactly in qelib1.inc gates.
//
// Nielsen & Chuang §4.5.1: Givens rotations G_m ⋯ G_1 · U = D reduce U column by column to
// D = diag(1, …, 1, e^{iφ}), so U = G_1† ⋯ G_m† · D. Each G† is a two-level unitary on basis states
// s < t, written (§4.5.2) as a Gray-code walk of fully controlled X gates that brings s next to t,
// a fully controlled one-qubit gate, and the walk undone. D is a phase on |1…1⟩.

extension OpenQASMWriter {
  /// The largest unitary matrix written: a 6-qubit matrix already takes up to 2016 two-level rotations.
  static let maximumUnitaryQubits = 6

  /// Writes `matrix` on `targets` (bit i of its index is `targets[i]`), controlled by `controls`.
  mutating func multiQubitUnitary(_ matrix: Matrix, targets: [Int], controls: [Int]) throws(OpenQASMError) {
    let dimension = matrix.dimension
    var u = matrix
    // (s, t, 2×2 matrix of G† on (|s⟩, |t⟩)), in the order found; applied in reverse.
    var rotations: [(Int, Int, Matrix)] = []
    for column in 0..<dimension - 1 {
      for row in column + 1..<dimension {
        let a = u[column, column], b = u[row, column]
        guard b != .zero else { continue }
        let norm = Complex((a.lengthSquared + b.lengthSquared).squareRoot())
        // G maps (a, b) to (|(a, b)|, 0): G = [[ā, b̄], [−b, a]] / n on rows (column, row).
        let g00 = a.conjugate / norm, g01 = b.conjugate / norm, g10 = -b / norm, g11 = a / norm
        for k in 0..<dimension {
          let top = u[column, k], bottom = u[row, k]
          u[column, k] = g00 * top + g01 * bottom
          u[row, k] = g10 * top + g11 * bottom
        }
        let adjoint = Matrix.twoByTwo(g00.conjugate, g10.conjugate, g01.conjugate, g11.conjugate)
        rotations.append((column, row, adjoint))
      }
    }
    let last = u[dimension - 1, dimension - 1]
    let phase = Double.atan2(y: last.imaginary, x: last.real)
    let qubits = targets.count
    if phase != 0 {
      try write(.phase(Parameter(phase)), targets: [targets[qubits - 1]], controls: Array(targets.dropLast()) + controls)
    }
    for (s, t, rotation) in rotations.reversed() {
      try twoLevel(rotation, between: s, and: t, targets: targets, controls: controls)
    }
  }

  /// A two-level unitary on basis states `s` and `t` of the targets' index.
  private mutating func twoLevel(_ rotation: Matrix, between s: Int, and t: Int, targets: [Int], controls: [Int])
    throws(OpenQASMError)
  {
    let differing = (0..<targets.count).filter { (s ^ t) >> $0 & 1 == 1 }
    // Walk s towards t one differing bit at a time, all but the last: each step swaps two neighbouring states.
    var path = [s]
    for bit in differing.dropLast() { path.append(path[path.count - 1] ^ 1 << bit) }
    for step in 1..<path.count {
      try fullyControlled(.x, on: differing[step - 1], state: path[step - 1], targets: targets, controls: controls)
    }
    // Now s's amplitude sits at path.last, which differs from t only at the last differing bit.
    let bit = differing[differing.count - 1]
    let gate: Matrix = path[path.count - 1] >> bit & 1 == 0
      ? rotation : Matrix.twoByTwo(rotation[1, 1], rotation[1, 0], rotation[0, 1], rotation[0, 0])
    try fullyControlled(.unitary(gate), on: bit, state: t, targets: targets, controls: controls)
    for step in stride(from: path.count - 1, through: 1, by: -1) {
      try fullyControlled(.x, on: differing[step - 1], state: path[step - 1], targets: targets, controls: controls)
    }
  }

  /// `gate` on target bit `bit`, acting where every other target bit equals its bit in `state`
  /// (and every control is 1): X gates turn the 0-valued conditions into ordinary controls.
  private mutating func fullyControlled(_ gate: Gate, on bit: Int, state: Int, targets: [Int], controls: [Int])
    throws(OpenQASMError)
  {
    let others = (0..<targets.count).filter { $0 != bit }
    let flipped = others.filter { state >> $0 & 1 == 0 }.map { targets[$0] }
    for qubit in flipped { try write(.x, targets: [qubit], controls: []) }
    try write(gate, targets: [targets[bit]], controls: others.map { targets[$0] } + controls)
    for qubit in flipped { try write(.x, targets: [qubit], controls: []) }
  }
}

extension Matrix {
  /// [[a, b], [c, d]], known to be unitary.
  static func twoByTwo(_ a: Complex<Double>, _ b: Complex<Double>, _ c: Complex<Double>, _ d: Complex<Double>) -> Matrix {
    // Rows of a 2×2 matrix always have a valid shape.
    (try? Matrix([[a, b], [c, d]])) ?? Matrix.identity(dimension: 2)
  }
}
