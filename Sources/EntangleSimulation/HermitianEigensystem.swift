import ComplexModule

/// Eigendecompositions of small Hermitian matrices (row-major `Complex<Double>`), for the Uhlmann fidelity.
///
/// A Hermitian H = A + iB is embedded as the real symmetric [[A, −B], [B, A]], whose eigenvalues are those
/// of H, each twice, and for which f(embedding) = embedding of f(H). The real matrix is diagonalised by the
/// cyclic Jacobi method (Golub & Van Loan, Matrix Computations, 4th ed., §8.5), accurate to rounding for
/// any symmetric matrix.
enum HermitianEigensystem {
  /// The entries of a matrix of any precision in `Double`.
  static func doubleElements<S: AmplitudeScalar>(_ elements: [Complex<S>]) -> [Complex<Double>] {
    elements.map { Complex(Double($0.real), Double($0.imaginary)) }
  }

  /// The product a · b of two d × d row-major matrices.
  static func multiply(_ a: [Complex<Double>], _ b: [Complex<Double>], _ d: Int) -> [Complex<Double>] {
    var product = [Complex<Double>](repeating: .zero, count: d * d)
    for row in 0..<d {
      for inner in 0..<d {
        let left = a[row * d + inner]
        if left == .zero { continue }
        for column in 0..<d { product[row * d + column] += left * b[inner * d + column] }
      }
    }
    return product
  }

  /// The eigenvalues of the Hermitian `matrix`, each listed twice (those of its real embedding), unordered.
  static func eigenvalues(of matrix: [Complex<Double>], dimension d: Int) -> [Double] {
    var embedded = embed(matrix, dimension: d)
    var vectors: [Double] = []
    return diagonalize(&embedded, size: 2 * d, vectors: &vectors, wantVectors: false)
  }

  /// f(H) = V f(Λ) V† for the Hermitian `matrix` H = VΛV†, with eigenvalues below `cutoff` times the
  /// largest taken as 0.
  static func apply(_ function: (Double) -> Double, to matrix: [Complex<Double>], dimension d: Int, cutoff: Double)
    -> [Complex<Double>]
  {
    let size = 2 * d
    var embedded = embed(matrix, dimension: d)
    var vectors: [Double] = []
    let eigenvalues = diagonalize(&embedded, size: size, vectors: &vectors, wantVectors: true)
    let floor = cutoff * (eigenvalues.max() ?? 0)
    let values = eigenvalues.map { function($0 > floor ? $0 : 0) }
    // The top-left block of V f(Λ) Vᵀ is Re f(H), the bottom-left Im f(H).
    var result = [Complex<Double>](repeating: .zero, count: d * d)
    for row in 0..<d {
      for column in 0..<d {
        var real = 0.0, imaginary = 0.0
        for k in 0..<size {
          let weight = values[k] * vectors[column * size + k]
          real += vectors[row * size + k] * weight
          imaginary += vectors[(row + d) * size + k] * weight
        }
        result[row * d + column] = Complex(real, imaginary)
      }
    }
    return result
  }

  /// [[A, −B], [B, A]] for H = A + iB, row-major, side 2d.
  private static func embed(_ matrix: [Complex<Double>], dimension d: Int) -> [Double] {
    let size = 2 * d
    var embedded = [Double](repeating: 0, count: size * size)
    for row in 0..<d {
      for column in 0..<d {
        let entry = matrix[row * d + column]
        embedded[row * size + column] = entry.real
        embedded[(row + d) * size + column + d] = entry.real
        embedded[row * size + column + d] = -entry.imaginary
        embedded[(row + d) * size + column] = entry.imaginary
      }
    }
    return embedded
  }

  /// Diagonalises the symmetric `a` (side `size`, row-major) in place by cyclic Jacobi rotations.
  ///
  /// - Returns: the eigenvalues; with `wantVectors`, `vectors` holds V row-major with eigenvector k in column k.
  private static func diagonalize(_ a: inout [Double], size n: Int, vectors v: inout [Double], wantVectors: Bool) -> [Double] {
    if wantVectors {
      v = [Double](repeating: 0, count: n * n)
      for i in 0..<n { v[i * n + i] = 1 }
    }
    let scale = a.reduce(0) { $0 + $1 * $1 }
    for _ in 0..<64 {
      var off = 0.0
      for p in 0..<n { for q in 0..<n where p != q { off += a[p * n + q] * a[p * n + q] } }
      if off <= 1e-30 * scale || off == 0 { break }
      for p in 0..<n - 1 {
        for q in p + 1..<n {
          let apq = a[p * n + q]
          if apq == 0 { continue }
          // The rotation that zeroes a[p, q]: t = tan φ solves t² + 2θt − 1 = 0, the smaller root.
          let theta = (a[q * n + q] - a[p * n + p]) / (2 * apq)
          let t = (theta >= 0 ? 1.0 : -1.0) / (abs(theta) + (theta * theta + 1).squareRoot())
          let c = 1 / (t * t + 1).squareRoot(), s = t * c
          for k in 0..<n {
            let akp = a[k * n + p], akq = a[k * n + q]
            a[k * n + p] = c * akp - s * akq
            a[k * n + q] = s * akp + c * akq
          }
          for k in 0..<n {
            let apk = a[p * n + k], aqk = a[q * n + k]
            a[p * n + k] = c * apk - s * aqk
            a[q * n + k] = s * apk + c * aqk
          }
          if wantVectors {
            for k in 0..<n {
              let vkp = v[k * n + p], vkq = v[k * n + q]
              v[k * n + p] = c * vkp - s * vkq
              v[k * n + q] = s * vkp + c * vkq
            }
          }
        }
      }
    }
    return (0..<n).map { a[$0 * n + $0] }
  }
}
