import EntangleCircuits
import ComplexModule
import EntangleTestSupport
import Foundation
import EntangleSimulation
import Testing

/// Σ K ρ K† computed with the test's own matrix arithmetic (``DenseMatrix``), independent of the channel code.
func applyKraus(_ operators: [Matrix], to rho: DenseMatrix) -> DenseMatrix {
  var result = DenseMatrix(zeros: rho.dimension)
  for kraus in operators {
    let k = DenseMatrix(kraus)
    let term = k * rho * k.adjoint
    for i in result.elements.indices { result.elements[i] += term.elements[i] }
  }
  return result
}

/// The one-qubit density matrix (I + x X + y Y + z Z)/2.
func blochDensity(_ x: Double, _ y: Double, _ z: Double) -> DenseMatrix {
  DenseMatrix([
    [Complex((1 + z) / 2), Complex(x / 2, -y / 2)],
    [Complex(x / 2, y / 2), Complex((1 - z) / 2)],
  ])
}

/// The Bloch vector (x, y, z) of a one-qubit density matrix: x = 2 Re ρ₀₁, y = −2 Im ρ₀₁, z = ρ₀₀ − ρ₁₁.
func blochVector(_ rho: DenseMatrix) -> [Double] {
  [2 * rho[0, 1].real, -2 * rho[0, 1].imaginary, rho[0, 0].real - rho[1, 1].real]
}

/// Eigenvalues of a Hermitian matrix, from the real symmetric embedding [[A, −B], [B, A]] (each eigenvalue twice)
/// by cyclic Jacobi rotations (Golub & Van Loan §8.5).
func hermitianEigenvalues(_ matrix: DenseMatrix) -> [Double] {
  let n = matrix.dimension, m = 2 * n
  var a = [[Double]](repeating: [Double](repeating: 0, count: m), count: m)
  for r in 0..<n {
    for c in 0..<n {
      let z = matrix[r, c]
      a[r][c] = z.real; a[r + n][c + n] = z.real
      a[r][c + n] = -z.imaginary; a[r + n][c] = z.imaginary
    }
  }
  for _ in 0..<100 {
    var off = 0.0
    for p in 0..<m { for q in 0..<m where p != q { off += a[p][q] * a[p][q] } }
    if off < 1e-26 { break }
    for p in 0..<m - 1 {
      for q in p + 1..<m where abs(a[p][q]) > 1e-300 {
        let theta = (a[q][q] - a[p][p]) / (2 * a[p][q])
        let t = (theta >= 0 ? 1.0 : -1.0) / (abs(theta) + (theta * theta + 1).squareRoot())
        let c = 1 / (t * t + 1).squareRoot(), s = t * c
        for k in 0..<m {
          let akp = a[k][p], akq = a[k][q]
          a[k][p] = c * akp - s * akq; a[k][q] = s * akp + c * akq
        }
        for k in 0..<m {
          let apk = a[p][k], aqk = a[q][k]
          a[p][k] = c * apk - s * aqk; a[q][k] = s * apk + c * aqk
        }
      }
    }
  }
  return (0..<m).map { a[$0][$0] }.sorted()
}

/// The Choi matrix Σᵢ |Kᵢ⟩⟩⟨⟨Kᵢ| with |K⟩⟩ = Σ_{rc} K[r][c] |r⟩|c⟩: positive semidefinite exactly when the map
/// is completely positive (Choi 1975).
func choiMatrix(_ operators: [Matrix]) -> DenseMatrix {
  let d = operators[0].dimension
  var choi = DenseMatrix(zeros: d * d)
  for kraus in operators {
    let vector = kraus.elements
    for i in 0..<d * d { for j in 0..<d * d { choi[i, j] += vector[i] * vector[j].conjugate } }
  }
  return choi
}

@Suite("Noise: Kraus channels against their analytic action")
struct NoiseKrausChannelTests {
  static let bloch = (x: 0.3, y: -0.5, z: 0.6)

  @Test("depolarizing shrinks the Bloch vector by 1 − λ (Aer convention)", arguments: [0.0, 0.1, 0.5, 1.0])
  func depolarizingOneQubit(lambda: Double) throws {
    let channel = try KrausChannel.depolarizing(probability: lambda, qubits: 1)
    let result = blochVector(applyKraus(channel.krausOperators, to: blochDensity(0.3, -0.5, 0.6)))
    for (value, original) in zip(result, [0.3, -0.5, 0.6]) { #expect(abs(value - (1 - lambda) * original) < 1e-12) }
  }

  @Test("two-qubit depolarizing is (1 − λ)ρ + λ·I/4", arguments: [0.0, 0.2, 1.0])
  func depolarizingTwoQubits(lambda: Double) throws {
    let channel = try KrausChannel.depolarizing(probability: lambda, qubits: 2)
    #expect(channel.krausOperators.count == (lambda == 0 ? 1 : 16))  // zero operators are dropped
    let psi = RandomState.make(qubits: 2, seed: 11)
    var rho = DenseMatrix(zeros: 4)
    for r in 0..<4 { for c in 0..<4 { rho[r, c] = psi[r] * psi[c].conjugate } }
    let result = applyKraus(channel.krausOperators, to: rho)
    for r in 0..<4 {
      for c in 0..<4 {
        let expected = rho[r, c] * Complex(1 - lambda) + (r == c ? Complex(lambda / 4) : .zero)
        #expect((result[r, c] - expected).length < 1e-12)
      }
    }
  }

  @Test("bit flip: y and z scale by 1 − 2p; phase flip: x and y scale by 1 − 2p", arguments: [0.0, 0.15, 0.5])
  func flips(p: Double) throws {
    let bit = blochVector(applyKraus(try KrausChannel.bitFlip(probability: p).krausOperators, to: blochDensity(0.3, -0.5, 0.6)))
    let phase = blochVector(applyKraus(try KrausChannel.phaseFlip(probability: p).krausOperators, to: blochDensity(0.3, -0.5, 0.6)))
    let expectedBit = [0.3, -0.5 * (1 - 2 * p), 0.6 * (1 - 2 * p)]
    let expectedPhase = [0.3 * (1 - 2 * p), -0.5 * (1 - 2 * p), 0.6]
    for i in 0..<3 {
      #expect(abs(bit[i] - expectedBit[i]) < 1e-12)
      #expect(abs(phase[i] - expectedPhase[i]) < 1e-12)
    }
  }

  @Test("amplitude damping takes |1⟩ to populations (γ, 1 − γ) and scales coherence by √(1 − γ)", arguments: [0.0, 0.05, 0.7, 1.0])
  func amplitudeDamping(gamma: Double) throws {
    let channel = try KrausChannel.amplitudeDamping(gamma: gamma)
    let excited = applyKraus(channel.krausOperators, to: blochDensity(0, 0, -1))
    #expect(abs(excited[0, 0].real - gamma) < 1e-12)
    #expect(abs(excited[1, 1].real - (1 - gamma)) < 1e-12)
    let plus = applyKraus(channel.krausOperators, to: blochDensity(1, 0, 0))
    #expect(abs(plus[0, 1].real - 0.5 * (1 - gamma).squareRoot()) < 1e-12)
    #expect(!channel.isUnitaryMixture || gamma == 0)
  }

  @Test("phase damping keeps populations and scales coherence by √(1 − λ) (Aer's phase_damping_error)", arguments: [0.0, 0.02, 0.5, 1.0])
  func phaseDamping(lambda: Double) throws {
    let channel = try KrausChannel.phaseDamping(lambda: lambda)
    let rho = blochDensity(0.3, -0.5, 0.6)
    let result = applyKraus(channel.krausOperators, to: rho)
    #expect(abs(result[0, 0].real - rho[0, 0].real) < 1e-12)
    #expect((result[0, 1] - rho[0, 1] * Complex((1 - lambda).squareRoot())).length < 1e-12)
  }

  @Test("generalized amplitude damping: |1⟩ → (pγ, 1 − pγ), |0⟩ → (1 − (1−p)γ, (1−p)γ), fixed point diag(p, 1 − p)")
  func generalizedAmplitudeDamping() throws {
    let p = 0.8, gamma = 0.3
    let channel = try KrausChannel.generalizedAmplitudeDamping(probability: p, gamma: gamma)
    let excited = applyKraus(channel.krausOperators, to: blochDensity(0, 0, -1))
    #expect(abs(excited[0, 0].real - p * gamma) < 1e-12)
    let ground = applyKraus(channel.krausOperators, to: blochDensity(0, 0, 1))
    #expect(abs(ground[1, 1].real - (1 - p) * gamma) < 1e-12)
    let fixed = applyKraus(channel.krausOperators, to: blochDensity(0, 0, 2 * p - 1))
    #expect(abs(fixed[0, 0].real - p) < 1e-12)
  }

  @Test(
    "thermal relaxation: populations relax with e^{−t/T1} towards p₁, coherence decays with e^{−t/T2}",
    arguments: [(50.0, 30.0, 10.0, 0.0), (50.0, 100.0, 10.0, 0.0), (40.0, 60.0, 25.0, 0.1), (20.0, 5.0, 3.0, 0.0)])
  func thermalRelaxation(t1: Double, t2: Double, time: Double, excited: Double) throws {
    let channel = try KrausChannel.thermalRelaxation(t1: t1, t2: t2, gateTime: time, excitedPopulation: excited)
    let rho = blochDensity(0.3, -0.5, 0.6)
    let result = applyKraus(channel.krausOperators, to: rho)
    let population = excited + (rho[1, 1].real - excited) * exp(-time / t1)
    #expect(abs(result[1, 1].real - population) < 1e-12)
    #expect((result[0, 1] - rho[0, 1] * Complex(exp(-time / t2))).length < 1e-12)
  }

  @Test("a Pauli channel is (1 − Σp)ρ + Σ p PρP; the rightmost letter acts on qubit 0")
  func pauliChannel() throws {
    let channel = try KrausChannel.pauli(probabilities: ["X": 0.1, "Z": 0.05])
    let rho = blochDensity(0.3, -0.5, 0.6)
    let result = blochVector(applyKraus(channel.krausOperators, to: rho))
    // X keeps x and flips y, z; Z keeps z and flips x, y.
    let expected = [0.3 * (1 - 2 * 0.05), -0.5 * (1 - 2 * 0.15), 0.6 * (1 - 2 * 0.1)]
    for i in 0..<3 { #expect(abs(result[i] - expected[i]) < 1e-12) }

    let twoQubit = try KrausChannel.pauli(probabilities: ["XZ": 0.25])
    var ground = DenseMatrix(zeros: 4)
    ground[0, 0] = .one
    let flipped = applyKraus(twoQubit.krausOperators, to: ground)
    #expect(abs(flipped[2, 2].real - 0.25) < 1e-12)  // X on qubit 1: |00⟩ → |10⟩ = index 2
    #expect(abs(flipped[0, 0].real - 0.75) < 1e-12)
  }

  static func allChannels() throws -> [KrausChannel] {
    [
      try .depolarizing(probability: 0.3, qubits: 1), try .depolarizing(probability: 0.3, qubits: 2),
      try .bitFlip(probability: 0.2), try .phaseFlip(probability: 0.4), try .amplitudeDamping(gamma: 0.35),
      try .phaseDamping(lambda: 0.6), try .generalizedAmplitudeDamping(probability: 0.7, gamma: 0.4),
      try .thermalRelaxation(t1: 50, t2: 70, gateTime: 20, excitedPopulation: 0.05),
      try .pauli(probabilities: ["XY": 0.1, "ZZ": 0.2, "IX": 0.05]),
    ]
  }

  @Test("every standard channel is trace preserving (Σ K†K = I) and completely positive (Choi matrix ≥ 0)")
  func completePositivityAndTracePreservation() throws {
    for channel in try Self.allChannels() {
      let d = channel.krausOperators[0].dimension
      var sum = DenseMatrix(zeros: d)
      for kraus in channel.krausOperators {
        let product = DenseMatrix(kraus).adjoint * DenseMatrix(kraus)
        for i in sum.elements.indices { sum.elements[i] += product.elements[i] }
      }
      #expect(maxDifference(sum, .identity(d)) < 1e-12)
      let eigenvalues = hermitianEigenvalues(choiMatrix(channel.krausOperators))
      #expect(eigenvalues.first! >= -1e-12)
      // The Choi matrix's trace is d for a trace-preserving channel.
      #expect(abs(eigenvalues.reduce(0, +) / 2 - Double(d)) < 1e-9)
    }
  }

  @Test("unitary mixtures are recognised with their probabilities")
  func unitaryMixtures() throws {
    let depolarizing = try KrausChannel.depolarizing(probability: 0.4, qubits: 1)
    let mixture = try #require(depolarizing.unitaryMixture)
    #expect(mixture.probabilities.count == 4)
    #expect(abs(mixture.probabilities[0] - 0.7) < 1e-12)
    for p in mixture.probabilities.dropFirst() { #expect(abs(p - 0.1) < 1e-12) }
    #expect(mixture.unitaries.allSatisfy { $0.isUnitary() })
    #expect(try KrausChannel.pauli(probabilities: ["X": 0.1]).isUnitaryMixture)
    #expect(try !KrausChannel.amplitudeDamping(gamma: 0.1).isUnitaryMixture)
    #expect(try !KrausChannel.phaseDamping(lambda: 0.1).isUnitaryMixture)
  }

  @Test("parameters out of range are typed errors naming the parameter")
  func parameterErrors() throws {
    #expect(throws: SimulationError.invalidNoiseParameter(name: "probability", value: 1.5, allowed: "0…1")) {
      try KrausChannel.depolarizing(probability: 1.5)
    }
    #expect(throws: SimulationError.invalidNoiseParameter(name: "gamma", value: -0.1, allowed: "0…1")) {
      try KrausChannel.amplitudeDamping(gamma: -0.1)
    }
    #expect(throws: SimulationError.invalidNoiseParameter(name: "lambda", value: 2, allowed: "0…1")) {
      try KrausChannel.phaseDamping(lambda: 2)
    }
    #expect(throws: SimulationError.invalidNoiseParameter(name: "gateTime", value: -1, allowed: "[0, ∞)")) {
      try KrausChannel.thermalRelaxation(t1: 10, t2: 10, gateTime: -1)
    }
    let relaxation = #expect(throws: SimulationError.self) { try KrausChannel.thermalRelaxation(t1: 10, t2: 25, gateTime: 1) }
    guard case let .invalidNoiseParameter(name, value, _) = relaxation else {
      Issue.record("T2 > 2·T1 refused with \(String(describing: relaxation))")
      return
    }
    #expect(name == "t2" && value == 25)
    #expect(throws: SimulationError.invalidNoiseParameter(name: "identity", value: -0.25, allowed: "0…1 (the probabilities sum above 1)")) {
      try KrausChannel.pauli(probabilities: ["X": 0.5, "Y": 0.75])
    }
  }

  @Test("a Kraus set that is not trace preserving is refused with its deviation")
  func notTracePreserving() throws {
    let half = Matrix.identity(dimension: 2)
    let error = #expect(throws: SimulationError.self) { try KrausChannel(krausOperators: [half, half]) }
    guard case let .notTracePreserving(deviation, tolerance) = error else {
      Issue.record("2·I refused with \(String(describing: error))")
      return
    }
    #expect(abs(deviation - 1) < 1e-12)
    #expect(tolerance == 1e-10)
    #expect(error?.description.contains("differs from the identity by 1.0") == true)
    #expect(throws: SimulationError.self) { try KrausChannel(krausOperators: []) }
    #expect(throws: SimulationError.self) {
      try KrausChannel(krausOperators: [Matrix.identity(dimension: 2), Matrix.identity(dimension: 4)])
    }
  }
}
