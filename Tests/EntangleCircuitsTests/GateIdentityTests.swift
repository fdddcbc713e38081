import EntangleCircuits
import ComplexModule
import EntangleTestSupport
import RealModule
import Testing

/// A gate with a short label for test output (a random unitary's elements would fill the log).
struct LabeledGate: Sendable, CustomTestStringConvertible {
  let gate: Gate
  var testDescription: String {
    if case .unitary(let matrix) = gate { return "unitary on \(matrix.qubitCount) qubits" }
    if case let .qft(k, swaps, _) = gate { return "\(gate.name)(\(k) qubits, swaps: \(swaps))" }
    return gate.parameters.isEmpty ? gate.name : "\(gate.name)(\(gate.parameters.map(\.description).joined(separator: ", ")))"
  }
}

/// One gate of every case, parameterised ones at angles drawn from a fixed seed.
let everyGate: [LabeledGate] = {
  var generator = SeededGenerator(seed: 2024)
  func angle() -> Parameter { Parameter(Double.random(in: -2 * .pi..<2 * .pi, using: &generator)) }
  var gates: [Gate] = [.identity, .x, .y, .z, .h, .s, .sdg, .t, .tdg, .sx, .sxdg, .swap, .iswap]
  for _ in 0..<3 {
    gates += [
      .rx(angle()), .ry(angle()), .rz(angle()), .phase(angle()), .rxx(angle()), .ryy(angle()), .rzz(angle()),
      .globalPhase(angle()), .u(theta: angle(), phi: angle(), lambda: angle()), .u2(phi: angle(), lambda: angle()),
    ]
  }
  for k in 1...4 {
    let u = RandomUnitary.make(qubits: k, using: &generator)
    gates.append(.unitary(try! Matrix(dimension: u.dimension, elements: u.elements)))
  }
  for k in 1...4 {
    for swaps in [true, false] {
      for inverse in [true, false] { gates.append(.qft(qubitCount: k, swaps: swaps, inverse: inverse)) }
    }
  }
  return gates.map(LabeledGate.init)
}()

@Suite("Gate identities")
struct GateIdentityTests {
  @Test("U·U† = I", arguments: everyGate)
  func unitarity(_ labeled: LabeledGate) throws {
    let gate = labeled.gate
    let u = try gateMatrix(gate)
    #expect(u.dimension == 1 << gate.qubitCount)
    #expect(unitarityDeviation(u) < tolerance)
  }

  @Test("the inverse gate's matrix is the adjoint", arguments: everyGate)
  func inverseIsAdjoint(_ labeled: LabeledGate) throws {
    let gate = labeled.gate
    #expect(try maxDifference(gateMatrix(gate.inverse), gateMatrix(gate).adjoint) < tolerance)
    #expect(gate.inverse.inverse.qubitCount == gate.qubitCount)
    #expect(try maxDifference(gateMatrix(gate.inverse.inverse), gateMatrix(gate)) < tolerance)
  }

  @Test("squares: H·H = I, S·S = Z, T·T = S, SX·SX = X, SX†·SX† = X, S·S† = I")
  func squares() throws {
    let identity = DenseMatrix.identity(2)
    #expect(try maxDifference(gateMatrix(.h) * gateMatrix(.h), identity) < tolerance)
    #expect(try maxDifference(gateMatrix(.s) * gateMatrix(.s), gateMatrix(.z)) < tolerance)
    #expect(try maxDifference(gateMatrix(.t) * gateMatrix(.t), gateMatrix(.s)) < tolerance)
    #expect(try maxDifference(gateMatrix(.sx) * gateMatrix(.sx), gateMatrix(.x)) < tolerance)
    #expect(try maxDifference(gateMatrix(.sxdg) * gateMatrix(.sxdg), gateMatrix(.x)) < tolerance)
    #expect(try maxDifference(gateMatrix(.s) * gateMatrix(.sdg), identity) < tolerance)
    #expect(try maxDifference(gateMatrix(.iswap) * gateMatrix(.iswap), .diagonal([1, -1, -1, 1])) < tolerance)
  }

  @Test("conjugation by H: HZH = X, HXH = Z, HYH = −Y")
  func hadamardConjugation() throws {
    let h = try gateMatrix(.h)
    #expect(try maxDifference(h * gateMatrix(.z) * h, gateMatrix(.x)) < tolerance)
    #expect(try maxDifference(h * gateMatrix(.x) * h, gateMatrix(.z)) < tolerance)
    #expect(try maxDifference(h * gateMatrix(.y) * h, c(-1) * gateMatrix(.y)) < tolerance)
  }

  @Test("u2(φ, λ) = u(π/2, φ, λ); u(θ, 0, 0) = ry(θ); u(θ, −π/2, π/2) = rx(θ)", arguments: sampleAngles)
  func generalSingleQubitGate(_ angle: Double) throws {
    let a = Parameter(angle), b = Parameter(0.37 - angle)
    #expect(try maxDifference(gateMatrix(.u2(phi: a, lambda: b)), gateMatrix(.u(theta: .pi / 2, phi: a, lambda: b))) < tolerance)
    #expect(try maxDifference(gateMatrix(.u(theta: a, phi: 0, lambda: 0)), gateMatrix(.ry(a))) < tolerance)
    #expect(try maxDifference(gateMatrix(.u(theta: a, phi: -.pi / 2, lambda: .pi / 2)), gateMatrix(.rx(a))) < tolerance)
    // p(λ) = e^{iλ/2} rz(λ).
    #expect(try maxDifference(gateMatrix(.phase(a)), expi(angle / 2) * gateMatrix(.rz(a))) < tolerance)
  }

  @Test("fixed gates as special angles: X = u(π, 0, π), rx(π) = −iX, S = p(π/2), T = p(π/4)")
  func specialAngles() throws {
    #expect(try maxDifference(gateMatrix(.u(theta: .pi, phi: 0, lambda: .pi)), gateMatrix(.x)) < tolerance)
    #expect(try maxDifference(gateMatrix(.rx(.pi)), c(0, -1) * gateMatrix(.x)) < tolerance)
    #expect(try maxDifference(gateMatrix(.s), gateMatrix(.phase(.pi / 2))) < tolerance)
    #expect(try maxDifference(gateMatrix(.t), gateMatrix(.phase(.pi / 4))) < tolerance)
  }

  @Test("CX = (I⊗H)·CZ·(I⊗H) with control 0, target 1")
  func cxFromCz() throws {
    let viaCz = try referenceUnitary(qubits: 2) {
      H(1)
      CZ(0, 1)
      H(1)
    }
    #expect(try maxDifference(viaCz, referenceUnitary(qubits: 2) { CX(0, 1) }) < tolerance)
  }

  @Test("SWAP = three CX gates; rzz(θ) = CX·rz(θ)·CX")
  func decompositions() throws {
    let swap = try referenceUnitary(qubits: 2) {
      CX(0, 1)
      CX(1, 0)
      CX(0, 1)
    }
    #expect(try maxDifference(swap, gateMatrix(.swap)) < tolerance)
    let rzz = try referenceUnitary(qubits: 2) {
      CX(0, 1)
      RZ(0.9, 1)
      CX(0, 1)
    }
    #expect(try maxDifference(rzz, gateMatrix(.rzz(0.9))) < tolerance)
  }

  @Test("rxx, ryy, rzz are exp(−iθ P⊗P/2) computed from the Pauli matrices", arguments: sampleAngles)
  func pauliRotations(_ theta: Double) throws {
    for (gate, pauli) in [(Gate.rxx(Parameter(theta)), "XX"), (.ryy(Parameter(theta)), "YY"), (.rzz(Parameter(theta)), "ZZ")] {
      let pp = ReferenceSimulator.matrix(of: try PauliString(pauli), qubits: 2)
      var expected = c(Double.cos(theta / 2)) * .identity(4)
      for k in expected.elements.indices { expected.elements[k] += c(0, -Double.sin(theta / 2)) * pp.elements[k] }
      #expect(try maxDifference(gateMatrix(gate), expected) < tolerance)
    }
  }
}
