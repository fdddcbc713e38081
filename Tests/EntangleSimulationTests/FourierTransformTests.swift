import Foundation
import EntangleTestSupport
import Testing

@testable import EntangleSimulation

/// The FFTW QFT checked against the textbook circuit, gate by gate, on a dense reference.
///
/// The reference is Qiskit's `QFT(k, do_swaps:, inverse:)` with its qubit i on `qubits[i]`:
///
///     for j in reversed(range(k)):
///         h(j)
///         for m in reversed(range(j)): cp(π / 2^(j − m), j, m)
///     if do_swaps: for i in range(k // 2): swap(i, k − 1 − i)
///     inverse: the adjoint of the whole (gates reversed, cp(θ) → cp(−θ))
@Suite("FourierTransform")
struct FourierTransformTests {
  // MARK: - Reference

  /// A state of 2^n amplitudes, interleaved (re, im), little-endian, in `Double`.
  struct ReferenceState {
    var qubitCount: Int
    var values: [Double]

    mutating func hadamard(_ q: Int) {
      let r = 1 / 2.0.squareRoot()
      for i in 0..<(1 << qubitCount) where i >> q & 1 == 0 {
        let j = i | 1 << q
        let (ar, ai, br, bi) = (values[2 * i], values[2 * i + 1], values[2 * j], values[2 * j + 1])
        values[2 * i] = r * (ar + br)
        values[2 * i + 1] = r * (ai + bi)
        values[2 * j] = r * (ar - br)
        values[2 * j + 1] = r * (ai - bi)
      }
    }

    mutating func controlledPhase(_ angle: Double, _ a: Int, _ b: Int) {
      let (c, s) = (cos(angle), sin(angle))
      for i in 0..<(1 << qubitCount) where i >> a & 1 == 1 && i >> b & 1 == 1 {
        let (re, im) = (values[2 * i], values[2 * i + 1])
        values[2 * i] = c * re - s * im
        values[2 * i + 1] = s * re + c * im
      }
    }

    mutating func swap(_ a: Int, _ b: Int) {
      for i in 0..<(1 << qubitCount) where i >> a & 1 == 1 && i >> b & 1 == 0 {
        let j = i ^ (1 << a) ^ (1 << b)
        values.swapAt(2 * i, 2 * j)
        values.swapAt(2 * i + 1, 2 * j + 1)
      }
    }
  }

  enum Gate {
    case hadamard(Int)
    case controlledPhase(Double, Int, Int)
    case swap(Int, Int)
  }

  /// Qiskit's QFT circuit on `qubits` (its qubit i is `qubits[i]`).
  static func textbookCircuit(qubits: [Int], inverse: Bool, swaps: Bool) -> [Gate] {
    let k = qubits.count
    var gates: [Gate] = []
    for j in (0..<k).reversed() {
      gates.append(.hadamard(qubits[j]))
      for m in (0..<j).reversed() {
        gates.append(.controlledPhase(.pi / Double(1 << (j - m)), qubits[j], qubits[m]))
      }
    }
    if swaps {
      for i in 0..<k / 2 { gates.append(.swap(qubits[i], qubits[k - 1 - i])) }
    }
    guard inverse else { return gates }
    return gates.reversed().map { gate in
      if case .controlledPhase(let angle, let a, let b) = gate { return .controlledPhase(-angle, a, b) }
      return gate
    }
  }

  static func reference(_ state: ReferenceState, qubits: [Int], inverse: Bool, swaps: Bool)
    -> ReferenceState
  {
    var state = state
    for gate in textbookCircuit(qubits: qubits, inverse: inverse, swaps: swaps) {
      switch gate {
      case .hadamard(let q): state.hadamard(q)
      case .controlledPhase(let angle, let a, let b): state.controlledPhase(angle, a, b)
      case .swap(let a, let b): state.swap(a, b)
      }
    }
    return state
  }

  /// A normalized random state from the test support's seeded generator, as interleaved (re, im).
  static func randomState(qubitCount: Int, seed: UInt64) -> ReferenceState {
    let amplitudes = RandomState.make(qubits: qubitCount, seed: seed)
    return ReferenceState(qubitCount: qubitCount, values: amplitudes.flatMap { [$0.real, $0.imaginary] })
  }

  /// Runs `FourierTransform.apply` on a 64-byte-aligned copy of `state` in precision `S`.
  static func applied<S: AmplitudeScalar>(
    _ type: S.Type, _ state: ReferenceState, qubits: [Int], inverse: Bool, swaps: Bool,
    threads: Int = 1, tuning: FourierTransform.Tuning = .init()
  ) throws -> [Double] {
    let count = state.values.count
    let raw = UnsafeMutableRawPointer.allocate(byteCount: count * MemoryLayout<S>.stride, alignment: 64)
    defer { raw.deallocate() }
    let buffer = raw.bindMemory(to: S.self, capacity: count)
    for i in 0..<count { buffer[i] = S(state.values[i]) }
    try FourierTransform.apply(
      qubits: qubits, inverse: inverse, swaps: swaps, to: buffer,
      qubitCount: state.qubitCount, threads: threads, tuning: tuning)
    return (0..<count).map { Double(buffer[$0]) }
  }

  static func maximumDifference(_ a: [Double], _ b: [Double]) -> Double {
    zip(a, b).map { abs($0 - $1) }.max() ?? 0
  }

  // MARK: - Cases

  /// (qubitCount, qubits): contiguous low and high, non-contiguous, descending, scrambled,
  /// single qubit, whole register.
  static let blocks: [(Int, [Int])] = [
    (1, [0]), (2, [0, 1]), (2, [1, 0]), (6, [3]), (6, [0, 1, 2]), (6, [3, 4, 5]), (6, [2, 3]),
    (7, [6, 5, 4, 3]), (7, [1, 3, 6]), (8, [0, 1, 2, 3, 4, 5, 6, 7]), (8, [7, 6, 5, 4, 3, 2, 1, 0]),
    (9, [4, 0, 8, 2, 6]), (10, [0, 1, 2, 3, 4]), (10, [5, 6, 7, 8, 9]), (10, [2, 3, 4, 5, 6]),
    (10, [9, 0]), (10, [0, 2, 4, 6, 8]), (10, [1, 3, 5, 7, 9, 0]), (10, Array(0..<10)),
    (10, Array((0..<10).reversed())), (10, [3, 1, 4, 9, 5, 2, 6, 8, 7, 0]),
  ]

  static let variants: [(inverse: Bool, swaps: Bool)] = [
    (false, true), (true, true), (false, false), (true, false),
  ]

  /// The standard choice; contiguous blocks forced in place and forced through the scratch
  /// buffer; small limits that send every block through the permutation path, cycles cut into
  /// short passes; tiny batches and threads on tiny registers.
  static let tunings: [FourierTransform.Tuning] = [
    .init(),
    .init(inPlaceBelowQubit: 64, maximumInPlaceStridedQubits: 64),
    .init(inPlaceBelowQubit: 0, maximumInPlaceStridedQubits: 0),
    .init(maximumGatheredQubits: 1, maximumPermutedQubits: 2, scratchBytes: 256),
    .init(maximumGatheredQubits: 2, maximumPermutedQubits: 3, scratchBytes: 1 << 12),
    .init(scratchBytes: 64, minimumThreadedAmplitudes: 2),
  ]

  @Test("the circuit with swaps is the scaled DFT exp(+2πi·j·m/2^k); its adjoint uses exp(−…)")
  func circuitIsTheDiscreteFourierTransform() {
    for k in 1...5 {
      let state = Self.randomState(qubitCount: k, seed: UInt64(k))
      for inverse in [false, true] {
        let circuit = Self.reference(state, qubits: Array(0..<k), inverse: inverse, swaps: true)
        let n = 1 << k
        let sign = inverse ? -1.0 : 1.0
        var dft = [Double](repeating: 0, count: 2 * n)
        for m in 0..<n {
          for j in 0..<n {
            let angle = sign * 2 * .pi * Double(j * m) / Double(n)
            let (re, im) = (state.values[2 * j], state.values[2 * j + 1])
            let (c, s) = (cos(angle) / Double(n).squareRoot(), sin(angle) / Double(n).squareRoot())
            dft[2 * m] += c * re - s * im
            dft[2 * m + 1] += s * re + c * im
          }
        }
        #expect(Self.maximumDifference(circuit.values, dft) < 1e-12)
      }
    }
  }

  @Test("without swaps: forward = DFT then reversal, inverse = reversal then inverse DFT")
  func withoutSwapsIsTheReversedTransform() {
    let qubits = [4, 1, 3]
    let state = Self.randomState(qubitCount: 5, seed: 7)
    var forward = Self.reference(state, qubits: qubits, inverse: false, swaps: true)
    forward.swap(qubits[0], qubits[2])
    let circuit = Self.reference(state, qubits: qubits, inverse: false, swaps: false)
    #expect(Self.maximumDifference(forward.values, circuit.values) < 1e-12)

    var reversed = state
    reversed.swap(qubits[0], qubits[2])
    let inverse = Self.reference(reversed, qubits: qubits, inverse: true, swaps: true)
    let inverseCircuit = Self.reference(state, qubits: qubits, inverse: true, swaps: false)
    #expect(Self.maximumDifference(inverse.values, inverseCircuit.values) < 1e-12)
  }

  @Test("matches the textbook circuit in Double to 1e-12", arguments: 0..<blocks.count)
  func matchesCircuitInDouble(block: Int) throws {
    let (n, qubits) = Self.blocks[block]
    let state = Self.randomState(qubitCount: n, seed: UInt64(100 + block))
    for variant in Self.variants {
      let expected = Self.reference(state, qubits: qubits, inverse: variant.inverse, swaps: variant.swaps)
      for tuning in Self.tunings {
        let actual = try Self.applied(
          Double.self, state, qubits: qubits, inverse: variant.inverse, swaps: variant.swaps,
          threads: 2, tuning: tuning)
        #expect(
          Self.maximumDifference(actual, expected.values) < 1e-12,
          "n=\(n) qubits=\(qubits) \(variant) \(tuning)")
      }
    }
  }

  @Test("matches the textbook circuit in Float to 1e-5", arguments: 0..<blocks.count)
  func matchesCircuitInFloat(block: Int) throws {
    let (n, qubits) = Self.blocks[block]
    let state = Self.randomState(qubitCount: n, seed: UInt64(200 + block))
    for variant in Self.variants {
      let expected = Self.reference(state, qubits: qubits, inverse: variant.inverse, swaps: variant.swaps)
      for tuning in Self.tunings {
        let actual = try Self.applied(
          Float.self, state, qubits: qubits, inverse: variant.inverse, swaps: variant.swaps,
          threads: 2, tuning: tuning)
        #expect(
          Self.maximumDifference(actual, expected.values) < 1e-5,
          "n=\(n) qubits=\(qubits) \(variant) \(tuning)")
      }
    }
  }

  /// The row-decomposed path (a run of low qubits, ascending or descending, each side): even and
  /// odd k, the whole register, blocks with qubits above and below them, reversal tiles from
  /// 2×2 to larger than the block, one and two threads.
  @Test(
    "runs of low qubits in either order, row by row, match the textbook circuit",
    arguments: [
      (6, 0, 6), (7, 0, 7), (8, 0, 6), (9, 0, 9), (10, 0, 10), (10, 0, 7), (9, 1, 8), (10, 2, 7),
      (10, 3, 7),
    ])
  func rowDecomposedMatchesCircuit(qubitCount n: Int, first: Int, blockSize k: Int) throws {
    let state = Self.randomState(qubitCount: n, seed: UInt64(400 + 16 * n + 4 * first + k))
    let ascending = Array(first..<first + k)
    for qubits in [ascending, Array(ascending.reversed())] {
      for variant in Self.variants {
        let expected = Self.reference(
          state, qubits: qubits, inverse: variant.inverse, swaps: variant.swaps)
        for tileQubits in [1, 2, 6] {
          for threads in [1, 2] {
            let tuning = FourierTransform.Tuning(
              maximumGatheredQubits: 1, minimumThreadedAmplitudes: 2, reversalTileQubits: tileQubits)
            let double = try Self.applied(
              Double.self, state, qubits: qubits, inverse: variant.inverse, swaps: variant.swaps,
              threads: threads, tuning: tuning)
            let single = try Self.applied(
              Float.self, state, qubits: qubits, inverse: variant.inverse, swaps: variant.swaps,
              threads: threads, tuning: tuning)
            let label = "n=\(n) qubits=\(qubits) \(variant) tile=\(tileQubits) threads=\(threads)"
            #expect(Self.maximumDifference(double, expected.values) < 1e-12, "\(label)")
            #expect(Self.maximumDifference(single, expected.values) < 1e-5, "\(label)")
          }
        }
      }
    }
  }

  @Test("the benchmark's R·F·R on 20 qubits at the standard tuning: reverse, FFTW, reverse")
  func reversedWholeRegisterAtDefaultTuning() throws {
    let n = 20
    let state = Self.randomState(qubitCount: n, seed: 500)
    let reverse = { (index: Int) in
      (0..<n).reduce(0) { result, bit in result | (index >> bit & 1) << (n - 1 - bit) }
    }
    // R·F·R, assembled from the reference DFT (the circuit with swaps on 0..<n, checked above
    // against the textbook gates): reverse, transform, reverse.
    var reversed = state
    for i in 0..<(1 << n) {
      reversed.values[2 * i] = state.values[2 * reverse(i)]
      reversed.values[2 * i + 1] = state.values[2 * reverse(i) + 1]
    }
    let transformed = try Self.applied(
      Double.self, reversed, qubits: Array(0..<n), inverse: false, swaps: true,
      tuning: .init(maximumGatheredQubits: n))
    var expected = [Double](repeating: 0, count: 2 << n)
    for i in 0..<(1 << n) {
      expected[2 * i] = transformed[2 * reverse(i)]
      expected[2 * i + 1] = transformed[2 * reverse(i) + 1]
    }
    for threads in [1, 2] {
      let actual = try Self.applied(
        Double.self, state, qubits: Array((0..<n).reversed()), inverse: false, swaps: true,
        threads: threads, tuning: .init(maximumGatheredQubits: 16, minimumThreadedAmplitudes: 2))
      #expect(Self.maximumDifference(actual, expected) < 1e-12, "threads=\(threads)")
    }
  }

  @Test("QFT then inverse QFT is the identity", arguments: [true, false])
  func inverseUndoesForward(swaps: Bool) throws {
    for (index, (n, qubits)) in Self.blocks.enumerated() {
      let state = Self.randomState(qubitCount: n, seed: UInt64(300 + index))
      for tuning in Self.tunings {
        let forward = try Self.applied(
          Double.self, state, qubits: qubits, inverse: false, swaps: swaps, tuning: tuning)
        let back = try Self.applied(
          Double.self, ReferenceState(qubitCount: n, values: forward), qubits: qubits,
          inverse: true, swaps: swaps, tuning: tuning)
        #expect(Self.maximumDifference(back, state.values) < 1e-12, "n=\(n) qubits=\(qubits)")
      }
    }
  }

  @Test("two threads agree with one on a register above the threading threshold")
  func threadsAgree() throws {
    let state = Self.randomState(qubitCount: 18, seed: 9)
    for qubits in [Array(0..<18), Array(0..<9), Array(9..<18), [0, 5, 17, 3], [17, 16, 15]] {
      for variant in Self.variants {
        let one = try Self.applied(
          Double.self, state, qubits: qubits, inverse: variant.inverse, swaps: variant.swaps,
          threads: 1, tuning: .init(minimumThreadedAmplitudes: 1 << 10))
        let two = try Self.applied(
          Double.self, state, qubits: qubits, inverse: variant.inverse, swaps: variant.swaps,
          threads: 2, tuning: .init(minimumThreadedAmplitudes: 1 << 10))
        #expect(Self.maximumDifference(one, two) < 1e-13, "qubits=\(qubits) \(variant)")
      }
    }
  }

  @Test("an empty block leaves the state alone; bad qubits throw")
  func edgeCases() throws {
    let state = Self.randomState(qubitCount: 3, seed: 1)
    let same = try Self.applied(Double.self, state, qubits: [], inverse: false, swaps: true)
    #expect(same == state.values)
    for qubits in [[3], [0, 0], [-1]] {
      #expect(throws: FourierTransformError.self) {
        _ = try Self.applied(Double.self, state, qubits: qubits, inverse: false, swaps: true)
      }
    }
  }
}
