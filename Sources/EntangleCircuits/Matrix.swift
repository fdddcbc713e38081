import RealModule
import ComplexModule

/// A square complex matrix of dimension 2^k: the matrix of a k-qubit gate.
///
/// Elements are stored row-major. The row and column index is little-endian
/// over the gate's targets: bit i of the index is the gate's `targets[i]`,
/// as in Qiskit.
public struct Matrix: Hashable, Sendable {
  /// The number of rows (and columns).
  public let dimension: Int
  /// The elements, row-major: element (r, c) is at `r * dimension + c`.
  public private(set) var elements: [Complex<Double>]

  /// A matrix from its elements in row-major order.
  ///
  /// - Throws: ``CircuitError/invalidMatrixShape(rows:columns:)`` unless the
  ///   element count is the square of a power of two ≥ 2.
  public init(dimension: Int, elements: [Complex<Double>]) throws(CircuitError) {
    let (square, overflow) = dimension.multipliedReportingOverflow(by: dimension)
    guard dimension >= 2, dimension & (dimension - 1) == 0, !overflow, elements.count == square else {
      throw .invalidMatrixShape(rows: dimension, columns: dimension == 0 ? 0 : elements.count / max(dimension, 1))
    }
    self.dimension = dimension
    self.elements = elements
  }

  /// A matrix from its rows.
  ///
  /// - Throws: ``CircuitError/invalidMatrixShape(rows:columns:)`` unless it is square of dimension 2^k, k ≥ 1.
  public init(_ rows: [[Complex<Double>]]) throws(CircuitError) {
    guard rows.allSatisfy({ $0.count == rows.count }) else {
      throw .invalidMatrixShape(rows: rows.count, columns: rows.first?.count ?? 0)
    }
    try self.init(dimension: rows.count, elements: rows.flatMap { $0 })
  }

  /// Builds a matrix whose shape is known to be valid (used for the standard gates).
  init(unchecked rows: [[Complex<Double>]]) {
    dimension = rows.count
    elements = rows.flatMap { $0 }
  }

  init(uncheckedDimension dimension: Int, elements: [Complex<Double>]) {
    self.dimension = dimension
    self.elements = elements
  }

  /// The identity of the given dimension.
  public static func identity(dimension: Int) -> Matrix {
    var elements = [Complex<Double>](repeating: .zero, count: dimension * dimension)
    for i in 0..<dimension { elements[i * dimension + i] = .one }
    return Matrix(uncheckedDimension: dimension, elements: elements)
  }

  /// The number of qubits the matrix acts on: log2(dimension).
  public var qubitCount: Int { dimension.trailingZeroBitCount }

  /// Element at `row`, `column`. Indices outside 0..<dimension trap, as for arrays.
  public subscript(row: Int, column: Int) -> Complex<Double> {
    get { elements[row * dimension + column] }
    set { elements[row * dimension + column] = newValue }
  }

  /// The conjugate transpose.
  public var adjoint: Matrix {
    var result = self
    for r in 0..<dimension {
      for c in 0..<dimension { result[c, r] = self[r, c].conjugate }
    }
    return result
  }

  /// The matrix product `lhs · rhs` (apply `rhs` first). Dimensions must match.
  public static func * (lhs: Matrix, rhs: Matrix) -> Matrix {
    let n = lhs.dimension
    assert(n == rhs.dimension)
    var result = [Complex<Double>](repeating: .zero, count: n * n)
    for r in 0..<n {
      for k in 0..<n {
        let a = lhs.elements[r * n + k]
        if a == .zero { continue }
        for c in 0..<n { result[r * n + c] = result[r * n + c] + a * rhs.elements[k * n + c] }
      }
    }
    return Matrix(uncheckedDimension: n, elements: result)
  }

  /// The Kronecker product `self ⊗ low`: `low` acts on the lower index bits.
  public func tensor(_ low: Matrix) -> Matrix {
    let n = dimension * low.dimension
    var result = [Complex<Double>](repeating: .zero, count: n * n)
    for r1 in 0..<dimension {
      for c1 in 0..<dimension {
        let a = self[r1, c1]
        for r2 in 0..<low.dimension {
          for c2 in 0..<low.dimension {
            result[(r1 * low.dimension + r2) * n + c1 * low.dimension + c2] = a * low[r2, c2]
          }
        }
      }
    }
    return Matrix(uncheckedDimension: n, elements: result)
  }

  /// max over entries of |U·U† − I|.
  public var unitarityDeviation: Double {
    let product = self * adjoint
    var worst = 0.0
    for r in 0..<dimension {
      for c in 0..<dimension {
        let expected: Complex<Double> = r == c ? .one : .zero
        worst = Swift.max(worst, (product[r, c] - expected).length)
      }
    }
    return worst
  }

  /// Whether U·U† = I within `tolerance` in every entry.
  public func isUnitary(tolerance: Double = 1e-10) -> Bool { unitarityDeviation <= tolerance }

  /// The matrix of this gate with `controlCount` extra controls as the *high* index bits:
  /// identity except on the block where every control is 1.
  public func controlled(by controlCount: Int) -> Matrix {
    let n = dimension << controlCount
    var result = Matrix.identity(dimension: n)
    let offset = n - dimension
    for r in 0..<dimension {
      for c in 0..<dimension { result[offset + r, offset + c] = self[r, c] }
    }
    return result
  }
}
