import ComplexModule
import Foundation

/// The pure state of n qubits as 2^n complex amplitudes, in `Double` (default) or `Float`.
///
/// **Qubit order is little-endian**, as in Qiskit: qubit k is bit k of an amplitude's index,
/// so `amplitudes[0b011]` is the amplitude of qubits 0 and 1 in |1⟩ and qubit 2 in |0⟩.
/// Amplitudes are stored interleaved (re, im) in 64-byte-aligned memory.
///
/// A state is a value: copies share storage until one of them changes. Gates run in place
/// with SIMD kernels chosen by gate class (dense, diagonal, permutation, controlled, FFTW QFT),
/// on up to ``threadCount`` threads above a size threshold.
///
/// ```swift
/// var state = try StateVector(qubits: 2)
/// try state.apply(Circuit(qubits: 2) { H(0); CX(0, 1) })
/// state.probabilities()   // [0.5, 0, 0, 0.5]
/// ```
public struct StateVector<Scalar: AmplitudeScalar>: Sendable {
  var buffer: AmplitudeBuffer<Scalar>

  /// The number of qubits.
  public let qubitCount: Int

  /// The most threads a pass over the state may use (default: the machine's active cores).
  /// Small states run on the calling thread whatever this says.
  public var threadCount: Int = ProcessInfo.processInfo.activeProcessorCount {
    didSet { threadCount = Swift.max(1, threadCount) }
  }

  /// The largest qubit count indices can address; the memory limit refuses far smaller states first.
  /// A state has at least one qubit.
  public static var maximumQubitCount: Int { 60 }

  /// The basis state |0…0⟩ on `qubits` qubits.
  ///
  /// - Parameter memoryLimit: the most memory the state may take (default: what the machine has available).
  /// - Complexity: O(2^n) time and 2^n · 2 · size of `Scalar` bytes.
  /// - Throws: ``SimulationError/insufficientMemory(qubits:bytesNeeded:bytesAvailable:)`` before allocating
  ///   when the state does not fit; ``SimulationError/invalidQubitCount(_:maximum:)``.
  public init(qubits: Int, memoryLimit: MemoryLimit = .available) throws(SimulationError) {
    try self.init(basisState: 0, qubits: qubits, memoryLimit: memoryLimit)
  }

  /// The computational basis state |index⟩ (bit k of `index` is qubit k).
  ///
  /// - Throws: ``SimulationError/basisStateOutOfRange(index:qubitCount:)``, or the errors of ``init(qubits:memoryLimit:)``.
  public init(basisState index: Int, qubits: Int, memoryLimit: MemoryLimit = .available) throws(SimulationError) {
    try self.init(uncheckedBasisState: index, qubits: qubits, memoryLimit: memoryLimit)
  }

  init(uncheckedBasisState index: Int, qubits: Int, memoryLimit: MemoryLimit) throws(SimulationError) {
    guard (1...Self.maximumQubitCount).contains(qubits) else {
      throw .invalidQubitCount(qubits, maximum: Self.maximumQubitCount)
    }
    guard index >= 0, index < 1 << qubits else { throw .basisStateOutOfRange(index: index, qubitCount: qubits) }
    try memoryLimit.check(qubits: qubits, scalar: Scalar.self)
    qubitCount = qubits
    buffer = AmplitudeBuffer(count: 1 << qubits)
    buffer.base[2 * index] = 1
  }

  /// A state with the given amplitudes (index i = basis state i, little-endian).
  ///
  /// - Parameter tolerance: how far the norm may be from 1.
  /// - Throws: ``SimulationError/amplitudeCountNotPowerOfTwo(_:)``, ``SimulationError/notNormalized(norm:tolerance:)``,
  ///   or ``SimulationError/insufficientMemory(qubits:bytesNeeded:bytesAvailable:)``.
  public init(amplitudes: [Complex<Scalar>], tolerance: Double = 1e-6, memoryLimit: MemoryLimit = .available)
    throws(SimulationError)
  {
    let count = amplitudes.count
    guard count > 0, count & (count - 1) == 0 else { throw .amplitudeCountNotPowerOfTwo(count) }
    let norm = amplitudes.reduce(0.0) { $0 + Double($1.lengthSquared) }.squareRoot()
    guard abs(norm - 1) <= tolerance else { throw .notNormalized(norm: norm, tolerance: tolerance) }
    try self.init(qubits: count.trailingZeroBitCount, memoryLimit: memoryLimit)
    for (index, amplitude) in amplitudes.enumerated() {
      buffer.base[2 * index] = amplitude.real
      buffer.base[2 * index + 1] = amplitude.imaginary
    }
  }

  /// The number of amplitudes, 2^n.
  public var count: Int { buffer.count }

  /// All amplitudes, index i = basis state i (little-endian).
  /// - Complexity: O(2^n); copies the state.
  public var amplitudes: [Complex<Scalar>] {
    let scalars = buffer.scalars
    return (0..<count).map { Complex(scalars[2 * $0], scalars[2 * $0 + 1]) }
  }

  /// The amplitude of basis state `index` (bit k of `index` is qubit k).
  ///
  /// - Throws: ``SimulationError/basisStateOutOfRange(index:qubitCount:)``.
  public func amplitude(of index: Int) throws(SimulationError) -> Complex<Scalar> {
    guard index >= 0, index < count else { throw .basisStateOutOfRange(index: index, qubitCount: qubitCount) }
    return Complex(buffer.base[2 * index], buffer.base[2 * index + 1])
  }

  /// Sets the state to the basis state |index⟩ in place, reusing its storage: the way to
  /// start each run of a parameter sweep or a benchmark without allocating.
  ///
  /// - Complexity: one write pass over the state.
  /// - Throws: ``SimulationError/basisStateOutOfRange(index:qubitCount:)``.
  public mutating func setBasisState(_ index: Int) throws(SimulationError) {
    guard index >= 0, index < count else { throw .basisStateOutOfRange(index: index, qubitCount: qubitCount) }
    let base = uniqueBase()
    let threads = count >= 2 * Self.reductionChunk ? threadCount : 1
    let total = 2 * count
    ParallelLoop.forEachChunk(count: threads, threads: threads, minimumPerThread: 1) { chunks in
      for chunk in chunks {
        let start = total * chunk / threads
        UnsafeMutableRawPointer(base + start).initializeMemory(
          as: UInt8.self, repeating: 0, count: (total * (chunk + 1) / threads - start) * MemoryLayout<Scalar>.stride)
      }
    }
    base[2 * index] = 1
  }

  /// The squared norm Σ|aᵢ|², accumulated in `Double`.
  /// - Complexity: one pass over the state.
  public var normSquared: Double { squaredNorm() }

  @_specialize(where Scalar == Double)
  @_specialize(where Scalar == Float)
  func squaredNorm() -> Double {
    parallelSum(count: count) { range, scalars in
      var sum = 0.0
      for i in range { sum += Double(scalars[2 * i] * scalars[2 * i] + scalars[2 * i + 1] * scalars[2 * i + 1]) }
      return sum
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

  /// The fewest amplitudes worth a thread in a reduction.
  static var reductionChunk: Int { 1 << 17 }
}

extension StateVector: CustomStringConvertible {
  /// The non-zero amplitudes as `|bits⟩: re+im·i` lines, qubit 0 rightmost (at most 32 lines).
  public var description: String {
    var lines = ["StateVector<\(Scalar.self)>(\(qubitCount) qubits)"]
    for index in 0..<count where lines.count <= 32 {
      let re = Double(buffer.base[2 * index]), im = Double(buffer.base[2 * index + 1])
      guard re * re + im * im > 1e-20 else { continue }
      lines.append("  |\(BitString.make(index, width: qubitCount))⟩: \(re)\(im < 0 ? "-" : "+")\(abs(im))i")
    }
    return lines.joined(separator: "\n")
  }
}

/// Bitstrings with qubit 0 rightmost, as Qiskit prints them.
enum BitString {
  static func make(_ value: Int, width: Int) -> String {
    String((0..<width).reversed().map { value >> $0 & 1 == 1 ? "1" : "0" })
  }
}

extension StateVector where Scalar == Double {
  /// The basis state |0…0⟩ in double precision, so that `StateVector(qubits: n)` needs no type annotation.
  ///
  /// - Throws: see ``init(qubits:memoryLimit:)``.
  public init(qubits: Int, memoryLimit: MemoryLimit = .available) throws(SimulationError) {
    try self.init(basisState: 0, qubits: qubits, memoryLimit: memoryLimit)
  }

  /// The basis state |index⟩ in double precision.
  public init(basisState index: Int, qubits: Int, memoryLimit: MemoryLimit = .available) throws(SimulationError) {
    try self.init(uncheckedBasisState: index, qubits: qubits, memoryLimit: memoryLimit)
  }
}
