import ComplexModule
import EntangleTestSupport
import Testing

@testable import EntangleSimulation

/// Compares every state kernel with a reference that applies the gate's full matrix on the
/// target bits, index by index, on seeded random states.
@Suite("State kernels")
struct KernelTests {
  /// A gate placement: targets in matrix-bit order and the control mask.
  struct Placement: CustomStringConvertible {
    var qubitCount: Int
    var targets: [Int]
    var controlMask: Int
    var description: String { "n=\(qubitCount) targets=\(targets) controls=\(controlMask)" }
    /// A seed that differs between placements and is the same in every run.
    var seed: UInt64 { UInt64(targets.reduce(qubitCount) { $0 &* 31 &+ $1 } &* 131 &+ controlMask) }
  }

  /// Every target position for one qubit, and shuffled random target sets for 2...5, each
  /// with 0, 1 and 2 controls, on states of 1 to 10 qubits.
  static func placements(maximumTargets: Int) -> [Placement] {
    var generator = SeededGenerator(seed: 2026)
    var result: [Placement] = []
    for qubitCount in [1, 2, 3, 4, 5, 6, 8, 10] {
      for targetCount in 1...min(maximumTargets, qubitCount) {
        for controlCount in 0...min(2, qubitCount - targetCount) {
          let trials = targetCount == 1 ? qubitCount : 6
          for trial in 0..<trials {
            var qubits = Array(0..<qubitCount).shuffled(using: &generator)
            if targetCount == 1 {
              qubits.removeAll { $0 == trial }
              qubits.insert(trial, at: 0)
            }
            let targets = Array(qubits[0..<targetCount])
            let controlMask = qubits[targetCount..<targetCount + controlCount]
              .reduce(0) { $0 | 1 << $1 }
            result.append(
              Placement(qubitCount: qubitCount, targets: targets, controlMask: controlMask))
          }
        }
      }
    }
    return result
  }

  /// For 2 to 5 targets on 8 qubits: every subset of qubits 0-2 (the lane qubits of
  /// `SIMD16<Float>`; 0-1 are those of `SIMD8<Double>`) as low targets, the rest high
  /// (adjacent or spread), in a shuffled matrix-bit order, with no control, a low control
  /// or a high control where one is free.
  static func lowAndHighPlacements() -> [Placement] {
    var generator = SeededGenerator(seed: 2027)
    var result: [Placement] = []
    for targetCount in 2...5 {
      for lowMask in 0..<8 where lowMask.nonzeroBitCount <= targetCount {
        let low = (0..<3).filter { lowMask >> $0 & 1 == 1 }
        let highCount = targetCount - low.count
        for high in [Array(3..<3 + highCount), Array([7, 5, 3, 4, 6].prefix(highCount))] {
          let targets = (low + high).shuffled(using: &generator)
          let freeLow = (0..<3).filter { !targets.contains($0) }
          let freeHigh = (3..<8).filter { !targets.contains($0) }
          var controlMasks = [0]
          if let control = freeLow.first { controlMasks.append(1 << control) }
          if let control = freeHigh.last { controlMasks.append(1 << control) }
          for controlMask in controlMasks {
            result.append(Placement(qubitCount: 8, targets: targets, controlMask: controlMask))
          }
        }
      }
    }
    return result
  }

  @Test(
    "Dense matrices on every mix of low and high targets match the reference",
    arguments: lowAndHighPlacements())
  func denseLowAndHigh(_ placement: Placement) {
    dense(placement)
  }

  @Test("Dense k-qubit matrices match the reference", arguments: placements(maximumTargets: 6))
  func dense(_ placement: Placement) {
    var generator = SeededGenerator(seed: placement.seed)
    let dimension = 1 << placement.targets.count
    let matrix = (0..<dimension * dimension).map { _ in randomComplex(using: &generator) }
    check(placement, generator: &generator) { state in
      reference(state, placement) { row, column in matrix[row * dimension + column] }
    } kernel: { amplitudes, threads in
      StateKernels.applyDense(
        matrix, targets: placement.targets, controlMask: placement.controlMask,
        to: amplitudes, qubitCount: placement.qubitCount, threads: threads)
    } kernel: { amplitudes, threads in
      StateKernels.applyDense(
        matrix, targets: placement.targets, controlMask: placement.controlMask,
        to: amplitudes, qubitCount: placement.qubitCount, threads: threads)
    }
  }

  @Test("Diagonal gates match the reference", arguments: placements(maximumTargets: 5))
  func diagonal(_ placement: Placement) {
    var generator = SeededGenerator(seed: placement.seed)
    let diagonal = (0..<1 << placement.targets.count).map { _ in randomComplex(using: &generator) }
    check(placement, generator: &generator) { state in
      reference(state, placement) { row, column in row == column ? diagonal[row] : .zero }
    } kernel: { amplitudes, threads in
      StateKernels.applyDiagonal(
        diagonal, targets: placement.targets, controlMask: placement.controlMask,
        to: amplitudes, qubitCount: placement.qubitCount, threads: threads)
    } kernel: { amplitudes, threads in
      StateKernels.applyDiagonal(
        diagonal, targets: placement.targets, controlMask: placement.controlMask,
        to: amplitudes, qubitCount: placement.qubitCount, threads: threads)
    }
  }

  @Test(
    "Permutations with and without phases match the reference",
    arguments: placements(maximumTargets: 5), [false, true])
  func permutation(_ placement: Placement, withPhases: Bool) {
    var generator = SeededGenerator(seed: placement.seed)
    let dimension = 1 << placement.targets.count
    let permutation = Array(0..<dimension).shuffled(using: &generator)
    let phases = withPhases ? (0..<dimension).map { _ in randomComplex(using: &generator) } : nil
    // new[permutation[j]] = phases[j] · old[j]: row permutation[j] has one entry, in column j.
    check(placement, generator: &generator) { state in
      reference(state, placement) { row, column in
        permutation[column] == row ? phases?[column] ?? .one : .zero
      }
    } kernel: { amplitudes, threads in
      StateKernels.applyPermutation(
        permutation, phases: phases, targets: placement.targets,
        controlMask: placement.controlMask, to: amplitudes,
        qubitCount: placement.qubitCount, threads: threads)
    } kernel: { amplitudes, threads in
      StateKernels.applyPermutation(
        permutation, phases: phases, targets: placement.targets,
        controlMask: placement.controlMask, to: amplitudes,
        qubitCount: placement.qubitCount, threads: threads)
    }
  }

  @Test(
    "Threaded passes match single-threaded ones on a state above the threshold",
    arguments: [[3, 17], [0, 17], [1, 0, 9], [2, 17, 0, 5, 1]])
  func threads(_ targets: [Int]) {
    let placement = Placement(qubitCount: 18, targets: targets, controlMask: 0)
    var generator = SeededGenerator(seed: 7)
    let dimension = 1 << targets.count
    let matrix = (0..<dimension * dimension).map { _ in randomComplex(using: &generator) }
    let state = (0..<1 << placement.qubitCount).map { _ in randomComplex(using: &generator) }
    func apply<S: AmplitudeScalar>(_ scalar: S.Type, threads: Int) -> [Complex<Double>] {
      run(state, as: S.self, threads: threads) { amplitudes, threads in
        StateKernels.applyDense(
          matrix, targets: placement.targets, controlMask: placement.controlMask,
          to: amplitudes, qubitCount: placement.qubitCount, threads: threads)
      }
    }
    #expect(apply(Double.self, threads: 1) == apply(Double.self, threads: 2))
    #expect(apply(Float.self, threads: 1) == apply(Float.self, threads: 2))
  }

  /// Placements on 20 qubits, a state larger than the caches hold between passes, where
  /// the kernels prefetch: one to three targets below, at and above the lanes, adjacent and
  /// spread, without and with a low and a high control.
  static let largePlacements: [Placement] = [
    Placement(qubitCount: 20, targets: [0], controlMask: 0),
    Placement(qubitCount: 20, targets: [3], controlMask: 1),
    Placement(qubitCount: 20, targets: [5], controlMask: 0),
    Placement(qubitCount: 20, targets: [12], controlMask: 1 << 2),
    Placement(qubitCount: 20, targets: [19], controlMask: 1 << 13),
    Placement(qubitCount: 20, targets: [0, 1], controlMask: 0),
    Placement(qubitCount: 20, targets: [6, 5], controlMask: 0),
    Placement(qubitCount: 20, targets: [12, 19], controlMask: 1),
    Placement(qubitCount: 20, targets: [0, 1, 2], controlMask: 0),
    Placement(qubitCount: 20, targets: [3, 1, 2], controlMask: 0),
    Placement(qubitCount: 20, targets: [19, 0, 1], controlMask: 1 << 7),
    Placement(qubitCount: 20, targets: [1, 19, 0], controlMask: 1 << 9),
    Placement(qubitCount: 20, targets: [2, 0, 12], controlMask: 0),
    Placement(qubitCount: 20, targets: [2, 1, 0], controlMask: 1 << 15),
    Placement(qubitCount: 20, targets: [2, 3, 4], controlMask: 0),
    Placement(qubitCount: 20, targets: [7, 6, 8], controlMask: 1 << 19),
    Placement(qubitCount: 20, targets: [6, 7, 8], controlMask: 1 << 3),
    Placement(qubitCount: 20, targets: [14, 12, 13], controlMask: 0),
    Placement(qubitCount: 20, targets: [0, 5, 12], controlMask: 1 << 18),
    Placement(qubitCount: 20, targets: [4, 9, 14, 19], controlMask: 0),
  ]

  @Test("Passes over states larger than the caches match the reference", arguments: largePlacements)
  func largeState(_ placement: Placement) {
    dense(placement)
    diagonal(placement)
    permutation(placement, withPhases: false)
  }

  @Test("Prefetching is off for cache-sized states and shares 16 KiB of lines among streams")
  func prefetchDistances() {
    // 2^16 vectors of 64 bytes are 4 MiB: the largest state that does not prefetch.
    #expect(Prefetcher(vectorCount: 1 << 16, streams: 2).distance == 0)
    #expect(Prefetcher(vectorCount: 1 << 17, streams: 2).distance == 4096)
    #expect(Prefetcher(vectorCount: 1 << 17, streams: 8).distance == 2048)
    #expect(Prefetcher(vectorCount: 1 << 17, streams: 64).distance == 512)
    // Members within 4 KiB (64 vectors) of each other are one stream per half.
    #expect(Prefetcher(vectorCount: 1 << 17, memberOffsets: [0, 8, 16, 24]).distance == 4096)
    #expect(Prefetcher(vectorCount: 1 << 17, memberOffsets: [0, 64, 128, 192]).distance == 2048)
    // Eight members of a three-qubit gate on targets 12-14 of a Double state: 16 streams.
    let spread = (0..<8).map { $0 * 1024 }
    #expect(Prefetcher(vectorCount: 1 << 24, memberOffsets: spread).distance == 1024)
    let adjacent = (0..<8).map { $0 * 8 }
    #expect(Prefetcher(vectorCount: 1 << 24, memberOffsets: adjacent).distance == 4096)
    // The register kernels follow their group walk 8 groups ahead, on large states only;
    // groups that fill blocks of up to 128 vectors ask for the next block's lines in order.
    typealias Walk = Prefetcher.GroupWalk
    #expect(Prefetcher.groupWalk(vectorCount: 1 << 16, memberCount: 8, topStride: 32, controls: 0)
      == Walk(groupsAhead: 0, blockVectors: 0))
    #expect(Prefetcher.groupWalk(vectorCount: 1 << 17, memberCount: 8, topStride: 4, controls: 0)
      == Walk(groupsAhead: 8, blockVectors: 8))
    #expect(Prefetcher.groupWalk(vectorCount: 1 << 17, memberCount: 8, topStride: 64, controls: 0)
      == Walk(groupsAhead: 16, blockVectors: 128))
    #expect(Prefetcher.groupWalk(vectorCount: 1 << 17, memberCount: 4, topStride: 64, controls: 1 << 9)
      == Walk(groupsAhead: 32, blockVectors: 128))
    // Groups of one or two vectors walk at least 32 vectors ahead.
    #expect(Prefetcher.groupWalk(vectorCount: 1 << 17, memberCount: 1, topStride: 0, controls: 0)
      == Walk(groupsAhead: 32, blockVectors: 0))
    #expect(Prefetcher.groupWalk(vectorCount: 1 << 17, memberCount: 1, topStride: 0, controls: 1 << 4)
      == Walk(groupsAhead: 32, blockVectors: 0))
    #expect(Prefetcher.groupWalk(vectorCount: 1 << 17, memberCount: 2, topStride: 1, controls: 0)
      == Walk(groupsAhead: 16, blockVectors: 2))
    #expect(Prefetcher.groupWalk(vectorCount: 1 << 17, memberCount: 2, topStride: 1 << 12, controls: 0)
      == Walk(groupsAhead: 16, blockVectors: 0))
    // A larger block, or a control inside the block, follows the walk.
    #expect(Prefetcher.groupWalk(vectorCount: 1 << 17, memberCount: 8, topStride: 128, controls: 0)
      == Walk(groupsAhead: 8, blockVectors: 0))
    #expect(Prefetcher.groupWalk(vectorCount: 1 << 17, memberCount: 8, topStride: 32, controls: 1 << 2)
      == Walk(groupsAhead: 8, blockVectors: 0))
  }

  @Test("The register kernel's two halves start apart in L1 sets, past a group's members")
  func secondHalfSets() {
    /// The L1 set distance (vector index mod 64) from the first half's first vector to the
    /// second's, for a three-qubit gate on `targets` above the lanes.
    func offset(_ targets: [Int], laneBits: Int, controls: Int = 0) -> Int {
      let layout = VectorLayout(targets: targets, controlMask: controls, qubitCount: 26, laneBits: laneBits)
      let strides = targets.map { 1 << ($0 - laneBits) }
      let groups = 0..<layout.groupCount
      let split = StateKernels.secondHalfStart(
        groups, memberCount: 8, strides: (strides[0], strides[1], strides[2]), layout: layout)
      #expect(split >= groups.count / 2 && split < groups.count / 2 + 64)
      let mask = ~(controls >> laneBits)
      return (layout.firstVector(ofGroup: split) & mask - layout.firstVector(ofGroup: 0) & mask) & 63
    }
    // `Double` [7, 8, 9]: members 32 vectors apart in sets; the other half halfway between.
    #expect([16, 48].contains(offset([7, 8, 9], laneBits: 2)))
    #expect([16, 48].contains(offset([7, 8, 9], laneBits: 2, controls: 1 << 20)))
    #expect([16, 48].contains(offset([8, 9, 10], laneBits: 3)))
    // Members 8 vectors apart: 4 sets from each.
    #expect(offset([5, 6, 7], laneBits: 2) % 8 == 4)
    // Members whose strides are whole pages share one set: the other half is 2 KiB away.
    #expect(offset([23, 24, 25], laneBits: 2) == 32)
    #expect(offset([12, 13, 14], laneBits: 3) == 32)
  }

  // MARK: - Reference and helpers

  /// The gate's matrix (by its entries) applied to the target bits of every controlled index.
  func reference(
    _ state: [Complex<Double>], _ placement: Placement,
    entry: (_ row: Int, _ column: Int) -> Complex<Double>
  ) -> [Complex<Double>] {
    let dimension = 1 << placement.targets.count
    var result = state
    for index in state.indices where index & placement.controlMask == placement.controlMask {
      var row = 0
      for (bit, target) in placement.targets.enumerated() { row |= (index >> target & 1) << bit }
      var sum = Complex<Double>.zero
      for column in 0..<dimension {
        var source = index
        for (bit, target) in placement.targets.enumerated() {
          source = source & ~(1 << target) | (column >> bit & 1) << target
        }
        sum += entry(row, column) * state[source]
      }
      result[index] = sum
    }
    return result
  }

  /// Runs the Double and the Float kernel on a random state, with 1 and 2 threads, and
  /// compares each with the reference (tolerance 1e-12 for Double, 1e-5 for Float).
  func check(
    _ placement: Placement, generator: inout SeededGenerator,
    reference: ([Complex<Double>]) -> [Complex<Double>],
    kernel double: (UnsafeMutablePointer<Double>, Int) -> Void,
    kernel float: (UnsafeMutablePointer<Float>, Int) -> Void
  ) {
    let state = (0..<1 << placement.qubitCount).map { _ in randomComplex(using: &generator) }
    let expected = reference(state)
    for threads in [1, 2] {
      let doubleResult = run(state, as: Double.self, threads: threads, double)
      let floatResult = run(state, as: Float.self, threads: threads, float)
      #expect(maximumDistance(doubleResult, expected) < 1e-12, "Double \(placement)")
      #expect(maximumDistance(floatResult, expected) < 1e-5, "Float \(placement)")
    }
  }

  /// Copies `state` into 64-byte aligned storage of `S`, runs `kernel`, and reads it back.
  func run<S: AmplitudeScalar>(
    _ state: [Complex<Double>], as scalar: S.Type, threads: Int,
    _ kernel: (UnsafeMutablePointer<S>, Int) -> Void
  ) -> [Complex<Double>] {
    let count = 2 * state.count
    let raw = UnsafeMutableRawPointer.allocate(
      byteCount: max(count * MemoryLayout<S>.stride, 64), alignment: 64)
    defer { raw.deallocate() }
    let amplitudes = raw.bindMemory(to: S.self, capacity: count)
    for (index, value) in state.enumerated() {
      amplitudes[2 * index] = S(value.real)
      amplitudes[2 * index + 1] = S(value.imaginary)
    }
    kernel(amplitudes, threads)
    return state.indices.map {
      Complex(Double(amplitudes[2 * $0]), Double(amplitudes[2 * $0 + 1]))
    }
  }

  func maximumDistance(_ lhs: [Complex<Double>], _ rhs: [Complex<Double>]) -> Double {
    zip(lhs, rhs).map { ($0 - $1).length }.max() ?? 0
  }

  func randomComplex(using generator: inout SeededGenerator) -> Complex<Double> {
    Complex(
      Double.random(in: -1...1, using: &generator), Double.random(in: -1...1, using: &generator))
  }
}

