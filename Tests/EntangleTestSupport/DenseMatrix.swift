import EntangleCircuits
import ComplexModule
import RealModule

/// A plain row-major complex matrix for reference computations in tests.
///
/// Deliberately separate from ``Circuits/Matrix`` so that a test's expected values never
/// pass through the production matrix code (its product, adjoint or Kronecker product).
public struct DenseMatrix: Equatable, Sendable, CustomStringConvertible {
  /// The number of rows (and columns).
  public let dimension: Int
  /// The elements, row-major: element (r, c) is at `r * dimension + c`.
  public var elements: [Complex<Double>]

  /// The zero matrix of the given dimension.
  public init(zeros dimension: Int) {
    self.dimension = dimension
    elements = Array(repeating: .zero, count: dimension * dimension)
  }

  /// A matrix from its rows, as written in a textbook. Traps unless square (a test-author mistake).
  public init(_ rows: [[Complex<Double>]]) {
    precondition(rows.allSatisfy { $0.count == rows.count }, "DenseMatrix rows must form a square")
    dimension = rows.count
    elements = rows.flatMap { $0 }
  }

  /// A copy of a production matrix's elements.
  public init(_ matrix: Matrix) {
    dimension = matrix.dimension
    elements = matrix.elements
  }

  /// The identity of the given dimension.
  public static func identity(_ dimension: Int) -> DenseMatrix {
    var result = DenseMatrix(zeros: dimension)
    for i in 0..<dimension { result[i, i] = .one }
    return result
  }

  /// A diagonal matrix.
  public static func diagonal(_ entries: [Complex<Double>]) -> DenseMatrix {
    var result = DenseMatrix(zeros: entries.count)
    for (i, entry) in entries.enumerated() { result[i, i] = entry }
    return result
  }

  /// Element at `row`, `column`.
  public subscript(row: Int, column: Int) -> Complex<Double> {
    get { elements[row * dimension + column] }
    set { elements[row * dimension + column] = newValue }
  }

  /// The conjugate transpose.
  public var adjoint: DenseMatrix {
    var result = DenseMatrix(zeros: dimension)
    for r in 0..<dimension {
      for c in 0..<dimension { result[c, r] = self[r, c].conjugate }
    }
    return result
  }

  /// The textbook triple-loop product `lhs · rhs` (apply `rhs` first).
  /// - Complexity: O(d³).
  public static func * (lhs: DenseMatrix, rhs: DenseMatrix) -> DenseMatrix {
    precondition(lhs.dimension == rhs.dimension, "DenseMatrix dimensions differ")
    let n = lhs.dimension
    var result = DenseMatrix(zeros: n)
    for r in 0..<n {
      for c in 0..<n {
        var sum = Complex<Double>.zero
        for k in 0..<n { sum += lhs[r, k] * rhs[k, c] }
        result[r, c] = sum
      }
    }
    return result
  }

  /// The matrix times a vector.
  public static func * (lhs: DenseMatrix, rhs: [Complex<Double>]) -> [Complex<Double>] {
    precondition(lhs.dimension == rhs.count, "DenseMatrix and vector sizes differ")
    return (0..<lhs.dimension).map { r in
      var sum = Complex<Double>.zero
      for k in 0..<lhs.dimension { sum += lhs[r, k] * rhs[k] }
      return sum
    }
  }

  /// A scalar multiple.
  public static func * (lhs: Complex<Double>, rhs: DenseMatrix) -> DenseMatrix {
    var result = rhs
    result.elements = rhs.elements.map { lhs * $0 }
    return result
  }

  /// The Kronecker product `high ⊗ low`: `low` acts on the low index bits (little-endian).
  public static func kronecker(_ high: DenseMatrix, _ low: DenseMatrix) -> DenseMatrix {
    var result = DenseMatrix(zeros: high.dimension * low.dimension)
    for r1 in 0..<high.dimension {
      for c1 in 0..<high.dimension {
        for r2 in 0..<low.dimension {
          for c2 in 0..<low.dimension {
            result[r1 * low.dimension + r2, c1 * low.dimension + c2] = high[r1, c1] * low[r2, c2]
          }
        }
      }
    }
    return result
  }

  public var description: String {
    (0..<dimension).map { r in
      (0..<dimension).map { c in
        let z = self[r, c]
        return "\(z.real)\(z.imaginary < 0 ? "-" : "+")\(abs(z.imaginary))i"
      }.joined(separator: "  ")
    }.joined(separator: "\n")
  }
}
