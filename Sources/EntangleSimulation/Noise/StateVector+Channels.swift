import EntangleCircuits
import ComplexModule

extension StateVector {
  /// Applies one Kraus branch of `channel` to `qubits`, drawn as a quantum trajectory does: branch i with
  /// probability ‖Kᵢ|ψ⟩‖², the state then Kᵢ|ψ⟩/‖Kᵢ|ψ⟩‖.
  ///
  /// `qubits[i]` is the channel's qubit i (little-endian). A unitary mixture Σ pᵢ Uᵢ·Uᵢ† draws Uᵢ with
  /// probability pᵢ without reading the state. Otherwise the branch probabilities come from the reduced
  /// density matrix of `qubits`, ⟨ψ|Kᵢ†Kᵢ|ψ⟩ = Tr(Kᵢ†Kᵢ ρ_Q), and the drawn operator, scaled by
  /// 1/‖Kᵢ|ψ⟩‖, runs through the dense state kernel.
  /// - Returns: the index of the branch drawn, in ``KrausChannel/krausOperators``.
  /// - Complexity: one pass for a unitary mixture; two otherwise (reduced density matrix, then the operator).
  /// - Throws: ``SimulationError/qubitOutOfRange(qubit:qubitCount:)``, ``SimulationError/repeatedQubit(_:)``,
  ///   or ``SimulationError/sizeMismatch(expected:actual:what:)`` when the channel has another number of qubits.
  @discardableResult
  public mutating func applyChannel(
    _ channel: KrausChannel, to qubits: [Int], using generator: inout some RandomNumberGenerator
  ) throws(SimulationError) -> Int {
    try validate(qubits: qubits)
    guard qubits.count == channel.qubitCount else {
      throw .sizeMismatch(expected: channel.qubitCount, actual: qubits.count, what: "qubits given to a channel")
    }
    return try applyChannelUnchecked(channel, to: qubits, using: &generator)
  }

  /// ``applyChannel(_:to:using:)`` for qubits known to be valid for this state and channel.
  @discardableResult
  mutating func applyChannelUnchecked(
    _ channel: KrausChannel, to qubits: [Int], using generator: inout some RandomNumberGenerator
  ) throws(SimulationError) -> Int {
    if let probabilities = channel.mixtureProbabilities, let unitaries = channel.mixtureUnitaries {
      let branch = Self.draw(from: probabilities, using: &generator)
      let unitary = unitaries[branch]
      if unitary != Matrix.identity(dimension: unitary.dimension) {
        try applyUnitary(ExecutionPlan.classify(unitary, targets: qubits, controlMask: 0))
      }
      return branch
    }
    let reduced = reducedDensityMatrix(of: qubits)
    let dimension = 1 << qubits.count
    // ⟨ψ|M|ψ⟩ = Tr(M ρ) = Σ_{a,b} M[a][b] ρ[b][a], real for Hermitian M = K†K.
    let probabilities = channel.krausProducts.map { product in
      var trace = 0.0
      for a in 0..<dimension {
        for b in 0..<dimension { trace += (product[a, b] * reduced[b * dimension + a]).real }
      }
      return Swift.max(0, trace)
    }
    let branch = Self.draw(from: probabilities, using: &generator)
    let scaled = channel.krausOperators[branch].scaled(by: 1 / probabilities[branch].squareRoot())
    try applyUnitary(ExecutionPlan.classify(scaled, targets: qubits, controlMask: 0))
    return branch
  }

  /// ρ_Q = Tr_{rest} |ψ⟩⟨ψ| for `qubits`, row-major, index little-endian over `qubits`.
  ///
  /// - Complexity: one pass, O(4^k) work per group of 2^k amplitudes.
  func reducedDensityMatrix(of qubits: [Int]) -> [Complex<Double>] {
    let dimension = 1 << qubits.count
    let offsets = (0..<dimension).map { local in
      qubits.enumerated().reduce(0) { offset, pair in offset | (local >> pair.offset & 1) << pair.element }
    }
    let mask = ExecutionPlan.mask(qubits)
    var reduced = [Complex<Double>](repeating: .zero, count: dimension * dimension)
    var group = [Complex<Double>](repeating: .zero, count: dimension)
    let base = buffer.base
    for index in 0..<count where index & mask == 0 {
      for local in 0..<dimension {
        let i = index | offsets[local]
        group[local] = Complex(Double(base[2 * i]), Double(base[2 * i + 1]))
      }
      for a in 0..<dimension where group[a] != .zero {
        for b in 0..<dimension { reduced[a * dimension + b] = reduced[a * dimension + b] + group[a] * group[b].conjugate }
      }
    }
    return reduced
  }

  /// An index drawn with the given weights (normalised by their sum).
  static func draw(from weights: [Double], using generator: inout some RandomNumberGenerator) -> Int {
    let total = weights.reduce(0, +)
    var target = Double.random(in: 0..<1, using: &generator) * total
    for (index, weight) in weights.enumerated() {
      if target < weight { return index }
      target -= weight
    }
    return weights.lastIndex { $0 > 0 } ?? 0
  }
}
