import ComplexModule
import RealModule

/// A dense complex Hermitian matrix (A = A†), stored row-major, with a cyclic Jacobi eigen-solver.
///
/// Real symmetric matrices are the special case with zero imaginary parts.
public struct HermitianMatrix: Hashable, Sendable {
  /// The number of rows (and of columns).
  public let dimension: Int
  /// The entries, row-major: entry (row, column) is at `row * dimension + column`.
  public private(set) var entries: [Complex<Double>]

  /// The zero matrix of size `dimension` × `dimension`.
  ///
  /// - Throws: ``AlgorithmError/invalidArgument(name:value:expected:)`` for a negative dimension.
  public init(dimension: Int) throws(AlgorithmError) {
    guard dimension >= 0 else {
      throw .invalidArgument(name: "dimension", value: "\(dimension)", expected: "zero or more")
    }
    self.dimension = dimension
    entries = Array(repeating: .zero, count: dimension * dimension)
  }

  /// A matrix from its rows; the rows must form a square Hermitian matrix.
  ///
  /// - Parameter tolerance: the largest |A_ij − conj(A_ji)| accepted; the stored matrix is the
  ///   exactly Hermitian average (A + A†)/2.
  /// - Throws: ``AlgorithmError/invalidArgument(name:value:expected:)`` when a row has the wrong
  ///   length or the matrix is not Hermitian within `tolerance`.
  public init(rows: [[Complex<Double>]], tolerance: Double = 1e-12) throws(AlgorithmError) {
    let dimension = rows.count
    if let row = rows.firstIndex(where: { $0.count != dimension }) {
      throw .invalidArgument(
        name: "row \(row)", value: "\(rows[row].count) entries", expected: "\(dimension) entries, as many as there are rows")
    }
    try self.init(dimension: dimension)
    for row in 0..<dimension {
      for column in 0..<dimension {
        let difference = (rows[row][column] - rows[column][row].conjugate).length
        guard difference <= tolerance else {
          throw .invalidArgument(
            name: "entry (\(row), \(column))", value: "\(rows[row][column]) against (\(column), \(row)) = \(rows[column][row])",
            expected: "the complex conjugate of its mirror entry (Hermitian) within \(tolerance)")
        }
        entries[row * dimension + column] = (rows[row][column] + rows[column][row].conjugate) / 2
      }
    }
  }

  /// A real symmetric matrix from its rows, as ``init(rows:tolerance:)``.
  public init(realRows rows: [[Double]], tolerance: Double = 1e-12) throws(AlgorithmError) {
    try self.init(rows: rows.map { $0.map { Complex($0) } }, tolerance: tolerance)
  }

  /// The entry in `row` and `column`; the caller keeps the matrix Hermitian (set both mirror entries).
  public subscript(row: Int, column: Int) -> Complex<Double> {
    get { entries[row * dimension + column] }
    set { entries[row * dimension + column] = newValue }
  }

  /// The sum of the diagonal entries (real for a Hermitian matrix).
  public var trace: Double { (0..<dimension).reduce(0) { $0 + self[$1, $1].real } }

  /// The eigenvalues, ascending, and orthonormal eigenvectors: `vectors[k]` belongs to `values[k]`.
  ///
  /// Cyclic Jacobi method for complex Hermitian matrices: each rotation first removes the phase
  /// of the off-diagonal entry (p, q), then applies the real Jacobi rotation that zeroes it
  /// (Golub & Van Loan, *Matrix Computations*, §8.5; Numerical Recipes §11.1 for the stable
  /// choice of the rotation angle). Sweeps stop when the off-diagonal Frobenius norm is below
  /// `tolerance` times the matrix's Frobenius norm. Accurate to a few units in the last place
  /// relative to the largest eigenvalue.
  /// - Complexity: O(N³) per sweep, usually 6–10 sweeps.
  /// - Throws: ``AlgorithmError/notConverged(method:iterations:residual:tolerance:)`` after
  ///   `maximumSweeps` sweeps (only for non-finite entries in practice).
  public func eigenDecomposition(tolerance: Double = 1e-14, maximumSweeps: Int = 100)
    throws(AlgorithmError) -> (values: [Double], vectors: [[Complex<Double>]])
  {
    let n = dimension
    var a = entries
    var v = Array(repeating: Complex<Double>.zero, count: n * n)
    for k in 0..<n { v[k * n + k] = .one }
    let norm = a.reduce(0) { $0 + $1.lengthSquared }.squareRoot()
    func offDiagonalNorm() -> Double {
      var sum = 0.0
      for row in 0..<n { for column in 0..<n where column != row { sum += a[row * n + column].lengthSquared } }
      return sum.squareRoot()
    }
    var sweep = 0
    var residual = offDiagonalNorm()
    while residual > tolerance * norm {
      guard sweep < maximumSweeps else {
        throw .notConverged(method: "Jacobi eigen-solver", iterations: sweep, residual: residual / norm, tolerance: tolerance)
      }
      sweep += 1
      for p in 0..<n {
        for q in (p + 1)..<n {
          let apq = a[p * n + q]
          let magnitude = apq.length
          guard magnitude > 0 else { continue }
          // U = D R with D = diag(1, e^{−iφ}) making entry (p, q) real and R the real rotation
          // [[c, s], [−s, c]] that zeroes it: θ = (a_qq − a_pp)/(2|a_pq|), t = sgn θ/(|θ| + √(θ²+1)).
          let phase = Complex(apq.real / magnitude, apq.imaginary / magnitude)
          let theta = (a[q * n + q].real - a[p * n + p].real) / (2 * magnitude)
          let t = (theta >= 0 ? 1.0 : -1.0) / (abs(theta) + (theta * theta + 1).squareRoot())
          let c = 1 / (t * t + 1).squareRoot()
          let s = t * c
          let upp = Complex(c), upq = Complex(s)
          let uqp = Complex(-s) * phase.conjugate, uqq = Complex(c) * phase.conjugate
          for k in 0..<n {
            let akp = a[k * n + p], akq = a[k * n + q]
            a[k * n + p] = akp * upp + akq * uqp
            a[k * n + q] = akp * upq + akq * uqq
            let vkp = v[k * n + p], vkq = v[k * n + q]
            v[k * n + p] = vkp * upp + vkq * uqp
            v[k * n + q] = vkp * upq + vkq * uqq
          }
          for k in 0..<n {
            let apk = a[p * n + k], aqk = a[q * n + k]
            a[p * n + k] = upp.conjugate * apk + uqp.conjugate * aqk
            a[q * n + k] = upq.conjugate * apk + uqq.conjugate * aqk
          }
          a[p * n + q] = .zero
          a[q * n + p] = .zero
          a[p * n + p] = Complex(a[p * n + p].real)
          a[q * n + q] = Complex(a[q * n + q].real)
        }
      }
      residual = offDiagonalNorm()
    }
    let order = (0..<n).sorted { a[$0 * n + $0].real < a[$1 * n + $1].real }
    let values = order.map { a[$0 * n + $0].real }
    let vectors = order.map { column in (0..<n).map { row in v[row * n + column] } }
    return (values, vectors)
  }

  /// The matrix–vector product A·x.
  ///
  /// - Complexity: O(N²).
  /// - Throws: ``AlgorithmError/invalidArgument(name:value:expected:)`` when `vector` does not have
  ///   `dimension` entries.
  public func multiplied(by vector: [Complex<Double>]) throws(AlgorithmError) -> [Complex<Double>] {
    guard vector.count == dimension else {
      throw .invalidArgument(name: "vector length", value: "\(vector.count)", expected: "\(dimension), the matrix dimension")
    }
    return (0..<dimension).map { row in
      (0..<dimension).reduce(Complex<Double>.zero) { $0 + self[row, $1] * vector[$1] }
    }
  }
}
