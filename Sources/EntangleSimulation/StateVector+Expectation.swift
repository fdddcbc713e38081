import RealModule
import EntangleCircuits
import ComplexModule

extension StateVector {
  /// ⟨ψ|P|ψ⟩ for a Pauli string P (qubit k of P acts on qubit k of the state).
  ///
  /// - Complexity: one pass, no copy of the state.
  /// - Throws: ``SimulationError/qubitOutOfRange(qubit:qubitCount:)`` when P names a qubit the state lacks.
  public func expectation(of pauli: PauliString) throws(SimulationError) -> Double {
    try expectation(of: PauliSum([PauliSum.Term(1, pauli)]))
  }

  /// ⟨ψ|H|ψ⟩ for a weighted sum of Pauli strings H = Σ cₖ Pₖ.
  ///
  /// All terms share one pass over memory, in tiles that stay in cache while every X/Y pattern
  /// reads them; terms that flip the same qubits share their loads and differ only in signs.
  /// - Complexity: one pass over memory; O(2^n · terms) arithmetic; no copy of the state.
  /// - Throws: ``SimulationError/qubitOutOfRange(qubit:qubitCount:)``.
  @_specialize(where Scalar == Double)
  @_specialize(where Scalar == Float)
  public func expectation(of observable: PauliSum) throws(SimulationError) -> Double {
    var groups: [Int: [(coefficient: Double, signMask: Int, phase: Complex<Double>)]] = [:]
    var total = 0.0
    for term in observable.terms {
      if let qubit = term.pauli.qubits.last, qubit >= qubitCount {
        throw .qubitOutOfRange(qubit: qubit, qubitCount: qubitCount)
      }
      let masks = term.pauli.bitMasks
      if masks.xMask == 0 && masks.zMask == 0 {
        total += term.coefficient * normSquared
        continue
      }
      groups[masks.xMask, default: []].append(
        (term.coefficient, masks.zMask, Complex(masks.phase.real, masks.phase.imaginary)))
    }
    let sortedGroups = groups.sorted(by: { $0.key < $1.key })
    guard !sortedGroups.isEmpty else { return total }
    // One pass for all patterns: each tile of 2^12 amplitudes meets every pattern while it is
    // in cache (the partner tile i ⊕ flip is one aligned tile too). A term's sign is the
    // parity of i & signMask: the tile's high bits give one sign for the whole tile, the low
    // bits a table made once, so each term costs two vectorised dot products per tile.
    let tile = Swift.min(1 << 12, count)
    let lowMask = tile - 1
    // Every term's table of low-bit signs, one after another.
    let terms = sortedGroups.flatMap(\.value)
    let signs = terms.flatMap { term in
      (0..<tile).map { ($0 & term.signMask & lowMask).nonzeroBitCount & 1 == 0 ? 1.0 : -1.0 }
    }
    total += parallelSum(count: count) { range, scalars in
      var sum = 0.0
      let real = UnsafeMutablePointer<Double>.allocate(capacity: tile)
      let imaginary = UnsafeMutablePointer<Double>.allocate(capacity: tile)
      defer {
        real.deallocate()
        imaginary.deallocate()
      }
      signs.withUnsafeBufferPointer { signs in
        var tileStart = range.lowerBound
        while tileStart < range.upperBound {
          let length = Swift.min(tile, range.upperBound - tileStart)
          var termIndex = 0
          for (flipMask, groupTerms) in sortedGroups {
            // conj(ψ_j) · ψ_i for j = i ⊕ flip, in runs over which j is contiguous too.
            let run = 1 << Swift.min(flipMask.trailingZeroBitCount, 12)
            var runStart = 0
            while runStart < length {
              let a = scalars + 2 &* (tileStart &+ runStart)
              let b = scalars + 2 &* ((tileStart &+ runStart) ^ flipMask)
              for k in 0..<Swift.min(run, length &- runStart) {
                real[runStart &+ k] = Double(b[2 &* k] * a[2 &* k] + b[2 &* k &+ 1] * a[2 &* k &+ 1])
                imaginary[runStart &+ k] = Double(b[2 &* k] * a[2 &* k &+ 1] - b[2 &* k &+ 1] * a[2 &* k])
              }
              runStart &+= run
            }
            for term in groupTerms {
              let table = signs.baseAddress! + termIndex &* tile
              let (realSum, imaginarySum) = Self.signedSums(real, imaginary, signs: table, count: length)
              let tileSign: Double = (tileStart & term.signMask & ~lowMask).nonzeroBitCount & 1 == 0 ? 1 : -1
              sum += tileSign * term.coefficient * (term.phase.real * realSum - term.phase.imaginary * imaginarySum)
              termIndex += 1
            }
          }
          tileStart += length
        }
      }
      return sum
    }
    return total
  }

  /// (Σ sₖ rₖ, Σ sₖ iₖ) over `count` entries, eight lanes at a time.
  private static func signedSums(
    _ real: UnsafePointer<Double>, _ imaginary: UnsafePointer<Double>, signs: UnsafePointer<Double>, count: Int
  ) -> (Double, Double) {
    var realLanes = SIMD8<Double>(), imaginaryLanes = SIMD8<Double>()
    var k = 0
    while k &+ 8 <= count {
      let sign = UnsafeRawPointer(signs + k).loadUnaligned(as: SIMD8<Double>.self)
      realLanes.addProduct(sign, UnsafeRawPointer(real + k).loadUnaligned(as: SIMD8<Double>.self))
      imaginaryLanes.addProduct(sign, UnsafeRawPointer(imaginary + k).loadUnaligned(as: SIMD8<Double>.self))
      k &+= 8
    }
    var realSum = realLanes.sum(), imaginarySum = imaginaryLanes.sum()
    while k < count {
      realSum += signs[k] * real[k]
      imaginarySum += signs[k] * imaginary[k]
      k &+= 1
    }
    return (realSum, imaginarySum)
  }

  /// ⟨self|other⟩ = Σ conj(aᵢ) bᵢ, accumulated in `Double`.
  ///
  /// - Complexity: one pass over both states.
  /// - Throws: ``SimulationError/sizeMismatch(expected:actual:what:)`` when the qubit counts differ.
  @_specialize(where Scalar == Double)
  @_specialize(where Scalar == Float)
  public func innerProduct(with other: StateVector) throws(SimulationError) -> Complex<Double> {
    guard other.qubitCount == qubitCount else {
      throw .sizeMismatch(expected: qubitCount, actual: other.qubitCount, what: "inner product")
    }
    let b = UnsafePointer(other.buffer.base)
    let real = parallelSum(count: count) { range, a in
      var sum = 0.0
      for i in range { sum += Double(a[2 * i] * b[2 * i] + a[2 * i + 1] * b[2 * i + 1]) }
      return sum
    }
    let imaginary = parallelSum(count: count) { range, a in
      var sum = 0.0
      for i in range { sum += Double(a[2 * i] * b[2 * i + 1] - a[2 * i + 1] * b[2 * i]) }
      return sum
    }
    return Complex(real, imaginary)
  }

  /// The fidelity |⟨self|other⟩|² of two pure states.
  ///
  /// - Throws: ``SimulationError/sizeMismatch(expected:actual:what:)``.
  public func fidelity(with other: StateVector) throws(SimulationError) -> Double {
    try innerProduct(with: other).lengthSquared
  }
}
