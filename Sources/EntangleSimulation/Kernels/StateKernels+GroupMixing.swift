import ComplexModule

/// A count known at compile time: a kernel generic over it is specialised with constant
/// loop bounds.
protocol StaticCount { static var value: Int { get } }
enum Count1: StaticCount { static var value: Int { 1 } }
enum Count2: StaticCount { static var value: Int { 2 } }
enum Count4: StaticCount { static var value: Int { 4 } }
enum Count8: StaticCount { static var value: Int { 8 } }

extension StateKernels {
  /// Applies the 2- to 5-target dense `matrix` (row-major, index bit i for `targets[i]`)
  /// as a matrix-vector product on whole vectors.
  ///
  /// `layout` is the placement of `standIns`, the targets with each low target replaced
  /// by a free high qubit. A group's `2^k` vectors are loaded, and for each low target
  /// the pairs of vectors that differ in its stand-in exchange that lane bit with it
  /// (`SIMD.exchangeLaneBit`); then vector j holds the amplitudes with target bits j in
  /// every lane, output vector r is `Σ_j matrix[r, j] · input j` with each entry
  /// broadcast from a scalar, and the same exchanges put the outputs back. Lanes whose low
  /// control bits are not all set keep their input.
  static func mixVectors<V: SIMD>(
    _ matrix: [Complex<Double>], targets: [Int], standIns: [Int], layout: VectorLayout,
    to vectors: UnsafeMutablePointer<V>, threads: Int
  ) where V.Scalar: AmplitudeScalar {
    assert((2...5).contains(targets.count))
    let dimension = 1 << targets.count
    var exchanges = LaneExchanges()
    for (position, target) in targets.enumerated() where target < layout.laneBits {
      exchanges.append(matrixBit: position, distance: 1 &<< target)
    }
    withUnsafeTemporaryAllocation(of: Int.self, capacity: 3 * dimension) { tables in
      // `offsets[j]`: the vector offset of matrix index j. `order`: the matrix indices in
      // blocks of `2^l` (l low targets) that differ only in low-target bits, the vectors
      // that exchange lanes with one another. `identity[j]`: j.
      let offsets = tables.baseAddress!
      let order = offsets + dimension
      let identity = order + dimension
      for column in 0..<dimension {
        offsets[column] = layout.vectorOffset(highPart: column, targets: standIns)
        identity[column] = column
      }
      let lowBits = exchanges.matrixBitMask
      let blockSize = 1 &<< exchanges.count
      var position = 0
      for base in 0..<dimension where base & lowBits == 0 {
        for member in 0..<blockSize {
          order[position &+ member] = base | depositBits(member, lowBits)
        }
        position &+= blockSize
      }
      withScalarEntries(of: matrix, as: V.Scalar.self) { entries in
        // A constant block size, so that each block's vectors stay in registers.
        let tables = (
          offsets: UnsafePointer(offsets), order: UnsafePointer(order),
          identity: UnsafePointer(identity)
        )
        switch blockSize {
        case 1: mixVectors(entries, tables, Count1.self, exchanges, layout, vectors, threads)
        case 2: mixVectors(entries, tables, Count2.self, exchanges, layout, vectors, threads)
        case 4: mixVectors(entries, tables, Count4.self, exchanges, layout, vectors, threads)
        default: mixVectors(entries, tables, Count8.self, exchanges, layout, vectors, threads)
        }
      }
    }
  }

  /// `value`'s bits placed, lowest first, at the set bits of `mask`.
  static func depositBits(_ value: Int, _ mask: Int) -> Int {
    var result = 0
    var remaining = mask
    var bit = 0
    while remaining != 0 {
      let lowest = remaining & (0 &- remaining)
      if value &>> bit & 1 == 1 { result |= lowest }
      remaining &= remaining &- 1
      bit &+= 1
    }
    return result
  }

  /// Calls `body` with `matrix` as interleaved (real, imaginary) scalars of `Scalar`: the
  /// matrix's own storage for `Double`, a converted copy otherwise.
  @inline(__always)
  static func withScalarEntries<Scalar: AmplitudeScalar>(
    of matrix: [Complex<Double>], as scalar: Scalar.Type,
    _ body: (UnsafePointer<Scalar>) -> Void
  ) {
    if Scalar.self == Double.self {
      matrix.withUnsafeBufferPointer { buffer in
        body(UnsafeRawPointer(buffer.baseAddress!).assumingMemoryBound(to: Scalar.self))
      }
      return
    }
    withUnsafeTemporaryAllocation(of: Scalar.self, capacity: 2 * matrix.count) { buffer in
      let entries = buffer.baseAddress!
      for (index, entry) in matrix.enumerated() {
        entries[2 &* index] = Scalar(entry.real)
        entries[2 &* index &+ 1] = Scalar(entry.imaginary)
      }
      body(entries)
    }
  }

  /// The kernel of `mixVectors` for a constant block of vectors that exchange lanes: two
  /// groups at a time, all of their inputs copied (each block lane-exchanged in registers)
  /// before any output is stored, then the outputs summed four rows at a time, each
  /// broadcast entry serving both groups.
  static func mixVectors<V: SIMD, Block: StaticCount>(
    _ entries: UnsafePointer<V.Scalar>,
    _ tables: (
      offsets: UnsafePointer<Int>, order: UnsafePointer<Int>, identity: UnsafePointer<Int>
    ),
    _ block: Block.Type, _ exchanges: LaneExchanges, _ layout: VectorLayout,
    _ vectors: UnsafeMutablePointer<V>, _ threads: Int
  ) where V.Scalar: AmplitudeScalar {
    let (offsets, order) = (tables.offsets, tables.order)
    let blends = layout.lowControlLanes != 0
    // Without lane exchanges and blends the sums go straight to the state.
    let direct = Block.value == 1 && !blends
    let size = 1 &<< layout.highTargetCount
    let sign = V.realSigns
    let controlled = layout.controlledLanes(of: V.self)
    let prefetch = Prefetcher(
      vectorCount: layout.vectorCount, memberOffsets: UnsafeBufferPointer(start: offsets, count: size))
    ParallelLoop.forEachChunk(
      count: layout.groupCount, threads: threads,
      minimumPerThread: layout.minimumGroupsPerThread
    ) { groups in
      // One 12 KiB scratch area per chunk for the inputs of two groups, their signed
      // swapped copies and the outputs, used through a pointer (captured as a `var`, it
      // cost a dynamic exclusivity check on every access).
      var scratch = InlineArray<192, V>(repeating: V())
      withUnsafeMutablePointer(to: &scratch) { scratch in
        let inputs = UnsafeMutableRawPointer(scratch).assumingMemoryBound(to: V.self)
        let swapped = inputs + 64
        let outputs = inputs + 128
        /// Copies a group's inputs, lane-exchanged, into the scratch area at `base`.
        @inline(__always)
        func load(_ group: UnsafeMutablePointer<V>, base: Int) {
          for start in stride(from: 0, to: size, by: Block.value) {
            var lanes = InlineArray<8, V>(repeating: V())
            for member in 0..<Block.value {
              lanes[member] = group[offsets[order[start &+ member]]]
            }
            exchanges.apply(to: &lanes, Block.self)
            for member in 0..<Block.value {
              let index = base &+ order[start &+ member]
              inputs[index] = lanes[member]
              swapped[index] = lanes[member].swappedRealImaginary * sign
            }
          }
        }
        /// Stores a group's outputs from the scratch area at `base`, lane-exchanged back.
        @inline(__always)
        func store(_ group: UnsafeMutablePointer<V>, base: Int) {
          for start in stride(from: 0, to: size, by: Block.value) {
            var lanes = InlineArray<8, V>(repeating: V())
            for member in 0..<Block.value {
              let index = base &+ order[start &+ member]
              lanes[member] = outputs[index]
              if blends { lanes[member].replace(with: inputs[index], where: .!controlled) }
            }
            exchanges.apply(to: &lanes, Block.self)
            for member in 0..<Block.value {
              group[offsets[order[start &+ member]]] = lanes[member]
            }
          }
        }
        /// Mixes the groups at `first` and `second` (the same group twice is allowed).
        @inline(__always)
        func update(_ first: UnsafeMutablePointer<V>, _ second: UnsafeMutablePointer<V>) {
          load(first, base: 0)
          load(second, base: size)
          for row in stride(from: 0, to: size, by: 4) {
            if direct {
              sumRows(
                entries, inputs, swapped, into: (first, second), offsets, row: row, size: size)
            } else {
              sumRows(
                entries, inputs, swapped, into: (outputs, outputs + size), tables.identity,
                row: row, size: size)
            }
          }
          guard !direct else { return }
          store(first, base: 0)
          store(second, base: size)
        }
        layout.forEachRunPair(in: groups) { first, second, count in
          for index in 0..<count {
            if prefetch.isEnabled {
              for member in 0..<size {
                prefetch.ahead(of: vectors + (first &+ index &+ offsets[member]))
                prefetch.ahead(of: vectors + (second &+ index &+ offsets[member]))
              }
            }
            update(vectors + (first &+ index), vectors + (second &+ index))
          }
        } single: { first, count in
          for index in 0..<count {
            if prefetch.isEnabled {
              for member in 0..<size { prefetch.ahead(of: vectors + (first &+ index &+ offsets[member])) }
            }
            update(vectors + (first &+ index), vectors + (first &+ index))
          }
        }
      }
    }
  }
}

extension StateKernels {
  /// Output vectors `row..<row + 4` of two groups, stored at `groups.0[offsets[r]]` and
  /// `groups.1[offsets[r]]`: `Σ_j entry(r, j) · inputs[j]` and
  /// `Σ_j entry(r, j) · inputs[size + j]`, with `swapped` the inputs' signed swapped copies.
  ///
  /// Out of line and with a `size` known only at run time: with a constant size the loop
  /// over columns was unrolled, and LLVM's SLP vectoriser then split the `SIMD8<Double>`
  /// sums into 128-bit pieces (Swift 6.3), three times slower.
  @inline(never)
  static func sumRows<V: SIMD>(
    _ entries: UnsafePointer<V.Scalar>, _ inputs: UnsafePointer<V>, _ swapped: UnsafePointer<V>,
    into groups: (UnsafeMutablePointer<V>, UnsafeMutablePointer<V>),
    _ offsets: UnsafePointer<Int>, row: Int, size: Int
  ) where V.Scalar: AmplitudeScalar {
    var first0 = ProductSum<V>(), first1 = ProductSum<V>()
    var first2 = ProductSum<V>(), first3 = ProductSum<V>()
    var second0 = ProductSum<V>(), second1 = ProductSum<V>()
    var second2 = ProductSum<V>(), second3 = ProductSum<V>()
    let rowEntries = entries + 2 &* row &* size
    let rowStride = 2 &* size
    for column in 0..<size {
      let x = (inputs[column], swapped[column])
      let y = (inputs[size &+ column], swapped[size &+ column])
      let entry = rowEntries + 2 &* column
      ProductSum.add(entry, x, y, &first0, &second0)
      ProductSum.add(entry + rowStride, x, y, &first1, &second1)
      ProductSum.add(entry + 2 &* rowStride, x, y, &first2, &second2)
      ProductSum.add(entry + 3 &* rowStride, x, y, &first3, &second3)
    }
    let (first, second) = groups
    first[offsets[row]] = first0.value
    first[offsets[row &+ 1]] = first1.value
    first[offsets[row &+ 2]] = first2.value
    first[offsets[row &+ 3]] = first3.value
    second[offsets[row]] = second0.value
    second[offsets[row &+ 1]] = second1.value
    second[offsets[row &+ 2]] = second2.value
    second[offsets[row &+ 3]] = second3.value
  }
}

/// One output vector of `StateKernels.mixVectors` while it is summed.
///
/// An entry a + bi times amplitudes (x, y) is a·(x, y) + b·(−y, x): two multiply-adds
/// with a and b each one broadcast scalar and (−y, x) computed once per input. One sum per
/// output (eight in `sumRows`) rather than two: in a build without `-target-cpu` (16 SSE
/// registers, four per `SIMD8<Double>`) two sums spilled, and 2-3 target gates ran
/// 25-30% slower; with AVX-512 the difference was within the noise.
struct ProductSum<V: SIMD> where V.Scalar: AmplitudeScalar {
  var value = V()

  /// Adds the entry at `entry` (real, imaginary) times `x` to `sumX` and times `y` to
  /// `sumY`; each input comes with its signed swapped copy (−y, x).
  @inline(__always)
  static func add(
    _ entry: UnsafePointer<V.Scalar>, _ x: (V, V), _ y: (V, V), _ sumX: inout Self,
    _ sumY: inout Self
  ) {
    let a = V(repeating: entry[0])
    let b = V(repeating: entry[1])
    sumX.value = sumX.value.addingRelaxedProduct(a, x.0).addingRelaxedProduct(b, x.1)
    sumY.value = sumY.value.addingRelaxedProduct(a, y.0).addingRelaxedProduct(b, y.1)
  }
}

/// The low targets of a dense gate: for each, the bit of the matrix index it is and its
/// lane distance (1, 2 or 4 complex lanes), at most three, in increasing matrix bit order.
struct LaneExchanges {
  private(set) var count = 0
  /// The matrix index bits of the low targets.
  private(set) var matrixBitMask = 0
  private var distances = 0

  mutating func append(matrixBit: Int, distance: Int) {
    matrixBitMask |= 1 &<< matrixBit
    distances |= distance &<< (4 &* count)
    count &+= 1
  }

  /// Exchanges, for each low target e, its lane bit with bit e of the position in `block`
  /// (the vectors of one block of `StateKernels.mixVectors`, `Block.value = 2^count`).
  @inline(__always)
  func apply<V: SIMD, Block: StaticCount>(
    to block: inout InlineArray<8, V>, _ size: Block.Type
  ) where V.Scalar: AmplitudeScalar {
    for exchange in 0..<Block.value.trailingZeroBitCount {
      switch distances &>> (4 &* exchange) & 15 {
      case 1: Self.exchange(&block, Block.self, bit: 1 &<< exchange, distance: 1)
      case 2: Self.exchange(&block, Block.self, bit: 1 &<< exchange, distance: 2)
      default: Self.exchange(&block, Block.self, bit: 1 &<< exchange, distance: 4)
      }
    }
  }

  @inline(__always)
  private static func exchange<V: SIMD, Block: StaticCount>(
    _ block: inout InlineArray<8, V>, _ size: Block.Type, bit: Int, distance: Int
  ) where V.Scalar: AmplitudeScalar {
    for lower in 0..<Block.value where lower & bit == 0 {
      var low = block[lower]
      var high = block[lower | bit]
      V.exchangeLaneBit(&low, &high, distance: distance)
      block[lower] = low
      block[lower | bit] = high
    }
  }
}
