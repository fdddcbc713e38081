import EntangleCircuits

/// Finds textbook quantum Fourier transforms in a list of operations and replaces each by one
/// ``Gate/qft(qubitCount:swaps:inverse:)`` operation, which the simulator runs as one FFTW transform.
///
/// **What is recognised, exactly.** A *block* on k ≥ ``minimumQubits`` distinct qubits is
/// - a *ladder*: one H on each block qubit and one controlled phase CP(±π/2^d) on every pair of
///   block qubits, in any order that the textbook circuit can be commuted into. Numbering the
///   qubits 0, 1, …, k−1 by the order of their H gates (their *levels*), the pair at levels
///   l < l′ carries the angle σ·π/2^(l′−l) and comes after the H at level l and before the H at
///   level l′, with one sign σ for the whole ladder. σ = +1 is the forward QFT (the first H is
///   on block qubit k−1, as in ``FourierCircuit/gates(qubits:swaps:inverse:)``); σ = −1 is the
///   inverse (the first H is on block qubit 0). This covers Qiskit's `QFT(k)` and
///   `QFT(k).inverse()` (H then its CPs, top qubit first), QASMBench's `qft_n4` and `pea_n5`
///   (each H after the CPs into its qubit) and `gen_qft` of the benchmark generator (H then the
///   CPs to all later qubits), on any qubits in ascending, descending or any other order.
///   Two CP ladders that contain the same gates and respect those orders are equal as unitaries,
///   because every CP commutes with every other CP and with H on other qubits.
/// - optionally its swaps (i, k−1−i) for i < k/2, in any order: right after a forward ladder,
///   right before an inverse one. A block without them is `swaps: false`.
///
/// A CP is `p`/`u1` with one control (`cp`, `cu1`, either qubit as control, since the gate is
/// symmetric) or the five operations of `qelib1.inc`'s definition of `cu1(λ) a,b`:
/// `u1(λ/2) a; cx a,b; u1(−λ/2) b; cx a,b; u1(λ/2) b` (QASMBench's `qft_n18`). A swap is `swap` or
/// the three operations `cx a,b; cx b,a; cx a,b`. Angles are the parameters' values under
/// `bindings`, accepted when within 1e-12 relative of π/2^d (d ≥ 1); a parameter with an unbound
/// symbol is never part of a block. So is an operation with a classical condition, with more
/// controls than the forms above, or any other gate, measurement or reset.
///
/// **Contiguity.** A block's gates are consecutive in the list apart from barriers, which have no
/// effect on the state: barriers inside a block are kept, placed right after the block's `qft`
/// operation. A gate on other qubits in the middle of a block ends it (it would commute, but
/// none of the forms above writes one there). When the candidate gates do not form a complete
/// block, they stay as they are; the rewrite never approximates.
///
/// Blocks are read greedily from the first candidate H: the longest complete ladder from there
/// wins, and a later H is tried when none is found.
///
/// - Complexity: O(g) for g operations when the candidate gates form blocks or break off early,
///   as in every circuit above; a long run of candidate gates that never completes a block is
///   reread from each of its H gates, O(g · √g) at worst.
enum FourierRecognition {
  /// The smallest block worth one FFTW transform instead of its k + k(k−1)/2 + ⌊k/2⌋ gates.
  ///
  /// Measured on the 2-vCPU Intel Xeon development VM (release, native toolset, one thread, shared with other jobs):
  /// `StateVector.apply(.qft(k))` against the textbook gates applied one by one, median seconds,
  /// on qubits 0..<k (low) and n−k..<n (high):
  ///
  ///     n   k   low: FFTW   gates   ×     high: FFTW   gates   ×
  ///     20  2      0.0013  0.0051  3.9         0.0013  0.0020  1.5
  ///     20  3      0.0014  0.0057  3.9         0.0014  0.0033  2.5
  ///     20  4      0.0015  0.0094  6.2         0.0026  0.0051  1.9
  ///     20  5      0.0015  0.0121  7.9         0.0030  0.0075  2.5
  ///     20  6      0.0017  0.0165  9.5         0.0032  0.0102  3.2
  ///     20  7      0.0019  0.0201  10.4        0.0036  0.0130  3.7
  ///     20  8      0.0033  0.0242  7.3         0.0103  0.0158  1.5
  ///     24  2      0.049   0.132   2.7         0.050   0.063   1.3
  ///     24  3      0.057   0.203   3.6         0.083   0.206   2.5
  ///     24  4      0.079   0.426   5.4         0.078   0.243   3.1
  ///     24  5      0.073   0.561   7.7         0.094   0.328   3.5
  ///     24  6      0.074   0.766   10.4        0.096   0.437   4.6
  ///     24  7      0.074   0.961   12.9        0.104   0.561   5.4
  ///     24  8      0.130   1.203   9.3         0.262   0.718   2.7
  ///
  /// Gate fusion will make the gates cheaper. The whole block as one dense k-qubit gate (what a
  /// fuser could make of it at best) took, same machine and settings, n = 24 low/high: k = 2
  /// 0.063/0.048 s, k = 3 0.31/0.067 s, k = 4 0.21/0.20 s, k = 5 0.39/0.30 s; a single H pass
  /// 0.03–0.04 s. FFTW loses to a fused gate at k = 2 and at k = 3 on high qubits, and wins by at
  /// least 2.5× over the gates and 3× over one fused gate from k = 5; k = 4 on high qubits at n = 20
  /// gains only 1.9× over unfused gates. So blocks start at 5 qubits.
  static let minimumQubits = 5

  /// The operations with every recognised block replaced by one `qft` operation.
  ///
  /// The block's qubit i (the least-significant bit of the block integer) is `targets[i]` of the
  /// new operation, so the result is exactly the same unitary as the operations it replaces.
  /// - Parameters:
  ///   - bindings: values for the symbols in gate angles; unbound angles are never recognised.
  ///   - minimumQubits: the smallest block replaced.
  static func rewrite(
    _ operations: [Operation], bindings: [String: Double], minimumQubits: Int = minimumQubits
  ) -> [Operation] {
    let tokens = Token.read(operations, bindings: bindings)
    var result: [Operation] = []
    result.reserveCapacity(operations.count)
    var copiedUpTo = 0  // operations before this index are in `result` or replaced
    var firstFreeToken = 0  // tokens before this index belong to an earlier block or were copied
    var start = 0
    while start < tokens.count {
      guard case .hadamard = tokens[start].kind,
        let block = findBlock(at: start, in: tokens, after: firstFreeToken, minimumQubits: minimumQubits)
      else {
        start += 1
        continue
      }
      let firstOperation = tokens[block.tokens.lowerBound].operations.lowerBound
      let endOperation = tokens[block.tokens.upperBound - 1].operations.upperBound
      result += operations[copiedUpTo..<firstOperation]
      result.append(block.operation)
      for index in block.tokens where tokens[index].kind == .barrier {
        result.append(operations[tokens[index].operations.lowerBound])
      }
      copiedUpTo = endOperation
      firstFreeToken = block.tokens.upperBound
      start = block.tokens.upperBound
    }
    result += operations[copiedUpTo...]
    return result
  }

  /// A block found: the tokens it replaces and the one operation that replaces them.
  struct Block {
    var tokens: Range<Int>
    var operation: Operation
  }

  /// The complete block whose ladder starts at the H token `start`, with its swaps when present.
  private static func findBlock(at start: Int, in tokens: [Token], after firstFreeToken: Int, minimumQubits: Int) -> Block? {
    var ladder = Ladder()
    var complete: (end: Int, qubitCount: Int)?
    var index = start
    reading: while index < tokens.count {
      switch tokens[index].kind {
      case .barrier: break
      case .hadamard(let qubit):
        guard ladder.acceptHadamard(on: qubit) else { break reading }
      case let .controlledPhase(a, b, angle):
        guard ladder.acceptPhase(angle, between: a, and: b) else { break reading }
      case .swap, .other: break reading
      }
      index += 1
      // A block ends on a gate: barriers after its last gate stay outside it.
      if tokens[index - 1].kind != .barrier, ladder.isComplete { complete = (index, ladder.qubitsByLevel.count) }
    }
    guard let complete, complete.qubitCount >= minimumQubits, let sign = ladder.sign else { return nil }

    let qubitsByLevel = Array(ladder.qubitsByLevel.prefix(complete.qubitCount))
    let k = qubitsByLevel.count
    let inverse = sign < 0
    // Swaps pair levels l and k−1−l, the same pairs as block qubits i and k−1−i.
    let swapPairs = Set((0..<k / 2).map { UnorderedPair(qubitsByLevel[$0], qubitsByLevel[k - 1 - $0]) })
    var range = start..<complete.end
    if inverse {
      if let first = swapRun(matching: swapPairs, from: start - 1, step: -1, limit: firstFreeToken, in: tokens) {
        range = first..<complete.end
      }
    } else if let last = swapRun(matching: swapPairs, from: complete.end, step: 1, limit: tokens.count, in: tokens) {
      range = start..<last + 1
    }
    let hasSwaps = range != start..<complete.end
    // Forward: level l is block qubit k−1−l. Inverse: level l is block qubit l.
    let targets = inverse ? qubitsByLevel : qubitsByLevel.reversed()
    let gate = Gate.qft(qubitCount: k, swaps: hasSwaps, inverse: inverse)
    return Block(tokens: range, operation: .gate(gate, on: targets))
  }

  /// The index of the last swap token of a run of exactly `pairs.count` swaps on `pairs` read from
  /// `index` in direction `step` (skipping barriers, stopping before `limit`), or nil.
  private static func swapRun(
    matching pairs: Set<UnorderedPair>, from index: Int, step: Int, limit: Int, in tokens: [Token]
  ) -> Int? {
    var remaining = pairs
    var index = index
    var last: Int?
    while !remaining.isEmpty, step > 0 ? index < limit : index >= limit {
      switch tokens[index].kind {
      case .barrier: break
      case let .swap(a, b):
        guard remaining.remove(UnorderedPair(a, b)) != nil else { return nil }
        last = index
      default: return nil
      }
      index += step
    }
    return remaining.isEmpty ? last : nil
  }
}

// MARK: - Ladder

extension FourierRecognition {
  /// The H and CP gates of one candidate ladder read so far, and the levels they imply.
  ///
  /// Invariant: the accepted gates are an ordering of a ladder's gates that the textbook circuit
  /// commutes into (see ``FourierRecognition``), possibly missing gates that may still follow.
  struct Ladder {
    /// Level l's qubit; its length is the number of qubits seen.
    private(set) var qubitsByLevel: [Int] = []
    private var levels: [Int: Int] = [:]
    /// The qubits whose H has been read.
    private var hadamards: Set<Int> = []
    /// For each qubit, the CPs read with qubits on lower levels.
    private var phasesFromBelow: [Int: Int] = [:]
    private var pairs: Set<UnorderedPair> = []
    /// +1 for the forward transform, −1 for the inverse, once a CP has been read.
    private(set) var sign: Double?

    /// Every qubit seen has had its H, so every CP into it from below (and so every lower level) too.
    var isComplete: Bool { !qubitsByLevel.isEmpty && hadamards.count == qubitsByLevel.count }

    /// Takes an H: the first one starts the ladder on level 0; any other needs its qubit known,
    /// not yet transformed, and all CPs from the levels below it read.
    mutating func acceptHadamard(on qubit: Int) -> Bool {
      if qubitsByLevel.isEmpty {
        qubitsByLevel = [qubit]
        levels[qubit] = 0
        hadamards.insert(qubit)
        return true
      }
      guard let level = levels[qubit], !hadamards.contains(qubit), phasesFromBelow[qubit, default: 0] == level
      else { return false }
      hadamards.insert(qubit)
      return true
    }

    /// Takes a CP(angle) on two qubits: the lower one must have had its H and the upper one not;
    /// a qubit not seen yet takes the level d above the other, where |angle| = π/2^d.
    mutating func acceptPhase(_ angle: Double, between a: Int, and b: Int) -> Bool {
      guard let distance = FourierRecognition.levelDistance(angle) else { return false }
      let angleSign: Double = angle > 0 ? 1 : -1
      if let sign, sign != angleSign { return false }
      let lower: Int, upper: Int
      switch (levels[a], levels[b]) {
      case let (levelA?, levelB?):
        (lower, upper) = levelA < levelB ? (a, b) : (b, a)
        guard abs(levelA - levelB) == distance, hadamards.contains(lower), !hadamards.contains(upper),
          !pairs.contains(UnorderedPair(a, b))
        else { return false }
      case let (known?, nil), let (nil, known?):
        (lower, upper) = levels[a] != nil ? (a, b) : (b, a)
        let level = known + distance
        guard hadamards.contains(lower), level >= qubitsByLevel.count || qubitsByLevel[level] < 0 else { return false }
        if level >= qubitsByLevel.count {
          qubitsByLevel += repeatElement(-1, count: level + 1 - qubitsByLevel.count)
        }
        qubitsByLevel[level] = upper
        levels[upper] = level
      case (nil, nil):
        return false
      }
      pairs.insert(UnorderedPair(a, b))
      phasesFromBelow[upper, default: 0] += 1
      sign = angleSign
      return true
    }
  }

  /// The d ≥ 1 with |angle| = π/2^d within 1e-12 relative, or nil.
  static func levelDistance(_ angle: Double) -> Int? {
    let magnitude = abs(angle)
    guard magnitude > 0, magnitude.isFinite else { return nil }
    let ratio = Double.pi / magnitude
    guard ratio.isFinite, ratio < 0x1p63 else { return nil }
    let distance = Int(ratio.exponent)  // ⌊log₂(π/|angle|)⌋: d, or d − 1 when |angle| is a hair above π/2^d
    for d in [distance, distance + 1] where (1...62).contains(d) {
      let expected = Double.pi / Double(1 << d)
      if abs(magnitude - expected) <= 1e-12 * expected { return d }
    }
    return nil
  }
}

// MARK: - Tokens

extension FourierRecognition {
  /// Two distinct qubits, in no order.
  struct UnorderedPair: Hashable {
    let low: Int, high: Int
    init(_ a: Int, _ b: Int) { (low, high) = a < b ? (a, b) : (b, a) }
  }

  /// A gate the recogniser reads, spelled by one or more consecutive operations.
  struct Token {
    enum Kind: Equatable {
      case hadamard(Int)
      /// CP(angle), symmetric in its two qubits.
      case controlledPhase(Int, Int, angle: Double)
      case swap(Int, Int)
      case barrier
      /// Anything that cannot be part of a block.
      case other
    }

    var kind: Kind
    /// The operations that spell it.
    var operations: Range<Int>

    /// The tokens of `operations`, each operation in exactly one token, in order.
    static func read(_ operations: [Operation], bindings: [String: Double]) -> [Token] {
      var tokens: [Token] = []
      tokens.reserveCapacity(operations.count)
      var index = 0
      while index < operations.count {
        let token = readOne(operations, at: index, bindings: bindings)
        tokens.append(token)
        index = token.operations.upperBound
      }
      return tokens
    }

    private static func readOne(_ operations: [Operation], at index: Int, bindings: [String: Double]) -> Token {
      let single = { (kind: Kind) in Token(kind: kind, operations: index..<index + 1) }
      let operation = operations[index]
      guard operation.condition == nil else { return single(.other) }
      guard case let .gate(gate, targets, controls) = operation.kind else {
        if case .barrier = operation.kind { return single(.barrier) }
        return single(.other)
      }
      switch (gate, targets.count, controls.count) {
      case (.h, 1, 0):
        return single(.hadamard(targets[0]))
      case (.swap, 2, 0) where targets[0] != targets[1]:
        return single(.swap(targets[0], targets[1]))
      case (.phase(let angle), 1, 1) where targets[0] != controls[0]:
        guard let value = try? angle.value(bindings) else { return single(.other) }
        return single(.controlledPhase(controls[0], targets[0], angle: value))
      case (.phase(let angle), 1, 0):
        if let (b, value) = qelib1ControlledPhase(operations, at: index, control: targets[0], halfAngle: angle, bindings: bindings) {
          return Token(kind: .controlledPhase(targets[0], b, angle: value), operations: index..<index + 5)
        }
      case (.x, 1, 1) where targets[0] != controls[0]:
        let (a, b) = (controls[0], targets[0])
        if index + 3 <= operations.count, isCX(operations[index + 1], control: b, target: a),
          isCX(operations[index + 2], control: a, target: b)
        {
          return Token(kind: .swap(a, b), operations: index..<index + 3)
        }
      default:
        break
      }
      return single(.other)
    }

    /// `u1(λ/2) a; cx a,b; u1(−λ/2) b; cx a,b; u1(λ/2) b` at `index`, which is cu1(λ) a,b exactly:
    /// the target b and λ, or nil.
    private static func qelib1ControlledPhase(
      _ operations: [Operation], at index: Int, control a: Int, halfAngle: Parameter, bindings: [String: Double]
    ) -> (Int, Double)? {
      guard index + 5 <= operations.count, operations[index + 1].condition == nil,
        case let .gate(.x, targets, controls) = operations[index + 1].kind, controls == [a], targets.count == 1
      else { return nil }
      let b = targets[0]
      guard b != a, isCX(operations[index + 3], control: a, target: b),
        let half = try? halfAngle.value(bindings),
        let middle = phaseOnly(operations[index + 2], on: b, bindings: bindings),
        let last = phaseOnly(operations[index + 4], on: b, bindings: bindings),
        abs(middle + half) <= 1e-12 * abs(half), abs(last - half) <= 1e-12 * abs(half)
      else { return nil }
      return (b, half + last)
    }

    private static func isCX(_ operation: Operation, control: Int, target: Int) -> Bool {
      operation.condition == nil && operation.kind == .gate(.x, targets: [target], controls: [control])
    }

    /// The angle of an unconditioned, uncontrolled phase gate on `qubit`.
    private static func phaseOnly(_ operation: Operation, on qubit: Int, bindings: [String: Double]) -> Double? {
      guard operation.condition == nil, case let .gate(.phase(angle), targets, controls) = operation.kind,
        targets == [qubit], controls.isEmpty
      else { return nil }
      return try? angle.value(bindings)
    }
  }
}
