import ComplexModule

extension StateKernels {
  /// Applies the 2- to 5-target matrix whose entry (row, column) is `entry(row, column)`,
  /// as a sum of lane terms of type `Term` per output vector.
  ///
  /// A group is the `H = 2^h` vectors selected by the h high targets. Output vector `r` of
  /// a group is `Σ_{s, x} T[r, s, x](exchange_x(input s))`, where `exchange_x` exchanges
  /// lane l with lane l ^ x for every x that only flips low-target lane bits, and the term
  /// `T[r, s, x]` carries, per lane, the matrix entry that lane needs (the identity in
  /// lanes whose low control bits are not all set). With no low targets this is the plain
  /// matrix-vector product on whole vectors.
  static func mixGroups<Term: LaneTerm>(
    _ term: Term.Type, entry: (_ row: Int, _ column: Int) -> Complex<Double>, targets: [Int],
    layout: VectorLayout, to vectors: UnsafeMutablePointer<Term.Vector>, threads: Int
  ) {
    assert((2...5).contains(targets.count))
    let dimension = 1 << targets.count
    let highCount = 1 << layout.highTargetCount
    let exchanges = dimension / highCount
    withUnsafeTemporaryAllocation(of: Int.self, capacity: highCount) { offsetBuffer in
      let offsets = offsetBuffer.baseAddress!
      for high in 0..<highCount {
        offsets[high] = layout.vectorOffset(highPart: high, targets: targets)
      }
      withUnsafeTemporaryAllocation(of: Term.self, capacity: highCount * dimension) {
        termBuffer in
        // Row r's terms are contiguous, in the order the kernel walks them: input s, then
        // distance x over the subsets of the low-target lane bits in increasing order.
        let terms = termBuffer.baseAddress!
        for row in 0..<highCount {
          for column in 0..<highCount {
            var distance = 0
            for exchange in 0..<exchanges {
              (terms + (row * dimension + column * exchanges + exchange)).initialize(
                to: Term(lanes: { lane in
                  guard layout.isControlled(lane: lane) else {
                    return row == column && distance == 0 ? (1, 0) : (0, 0)
                  }
                  let value = entry(
                    layout.matrixIndex(highPart: row, lane: lane, targets: targets),
                    layout.matrixIndex(highPart: column, lane: lane ^ distance, targets: targets))
                  return (value.real, value.imaginary)
                }))
              distance = (distance &- layout.lowTargetLanes) & layout.lowTargetLanes
            }
          }
        }
        // Constant loop bounds, so that the kernel's loops unroll, its sums stay in
        // registers and its terms are read at constant offsets. The bounds are types, not
        // arguments of an inlined function: the inliner gave up on a caller holding many
        // copies of the kernel, and the copy it left out of line, with variable bounds,
        // ran 2-8x slower (n = 20).
        switch exchanges {
        case 1: mixGroups(terms, offsets, exchanges: Count1.self, layout, vectors, threads)
        case 2: mixGroups(terms, offsets, exchanges: Count2.self, layout, vectors, threads)
        case 4: mixGroups(terms, offsets, exchanges: Count4.self, layout, vectors, threads)
        default: mixGroups(terms, offsets, exchanges: Count8.self, layout, vectors, threads)
        }
      }
    }
  }

  /// `mixGroups` with a constant number of lane exchanges: picks the constant group size.
  static func mixGroups<Term: LaneTerm, Exchanges: StaticCount>(
    _ terms: UnsafePointer<Term>, _ offsets: UnsafePointer<Int>, exchanges: Exchanges.Type,
    _ layout: VectorLayout, _ vectors: UnsafeMutablePointer<Term.Vector>, _ threads: Int
  ) {
    switch layout.highTargetCount {
    case 0:
      mixGroups(terms, offsets: offsets, Exchanges.self, Count1.self, layout, vectors, threads)
    case 1:
      mixGroups(terms, offsets: offsets, Exchanges.self, Count2.self, layout, vectors, threads)
    case 2:
      mixGroups(terms, offsets: offsets, Exchanges.self, Count4.self, layout, vectors, threads)
    case 3:
      mixGroups(terms, offsets: offsets, Exchanges.self, Count8.self, layout, vectors, threads)
    case 4:
      mixGroups(terms, offsets: offsets, Exchanges.self, Count16.self, layout, vectors, threads)
    default:
      mixGroups(terms, offsets: offsets, Exchanges.self, Count32.self, layout, vectors, threads)
    }
  }

  /// The kernel of `mixGroups`: all of a group's inputs are loaded and lane-exchanged
  /// before any output is stored, then the outputs are summed four at a time, each term's
  /// input shared by the four sums.
  ///
  /// Compute-bound from two targets: each term costs two multiplies and two additions per
  /// vector (Swift fuses no `a * b + c`, and `addingProduct` becomes a library call in a
  /// build without `-target-cpu`). From four targets the terms no longer fit in registers
  /// and the five-target table (128 KiB) not in L1, so the groups of the two runs of
  /// `forEachRunPair` are mixed together, each term loaded once for both.
  static func mixGroups<Term: LaneTerm, Exchanges: StaticCount, Highs: StaticCount>(
    _ terms: UnsafePointer<Term>, offsets: UnsafePointer<Int>, _ exchangeCount: Exchanges.Type,
    _ highs: Highs.Type, _ layout: VectorLayout, _ vectors: UnsafeMutablePointer<Term.Vector>,
    _ threads: Int
  ) {
    typealias Vector = Term.Vector
    let lowLanes = layout.lowTargetLanes
    ParallelLoop.forEachChunk(
      count: layout.groupCount, threads: threads,
      minimumPerThread: layout.minimumGroupsPerThread
    ) { groups in
      // One 8 KiB scratch area per chunk for the inputs and their swapped copies, used
      // through a pointer: each store is forwarded to the loads right after it in L1.
      // (Captured as a `var`, it cost a dynamic exclusivity check on every access.)
      var scratch = InlineArray<128, Vector>(repeating: Vector())
      withUnsafeMutablePointer(to: &scratch) { scratch in
        let inputs = UnsafeMutableRawPointer(scratch).assumingMemoryBound(to: Vector.self)
        let swapped = inputs + 64
        /// Mixes `pairCount` (1 or 2) groups at `first` and `second`.
        @inline(__always)
        func update(
          _ first: UnsafeMutablePointer<Vector>, _ second: UnsafeMutablePointer<Vector>,
          pairCount: Int
        ) {
          // Read here, not captured from outside the closures, so that they are constants
          // in each specialisation.
          let exchanges = Exchanges.value
          let highCount = Highs.value
          let termCount = highCount &* exchanges
          let rowBlock = Swift.min(highCount, 4)
          for pair in 0..<pairCount {
            let group = pair == 0 ? first : second
            for column in 0..<highCount {
              let amplitudes = group[offsets[column]]
              var distance = 0
              for exchange in 0..<exchanges {
                let exchanged = amplitudes.exchangingLanes(distance)
                let index = pair &* termCount &+ column &* exchanges &+ exchange
                inputs[index] = exchanged
                swapped[index] = exchanged.swappedRealImaginary
                distance = (distance &- lowLanes) & lowLanes
              }
            }
          }
          var row = 0
          while row < highCount {
            var sums = InlineArray<8, Vector>(repeating: Vector())
            for term in 0..<termCount {
              for block in 0..<rowBlock {
                let coefficient = terms[(row &+ block) &* termCount &+ term]
                for pair in 0..<pairCount {
                  let input = inputs[pair &* termCount &+ term]
                  let swappedInput = swapped[pair &* termCount &+ term]
                  if term == 0 {
                    sums[pair &* 4 &+ block] = coefficient.contribution(
                      of: input, swapped: swappedInput)
                  } else {
                    coefficient.accumulate(
                      input, swapped: swappedInput, into: &sums[pair &* 4 &+ block])
                  }
                }
              }
            }
            for block in 0..<rowBlock {
              first[offsets[row &+ block]] = sums[block]
              if pairCount == 2 { second[offsets[row &+ block]] = sums[4 &+ block] }
            }
            row &+= rowBlock
          }
        }
        layout.forEachRunPair(in: groups) { first, second, count in
          for index in 0..<count {
            if Highs.value &* Exchanges.value >= 16 {
              update(vectors + (first &+ index), vectors + (second &+ index), pairCount: 2)
            } else {
              update(vectors + (first &+ index), vectors, pairCount: 1)
              update(vectors + (second &+ index), vectors, pairCount: 1)
            }
          }
        } single: { first, count in
          for index in 0..<count { update(vectors + (first &+ index), vectors, pairCount: 1) }
        }
      }
    }
  }
}

/// A count known at compile time: a kernel generic over it is specialised with constant
/// loop bounds.
protocol StaticCount { static var value: Int { get } }
enum Count1: StaticCount { static var value: Int { 1 } }
enum Count2: StaticCount { static var value: Int { 2 } }
enum Count4: StaticCount { static var value: Int { 4 } }
enum Count8: StaticCount { static var value: Int { 8 } }
enum Count16: StaticCount { static var value: Int { 16 } }
enum Count32: StaticCount { static var value: Int { 32 } }
