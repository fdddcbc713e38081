import EntangleCircuits
import ComplexModule
import Foundation

/// The mixed state of n qubits as its 2^n × 2^n density matrix ρ, in `Double` (default) or `Float`.
///
/// **Vectorisation convention.** ρ is stored as the amplitudes of a 2n-qubit state: entry ρ[r, c]
/// is at index `r + c · 2^n`. Qubit k of the row index is "qubit k", and qubit k of the column index
/// is "qubit n + k" of that 2n-qubit buffer. Row and column indices are **little-endian**, as in
/// ``StateVector``: qubit k is bit k. This layout lets the state-vector kernels run unchanged:
/// ρ → UρU† is U on the row qubits followed by conj(U) on the column qubits.
///
/// Memory is 4^n · 2 · size of `Scalar` bytes (16 · 4^n in `Double`), checked before allocating;
/// n is at most 30. A density matrix is a value: copies share storage until one of them changes.
///
/// ```swift
/// var rho = try DensityMatrix(qubits: 2)
/// try rho.apply(Circuit(qubits: 2) { H(0); CX(0, 1) })
/// rho.purity   // 1
/// ```
public struct DensityMatrix<Scalar: AmplitudeScalar>: Sendable {
  /// The vectorised matrix: ρ[r, c] at index r + c · 2^n.
  var buffer: AmplitudeBuffer<Scalar>

  /// The number of qubits n (the matrix is 2^n × 2^n).
  public let qubitCount: Int

  /// The most threads a pass over the matrix may use (default: the machine's active cores).
  /// Small matrices run on the calling thread whatever this says.
  public var threadCount: Int = ProcessInfo.processInfo.activeProcessorCount {
    didSet { threadCount = Swift.max(1, threadCount) }
  }

  /// The largest qubit count a density matrix may have (4^30 entries); the memory limit refuses
  /// far smaller matrices first.
  public static var maximumQubitCount: Int { 30 }

  /// The pure state |0…0⟩⟨0…0| on `qubits` qubits.
  ///
  /// - Parameter memoryLimit: the most memory the matrix may take (default: what the machine has available).
  /// - Complexity: O(4^n) time and 4^n · 2 · size of `Scalar` bytes.
  /// - Throws: ``SimulationError/insufficientMemory(qubits:bytesNeeded:bytesAvailable:)`` before allocating
  ///   when the matrix does not fit (reported for the 2n qubits of the vectorised matrix);
  ///   ``SimulationError/invalidQubitCount(_:maximum:)`` outside 1...30.
  public init(qubits: Int, memoryLimit: MemoryLimit = .available) throws(SimulationError) {
    try self.init(zeroed: qubits, memoryLimit: memoryLimit)
    buffer.base[0] = 1
  }

  /// The pure state |ψ⟩⟨ψ| of `state`: ρ[r, c] = ψ_r · conj(ψ_c).
  ///
  /// - Complexity: O(4^n).
  /// - Throws: ``SimulationError/insufficientMemory(qubits:bytesNeeded:bytesAvailable:)``,
  ///   ``SimulationError/invalidQubitCount(_:maximum:)`` for more than 30 qubits.
  public init(_ state: StateVector<Scalar>, memoryLimit: MemoryLimit = .available) throws(SimulationError) {
    try self.init(zeroed: state.qubitCount, memoryLimit: memoryLimit)
    let psi = state.buffer.base
    let base = buffer.base
    let dimension = 1 << qubitCount
    ParallelLoop.forEachChunk(count: dimension, threads: threadCount, minimumPerThread: Self.columnsPerThread) { columns in
      for c in columns {
        let cr = psi[2 * c], ci = -psi[2 * c + 1]
        for r in 0..<dimension {
          let rr = psi[2 * r], ri = psi[2 * r + 1]
          let index = r + c * dimension
          base[2 * index] = rr * cr - ri * ci
          base[2 * index + 1] = rr * ci + ri * cr
        }
      }
    }
  }

  /// A density matrix with the given entries (`matrix` row-major, element (r, c) = ρ[r, c],
  /// indices little-endian), checked to be Hermitian with trace 1.
  ///
  /// Positivity is not checked.
  /// - Parameter tolerance: how far ρ may be from Hermitian (largest |ρ[r, c] − conj(ρ[c, r])|) and its trace from 1.
  /// - Complexity: O(4^n).
  /// - Throws: ``SimulationError/notHermitian(deviation:tolerance:)``,
  ///   ``SimulationError/traceNotOne(trace:tolerance:)``, or the errors of ``init(qubits:memoryLimit:)``.
  public init(matrix: Matrix, tolerance: Double = 1e-10, memoryLimit: MemoryLimit = .available)
    throws(SimulationError)
  {
    let dimension = matrix.dimension
    let elements = matrix.elements
    var deviation = 0.0
    var trace = Complex<Double>.zero
    for r in 0..<dimension {
      trace += elements[r * dimension + r]
      for c in r..<dimension {
        deviation = Swift.max(deviation, (elements[r * dimension + c] - elements[c * dimension + r].conjugate).length)
      }
    }
    guard deviation <= tolerance else { throw .notHermitian(deviation: deviation, tolerance: tolerance) }
    guard (trace - .one).length <= tolerance else { throw .traceNotOne(trace: trace.real, tolerance: tolerance) }
    try self.init(zeroed: dimension.trailingZeroBitCount, memoryLimit: memoryLimit)
    for r in 0..<dimension {
      for c in 0..<dimension {
        let index = r + c * dimension
        buffer.base[2 * index] = Scalar(elements[r * dimension + c].real)
        buffer.base[2 * index + 1] = Scalar(elements[r * dimension + c].imaginary)
      }
    }
  }

  /// An all-zero matrix (not a state) after the size checks.
  /// A density matrix with the given entries; see ``init(matrix:tolerance:memoryLimit:)``.
  init(checkedMatrix matrix: Matrix, tolerance: Double, memoryLimit: MemoryLimit) throws(SimulationError) {
    try self.init(matrix: matrix, tolerance: tolerance, memoryLimit: memoryLimit)
  }

  init(zeroed qubits: Int, memoryLimit: MemoryLimit) throws(SimulationError) {
    guard (1...Self.maximumQubitCount).contains(qubits) else {
      throw .invalidQubitCount(qubits, maximum: Self.maximumQubitCount)
    }
    try memoryLimit.check(qubits: 2 * qubits, scalar: Scalar.self)
    qubitCount = qubits
    buffer = AmplitudeBuffer(count: 1 << (2 * qubits))
  }

  /// The side of the matrix, 2^n.
  public var dimension: Int { 1 << qubitCount }

  /// The entry ρ[row, column] (bit k of each index is qubit k).
  ///
  /// - Throws: ``SimulationError/basisStateOutOfRange(index:qubitCount:)`` for an index outside 0..<2^n.
  public func element(row: Int, column: Int) throws(SimulationError) -> Complex<Scalar> {
    for index in [row, column] where index < 0 || index >= dimension {
      throw .basisStateOutOfRange(index: index, qubitCount: qubitCount)
    }
    let index = row + column * dimension
    return Complex(buffer.base[2 * index], buffer.base[2 * index + 1])
  }

  /// All entries, row-major: element (r, c) = ρ[r, c] at `r * 2^n + c` (indices little-endian).
  ///
  /// - Complexity: O(4^n); copies the matrix.
  public var elements: [Complex<Scalar>] {
    let base = buffer.base
    let dimension = dimension
    return (0..<dimension * dimension).map { position in
      let index = position / dimension + (position % dimension) * dimension
      return Complex(base[2 * index], base[2 * index + 1])
    }
  }

  /// Storage that this value alone owns, copied first if it is shared.
  mutating func uniqueBase() -> UnsafeMutablePointer<Scalar> {
    if !isKnownUniquelyReferenced(&buffer) { buffer = AmplitudeBuffer(copying: buffer) }
    return buffer.base
  }

  /// Throws unless every qubit is in range and none repeats.
  func validate(qubits: [Int]) throws(SimulationError) {
    var seen: Set<Int> = []
    for qubit in qubits {
      guard (0..<qubitCount).contains(qubit) else { throw .qubitOutOfRange(qubit: qubit, qubitCount: qubitCount) }
      guard seen.insert(qubit).inserted else { throw .repeatedQubit(qubit) }
    }
  }

  /// Σ over chunks of `0..<count` of `body`, in parallel above the threading threshold.
  func parallelSum(count: Int, _ body: (Range<Int>, UnsafePointer<Scalar>) -> Double) -> Double {
    let base = UnsafePointer(buffer.base)
    return PartialSums.sum(count: count, threads: threadCount, minimumPerThread: Self.reductionChunk) { body($0, base) }
  }

  /// The fewest entries worth a thread in a reduction.
  static var reductionChunk: Int { 1 << 17 }

  /// The fewest columns worth a thread when each column costs 2^n work.
  static var columnsPerThread: Int { 64 }
}

extension DensityMatrix: CustomStringConvertible {
  /// The non-zero entries as `⟨row|ρ|column⟩: re+im·i` lines with bitstrings, qubit 0 rightmost (at most 32 lines).
  public var description: String {
    var lines = ["DensityMatrix<\(Scalar.self)>(\(qubitCount) qubits)"]
    let dimension = dimension
    for index in 0..<dimension * dimension where lines.count <= 32 {
      let re = Double(buffer.base[2 * index]), im = Double(buffer.base[2 * index + 1])
      guard re * re + im * im > 1e-20 else { continue }
      let row = BitString.make(index % dimension, width: qubitCount)
      let column = BitString.make(index / dimension, width: qubitCount)
      lines.append("  ⟨\(row)|ρ|\(column)⟩: \(re)\(im < 0 ? "-" : "+")\(abs(im))i")
    }
    return lines.joined(separator: "\n")
  }
}

extension DensityMatrix where Scalar == Double {
  /// The pure state |0…0⟩⟨0…0| in double precision, so that `DensityMatrix(qubits: n)` needs no type annotation.
  ///
  /// - Throws: see ``init(qubits:memoryLimit:)``.
  public init(qubits: Int, memoryLimit: MemoryLimit = .available) throws(SimulationError) {
    try self.init(zeroed: qubits, memoryLimit: memoryLimit)
    buffer.base[0] = 1
  }

  /// A double-precision density matrix with the given entries, so that `DensityMatrix(matrix:)` needs no type annotation.
  ///
  /// - Throws: see ``init(matrix:tolerance:memoryLimit:)``.
  public init(matrix: Matrix, tolerance: Double = 1e-10, memoryLimit: MemoryLimit = .available) throws(SimulationError) {
    try self.init(checkedMatrix: matrix, tolerance: tolerance, memoryLimit: memoryLimit)
  }
}
