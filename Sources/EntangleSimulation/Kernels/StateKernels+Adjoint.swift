import ComplexModule
import Synchronization

/// The two passes the adjoint gradient adds to the gate kernels.
extension StateKernels {
  /// A Pauli string as masks: P|i⟩ = phase · (−1)^popcount(i & signMask) |i ⊕ flipMask⟩.
  struct PauliTerm {
    var coefficient: Double
    var flipMask: Int
    var signMask: Int
    var phase: Complex<Double>
  }

  /// target = Σₖ cₖ Pₖ source, in one pass over both.
  ///
  /// In tiles of 2^12 amplitudes: a term's sign at j = i ⊕ flip is a per-term table of the
  /// parities of the tile's low bits times one sign for the tile, so each flip pattern's
  /// weights are vectorised sums over its terms, then one complex multiply-add per amplitude.
  ///
  /// - Complexity: O(2^n · terms) arithmetic, vectorised; one read of `source` per flip pattern
  ///   (in cache) and one write of `target`.
  @_specialize(where S == Double)
  @_specialize(where S == Float)
  static func applyPauliSum<S: AmplitudeScalar>(
    _ terms: [PauliTerm], from source: UnsafePointer<S>, to target: UnsafeMutablePointer<S>, qubitCount: Int, threads: Int
  ) {
    let count = 1 << qubitCount
    let tile = Swift.min(1 << 12, count)
    let lowMask = tile - 1
    var byFlip: [Int: [PauliTerm]] = [:]
    for term in terms { byFlip[term.flipMask, default: []].append(term) }
    let groups = byFlip.sorted { $0.key < $1.key }
    // The low-bit sign table of every term, in group order.
    let signs = groups.flatMap(\.value).flatMap { term in
      (0..<tile).map { ($0 & term.signMask & lowMask).nonzeroBitCount & 1 == 0 ? 1.0 : -1.0 }
    }
    ParallelLoop.forEachChunk(count: count / tile, threads: threads, minimumPerThread: Swift.max(1, (1 << 17) / tile)) { tiles in
      let buffers = UnsafeMutablePointer<Double>.allocate(capacity: 4 * tile)
      defer { buffers.deallocate() }
      let sumReal = buffers, sumImaginary = buffers + tile, weightReal = buffers + 2 * tile, weightImaginary = buffers + 3 * tile
      signs.withUnsafeBufferPointer { signs in
        for tileIndex in tiles {
          let tileStart = tileIndex &* tile
          sumReal.update(repeating: 0, count: tile)
          sumImaginary.update(repeating: 0, count: tile)
          var termIndex = 0
          for (flipMask, members) in groups {
            // Weights w[k] = Σ_t c_t · phase_t · sign_t(j) for j = (tileStart + k) ⊕ flip.
            weightReal.update(repeating: 0, count: tile)
            weightImaginary.update(repeating: 0, count: tile)
            let partner = tileStart ^ flipMask
            for term in members {
              // parity((k ⊕ flipLow) & z) = parity(k & z) ⊕ parity(flipLow & z); the high bits are the partner tile's.
              let constantBits = (partner & ~lowMask | flipMask & lowMask) & term.signMask
              let sign: Double = constantBits.nonzeroBitCount & 1 == 0 ? 1 : -1
              let a = sign * term.coefficient * term.phase.real, b = sign * term.coefficient * term.phase.imaginary
              let table = signs.baseAddress! + termIndex &* tile
              for k in 0..<tile {
                weightReal[k] += a * table[k]
                weightImaginary[k] += b * table[k]
              }
              termIndex += 1
            }
            for k in 0..<tile {
              let j = partner &+ (k ^ (flipMask & lowMask)) &- (partner & lowMask)
              let x = Double(source[2 &* j]), y = Double(source[2 &* j &+ 1])
              sumReal[k] += weightReal[k] * x - weightImaginary[k] * y
              sumImaginary[k] += weightReal[k] * y + weightImaginary[k] * x
            }
          }
          for k in 0..<tile {
            target[2 &* (tileStart &+ k)] = S(sumReal[k])
            target[2 &* (tileStart &+ k) &+ 1] = S(sumImaginary[k])
          }
        }
      }
    }
  }

  /// ⟨bra| M |ket⟩ for a matrix M on `targets` (row-major, bit i of an index for
  /// `targets[i]`) acting where every qubit of `controlMask` is 1, and as zero elsewhere:
  /// the derivative of a controlled gate. Nothing is written.
  ///
  /// - Complexity: one read of both states where the controls are 1; O(4^k) per group of
  ///   2^k amplitudes.
  @_specialize(where S == Double)
  @_specialize(where S == Float)
  static func braket<S: AmplitudeScalar>(
    _ bra: UnsafePointer<S>, _ matrix: [Complex<Double>], targets: [Int], controlMask: Int, _ ket: UnsafePointer<S>,
    qubitCount: Int, threads: Int
  ) -> Complex<Double> {
    if let result = braketByLanes(bra, matrix, targets: targets, controlMask: controlMask, ket, qubitCount: qubitCount, threads: threads) {
      return result
    }
    if let lowest = targets.min(), lowest >= 2, (controlMask >> lowest) << lowest == controlMask {
      return braketInRuns(bra, matrix, targets: targets, controlMask: controlMask, ket, qubitCount: qubitCount, threads: threads)
    }
    let k = targets.count
    let dimension = 1 << k
    let offsets = (0..<dimension).map { value in
      targets.enumerated().reduce(0) { $0 | (value >> $1.offset & 1) << $1.element }
    }
    let sortedTargets = targets.sorted()
    // Split into real and imaginary parts once: the loop below then does plain FMAs.
    let matrixReal = matrix.map(\.real), matrixImaginary = matrix.map(\.imaginary)
    let sums = Mutex<[Complex<Double>]>([])
    ParallelLoop.forEachChunk(count: 1 << (qubitCount - k), threads: threads, minimumPerThread: Swift.max(1, (1 << 17) >> k)) {
      range in
      var real = 0.0, imaginary = 0.0
      withUnsafeTemporaryAllocation(of: Double.self, capacity: 2 * dimension) { ketValues in
        matrixReal.withUnsafeBufferPointer { mr in
          matrixImaginary.withUnsafeBufferPointer { mi in
            offsets.withUnsafeBufferPointer { offsets in
              for group in range {
                // The group's index with a 0 at each target: insert the zero bits, lowest first.
                var base = group
                for target in sortedTargets { base = (base >> target) << (target + 1) | (base & ((1 << target) - 1)) }
                guard base & controlMask == controlMask else { continue }
                for column in 0..<dimension {
                  let index = 2 &* (base | offsets[column])
                  ketValues[2 * column] = Double(ket[index])
                  ketValues[2 * column + 1] = Double(ket[index &+ 1])
                }
                for row in 0..<dimension {
                  var re = 0.0, im = 0.0
                  for column in 0..<dimension {
                    let a = mr[row &* dimension &+ column], b = mi[row &* dimension &+ column]
                    let x = ketValues[2 * column], y = ketValues[2 * column + 1]
                    re += a * x - b * y
                    im += a * y + b * x
                  }
                  // conj(bra) · value
                  let index = 2 &* (base | offsets[row])
                  let braReal = Double(bra[index]), braImaginary = Double(bra[index &+ 1])
                  real += braReal * re + braImaginary * im
                  imaginary += braReal * im - braImaginary * re
                }
              }
            }
          }
        }
      }
      sums.withLock { $0.append(Complex(real, imaginary)) }
    }
    // Summed in a fixed order, so that a result does not depend on which thread finished first.
    return sums.withLock { parts in
      parts.sorted { ($0.real, $0.imaginary) < ($1.real, $1.imaginary) }.reduce(.zero, +)
    }
  }

  /// ``braket(_:_:targets:controlMask:_:qubitCount:threads:)`` when every target is at least 2
  /// and every control above the lowest target t: the amplitudes then come in contiguous
  /// runs of 2^t over which the target and control bits are fixed, so ⟨λ|M|ψ⟩ is
  /// Σ_ab M_ab · Σ_runs conj(λ_a)·ψ_b, each inner sum a SIMD dot product over a run in cache,
  /// for the entries M_ab that are not zero (only a = b for a diagonal). Runs whose controls
  /// are not all 1 are skipped unread.
  ///
  /// - Complexity: one read of both states where the controls are 1, at memory speed.
  @_specialize(where S == Double)
  @_specialize(where S == Float)
  static func braketInRuns<S: AmplitudeScalar>(
    _ bra: UnsafePointer<S>, _ matrix: [Complex<Double>], targets: [Int], controlMask: Int, _ ket: UnsafePointer<S>,
    qubitCount: Int, threads: Int
  ) -> Complex<Double> {
    let dimension = 1 << targets.count
    let sortedTargets = targets.sorted()
    let run = 1 << sortedTargets[0]
    let offsets = (0..<dimension).map { value in
      targets.enumerated().reduce(0) { $0 | (value >> $1.offset & 1) << $1.element }
    }
    let entries = (0..<dimension * dimension).filter { matrix[$0] != .zero }
    let rowOffsets = entries.map { offsets[$0 / dimension] }, columnOffsets = entries.map { offsets[$0 % dimension] }
    let groups = 1 << (qubitCount - targets.count - sortedTargets[0])
    let sums = Mutex<[[Complex<Double>]]>([])
    ParallelLoop.forEachChunk(count: groups, threads: threads, minimumPerThread: Swift.max(1, (1 << 17) / (run * dimension))) {
      range in
      // Per entry, SIMD accumulators of conj(λ)·ψ over every run: real parts summed over all
      // scalars, imaginary parts as the alternating sum of λ·swap(ψ). Folded into Double every
      // 64 groups, so that Float sums stay accurate, and at the end.
      var real = [SIMD8<S>](repeating: .zero, count: entries.count)
      var swapped = [SIMD8<S>](repeating: .zero, count: entries.count)
      var totals = [Complex<Double>](repeating: .zero, count: entries.count)
      let even = SIMD8<S>(1, 0, 1, 0, 1, 0, 1, 0)
      func fold() {
        for index in entries.indices {
          totals[index] += Complex(
            Double(real[index].sum()), Double((swapped[index] * even).sum() - (swapped[index] * (1 - even)).sum()))
          real[index] = .zero
          swapped[index] = .zero
        }
      }
      let bytes = 8 &* MemoryLayout<S>.stride
      let end = 2 &* run &* MemoryLayout<S>.stride
      var sinceFold = 0
      for group in range {
        var base = group << sortedTargets[0]
        for target in sortedTargets { base = (base >> target) << (target + 1) | (base & ((1 << target) - 1)) }
        guard base & controlMask == controlMask else { continue }
        for index in entries.indices {
          let a = UnsafeRawPointer(bra + 2 &* (base | rowOffsets[index]))
          let b = UnsafeRawPointer(ket + 2 &* (base | columnOffsets[index]))
          var realSum = real[index], swappedSum = swapped[index]
          var offset = 0
          while offset < end {
            let x = a.loadUnaligned(fromByteOffset: offset, as: SIMD8<S>.self)
            let y = b.loadUnaligned(fromByteOffset: offset, as: SIMD8<S>.self)
            realSum = realSum.addingRelaxedProduct(x, y)
            swappedSum = swappedSum.addingRelaxedProduct(x, y.swappedRealImaginary)
            offset &+= bytes
          }
          real[index] = realSum
          swapped[index] = swappedSum
        }
        sinceFold &+= 1
        if sinceFold == 64 {
          fold()
          sinceFold = 0
        }
      }
      fold()
      sums.withLock { $0.append(totals) }
    }
    // Σ_e M_e · S_e, the parts summed in a fixed order so that a result does not depend on
    // which thread finished first.
    let parts = sums.withLock { $0 }.sorted { ($0.first?.real ?? 0, $0.first?.imaginary ?? 0) < ($1.first?.real ?? 0, $1.first?.imaginary ?? 0) }
    var result = Complex<Double>.zero
    for part in parts {
      for (index, entry) in entries.enumerated() { result += matrix[entry] * part[index] }
    }
    return result
  }

  /// ``braket(_:_:targets:controlMask:_:qubitCount:threads:)`` for a diagonal matrix on any
  /// targets, or a dense one on one target, in one linear pass over both states: every
  /// vector of four amplitudes adds conj(λ)·ψ (and, for a dense target, conj(λ)·ψ of the
  /// partner, a lane exchange or the vector at the target's stride) to lane-separated SIMD
  /// accumulators chosen by the vector's target and control bits above the lanes. The matrix
  /// entries and the controls are applied once, per accumulator lane, at the end. Nil when the
  /// matrix is neither, or more than 6 target and control qubits lie above the lanes.
  ///
  /// - Complexity: one read of both states (the partner reads hit cache), with no per-group
  ///   bookkeeping: the short runs of low targets cost what long ones do.
  @_specialize(where S == Double)
  @_specialize(where S == Float)
  static func braketByLanes<S: AmplitudeScalar>(
    _ bra: UnsafePointer<S>, _ matrix: [Complex<Double>], targets: [Int], controlMask: Int, _ ket: UnsafePointer<S>,
    qubitCount: Int, threads: Int
  ) -> Complex<Double>? {
    let dimension = 1 << targets.count
    let isDiagonal = matrix.indices.allSatisfy { $0 / dimension == $0 % dimension || matrix[$0] == .zero }
    guard qubitCount >= 2, isDiagonal || targets.count == 1 else { return nil }
    let keyMask = targets.reduce(controlMask) { $0 | 1 << $1 }
    let keyQubits = (2..<qubitCount).filter { keyMask >> $0 & 1 == 1 }
    guard keyQubits.count <= 6 else { return nil }
    let keys = 1 << keyQubits.count
    let target = targets[0]
    let partnerStride = isDiagonal || target < 2 ? 0 : 1 << (target - 2)
    let vectorCount = 1 << (qubitCount - 2)
    let sums = Mutex<[[Complex<Double>]]>([])
    ParallelLoop.forEachChunk(count: vectorCount, threads: threads, minimumPerThread: 1 << 15) { range in
      // Per key: conj(λ)·ψ of the vector itself (same) and of its partner (cross), summed
      // lane by lane, folded into Double every 256 runs.
      let same = UnsafeMutablePointer<SIMD8<S>>.allocate(capacity: 2 * keys)
      let cross = UnsafeMutablePointer<SIMD8<S>>.allocate(capacity: 2 * keys)
      same.initialize(repeating: .zero, count: 2 * keys)
      cross.initialize(repeating: .zero, count: 2 * keys)
      defer {
        same.deallocate()
        cross.deallocate()
      }
      var totals = [Complex<Double>](repeating: .zero, count: 8 * keys)  // [key][lane], same then cross
      func fold() {
        for key in 0..<keys {
          for lane in 0..<4 {
            totals[8 * key + lane] += Complex(
              Double(same[2 * key][2 * lane] + same[2 * key][2 * lane + 1]),
              Double(same[2 * key + 1][2 * lane] - same[2 * key + 1][2 * lane + 1]))
            totals[8 * key + 4 + lane] += Complex(
              Double(cross[2 * key][2 * lane] + cross[2 * key][2 * lane + 1]),
              Double(cross[2 * key + 1][2 * lane] - cross[2 * key + 1][2 * lane + 1]))
          }
          same[2 * key] = .zero
          same[2 * key + 1] = .zero
          cross[2 * key] = .zero
          cross[2 * key + 1] = .zero
        }
      }
      let braVectors = UnsafeRawPointer(bra), ketVectors = UnsafeRawPointer(ket)
      let bytes = 8 &* MemoryLayout<S>.stride
      // The key is constant over runs of 2^(lowest key qubit − 2) vectors: accumulate a run in
      // registers, then add it to its key's accumulators.
      let run = keyQubits.first.map { 1 << ($0 - 2) } ?? vectorCount
      var vector = range.lowerBound
      var sinceFold = 0
      while vector < range.upperBound {
        let end = Swift.min(range.upperBound, (vector / run + 1) &* run)
        var key = 0
        for (bit, qubit) in keyQubits.enumerated() { key |= ((vector << 2) >> qubit & 1) << bit }
        var sameReal = SIMD8<S>(), sameSwapped = SIMD8<S>(), crossReal = SIMD8<S>(), crossSwapped = SIMD8<S>()
        while vector < end {
          let x = braVectors.loadUnaligned(fromByteOffset: vector &* bytes, as: SIMD8<S>.self)
          let y = ketVectors.loadUnaligned(fromByteOffset: vector &* bytes, as: SIMD8<S>.self)
          sameReal = sameReal.addingRelaxedProduct(x, y)
          sameSwapped = sameSwapped.addingRelaxedProduct(x, y.swappedRealImaginary)
          if !isDiagonal {
            let partner: SIMD8<S>
            switch target {
            case 0: partner = y.xorLanes(1)
            case 1: partner = y.xorLanes(2)
            default: partner = ketVectors.loadUnaligned(fromByteOffset: (vector ^ partnerStride) &* bytes, as: SIMD8<S>.self)
            }
            crossReal = crossReal.addingRelaxedProduct(x, partner)
            crossSwapped = crossSwapped.addingRelaxedProduct(x, partner.swappedRealImaginary)
          }
          vector &+= 1
        }
        same[2 &* key] += sameReal
        same[2 &* key &+ 1] += sameSwapped
        cross[2 &* key] += crossReal
        cross[2 &* key &+ 1] += crossSwapped
        sinceFold &+= 1
        if sinceFold == 256 {
          fold()
          sinceFold = 0
        }
      }
      fold()
      sums.withLock { $0.append(totals) }
    }
    // The matrix and the controls, per key and lane; parts summed in a fixed order.
    let parts = sums.withLock { $0 }.sorted { ($0[0].real, $0[0].imaginary) < ($1[0].real, $1[0].imaginary) }
    var result = Complex<Double>.zero
    for key in 0..<keys {
      var high = 0
      for (bit, qubit) in keyQubits.enumerated() { high |= (key >> bit & 1) << qubit }
      for lane in 0..<4 {
        let index = high | lane
        guard index & controlMask == controlMask else { continue }
        let pattern = targets.enumerated().reduce(0) { $0 | (index >> $1.element & 1) << $1.offset }
        for part in parts {
          result += matrix[pattern * dimension + pattern] * part[8 * key + lane]
          if !isDiagonal { result += matrix[pattern * dimension + (1 - pattern)] * part[8 * key + 4 + lane] }
        }
      }
    }
    return result
  }
}
