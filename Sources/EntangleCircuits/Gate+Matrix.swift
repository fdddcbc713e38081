import ComplexModule
import RealModule

extension Gate {
  /// The gate's unitary matrix with its symbols taken from `bindings`.
  ///
  /// Row and column indices are little-endian over the targets (bit i is `targets[i]`).
  /// ``globalPhase(_:)`` has the 1×1 matrix (e^{iγ}).
  /// A ``qft(qubitCount:swaps:inverse:)`` has a matrix only up to 12 qubits; it is simulated without one.
  /// - Complexity: O(4^k) for k target qubits.
  /// - Throws: ``CircuitError/unboundParameter(name:)`` when a symbol has no value;
  ///   ``CircuitError/matrixTooLarge(qubits:)`` for a QFT over more than 12 qubits.
  public func matrix(_ bindings: [String: Double] = [:]) throws(CircuitError) -> Matrix {
    switch self {
    case .identity: return GateMatrices.identity
    case .x: return GateMatrices.x
    case .y: return GateMatrices.y
    case .z: return GateMatrices.z
    case .h: return GateMatrices.h
    case .s: return GateMatrices.phase(.pi / 2)
    case .sdg: return GateMatrices.phase(-.pi / 2)
    case .t: return GateMatrices.phase(.pi / 4)
    case .tdg: return GateMatrices.phase(-.pi / 4)
    case .sx: return GateMatrices.sx
    case .sxdg: return GateMatrices.sx.adjoint
    case .rx(let a): return GateMatrices.rx(try a.value(bindings))
    case .ry(let a): return GateMatrices.ry(try a.value(bindings))
    case .rz(let a): return GateMatrices.rz(try a.value(bindings))
    case .phase(let a): return GateMatrices.phase(try a.value(bindings))
    case let .u(theta, phi, lambda):
      return GateMatrices.u(try theta.value(bindings), try phi.value(bindings), try lambda.value(bindings))
    case let .u2(phi, lambda):
      return GateMatrices.u(.pi / 2, try phi.value(bindings), try lambda.value(bindings))
    case .swap: return GateMatrices.swap
    case .iswap: return GateMatrices.iswap
    case .rxx(let a): return GateMatrices.rxx(try a.value(bindings))
    case .ryy(let a): return GateMatrices.ryy(try a.value(bindings))
    case .rzz(let a): return GateMatrices.rzz(try a.value(bindings))
    case .globalPhase(let a):
      return Matrix(uncheckedDimension: 1, elements: [cis(try a.value(bindings))])
    case .unitary(let matrix): return matrix
    case let .qft(count, swaps, inverse):
      guard (1...12).contains(count) else { throw .matrixTooLarge(qubits: count) }
      return GateMatrices.fourier(qubits: count, swaps: swaps, inverse: inverse)
    }
  }
}

/// e^{iφ}.
func cis(_ phase: Double) -> Complex<Double> { Complex(.cos(phase), .sin(phase)) }

/// The textbook matrices (Qiskit's definitions).
enum GateMatrices {
  private static let i = Complex<Double>.i
  private static func c(_ re: Double, _ im: Double = 0) -> Complex<Double> { Complex(re, im) }

  static let identity = Matrix(unchecked: [[.one, .zero], [.zero, .one]])
  static let x = Matrix(unchecked: [[.zero, .one], [.one, .zero]])
  static let y = Matrix(unchecked: [[.zero, -i], [i, .zero]])
  static let z = Matrix(unchecked: [[.one, .zero], [.zero, -.one]])
  static let h: Matrix = {
    let r = c(1 / 2.0.squareRoot())
    return Matrix(unchecked: [[r, r], [r, -r]])
  }()
  static let sx = Matrix(unchecked: [[c(0.5, 0.5), c(0.5, -0.5)], [c(0.5, -0.5), c(0.5, 0.5)]])
  static let swap = Matrix(unchecked: [
    [.one, .zero, .zero, .zero], [.zero, .zero, .one, .zero],
    [.zero, .one, .zero, .zero], [.zero, .zero, .zero, .one],
  ])
  static let iswap = Matrix(unchecked: [
    [.one, .zero, .zero, .zero], [.zero, .zero, i, .zero],
    [.zero, i, .zero, .zero], [.zero, .zero, .zero, .one],
  ])

  static func phase(_ lambda: Double) -> Matrix {
    Matrix(unchecked: [[.one, .zero], [.zero, cis(lambda)]])
  }

  static func rx(_ theta: Double) -> Matrix {
    let cosine = c(.cos(theta / 2)), minusISine = c(0, -.sin(theta / 2))
    return Matrix(unchecked: [[cosine, minusISine], [minusISine, cosine]])
  }

  static func ry(_ theta: Double) -> Matrix {
    let cosine = c(.cos(theta / 2)), sine = c(.sin(theta / 2))
    return Matrix(unchecked: [[cosine, -sine], [sine, cosine]])
  }

  static func rz(_ theta: Double) -> Matrix {
    Matrix(unchecked: [[cis(-theta / 2), .zero], [.zero, cis(theta / 2)]])
  }

  static func u(_ theta: Double, _ phi: Double, _ lambda: Double) -> Matrix {
    let cosine = Double.cos(theta / 2), sine = Double.sin(theta / 2)
    return Matrix(unchecked: [
      [c(cosine), -cis(lambda) * c(sine)],
      [cis(phi) * c(sine), cis(phi + lambda) * c(cosine)],
    ])
  }

  /// cos(θ/2)·I − i·sin(θ/2)·P⊗P for the two-qubit Pauli product P⊗P.
  private static func pauliRotation(_ theta: Double, _ pauliPair: Matrix) -> Matrix {
    let cosine = Double.cos(theta / 2), sine = Double.sin(theta / 2)
    let elements = zip(Matrix.identity(dimension: 4).elements, pauliPair.elements).map { id, p in
      id * c(cosine) + c(0, -sine) * p
    }
    return Matrix(uncheckedDimension: 4, elements: elements)
  }

  static func rxx(_ theta: Double) -> Matrix { pauliRotation(theta, x.tensor(x)) }
  static func ryy(_ theta: Double) -> Matrix { pauliRotation(theta, y.tensor(y)) }
  static func rzz(_ theta: Double) -> Matrix { pauliRotation(theta, z.tensor(z)) }

  /// The QFT matrix; without swaps the output index is bit-reversed.
  static func fourier(qubits k: Int, swaps: Bool, inverse: Bool) -> Matrix {
    let n = 1 << k
    let scale = 1 / Double(n).squareRoot()
    func reversed(_ value: Int) -> Int {
      var result = 0
      for bit in 0..<k where value >> bit & 1 == 1 { result |= 1 << (k - 1 - bit) }
      return result
    }
    var elements = [Complex<Double>](repeating: .zero, count: n * n)
    for row in 0..<n {
      for column in 0..<n {
        // Forward: F[m, j] = e^{2πi jm/N}; without swaps the rows (outputs) are bit-reversed.
        // The inverse of "F then reverse" is "reverse then F†", whose columns are bit-reversed.
        let m = !inverse && !swaps ? reversed(row) : row
        let j = inverse && !swaps ? reversed(column) : column
        let angle = 2 * Double.pi * Double((m * j) % n) / Double(n)
        elements[row * n + column] = cis(inverse ? -angle : angle) * Complex(scale)
      }
    }
    return Matrix(uncheckedDimension: n, elements: elements)
  }
}
