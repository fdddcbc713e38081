import ComplexModule
import RealModule

/// Seeded random normalized state vectors.
public enum RandomState {
  /// A random unit vector of 2^`qubits` amplitudes (complex Gaussian entries, normalized:
  /// Haar-distributed), the same for the same seed. Little-endian like every state here.
  public static func make(qubits: Int, seed: UInt64) -> [Complex<Double>] {
    var generator = SeededGenerator(seed: seed)
    return make(qubits: qubits, using: &generator)
  }

  /// A random unit vector of 2^`qubits` amplitudes drawn from `generator`.
  public static func make(qubits: Int, using generator: inout SeededGenerator) -> [Complex<Double>] {
    let amplitudes = (0..<(1 << qubits)).map { _ in Complex(generator.nextGaussian(), generator.nextGaussian()) }
    let norm = amplitudes.reduce(0) { $0 + $1.lengthSquared }.squareRoot()
    return amplitudes.map { $0 / Complex(norm) }
  }
}

/// Seeded random unitary matrices.
public enum RandomUnitary {
  /// A random 2^k × 2^k unitary: Gram–Schmidt orthonormalisation of the columns of a complex
  /// Gaussian matrix (Mezzadri, "How to generate random matrices from the classical compact groups", 2007).
  public static func make(qubits k: Int, using generator: inout SeededGenerator) -> DenseMatrix {
    let n = 1 << k
    var columns = (0..<n).map { _ in (0..<n).map { _ in Complex(generator.nextGaussian(), generator.nextGaussian()) } }
    for j in 0..<n {
      // Modified Gram–Schmidt, twice, for orthogonality to rounding.
      for _ in 0..<2 {
        for i in 0..<j {
          let overlap = innerProduct(columns[i], columns[j])
          for r in 0..<n { columns[j][r] -= overlap * columns[i][r] }
        }
      }
      let norm = columns[j].reduce(0) { $0 + $1.lengthSquared }.squareRoot()
      columns[j] = columns[j].map { $0 / Complex(norm) }
    }
    var result = DenseMatrix(zeros: n)
    for r in 0..<n {
      for c in 0..<n { result[r, c] = columns[c][r] }
    }
    return result
  }

  /// A random 2^k × 2^k unitary fixed by `seed`.
  public static func make(qubits k: Int, seed: UInt64) -> DenseMatrix {
    var generator = SeededGenerator(seed: seed)
    return make(qubits: k, using: &generator)
  }
}
