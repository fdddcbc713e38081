import CFFTW
import Dispatch
import Foundation

/// A failure of the FFTW-backed quantum Fourier transform.
enum FourierTransformError: Error, CustomStringConvertible {
  /// The qubit list names a qubit outside the register or names one twice.
  case invalidQubits([Int], qubitCount: Int)
  /// FFTW returned no plan for a transform of `length` amplitudes.
  case planCreationFailed(length: Int, batches: [Int], singlePrecision: Bool)

  var description: String {
    switch self {
    case .invalidQubits(let qubits, let qubitCount):
      return "QFT qubits \(qubits) must be distinct and in 0..<\(qubitCount)"
    case .planCreationFailed(let length, let batches, let singlePrecision):
      return "FFTW could not plan a \(singlePrecision ? "single" : "double")-precision transform"
        + " of \(length) amplitudes, batched \(batches)"
    }
  }
}

/// The quantum Fourier transform over any list of qubits, computed by FFTW.
///
/// Qubit order is little-endian: qubit k is bit k of an amplitude's index. For the block
/// `qubits` (k of them), the block integer of an index is j = Σ_i bit(qubits[i]) · 2^i.
///
/// - The QFT with swaps maps |j⟩ → 2^{-k/2} Σ_m exp(+2πi·j·m/2^k) |m⟩, that is FFTW_BACKWARD
///   scaled by 2^{-k/2}; its inverse uses exp(−2πi·j·m/2^k) (FFTW_FORWARD).
/// - Without swaps (the textbook circuit without its final swap layer, Qiskit's
///   `QFT(k, do_swaps: false)`), the forward transform is the DFT followed by reversing the
///   block (qubits[i] ↔ qubits[k−1−i]), and the inverse is the reversal followed by the
///   inverse DFT, so the two remain each other's inverse.
///
/// Both are a DFT that reads the block integer from one qubit list and writes it to another:
/// without swaps, the forward transform writes it to the reversed list and the inverse reads it
/// from there. Three ways to run it, chosen by the lists:
/// 1. `inPlace`: both lists are the same contiguous ascending run q, q+1, …, q+k−1. One FFTW
///    transform of 2^k points with stride 2^q, batched over the 2^q amplitudes below and the
///    2^{n−q−k} blocks above, then one pass that scales by 2^{-k/2}.
/// 2. `gathered` (k ≤ `Tuning.maximumGatheredQubits`): a batch of blocks at a time is gathered into a
///    cache-sized scratch buffer through offset tables for the input list, transformed there,
///    and scattered back scaled through the tables of the output list: one pass over memory.
/// 3. `rowDecomposed` (k > `Tuning.maximumGatheredQubits`): the block is a contiguous run that
///    starts at most `Tuning.maximumRowInnerQubits` above qubit 0 (the whole register, say), and
///    each list is ascending or descending. The transform runs as
///    row transforms of about 2^{k/2} points with a twiddle pass and one bit-reversal pass in
///    between: three passes over memory for a descending-to-descending block (the textbook
///    circuit applied in ascending qubit order, with swaps), four or five otherwise.
/// 4. Otherwise the qubits are first permuted into a contiguous run (passes that each move up
///    to `Tuning.maximumPermutedQubits` qubits, using the same gather and scatter), transformed in
///    place, and permuted out to the output list; the scale rides on a permutation pass.
enum FourierTransform {
  /// The sizes that pick a path and cut the work into pieces, measured on a 2-core Zen 4 VM.
  /// Tests shrink them to reach every path with small registers.
  struct Tuning: Sendable {
    /// Blocks up to this many qubits go through the scratch buffer (path 2).
    var maximumGatheredQubits = 16
    /// The most qubits one permutation pass moves (2^8 amplitudes per group).
    var maximumPermutedQubits = 8
    /// The scratch buffer a gathered batch aims to fill, per thread: a quarter of the 1 MiB L2
    /// (128–512 KiB measured alike; 2–8 MiB 1.4–2× slower).
    var scratchBytes = 1 << 18
    /// A contiguous ascending block of at most `maximumGatheredQubits` qubits is transformed in
    /// place only if it starts below this qubit or has at most `maximumInPlaceStridedQubits`:
    /// FFTW's strided in-place transform of a larger high block is up to 2.5× slower than
    /// gathering it (n = 24: 12..<24 in place 0.51 s, gathered 0.21 s; 0..<4 0.051 vs 0.069 s).
    var inPlaceBelowQubit = 4
    var maximumInPlaceStridedQubits = 4
    /// Below this many amplitudes a second thread costs more than it saves.
    var minimumThreadedAmplitudes = 1 << 18
    /// The bit-reversal pass of path 3 exchanges tiles of 2^t × 2^t amplitudes between
    /// groups, copying runs of 2^t contiguous amplitudes (t = 5: runs of 512 B in `Double`;
    /// n = 24: t = 4…6 within 5% of each other, t = 7 10% slower).
    var reversalTileQubits = 5
    /// Path 3 takes a run of qubits that starts at most this far above qubit 0: it moves the
    /// 2^s amplitudes below the run as one element, and its rows of 2^{k/2+s} stay in cache.
    var maximumRowInnerQubits = 3
  }

  /// Applies the QFT (or its inverse) over `qubits`, in place.
  ///
  /// - Parameters:
  ///   - qubits: the block, least-significant bit of the block integer first.
  ///   - inverse: apply the inverse transform (the adjoint of the forward one).
  ///   - swaps: include the final swap layer; without it the output block is bit-reversed.
  ///   - amplitudes: 2^qubitCount interleaved (re, im) amplitudes, 64-byte aligned.
  ///   - threads: at most this many threads work on the state.
  /// - Complexity: O(2^n · k); one or two passes over memory for the common cases.
  /// - Throws: `FourierTransformError.invalidQubits` for a repeated or out-of-range qubit,
  ///   `FourierTransformError.planCreationFailed` if FFTW cannot plan the transform.
  static func apply<S: AmplitudeScalar>(
    qubits: [Int], inverse: Bool, swaps: Bool,
    to amplitudes: UnsafeMutablePointer<S>, qubitCount: Int, threads: Int,
    tuning: Tuning = Tuning()
  ) throws {
    guard qubitCount >= 0, qubitCount < Int.bitWidth - 2,
      qubits.allSatisfy({ 0 <= $0 && $0 < qubitCount }), Set(qubits).count == qubits.count
    else { throw FourierTransformError.invalidQubits(qubits, qubitCount: qubitCount) }
    let k = qubits.count
    guard k > 0 else { return }

    let reversed = Array(qubits.reversed())
    let input = inverse && !swaps ? reversed : qubits
    let output = !inverse && !swaps ? reversed : qubits
    let sign = inverse ? FFTW_FORWARD : FFTW_BACKWARD
    let threads = 1 << qubitCount >= tuning.minimumThreadedAmplitudes ? max(1, threads) : 1
    // Called from outside the module, a generic function runs unspecialised (every amplitude
    // copy a witness call, 5–10× slower); naming the two scalar types here specialises the rest.
    let raw = UnsafeMutableRawPointer(amplitudes)
    if S.self == Double.self {
      try run(
        Transform(
          state: raw.assumingMemoryBound(to: Double.self), qubitCount: qubitCount,
          threads: threads, tuning: tuning),
        input: input, output: output, sign: sign)
    } else if S.self == Float.self {
      try run(
        Transform(
          state: raw.assumingMemoryBound(to: Float.self), qubitCount: qubitCount,
          threads: threads, tuning: tuning),
        input: input, output: output, sign: sign)
    } else {
      try run(
        Transform(state: amplitudes, qubitCount: qubitCount, threads: threads, tuning: tuning),
        input: input, output: output, sign: sign)
    }
  }

  private static func run<S: AmplitudeScalar>(
    _ transform: Transform<S>, input: [Int], output: [Int], sign: Int32
  ) throws {
    let k = input.count
    let scale = 1 / S(Double(1 << k).squareRoot())
    let tuning = transform.tuning
    let first = input.min()!
    let ascending = Array(first..<first + k)
    let descending = Array(ascending.reversed())
    if k > tuning.maximumGatheredQubits, k >= 2, first <= tuning.maximumRowInnerQubits,
      input == ascending || input == descending, output == ascending || output == descending
    {
      try transform.rowDecomposed(
        first: first, count: k, reversedInput: input == descending,
        reversedOutput: output == descending, sign: sign, scale: scale)
    } else if input == output, input == Array(input[0]..<input[0] + k),
      input[0] < tuning.inPlaceBelowQubit || k <= tuning.maximumInPlaceStridedQubits
        || k > tuning.maximumGatheredQubits
    {
      try transform.inPlace(first: input[0], count: k, sign: sign)
      transform.multiply(by: scale)
    } else if k <= tuning.maximumGatheredQubits {
      try transform.gathered(input: input, output: output, sign: sign, scale: scale)
    } else {
      try transform.permuted(input: input, output: output, sign: sign, scale: scale)
    }
  }
}

/// The state being transformed, and the three ways to transform it.
private struct Transform<S: AmplitudeScalar> {
  let state: UnsafeMutablePointer<S>
  let qubitCount: Int
  let threads: Int
  let tuning: FourierTransform.Tuning

  private var isSinglePrecision: Bool { S.self == Float.self }

  /// The state as whole amplitudes.
  private var amplitudes: UnsafeMutablePointer<SIMD2<S>> {
    UnsafeMutableRawPointer(state).assumingMemoryBound(to: SIMD2<S>.self)
  }

  // MARK: - Path 1: contiguous ascending block, in place

  /// One batched, strided FFTW transform over qubits first..<first+count (no scaling).
  ///
  /// With several threads the batch is split into equal slices, one plan execution each; the
  /// whole register runs on one thread (FFTW's own threads, `fftw3_threads`, measured no
  /// faster here: n = 24, 0.65 s on one, 0.82 s on two, with the machine shared).
  func inPlace(first: Int, count: Int, sign: Int32) throws {
    let inner = 1 << first
    let outer = 1 << (qubitCount - first - count)
    var slices = 1
    while slices * 2 <= threads { slices *= 2 }
    let outerSlices = min(slices, outer)
    let innerSlices = min(slices / outerSlices, max(1, inner / 8))

    var batches: [FourierTransformPlanKey.Dimension] = []
    if inner / innerSlices > 1 {
      batches.append(.init(count: inner / innerSlices, stride: 1))
    }
    if outer / outerSlices > 1 {
      batches.append(.init(count: outer / outerSlices, stride: inner << count))
    }
    let offsets = (0..<outerSlices).flatMap { o in
      (0..<innerSlices).map { i in o * (outer / outerSlices) * (inner << count) + i * (inner / innerSlices) }
    }
    // Slices at different offsets may differ in alignment, and a plan runs only on arrays
    // aligned as its own; make (or fetch) every plan before any thread starts.
    var plans: [FourierTransformPlan] = []
    for offset in offsets {
      let array = UnsafeMutableRawPointer(amplitudes + offset)
      let key = FourierTransformPlanKey(
        isSinglePrecision: isSinglePrecision,
        transform: .init(count: 1 << count, stride: inner),
        batches: batches, sign: sign,
        alignment: alignment(of: array))
      plans.append(try FourierTransformPlanCache.shared.plan(for: key, planningOn: array))
    }
    let base = SendableAddress(amplitudes)
    let work = SendableValue((plans: plans, offsets: offsets))
    parallelFor(offsets.count) { slice in
      work.value.plans[slice].execute(on: UnsafeMutableRawPointer(base.pointer + work.value.offsets[slice]))
    }
  }

  /// Multiplies every amplitude by `factor`, one SIMD pass split over the threads.
  func multiply(by factor: S) {
    let scalars = 2 << qubitCount
    let chunks = threads
    let chunk = (scalars + chunks - 1) / chunks
    let base = SendableAddress(state)
    parallelFor(chunks) { index in
      let start = index &* chunk
      let end = min(start &+ chunk, scalars)
      let values = base.pointer
      var i = start
      while i < end {
        values[i] *= factor
        i &+= 1
      }
    }
  }

  // MARK: - Path 2: gather, transform in scratch, scatter

  /// The DFT (or, with `sign == nil`, just the permutation) that reads the block integer from
  /// the `input` qubits and writes it, times `scale`, to the `output` qubits (the same set).
  ///
  /// A batch is 2^c blocks that differ in the c lowest qubits outside the block, chosen so the
  /// scratch buffer holds `scratchBytes` and at least one 64-byte line's worth of amplitudes
  /// per block point: every line a batch touches is used whole, and it stays in L2 between
  /// gather and scatter.
  func gathered(input: [Int], output: [Int], sign: Int32?, scale: S) throws {
    let n = qubitCount
    let k = input.count
    let rest = (0..<n).filter { !input.contains($0) }
    let bytesPerAmplitude = MemoryLayout<SIMD2<S>>.stride
    let lineBits = (64 / bytesPerAmplitude).trailingZeroBitCount
    let budgetBits = (tuning.scratchBytes / bytesPerAmplitude).trailingZeroBitCount
    let c = min(rest.count, max(lineBits, budgetBits - k))
    let width = 1 << c
    let batchCount = 1 << (rest.count - c)
    let lowRest = Array(rest[..<c])
    let highRest = Array(rest[c...])
    let lowBits = k / 2

    let tables = OffsetTables(
      input: input, output: output, lowRest: lowRest, lowBits: lowBits)
    defer { tables.deallocate() }

    let scratchCount = width << k
    let workers = min(threads, batchCount)
    let scratch = UnsafeMutableRawPointer.allocate(
      byteCount: workers * scratchCount * bytesPerAmplitude, alignment: 64)
    defer { scratch.deallocate() }

    // Batch members b whose low rest qubits are 0..<c lie side by side: copy runs over b
    // (scratch[j · 2^c + b]). Otherwise qubit 0 is in the block and runs go over the block
    // point j (scratch[b · 2^k + j]).
    let runsOverBatch = lowRest == Array(0..<c)
    var plan: FourierTransformPlan?
    if let sign {
      var batches: [FourierTransformPlanKey.Dimension] = []
      if width > 1 { batches.append(.init(count: width, stride: runsOverBatch ? 1 : 1 << k)) }
      let key = FourierTransformPlanKey(
        isSinglePrecision: isSinglePrecision,
        transform: .init(count: 1 << k, stride: runsOverBatch ? width : 1), batches: batches,
        sign: sign, alignment: alignment(of: scratch))
      plan = try FourierTransformPlanCache.shared.plan(for: key, planningOn: scratch)
    }

    let base = SendableAddress(amplitudes)
    let shared = SendableValue((plan: plan, tables: tables, highRest: highRest))
    let scratchAddress = SendableAddress(scratch.assumingMemoryBound(to: SIMD2<S>.self))
    let perWorker = batchCount / workers
    parallelFor(workers) { worker in
      let buffer = scratchAddress.pointer + worker * scratchCount
      let tables = shared.value.tables
      let state = base.pointer
      let (highCount, lowCount) = (tables.highCount, tables.lowCount)
      for batch in worker * perWorker..<(worker + 1) * perWorker {
        let origin = deposit(batch, into: shared.value.highRest)
        if runsOverBatch {
          var point = buffer
          for high in 0..<highCount {
            for low in 0..<lowCount {
              let source = state + (origin &+ tables.inputHigh[high] &+ tables.inputLow[low])
              for b in 0..<width { point[b] = source[b] }
              point += width
            }
          }
        } else {
          var point = buffer
          for b in 0..<width {
            let source = state + (origin &+ tables.lowRest[b])
            for high in 0..<highCount {
              let row = source + tables.inputHigh[high]
              for low in 0..<lowCount { point[low] = row[tables.inputLow[low]] }
              point += lowCount
            }
          }
        }
        shared.value.plan?.execute(on: UnsafeMutableRawPointer(buffer))
        if runsOverBatch {
          var point = buffer
          for high in 0..<highCount {
            for low in 0..<lowCount {
              let target = state + (origin &+ tables.outputHigh[high] &+ tables.outputLow[low])
              for b in 0..<width { target[b] = point[b] * scale }
              point += width
            }
          }
        } else {
          var point = buffer
          for b in 0..<width {
            let target = state + (origin &+ tables.lowRest[b])
            for high in 0..<highCount {
              let row = target + tables.outputHigh[high]
              for low in 0..<lowCount { row[tables.outputLow[low]] = point[low] * scale }
              point += lowCount
            }
          }
        }
      }
    }
  }

  // MARK: - Path 3: a run of low qubits in natural or reversed order, row by row

  /// The DFT over the block of qubits first..<first+k, read and written in natural or
  /// bit-reversed order, times `scale`, each block of the 2^{n−k} others transformed alike.
  ///
  /// The 2^first amplitudes below the block move together as one element of 2^first
  /// contiguous amplitudes (the description below counts elements); FFTW batches over them.
  ///
  /// With R the reversal of the block's bits and F the DFT, R·F·R is Cooley–Tukey's four-step
  /// FFT (Van Loan, Computational Frameworks for the FFT, §3.3) with N = 2^a·2^b, a = ⌊k/2⌋,
  /// J = j1 + 2^b·j2 and M = m2 + 2^a·m1, whose transposition is the reversal itself:
  /// 1. rows: a row of 2^a contiguous amplitudes holds j2 bit-reversed, j1 reversed being the
  ///    row number. It is loaded reversed into a scratch row (in cache), transformed, and stored
  ///    back in order times the twiddle ω^{j1·m2} and `scale`;
  /// 2. R: the reversal of the block's bits, one pass (`reverseBlock`);
  /// 3. rows: a row of 2^b amplitudes now holds j1 in order and has number rev(m2). It is
  ///    transformed and stored with m1 bit-reversed: rev(m2) · 2^b + rev(m1) = rev(M).
  /// A natural input adds a reversal pass before (R·F·R·R = R·F), a natural output one after.
  func rowDecomposed(
    first s: Int, count k: Int, reversedInput: Bool, reversedOutput: Bool, sign: Int32, scale: S
  ) throws {
    let a = k / 2
    let b = k - a
    let width = 1 << s
    let outerCount = 1 << (qubitCount - k - s)
    let rowCapacity = 1 << b
    let lowTwiddles = 1 << (a / 2)
    let highTwiddles = 1 << (a - a / 2)
    let tile = 1 << min(tuning.reversalTileQubits, k / 2)
    let bytesPerAmplitude = MemoryLayout<SIMD2<S>>.stride

    // Per worker: a scratch row (rows are copied to and from it bit-reversed, in blocks of
    // 2^3 × 2^3; a memcpy and a reversal in cache measured 10–15% slower), a row's twiddles and
    // the two halves they are made from, and two reversal tiles.
    let workers = threads
    let rowBytes = (rowCapacity * width * bytesPerAmplitude + 63) & ~63
    let tileBytes = (tile * tile * width * bytesPerAmplitude + 63) & ~63
    let twiddleBytes = ((lowTwiddles + highTwiddles) * bytesPerAmplitude + 63) & ~63
    let rowTwiddleBytes = ((1 << a) * bytesPerAmplitude + 63) & ~63
    let workerBytes = rowBytes + rowTwiddleBytes + twiddleBytes + 2 * tileBytes
    let scratch = UnsafeMutableRawPointer.allocate(byteCount: workers * workerBytes, alignment: 64)
    defer { scratch.deallocate() }

    // Measured plans overwrite the planning array: plan on a scratch row before any data is in it.
    func rowPlan(_ bits: Int) throws -> FourierTransformPlan {
      let key = FourierTransformPlanKey(
        isSinglePrecision: isSinglePrecision, transform: .init(count: 1 << bits, stride: width),
        batches: width > 1 ? [.init(count: width, stride: 1)] : [], sign: sign,
        alignment: alignment(of: scratch), isMeasured: true)
      return try FourierTransformPlanCache.shared.plan(for: key, planningOn: scratch)
    }
    let firstPlan = try rowPlan(a)
    let secondPlan = try rowPlan(b)
    let reversals = BitReversalTables(a: a, b: b, tile: tile.trailingZeroBitCount)
    defer { reversals.deallocate() }
    let twiddles = TwiddleTable(qubits: k, sign: sign)
    defer { twiddles.deallocate() }

    let base = SendableAddress(amplitudes)
    let space = SendableValue(
      (scratch: scratch, reversals: reversals, twiddles: twiddles, first: firstPlan, second: secondPlan))
    func eachWorker(_ body: @Sendable (Int, UnsafeMutablePointer<SIMD2<S>>) -> Void) {
      parallelFor(workers) { worker in
        let address = space.value.scratch + worker * workerBytes
        body(worker, address.assumingMemoryBound(to: SIMD2<S>.self))
      }
    }
    func reverse() {
      reverseBlock(
        first: s, count: k, tile: tile, reverseTile: reversals.tile, scratch: scratch,
        workerBytes: workerBytes, tilesOffset: workerBytes - 2 * tileBytes, tileBytes: tileBytes)
    }
    if !reversedInput { reverse() }

    // Pass 1: rows of 2^a, loaded reversed, stored with twiddles.
    let firstRows = outerCount << b
    eachWorker { worker, row in
      let tables = space.value.reversals
      let twiddles = space.value.twiddles
      let rowTwiddles = (UnsafeMutableRawPointer(row) + rowBytes).assumingMemoryBound(to: SIMD2<S>.self)
      let low = (UnsafeMutableRawPointer(row) + rowBytes + rowTwiddleBytes)
        .assumingMemoryBound(to: SIMD2<S>.self)
      let high = low + lowTwiddles
      let plan = space.value.first
      let rowLength = 1 << a
      let (start, end) = (firstRows * worker / workers, firstRows * (worker + 1) / workers)
      for rowNumber in start..<end {
        let source = base.pointer + (rowNumber << (a + s))
        copyReversed(from: source, to: row, bits: a, width: width, reverse: tables.a)
        plan.execute(on: UnsafeMutableRawPointer(row))
        let j1 = tables.b[rowNumber & (rowCapacity - 1)]
        for m in 0..<lowTwiddles { low[m] = twiddles.value(j1 &* m, as: S.self) * scale }
        for m in 0..<highTwiddles { high[m] = twiddles.value(j1 &* m &* lowTwiddles, as: S.self) }
        var offset = 0
        for h in 0..<highTwiddles {
          storeProducts(low, high[h], into: rowTwiddles + offset, count: lowTwiddles)
          offset &+= lowTwiddles
        }
        if width == 1 {
          storeProducts(row, rowTwiddles, into: source, count: rowLength)
        } else {
          for m in 0..<rowLength {
            storeProducts(row + (m << s), rowTwiddles[m], into: source + (m << s), count: width)
          }
        }
      }
    }

    reverse()

    // Pass 3: rows of 2^b, stored bit-reversed.
    let secondRows = outerCount << a
    eachWorker { worker, row in
      let reverse = space.value.reversals.b
      let plan = space.value.second
      let (start, end) = (secondRows * worker / workers, secondRows * (worker + 1) / workers)
      for rowNumber in start..<end {
        let target = base.pointer + (rowNumber << (b + s))
        row.update(from: target, count: rowCapacity << s)
        plan.execute(on: UnsafeMutableRawPointer(row))
        copyReversed(from: row, to: target, bits: b, width: width, reverse: reverse)
      }
    }

    if !reversedOutput { reverse() }
  }

  /// Reverses the bits of the block integer of qubits first..<first+k, in one pass over memory.
  ///
  /// Counting elements of 2^first contiguous amplitudes, and with t = log₂ `tile`, a group is
  /// the 2^{2t} elements that share the k − 2t middle bits f: 2^t runs of 2^t contiguous
  /// elements, the tile (u, v) = (high bits, low bits). Reversal maps group f onto group rev(f)
  /// and (u, v) to (rev(v), rev(u)); so the two groups of a pair are loaded into two tiles and
  /// each written over the other, run by run, gathered from its tile (2 × 16 KiB at t = 5 in
  /// `Double`, in L1).
  private func reverseBlock(
    first s: Int, count k: Int, tile: Int, reverseTile: UnsafeMutablePointer<Int>,
    scratch: UnsafeMutableRawPointer, workerBytes: Int, tilesOffset: Int, tileBytes: Int
  ) {
    let t = tile.trailingZeroBitCount
    let middle = k - 2 * t
    let groups = (1 << (qubitCount - k - s)) << middle
    let base = SendableAddress(amplitudes)
    let shared = SendableValue((scratch: scratch, reverseTile: reverseTile))
    let workers = threads
    parallelFor(workers) { worker in
      let space = shared.value.scratch + worker * workerBytes + tilesOffset
      let first = space.assumingMemoryBound(to: SIMD2<S>.self)
      let second = (space + tileBytes).assumingMemoryBound(to: SIMD2<S>.self)
      let reverseTile = shared.value.reverseTile
      let highStride = 1 << (k - t + s)
      let run = tile << s
      func load(_ tileStart: UnsafeMutablePointer<SIMD2<S>>, into buffer: UnsafeMutablePointer<SIMD2<S>>) {
        for u in 0..<tile { (buffer + u * run).update(from: tileStart + u * highStride, count: run) }
      }
      func store(_ buffer: UnsafeMutablePointer<SIMD2<S>>, to tileStart: UnsafeMutablePointer<SIMD2<S>>) {
        for u in 0..<tile {
          let target = tileStart + u * highStride
          let column = buffer + (reverseTile[u] << s)
          if s == 0 {
            for v in 0..<tile { target[v] = column[reverseTile[v] &* tile] }
          } else {
            for v in 0..<tile {
              (target + (v << s)).update(from: column + (reverseTile[v] &* run), count: 1 << s)
            }
          }
        }
      }
      // Groups are dealt out in turn: pairs cluster at small f, which would unbalance chunks.
      var group = worker
      while group < groups {
        defer { group &+= workers }
        let f = group & ((1 << middle) - 1)
        let g = reversedBits(f, count: middle)
        guard f <= g else { continue }
        let outer = (group >> middle) << k
        let one = base.pointer + ((outer | f << t) << s)
        let other = base.pointer + ((outer | g << t) << s)
        load(one, into: first)
        if f != g {
          load(other, into: second)
          store(second, to: one)
        }
        store(first, to: other)
      }
    }
  }

  // MARK: - Path 4: permute into a contiguous run, transform in place, permute out

  /// The DFT from `input` to `output` for blocks too large for the scratch buffer.
  ///
  /// The block is moved to the contiguous window [p, p+k) that already holds most of it, the
  /// qubits it displaces taking the places it leaves; after the in-place transform, the window
  /// is moved to `output` and the displaced qubits back home.
  func permuted(input: [Int], output: [Int], sign: Int32, scale: S) throws {
    let n = qubitCount
    let k = input.count
    let window = (0...(n - k)).max { a, b in
      input.filter { (a..<a + k).contains($0) }.count
        < input.filter { (b..<b + k).contains($0) }.count
    }!
    // destination[x]: where the content of position x goes.
    var moveIn = Array(0..<n)
    for (i, qubit) in input.enumerated() { moveIn[qubit] = window + i }
    let vacated = input.filter { !(window..<window + k).contains($0) }.sorted()
    let displaced = (window..<window + k).filter { !input.contains($0) }
    for (from, to) in zip(displaced, vacated) { moveIn[from] = to }
    // After moving in, position x holds the content of origin[x].
    var origin = Array(0..<n)
    for x in 0..<n { origin[moveIn[x]] = x }
    var moveOut = Array(0..<n)
    for x in 0..<n {
      moveOut[x] = (window..<window + k).contains(x) ? output[x - window] : origin[x]
    }

    let limit = tuning.maximumPermutedQubits
    let passesIn = Self.passes(for: moveIn, limit: limit)
    let passesOut = Self.passes(for: moveOut, limit: limit)
    let scaleLast = !passesOut.isEmpty
    for (index, pass) in passesIn.enumerated() {
      let factor = !scaleLast && index == passesIn.count - 1 ? scale : 1
      try gathered(input: pass.input, output: pass.output, sign: nil, scale: factor)
    }
    try inPlace(first: window, count: k, sign: sign)
    for (index, pass) in passesOut.enumerated() {
      let factor = index == passesOut.count - 1 ? scale : 1
      try gathered(input: pass.input, output: pass.output, sign: nil, scale: factor)
    }
    if passesIn.isEmpty && passesOut.isEmpty { multiply(by: scale) }
  }

  /// Splits the qubit permutation `destination` (content at x goes to destination[x]) into
  /// passes that each move at most `limit` qubits (at least 2).
  ///
  /// A cycle a₁→a₂→…→a_m longer than the limit L is cut: one pass moves a₁→…→a_{L−1}→a_m→a₁,
  /// which leaves the cycle a_L→…→a_m→a_L, L−1 shorter. Short cycles share passes.
  static func passes(for destination: [Int], limit: Int) -> [(input: [Int], output: [Int])] {
    var cycles: [[Int]] = []
    var seen = Array(repeating: false, count: destination.count)
    for start in destination.indices where !seen[start] && destination[start] != start {
      var cycle: [Int] = []
      var x = start
      while !seen[x] {
        seen[x] = true
        cycle.append(x)
        x = destination[x]
      }
      cycles.append(cycle)
    }
    var pieces: [(input: [Int], output: [Int])] = []
    for var cycle in cycles {
      while cycle.count > limit {
        let head = Array(cycle[..<(limit - 1)])
        let last = cycle[cycle.count - 1]
        pieces.append((head + [last], Array(head.dropFirst()) + [last, head[0]]))
        cycle = Array(cycle[(limit - 1)...])
      }
      pieces.append((cycle, Array(cycle.dropFirst()) + [cycle[0]]))
    }
    var passes: [(input: [Int], output: [Int])] = []
    for piece in pieces {
      if let last = passes.last, last.input.count + piece.input.count <= limit {
        passes[passes.count - 1] = (last.input + piece.input, last.output + piece.output)
      } else {
        passes.append(piece)
      }
    }
    return passes
  }

  // MARK: - Helpers

  private func alignment(of array: UnsafeMutableRawPointer) -> Int32 {
    isSinglePrecision
      ? fftwf_alignment_of(UnsafeMutablePointer<Float>(OpaquePointer(array)))
      : fftw_alignment_of(UnsafeMutablePointer<Double>(OpaquePointer(array)))
  }

  private func parallelFor(_ count: Int, _ body: @Sendable (Int) -> Void) {
    if count == 1 {
      body(0)
    } else {
      DispatchQueue.concurrentPerform(iterations: count, execute: body)
    }
  }
}

/// Offset tables of a gathered transform, in amplitudes. A block point j = (high, low) sits at
/// `inputHigh[high] + inputLow[low]` from its block's origin (split so the tables stay small),
/// and is written to `outputHigh[high] + outputLow[low]`; batch member b sits at `lowRest[b]`.
private struct OffsetTables {
  let inputLow: UnsafeMutablePointer<Int>
  let inputHigh: UnsafeMutablePointer<Int>
  let outputLow: UnsafeMutablePointer<Int>
  let outputHigh: UnsafeMutablePointer<Int>
  let lowRest: UnsafeMutablePointer<Int>
  let lowCount: Int
  let highCount: Int

  init(input: [Int], output: [Int], lowRest rest: [Int], lowBits: Int) {
    func table(_ qubits: ArraySlice<Int>) -> UnsafeMutablePointer<Int> {
      let count = 1 << qubits.count
      let table = UnsafeMutablePointer<Int>.allocate(capacity: count)
      for value in 0..<count { table[value] = deposit(value, into: Array(qubits)) }
      return table
    }
    inputLow = table(input[..<lowBits])
    inputHigh = table(input[lowBits...])
    outputLow = table(output[..<lowBits])
    outputHigh = table(output[lowBits...])
    lowRest = table(rest[...])
    lowCount = 1 << lowBits
    highCount = 1 << (input.count - lowBits)
  }

  func deallocate() {
    for table in [inputLow, inputHigh, outputLow, outputHigh, lowRest] { table.deallocate() }
  }
}

/// `value`'s lowest `count` bits in reverse order.
private func reversedBits(_ value: Int, count: Int) -> Int {
  var result = 0
  for bit in 0..<count where value >> bit & 1 == 1 { result |= 1 << (count - 1 - bit) }
  return result
}

/// `target[m] = x[m] · y[m]` for m in 0..<count, complex products of (re, im) pairs written
/// on scalars so that the loop vectorises across amplitudes.
@inline(__always)
private func storeProducts<S: AmplitudeScalar>(
  _ x: UnsafeMutablePointer<SIMD2<S>>, _ y: UnsafeMutablePointer<SIMD2<S>>,
  into target: UnsafeMutablePointer<SIMD2<S>>, count: Int
) {
  let x = UnsafeMutableRawPointer(x).assumingMemoryBound(to: S.self)
  let y = UnsafeMutableRawPointer(y).assumingMemoryBound(to: S.self)
  let target = UnsafeMutableRawPointer(target).assumingMemoryBound(to: S.self)
  for m in 0..<count {
    let (re, im) = (2 &* m, 2 &* m &+ 1)
    let (xr, xi, yr, yi) = (x[re], x[im], y[re], y[im])
    target[re] = xr * yr - xi * yi
    target[im] = xr * yi + xi * yr
  }
}

/// `target[m] = x[m] · factor` for m in 0..<count (complex products).
@inline(__always)
private func storeProducts<S: AmplitudeScalar>(
  _ x: UnsafeMutablePointer<SIMD2<S>>, _ factor: SIMD2<S>,
  into target: UnsafeMutablePointer<SIMD2<S>>, count: Int
) {
  let x = UnsafeMutableRawPointer(x).assumingMemoryBound(to: S.self)
  let target = UnsafeMutableRawPointer(target).assumingMemoryBound(to: S.self)
  let (yr, yi) = (factor.x, factor.y)
  for m in 0..<count {
    let (re, im) = (2 &* m, 2 &* m &+ 1)
    let (xr, xi) = (x[re], x[im])
    target[re] = xr * yr - xi * yi
    target[im] = xr * yi + xi * yr
  }
}

/// `target[rev(c)] = source[c]` for the 2^`bits` elements c of `width` amplitudes, rev
/// reversing `bits` bits (`reverse` holds it), copying blocks of 2^s × 2^s elements so that both
/// sides move in runs of 2^s: one by one, successive stores land 2^{bits−1} apart, all in one
/// cache set.
@inline(__always)
private func copyReversed<S: AmplitudeScalar>(
  from source: UnsafeMutablePointer<SIMD2<S>>, to target: UnsafeMutablePointer<SIMD2<S>>,
  bits: Int, width: Int, reverse: UnsafeMutablePointer<Int>
) {
  guard width == 1 else {
    for c in 0..<1 << bits {
      (target + reverse[c] &* width).update(from: source + c &* width, count: width)
    }
    return
  }
  let s = min(3, bits / 2)
  let side = 1 << s
  for y in 0..<1 << (bits - 2 * s) {
    let middle = y << s
    let reversedMiddle = reverse[middle]
    for z in 0..<side {
      let high = z << (bits - s)
      let from = source + (middle | high)
      let to = target + (reversedMiddle | reverse[high])
      for x in 0..<side { to[reverse[x]] = from[x] }
    }
  }
}

/// Bit-reversal permutations of rows of 2^a and of 2^b points and of a reversal tile's side.
private struct BitReversalTables {
  let a: UnsafeMutablePointer<Int>
  let b: UnsafeMutablePointer<Int>
  let tile: UnsafeMutablePointer<Int>

  init(a: Int, b: Int, tile: Int) {
    func table(_ bits: Int) -> UnsafeMutablePointer<Int> {
      let table = UnsafeMutablePointer<Int>.allocate(capacity: 1 << bits)
      for value in 0..<1 << bits { table[value] = reversedBits(value, count: bits) }
      return table
    }
    self.a = table(a)
    self.b = table(b)
    self.tile = table(tile)
  }

  func deallocate() {
    for table in [a, b, tile] { table.deallocate() }
  }
}

/// ω^e = exp(sign · 2πi · e / 2^k) for any integer e, as the product of two tables of about
/// 2^{k/2} entries each (e mod 2^k = low + 2^h · high), computed in `Double`: each entry is
/// within an ulp or two, so a twiddle is within a few ulps at any k.
private struct TwiddleTable {
  let low: UnsafeMutablePointer<SIMD2<Double>>
  let high: UnsafeMutablePointer<SIMD2<Double>>
  let lowBits: Int
  let mask: Int

  init(qubits k: Int, sign: Int32) {
    lowBits = k / 2
    mask = (1 << k) - 1
    let turn = Double(sign) * 2 * Double.pi / Double(1 << k)
    func table(count: Int, step: Int) -> UnsafeMutablePointer<SIMD2<Double>> {
      let table = UnsafeMutablePointer<SIMD2<Double>>.allocate(capacity: count)
      for e in 0..<count {
        let angle = turn * Double(e * step)
        table[e] = SIMD2(cos(angle), sin(angle))
      }
      return table
    }
    low = table(count: 1 << lowBits, step: 1)
    high = table(count: 1 << (k - lowBits), step: 1 << lowBits)
  }

  @inline(__always)
  func value<S: AmplitudeScalar>(_ exponent: Int, as _: S.Type) -> SIMD2<S> {
    let e = exponent & mask
    let x = low[e & ((1 << lowBits) - 1)]
    let y = high[e >> lowBits]
    return SIMD2(S(x.x * y.x - x.y * y.y), S(x.x * y.y + x.y * y.x))
  }

  func deallocate() {
    low.deallocate()
    high.deallocate()
  }
}

/// `value`'s bit i placed at bit `positions[i]`.
private func deposit(_ value: Int, into positions: [Int]) -> Int {
  var result = 0
  for (i, position) in positions.enumerated() where value >> i & 1 == 1 {
    result |= 1 << position
  }
  return result
}

/// A pointer handed to worker threads that each touch a disjoint part of what it points to.
private struct SendableAddress<Pointee>: @unchecked Sendable {
  let pointer: UnsafeMutablePointer<Pointee>
  init(_ pointer: UnsafeMutablePointer<Pointee>) { self.pointer = pointer }
}

/// Read-only data (plans, tables) shared by worker threads.
private struct SendableValue<Value>: @unchecked Sendable {
  let value: Value
  init(_ value: Value) { self.value = value }
}
