import ComplexModule

/// Merges neighbouring unitary steps into fewer, wider ones where ``FusionCostModel`` says
/// the merged step is cheaper than the steps it replaces.
///
/// For each width limit w = 1…5, one walk over the steps merges every step into an open
/// block while the block's product stays within w target qubits (controls shared by all its
/// gates do not count; up to 10 qubits while block and step are both diagonal; a wider gate
/// stays alone); the cheapest of the resulting plans wins. A block that the cost model prices
/// above its members is planned again at the next smaller width. Judging whole blocks, not
/// single merges, matters: the eleven gates of a quantum-volume SU(4) fuse into one two-qubit
/// step only if the first merges are allowed although each alone costs more.
///
/// A step may join block B only if every qubit it touches was last touched in B or in a
/// block opened before B (or never), so emitting the blocks in the order they were opened
/// keeps the order of the gates on every qubit: only gates on disjoint qubits, which
/// commute, change places. A block's product is classified again, so runs of diagonal gates
/// stay one diagonal pass and runs of permutations one permutation, qubits on which the
/// product acts as a control become controls, and a product equal to the identity disappears.
///
/// Fusion reorders floating-point operations only: results agree with the unfused plan to
/// about 1e-15 per gate.
///
/// - Complexity: O(s · w) decisions for s steps and a window of w open blocks, per width
///   limit, plus O(4^k · 2^g) to multiply a g-qubit gate into a k-qubit block (O(2^k) if
///   diagonal).
enum GateFusion {
  typealias Step = ExecutionPlan.Step

  /// The open blocks a step is compared against: enough for a layer of gates on
  /// disjoint qubits, few enough that fusing 10^5 gates takes milliseconds.
  static let window = 24

  /// The widest dense or permutation block tried.
  static let maximumWidth = 5

  /// Steps merged into one: indices into the steps given to ``fuse(_:costs:parametric:)``.
  struct Block: Sendable {
    var qubitMask: Int
    var kind: Step.Kind
    var members: [Int]
    /// Qubits that are controls of every member and no member's target: still controls of
    /// the product, so they do not widen it.
    var controlMask: Int
  }

  /// A step of the fused plan, with the block it was made from when that block holds a
  /// step whose matrix depends on parameters (so that it can be made again for new values).
  struct FusedStep {
    var step: Step
    var parametricBlock: Block?
  }

  /// `steps` fused; every step must be unitary (dense, diagonal or permutation).
  ///
  /// A block holding a step marked in `parametric` is not classified by the values in its
  /// product (which change with the parameters) but by its structure alone, as
  /// ``structuralProduct(of:block:)`` says.
  static func fuse(_ steps: [Step], costs: FusionCostModel, parametric: [Bool]? = nil) -> [FusedStep] {
    let all = Array(steps.indices)
    var best = plan(steps, all, width: 1, costs: costs, parametric: parametric)
    for width in 2...maximumWidth {
      let candidate = plan(steps, all, width: width, costs: costs, parametric: parametric)
      if candidate.cost < best.cost - 1e-9 { best = candidate }
    }
    var result: [FusedStep] = []
    for emission in best.plan {
      let block: Block
      switch emission {
      case .step(let index):
        guard parametric?[index] == true, let (kind, _, controls) = steps[index].unitary else {
          result.append(FusedStep(step: steps[index]))
          continue
        }
        block = Block(qubitMask: steps[index].qubitMask, kind: kind, members: [index], controlMask: controls)
      case .block(let fused):
        block = fused
      }
      if let parametric, block.members.contains(where: { parametric[$0] }) {
        result.append(FusedStep(step: structuralProduct(of: block.members.map { steps[$0] }, block: block), parametricBlock: block))
      } else if let product = product(of: block.members.map { steps[$0] }, kind: block.kind, qubitMask: block.qubitMask) {
        result.append(FusedStep(step: product))
      }
    }
    return result
  }

  /// `steps` one by one, the parametric ones made structural as ``fuse(_:costs:parametric:)`` makes them.
  static func unfused(_ steps: [Step], parametric: [Bool]?) -> [FusedStep] {
    steps.indices.map { index in
      guard parametric?[index] == true, let (kind, _, controls) = steps[index].unitary else {
        return FusedStep(step: steps[index])
      }
      let block = Block(qubitMask: steps[index].qubitMask, kind: kind, members: [index], controlMask: controls)
      return FusedStep(step: structuralProduct(of: [steps[index]], block: block), parametricBlock: block)
    }
  }

  private enum Emission {
    case step(Int)
    case block(Block)
  }

  /// The cheapest emission of `steps` grouped at `width`: each block either fused, or its
  /// members planned again at the next smaller width (a block of H, H, CX, CX is cheaper as
  /// H·H and CX·CX than as one two-qubit step or four steps).
  ///
  /// A block holding a parametric step also pays for multiplying out its product again at
  /// every binding, spread over the state's amplitudes: on a few qubits that costs more than
  /// the passes fusion saves, on many it is nothing.
  private static func plan(_ steps: [Step], _ indices: [Int], width: Int, costs: FusionCostModel, parametric: [Bool]?)
    -> (cost: Double, plan: [Emission])
  {
    var total = 0.0
    var emissions: [Emission] = []
    for block in group(steps, indices, width: width, diagonalWidth: costs.maximumDiagonalQubits) {
      guard block.members.count > 1 else {
        total += costs.cost(of: steps[block.members[0]])
        emissions.append(.step(block.members[0]))
        continue
      }
      let targetCount = (block.qubitMask & ~block.controlMask).nonzeroBitCount
      var fused = costs.cost(block.kind, width: targetCount, inLanes: block.qubitMask & costs.laneMask != 0)
      if let parametric, block.members.contains(where: { parametric[$0] }) {
        fused += costs.rebindingCost(
          block.kind, width: targetCount, memberTargets: block.members.map { steps[$0].unitary?.targets.count ?? 0 })
      }
      let apart: (cost: Double, plan: [Emission]) =
        width > 1
        ? plan(steps, block.members, width: width - 1, costs: costs, parametric: parametric)
        : (block.members.reduce(0) { $0 + costs.cost(of: steps[$1]) }, block.members.map { Emission.step($0) })
      if fused <= apart.cost {
        total += fused
        emissions.append(.block(block))
      } else {
        total += apart.cost
        emissions += apart.plan
      }
    }
    return (total, emissions)
  }

  /// The steps grouped into blocks of at most `width` qubits (diagonal blocks up to the
  /// cost model's widest diagonal), in the order the blocks were opened.
  private static func group(_ steps: [Step], _ indices: [Int], width: Int, diagonalWidth: Int) -> [Block] {
    var blocks: [Block] = []
    var owner = [Int](repeating: -1, count: 64)
    for index in indices {
      guard let (kind, targets, controls) = steps[index].unitary else {
        assertionFailure("only unitary steps are fused")
        continue
      }
      let mask = targets.reduce(controls) { $0 | 1 << $1 }
      var earliest = 0
      var remaining = mask
      while remaining != 0 {
        earliest = Swift.max(earliest, owner[remaining.trailingZeroBitCount])
        remaining &= remaining - 1
      }
      var chosen = -1
      var chosenOverlap = -1
      // The blocks' fields are read in place: copying a block would retain its members.
      for candidate in Swift.max(earliest, blocks.count - window, 0)..<blocks.count {
        let blockMask = blocks[candidate].qubitMask
        let merged = blockMask | mask
        // The width that counts is the product's targets: shared controls stay controls, so
        // CX·CX and a ladder of CPs from one control fit in width 1.
        let fits =
          blocks[candidate].kind == .diagonal && kind == .diagonal
          ? merged.nonzeroBitCount <= diagonalWidth
          : (merged & ~(blocks[candidate].controlMask & controls)).nonzeroBitCount <= width
        guard fits else { continue }
        let overlap = (blockMask & mask).nonzeroBitCount
        if overlap >= chosenOverlap {
          chosen = candidate
          chosenOverlap = overlap
        }
      }
      if chosen < 0 {
        blocks.append(Block(qubitMask: mask, kind: kind, members: [index], controlMask: controls))
        chosen = blocks.count - 1
      } else {
        blocks[chosen].controlMask &= controls
        blocks[chosen].qubitMask |= mask
        blocks[chosen].kind = Swift.max(blocks[chosen].kind, kind)
        blocks[chosen].members.append(index)
      }
      remaining = mask
      while remaining != 0 {
        owner[remaining.trailingZeroBitCount] = chosen
        remaining &= remaining - 1
      }
    }
    return blocks
  }

  /// The product of `members` (applied in order) as one step, or nil when it is the identity.
  static func product(of members: [Step], kind: Step.Kind, qubitMask: Int) -> Step? {
    let qubits = (0..<64).filter { qubitMask >> $0 & 1 == 1 }
    if kind == .diagonal {
      return classifyDiagonal(diagonalProduct(of: members, qubits: qubits), qubits: qubits)
    }
    return classifyProduct(matrixProduct(of: members, qubits: qubits).map(cleaned), qubits: qubits)
  }

  /// The product of `members` (the steps of `block`, applied in order) as a step of the
  /// block's kind on its targets, controlled by its shared controls, whatever the values:
  /// a diagonal block stays diagonal, any other becomes dense, and nothing is dropped or
  /// narrowed because of what the values happen to be. So the step has the same shape for
  /// every binding of the parameters, and a compiled plan can be bound again.
  static func structuralProduct(of members: [Step], block: Block) -> Step {
    let targets = (0..<64).filter { (block.qubitMask & ~block.controlMask) >> $0 & 1 == 1 }
    // The product acts where the shared controls are 1, so they drop out of each member.
    let inner = members.map { $0.removingControls(block.controlMask) }
    if block.kind == .diagonal {
      return .diagonal(entries: diagonalProduct(of: inner, qubits: targets), targets: targets, controlMask: block.controlMask)
    }
    return .dense(matrix: matrixProduct(of: inner, qubits: targets), targets: targets, controlMask: block.controlMask)
  }

  /// The diagonal of the product of diagonal `members` over `qubits` (bit i of an index for `qubits[i]`).
  private static func diagonalProduct(of members: [Step], qubits: [Int]) -> [Complex<Double>] {
    var local = [Int](repeating: 0, count: 64)
    for (position, qubit) in qubits.enumerated() { local[qubit] = position }
    let dimension = 1 << qubits.count
    var diagonal = [Complex<Double>](repeating: .one, count: dimension)
    for member in members {
      guard case let .diagonal(entries, targets, controlMask) = member else { continue }
      let localTargets = targets.map { local[$0] }
      let localControls = localMask(controlMask, local)
      for index in 0..<dimension where index & localControls == localControls {
        var entry = 0
        for (bit, target) in localTargets.enumerated() { entry |= (index >> target & 1) << bit }
        diagonal[index] *= entries[entry]
      }
    }
    return diagonal
  }

  /// The product of `members` over `qubits`, row-major (bit i of an index for `qubits[i]`).
  private static func matrixProduct(of members: [Step], qubits: [Int]) -> [Complex<Double>] {
    var local = [Int](repeating: 0, count: 64)
    for (position, qubit) in qubits.enumerated() { local[qubit] = position }
    let dimension = 1 << qubits.count
    // Columns of the product, column-major: column c is the image of basis state c.
    var columns = [Complex<Double>](repeating: .zero, count: dimension * dimension)
    for column in 0..<dimension { columns[column * dimension + column] = .one }
    var inputs = [Complex<Double>](repeating: .zero, count: 32)
    for member in members {
      guard let (_, targets, controlMask) = member.unitary else { continue }
      let matrix = member.targetMatrix
      let targetDimension = 1 << targets.count
      let localTargets = targets.map { local[$0] }
      let offsets = (0..<targetDimension).map { value in
        localTargets.enumerated().reduce(0) { $0 | (value >> $1.offset & 1) << $1.element }
      }
      let localControls = localMask(controlMask, local)
      let fixed = localTargets.reduce(localControls) { $0 | 1 << $1 }
      for column in 0..<dimension {
        let start = column * dimension
        for base in 0..<dimension where base & fixed == localControls {
          for input in 0..<targetDimension { inputs[input] = columns[start + (base | offsets[input])] }
          for row in 0..<targetDimension {
            var sum = Complex<Double>.zero
            for input in 0..<targetDimension { sum += matrix[row * targetDimension + input] * inputs[input] }
            columns[start + (base | offsets[row])] = sum
          }
        }
      }
    }
    var rows = [Complex<Double>](repeating: .zero, count: dimension * dimension)
    for row in 0..<dimension {
      for column in 0..<dimension { rows[row * dimension + column] = columns[column * dimension + row] }
    }
    return rows
  }

  /// `mask` with each qubit renamed by `local`.
  private static func localMask(_ mask: Int, _ local: [Int]) -> Int {
    var result = 0
    var remaining = mask
    while remaining != 0 {
      result |= 1 << local[remaining.trailingZeroBitCount]
      remaining &= remaining - 1
    }
    return result
  }

  /// Rounding left by the product (1e-16 where the exact entry is 0 or 1) is cleared, so
  /// that a product that is exactly diagonal or a permutation is classified as one.
  private static let roundingTolerance = 1e-14

  private static func cleaned(_ value: Complex<Double>) -> Complex<Double> {
    func clean(_ x: Double, _ exact: Double) -> Double { abs(x - exact) < roundingTolerance ? exact : x }
    return Complex(clean(clean(clean(value.real, 0), 1), -1), clean(value.imaginary, 0))
  }

  /// A diagonal product as a step: qubits on which it is 1 wherever their bit is 0 become
  /// controls; nil for the identity.
  private static func classifyDiagonal(_ product: [Complex<Double>], qubits: [Int]) -> Step? {
    let diagonal = product.map(cleaned)
    let dimension = diagonal.count
    guard diagonal.contains(where: { $0 != .one }) else { return nil }
    // Each control is tested where the controls found before it are 1: CZ has two
    // qubits that could be its control, but only one of them is.
    var controls = 0
    for position in qubits.indices where controls.nonzeroBitCount < qubits.count - 1 {
      let bit = 1 << position
      if (0..<dimension).allSatisfy({ $0 & controls != controls || $0 & bit != 0 || diagonal[$0] == .one }) {
        controls |= bit
      }
    }
    let targetPositions = qubits.indices.filter { controls >> $0 & 1 == 0 }
    let entries = (0..<1 << targetPositions.count).map { value in
      diagonal[targetPositions.enumerated().reduce(controls) { $0 | (value >> $1.offset & 1) << $1.element }]
    }
    return .diagonal(
      entries: entries, targets: targetPositions.map { qubits[$0] },
      controlMask: ExecutionPlan.mask(qubits.indices.filter { controls >> $0 & 1 == 1 }.map { qubits[$0] }))
  }

  /// A product (row-major) as a step of the cheapest class: qubits on which it acts as a
  /// control (the identity where their bit is 0, nothing moved out of where it is 1)
  /// become controls; nil for the identity.
  private static func classifyProduct(_ matrix: [Complex<Double>], qubits: [Int]) -> Step? {
    let dimension = 1 << qubits.count
    let isIdentity = (0..<dimension * dimension).allSatisfy {
      matrix[$0] == ($0 / dimension == $0 % dimension ? .one : .zero)
    }
    guard !isIdentity else { return nil }
    var controls = 0
    for position in qubits.indices where controls.nonzeroBitCount < qubits.count - 1 {
      let bit = 1 << position
      // Tested where the controls found before are 1, as for diagonals.
      let isControl = (0..<dimension).allSatisfy { column in
        column & controls != controls
          || (0..<dimension).allSatisfy { row in
            let value = matrix[row * dimension + column]
            if column & bit == 0 { return value == (row == column ? .one : .zero) }
            return row & bit != 0 || value == .zero
          }
      }
      if isControl { controls |= bit }
    }
    let targetPositions = qubits.indices.filter { controls >> $0 & 1 == 0 }
    let reducedDimension = 1 << targetPositions.count
    let index = (0..<reducedDimension).map { value in
      targetPositions.enumerated().reduce(controls) { $0 | (value >> $1.offset & 1) << $1.element }
    }
    var reduced = [Complex<Double>](repeating: .zero, count: reducedDimension * reducedDimension)
    for row in 0..<reducedDimension {
      for column in 0..<reducedDimension {
        reduced[row * reducedDimension + column] = matrix[index[row] * dimension + index[column]]
      }
    }
    let controlQubits = qubits.indices.filter { controls >> $0 & 1 == 1 }.map { qubits[$0] }
    return ExecutionPlan.classify(
      reduced, dimension: reducedDimension, targets: targetPositions.map { qubits[$0] }, controlMask: ExecutionPlan.mask(controlQubits))
  }
}
