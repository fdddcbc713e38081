import ComplexModule

extension ExecutionPlan.Step {
  /// The kernel class of a unitary step, ordered so that the class of a product is the larger
  /// of its factors' classes.
  enum Kind: Int, Comparable {
    case diagonal, permutation, dense
    static func < (lhs: Kind, rhs: Kind) -> Bool { lhs.rawValue < rhs.rawValue }
  }

  /// The parts of a unitary step (dense, diagonal or permutation); nil for any other step.
  var unitary: (kind: Kind, targets: [Int], controlMask: Int)? {
    switch self {
    case let .dense(_, targets, controlMask): return (.dense, targets, controlMask)
    case let .diagonal(_, targets, controlMask): return (.diagonal, targets, controlMask)
    case let .permutation(_, _, targets, controlMask): return (.permutation, targets, controlMask)
    default: return nil
    }
  }

  /// The bits of every qubit a unitary step touches, targets and controls; 0 for other steps.
  var qubitMask: Int {
    guard let unitary else { return 0 }
    return unitary.targets.reduce(unitary.controlMask) { $0 | 1 << $1 }
  }

  /// The gate matrix over the step's targets, row-major (bit i of an index for `targets[i]`).
  var targetMatrix: [Complex<Double>] {
    switch self {
    case let .dense(matrix, _, _):
      return matrix
    case let .diagonal(entries, _, _):
      let dimension = entries.count
      var matrix = [Complex<Double>](repeating: .zero, count: dimension * dimension)
      for index in 0..<dimension { matrix[index * (dimension + 1)] = entries[index] }
      return matrix
    case let .permutation(permutation, phases, _, _):
      let dimension = permutation.count
      var matrix = [Complex<Double>](repeating: .zero, count: dimension * dimension)
      for column in 0..<dimension { matrix[permutation[column] * dimension + column] = phases?[column] ?? .one }
      return matrix
    default:
      return []
    }
  }

  /// The same unitary step with the controls in `mask` removed (as where they are 1).
  func removingControls(_ mask: Int) -> ExecutionPlan.Step {
    switch self {
    case let .dense(matrix, targets, controlMask):
      return .dense(matrix: matrix, targets: targets, controlMask: controlMask & ~mask)
    case let .diagonal(entries, targets, controlMask):
      return .diagonal(entries: entries, targets: targets, controlMask: controlMask & ~mask)
    case let .permutation(permutation, phases, targets, controlMask):
      return .permutation(permutation: permutation, phases: phases, targets: targets, controlMask: controlMask & ~mask)
    default:
      return self
    }
  }

  /// The same unitary step on qubits renamed by `map` (applied to targets and controls).
  func remapped(_ map: (Int) -> Int) -> ExecutionPlan.Step {
    func remap(mask: Int) -> Int {
      var result = 0
      var remaining = mask
      while remaining != 0 {
        result |= 1 << map(remaining.trailingZeroBitCount)
        remaining &= remaining - 1
      }
      return result
    }
    switch self {
    case let .dense(matrix, targets, controlMask):
      return .dense(matrix: matrix, targets: targets.map(map), controlMask: remap(mask: controlMask))
    case let .diagonal(entries, targets, controlMask):
      return .diagonal(entries: entries, targets: targets.map(map), controlMask: remap(mask: controlMask))
    case let .permutation(permutation, phases, targets, controlMask):
      return .permutation(
        permutation: permutation, phases: phases, targets: targets.map(map), controlMask: remap(mask: controlMask))
    default:
      return self
    }
  }
}
