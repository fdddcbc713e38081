import Circuits
import ComplexModule
import EntangleTestSupport
import RealModule
import Testing

/// One gate of every case, parameterised ones at angles drawn from a fixed seed.
let everyGate: [Gate] = {
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
  return gates
}()

@Suite("Gate identities")
struct GateIdentityTests {
  @Test("U·U† = I", arguments: everyGate)
  func unitarity(_ gate: Gate) throws {
    let u = try gateMatrix(gate)
    #expect(u.dimension == 1 << gate.qubitCount)
    #expect(unitarityDeviation(u) < tolerance)
  }

  @Test("the inverse gate's matrix is the adjoint", arguments: everyGate)
  func inverseIsAdjoint(_ gate: Gate) throws {
    #expect(maxDifference(try gateMatrix(gate.inverse), try gateMatrix(gate).adjoint) < tolerance)
    #expect(gate.inverse.inverse.qubitCount == gate.qubitCount)
    #expect(maxDifference(try gateMatrix(gate.inverse.inverse), try gateMatrix(gate)) < tolerance)
  }

  @Test("squares: H·H = I, S·S = Z, T·T = S, SX·SX = X, SX†·SX† = X, S·S† = I")
  func squares() throws {
    let identity = DenseMatrix.identity(2)
    #expect(maxDifference(try gateMatrix(.h) * gateMatrix(.h), identity) < tolerance)
    #expect(maxDifference(try gateMatrix(.s) * gateMatrix(.s), try gateMatrix(.z)) < tolerance)
    #expect(maxDifference(try gateMatrix(.t) * gateMatrix(.t), try gateMatrix(.s)) < tolerance)
    #expect(maxDifference(try gateMatrix(.sx) * gateMatrix(.sx), try gateMatrix(.x)) < tolerance)
    #expect(maxDifference(try gateMatrix(.sxdg) * gateMatrix(.sxdg), try gateMatrix(.x)) < tolerance)
    #expect(maxDifference(try gateMatrix(.s) * gateMatrix(.sdg), identity) < tolerance)
    #expect(maxDifference(try gateMatrix(.iswap) * gateMatrix(.iswap), .diagonal([1, -1, -1, 1])) < tolerance)
  }

  @Test("conjugation by H: HZH = X, HXH = Z, HYH = −Y")
  func hadamardConjugation() throws {
    let h = try gateMatrix(.h)
    #expect(maxDifference(h * gateMatrix(.z) * h, try gateMatrix(.x)) < tolerance)
    #expect(maxDifference(h * gateMatrix(.x) * h, try gateMatrix(.z)) < tolerance)
    #expect(maxDifference(h * gateMatrix(.y) * h, c(-1) * gateMatrix(.y)) < tolerance)
  }

  @Test("u2(φ, λ) = u(π/2, φ, λ); u(θ, 0, 0) = ry(θ); u(θ, −π/2, π/2) = rx(θ)", arguments: sampleAngles)
  func generalSingleQubitGate(_ angle: Double) throws {
    let a = Parameter(angle), b = Parameter(0.37 - angle)
    #expect(maxDifference(try gateMatrix(.u2(phi: a, lambda: b)), try gateMatrix(.u(theta: .pi / 2, phi: a, lambda: b))) < tolerance)
    #expect(maxDifference(try gateMatrix(.u(theta: a, phi: 0, lambda: 0)), try gateMatrix(.ry(a))) < tolerance)
    #expect(maxDifference(try gateMatrix(.u(theta: a, phi: -.pi / 2, lambda: .pi / 2)), try gateMatrix(.rx(a))) < tolerance)
    // p(λ) = e^{iλ/2} rz(λ).
    #expect(maxDifference(try gateMatrix(.phase(a)), expi(angle / 2) * gateMatrix(.rz(a))) < tolerance)
  }

  @Test("fixed gates as special angles: X = u(π, 0, π), rx(π) = −iX, S = p(π/2), T = p(π/4)")
  func specialAngles() throws {
    #expect(maxDifference(try gateMatrix(.u(theta: .pi, phi: 0, lambda: .pi)), try gateMatrix(.x)) < tolerance)
    #expect(maxDifference(try gateMatrix(.rx(.pi)), c(0, -1) * gateMatrix(.x)) < tolerance)
    #expect(maxDifference(try gateMatrix(.s), try gateMatrix(.phase(.pi / 2))) < tolerance)
    #expect(maxDifference(try gateMatrix(.t), try gateMatrix(.phase(.pi / 4))) < tolerance)
  }

  @Test("CX = (I⊗H)·CZ·(I⊗H) with control 0, target 1")
  func cxFromCz() throws {
    let viaCz = try referenceUnitary(qubits: 2) {
      H(1)
      CZ(0, 1)
      H(1)
    }
    #expect(maxDifference(viaCz, try referenceUnitary(qubits: 2) { CX(0, 1) }) < tolerance)
  }

  @Test("SWAP = three CX gates; rzz(θ) = CX·rz(θ)·CX")
  func decompositions() throws {
    let swap = try referenceUnitary(qubits: 2) {
      CX(0, 1)
      CX(1, 0)
      CX(0, 1)
    }
    #expect(maxDifference(swap, try gateMatrix(.swap)) < tolerance)
    let rzz = try referenceUnitary(qubits: 2) {
      CX(0, 1)
      RZ(0.9, 1)
      CX(0, 1)
    }
    #expect(maxDifference(rzz, try gateMatrix(.rzz(0.9))) < tolerance)
  }

  @Test("rxx, ryy, rzz are exp(−iθ P⊗P/2) computed from the Pauli matrices", arguments: sampleAngles)
  func pauliRotations(_ theta: Double) throws {
    for (gate, pauli) in [(Gate.rxx(Parameter(theta)), "XX"), (.ryy(Parameter(theta)), "YY"), (.rzz(Parameter(theta)), "ZZ")] {
      let pp = ReferenceSimulator.matrix(of: try PauliString(pauli), qubits: 2)
      var expected = c(cos(theta / 2)) * .identity(4)
      for k in expected.elements.indices { expected.elements[k] += c(0, -sin(theta / 2)) * pp.elements[k] }
      #expect(maxDifference(try gateMatrix(gate), expected) < tolerance)
    }
  }
}
