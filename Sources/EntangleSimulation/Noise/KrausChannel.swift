import EntangleCircuits
import ComplexModule
import RealModule

/// A quantum channel on k qubits in Kraus form, ρ → Σᵢ Kᵢ ρ Kᵢ†, checked for trace preservation.
///
/// Every operator is a 2^k × 2^k ``Matrix`` whose index is little-endian over the qubits the
/// channel is applied to: bit i of a row or column index is the channel's qubit i, as for a
/// gate's targets. A set of Kraus operators is a completely positive map by construction
/// (Nielsen & Chuang, *Quantum Computation and Quantum Information*, §8.2.3); the initializer
/// checks the other half of a channel, Σ K†K = I (§8.2.4).
///
/// When every operator is √pᵢ·Uᵢ with Uᵢ unitary, the channel is a *unitary mixture*
/// (``isUnitaryMixture``): trajectories then draw Uᵢ with probability pᵢ without computing norms.
public struct KrausChannel: Hashable, Sendable {
  /// The largest entry of |Σ K†K − I| that the initializer accepts.
  public static let traceTolerance = 1e-10

  /// The Kraus operators, each 2^k × 2^k, little-endian over the channel's qubits.
  public let krausOperators: [Matrix]
  /// Kᵢ†Kᵢ for each operator: the branch probability on a state |ψ⟩ is ⟨ψ|Kᵢ†Kᵢ|ψ⟩.
  let krausProducts: [Matrix]
  /// The mixture weights pᵢ when every operator is √pᵢ·Uᵢ; `nil` otherwise.
  let mixtureProbabilities: [Double]?
  /// The unitaries Uᵢ of the mixture, in the order of ``krausOperators``.
  let mixtureUnitaries: [Matrix]?

  /// A channel from any set of Kraus operators of one size.
  ///
  /// Operators that are zero (every entry exactly 0) are dropped; they contribute nothing.
  /// - Throws: ``SimulationError/invalidKrausOperators(_:)`` when the list is empty or the sizes differ;
  ///   ``SimulationError/notTracePreserving(deviation:tolerance:)`` when Σ K†K differs from I by more
  ///   than ``traceTolerance`` in some entry.
  public init(krausOperators: [Matrix]) throws(SimulationError) {
    guard let first = krausOperators.first else { throw .invalidKrausOperators("a channel needs at least one operator") }
    let dimension = first.dimension
    if let other = krausOperators.first(where: { $0.dimension != dimension }) {
      throw .invalidKrausOperators("operators of sizes \(dimension)×\(dimension) and \(other.dimension)×\(other.dimension) in one channel")
    }
    let operators = krausOperators.filter { $0.elements.contains { $0 != .zero } }
    let products = operators.map { $0.adjoint * $0 }
    var sum = [Complex<Double>](repeating: .zero, count: dimension * dimension)
    for product in products {
      for i in sum.indices { sum[i] = sum[i] + product.elements[i] }
    }
    var deviation = 0.0
    for row in 0..<dimension {
      for column in 0..<dimension {
        let expected: Complex<Double> = row == column ? .one : .zero
        deviation = Swift.max(deviation, (sum[row * dimension + column] - expected).length)
      }
    }
    guard deviation <= Self.traceTolerance else { throw .notTracePreserving(deviation: deviation, tolerance: Self.traceTolerance) }

    self.krausOperators = operators
    self.krausProducts = products
    // K = √p·U exactly when K†K = p·I with p > 0 (then U = K/√p is unitary).
    var probabilities: [Double] = []
    var unitaries: [Matrix] = []
    for (kraus, product) in zip(operators, products) {
      let weight = product[0, 0].real
      let identity = Matrix.identity(dimension: dimension)
      let isScaledIdentity = weight > 0 && zip(product.elements, identity.elements).allSatisfy { pair in
        (pair.0 - pair.1 * Complex(weight)).length <= Self.traceTolerance
      }
      guard isScaledIdentity else { break }
      probabilities.append(weight)
      let scale = 1 / weight.squareRoot()
      unitaries.append(kraus.scaled(by: scale))
    }
    let isMixture = probabilities.count == operators.count
    mixtureProbabilities = isMixture ? probabilities : nil
    mixtureUnitaries = isMixture ? unitaries : nil
  }

  /// The number of qubits the channel acts on.
  public var qubitCount: Int { krausOperators[0].qubitCount }

  /// Whether every Kraus operator is √pᵢ·Uᵢ with Uᵢ unitary (within ``traceTolerance``).
  public var isUnitaryMixture: Bool { mixtureProbabilities != nil }

  /// The channel as Σᵢ pᵢ Uᵢ ρ Uᵢ†, when it is a unitary mixture (``isUnitaryMixture``); `nil` otherwise.
  ///
  /// The probabilities sum to 1 within ``traceTolerance``, in the order of ``krausOperators``.
  public var unitaryMixture: (probabilities: [Double], unitaries: [Matrix])? {
    guard let probabilities = mixtureProbabilities, let unitaries = mixtureUnitaries else { return nil }
    return (probabilities, unitaries)
  }
}

extension Matrix {
  /// A matrix from row-major elements whose count is known to be `dimension`², a power of two squared.
  init(dimension: Int, validElements elements: [Complex<Double>]) {
    self = .identity(dimension: dimension)
    for row in 0..<dimension {
      for column in 0..<dimension { self[row, column] = elements[row * dimension + column] }
    }
  }

  /// Every entry multiplied by `factor`.
  func scaled(by factor: Double) -> Matrix {
    Matrix(dimension: dimension, validElements: elements.map { $0 * Complex(factor) })
  }
}
