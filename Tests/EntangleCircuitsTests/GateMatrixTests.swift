import EntangleCircuits
import ComplexModule
import EntangleTestSupport
import RealModule
import Testing

/// A gate and its matrix written out from Qiskit's definitions.
struct TextbookGate: Sendable, CustomTestStringConvertible {
  let gate: Gate
  let expected: DenseMatrix
  var testDescription: String { "\(gate.name)\(gate.parameters.map(\.description))" }
}

/// Qiskit's matrices (qiskit.circuit.library.standard_gates), little-endian over the targets.
let textbookGates: [TextbookGate] = {
  let r = 0.5.squareRoot()
  var cases: [TextbookGate] = [
    TextbookGate(gate: .identity, expected: DenseMatrix([[1, 0], [0, 1]])),
    TextbookGate(gate: .x, expected: DenseMatrix([[0, 1], [1, 0]])),
    TextbookGate(gate: .y, expected: DenseMatrix([[0, -i], [i, 0]])),
    TextbookGate(gate: .z, expected: DenseMatrix([[1, 0], [0, -1]])),
    TextbookGate(gate: .h, expected: DenseMatrix([[c(r), c(r)], [c(r), c(-r)]])),
    TextbookGate(gate: .s, expected: DenseMatrix([[1, 0], [0, i]])),
    TextbookGate(gate: .sdg, expected: DenseMatrix([[1, 0], [0, -i]])),
    TextbookGate(gate: .t, expected: DenseMatrix([[1, 0], [0, c(r, r)]])),
    TextbookGate(gate: .tdg, expected: DenseMatrix([[1, 0], [0, c(r, -r)]])),
    TextbookGate(gate: .sx, expected: DenseMatrix([[c(0.5, 0.5), c(0.5, -0.5)], [c(0.5, -0.5), c(0.5, 0.5)]])),
    TextbookGate(gate: .sxdg, expected: DenseMatrix([[c(0.5, -0.5), c(0.5, 0.5)], [c(0.5, 0.5), c(0.5, -0.5)]])),
    TextbookGate(gate: .swap, expected: DenseMatrix([[1, 0, 0, 0], [0, 0, 1, 0], [0, 1, 0, 0], [0, 0, 0, 1]])),
    TextbookGate(gate: .iswap, expected: DenseMatrix([[1, 0, 0, 0], [0, 0, i, 0], [0, i, 0, 0], [0, 0, 0, 1]])),
  ]
  for theta in sampleAngles {
    let cosine = c(Double.cos(theta / 2)), sine = c(Double.sin(theta / 2)), minusISine = c(0, -Double.sin(theta / 2))
    let plusISine = c(0, Double.sin(theta / 2))
    let p = Parameter(theta)
    cases += [
      TextbookGate(gate: .rx(p), expected: DenseMatrix([[cosine, minusISine], [minusISine, cosine]])),
      TextbookGate(gate: .ry(p), expected: DenseMatrix([[cosine, -sine], [sine, cosine]])),
      TextbookGate(gate: .rz(p), expected: DenseMatrix([[expi(-theta / 2), 0], [0, expi(theta / 2)]])),
      TextbookGate(gate: .phase(p), expected: DenseMatrix([[1, 0], [0, expi(theta)]])),
      TextbookGate(gate: .globalPhase(p), expected: DenseMatrix([[expi(theta)]])),
      TextbookGate(
        gate: .rxx(p),
        expected: DenseMatrix([
          [cosine, 0, 0, minusISine], [0, cosine, minusISine, 0], [0, minusISine, cosine, 0], [minusISine, 0, 0, cosine],
        ])),
      TextbookGate(
        gate: .ryy(p),
        expected: DenseMatrix([
          [cosine, 0, 0, plusISine], [0, cosine, minusISine, 0], [0, minusISine, cosine, 0], [plusISine, 0, 0, cosine],
        ])),
      TextbookGate(gate: .rzz(p), expected: .diagonal([expi(-theta / 2), expi(theta / 2), expi(theta / 2), expi(-theta / 2)])),
    ]
  }
  for (theta, phi, lambda) in [(0.0, 0.0, 0.0), (0.3, -1.1, 2.2), (.pi, 0.5, -0.25), (-2.9, 4.0, 7.5)] {
    let cosine = Double.cos(theta / 2), sine = Double.sin(theta / 2)
    cases.append(TextbookGate(
      gate: .u(theta: Parameter(theta), phi: Parameter(phi), lambda: Parameter(lambda)),
      expected: DenseMatrix([
        [c(cosine), -expi(lambda) * c(sine)],
        [expi(phi) * c(sine), expi(phi + lambda) * c(cosine)],
      ])))
    // U2(φ, λ) = 1/√2 [[1, −e^{iλ}], [e^{iφ}, e^{i(φ+λ)}]].
    cases.append(TextbookGate(
      gate: .u2(phi: Parameter(phi), lambda: Parameter(lambda)),
      expected: c(r) * DenseMatrix([[1, -expi(lambda)], [expi(phi), expi(phi + lambda)]])))
  }
  return cases
}()

@Suite("Gate matrices against Qiskit's textbook definitions")
struct GateMatrixTests {
  @Test("the matrix equals the textbook matrix", arguments: textbookGates)
  func matrixMatchesTextbook(_ testCase: TextbookGate) throws {
    let matrix = try testCase.gate.matrix()
    #expect(matrix.dimension == testCase.expected.dimension)
    #expect(maxDifference(matrix, testCase.expected) < tolerance)
  }

  @Test("a unitary gate's matrix is the matrix it holds")
  func unitaryGateMatrix() throws {
    let u = RandomUnitary.make(qubits: 2, seed: 11)
    #expect(try maxDifference(Gate.unitary(productionMatrix(u)).matrix(), u) == 0)
  }

  @Test("names and target counts follow Qiskit", arguments: [
    (Gate.identity, "id", 1), (.x, "x", 1), (.sxdg, "sxdg", 1), (.phase(0.1), "p", 1), (.u(theta: 1, phi: 2, lambda: 3), "u", 1),
    (.u2(phi: 1, lambda: 2), "u2", 1), (.swap, "swap", 2), (.iswap, "iswap", 2), (.rzz(1), "rzz", 2),
    (.globalPhase(1), "global_phase", 0), (.qft(qubitCount: 3), "qft", 3), (.qft(qubitCount: 4, inverse: true), "iqft", 4),
  ])
  func namesAndTargetCounts(_ gate: Gate, _ name: String, _ count: Int) {
    #expect(gate.name == name)
    #expect(gate.qubitCount == count)
  }

  @Test("parameters are listed in OpenQASM order")
  func parameterOrder() {
    #expect(Gate.u(theta: 1, phi: 2, lambda: 3).parameters == [1, 2, 3])
    #expect(Gate.u2(phi: 4, lambda: 5).parameters == [4, 5])
    #expect(Gate.h.parameters.isEmpty)
  }
}

@Suite("Controlled gates as full little-endian matrices")
struct ControlledGateTests {
  let r = 0.5.squareRoot()

  @Test("CX with control 0 and target 1")
  func cxControlZero() throws {
    let expected = DenseMatrix([[1, 0, 0, 0], [0, 0, 0, 1], [0, 0, 1, 0], [0, 1, 0, 0]])
    #expect(try maxDifference(referenceUnitary(qubits: 2) { CX(0, 1) }, expected) < tolerance)
  }

  @Test("CX with control 1 and target 0 is X with one control on the high bit")
  func cxControlOne() throws {
    let expected = DenseMatrix([[1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 0, 1], [0, 0, 1, 0]])
    #expect(try maxDifference(referenceUnitary(qubits: 2) { CX(1, 0) }, expected) < tolerance)
    #expect(try maxDifference(Gate.x.matrix().controlled(by: 1), expected) < tolerance)
  }

  @Test("CY, CZ and CH with control 0 and target 1")
  func cyCzCh() throws {
    let cy = DenseMatrix([[1, 0, 0, 0], [0, 0, 0, -i], [0, 0, 1, 0], [0, i, 0, 0]])
    #expect(try maxDifference(referenceUnitary(qubits: 2) { CY(0, 1) }, cy) < tolerance)
    #expect(try maxDifference(referenceUnitary(qubits: 2) { CZ(0, 1) }, .diagonal([1, 1, 1, -1])) < tolerance)
    #expect(try maxDifference(referenceUnitary(qubits: 2) { CZ(1, 0) }, .diagonal([1, 1, 1, -1])) < tolerance)
    let ch = DenseMatrix([[1, 0, 0, 0], [0, c(r), 0, c(r)], [0, 0, 1, 0], [0, c(r), 0, c(-r)]])
    #expect(try maxDifference(referenceUnitary(qubits: 2) { CH(0, 1) }, ch) < tolerance)
  }

  @Test("CP(λ) is diag(1, 1, 1, e^{iλ}) either way round", arguments: sampleAngles)
  func controlledPhase(_ lambda: Double) throws {
    let expected = DenseMatrix.diagonal([1, 1, 1, expi(lambda)])
    #expect(try maxDifference(referenceUnitary(qubits: 2) { CP(lambda, 0, 1) }, expected) < tolerance)
    #expect(try maxDifference(referenceUnitary(qubits: 2) { CP(lambda, 1, 0) }, expected) < tolerance)
    #expect(try maxDifference(Gate.phase(Parameter(lambda)).matrix().controlled(by: 1), expected) < tolerance)
  }

  @Test("CRX(θ) with control 0 and target 1", arguments: sampleAngles)
  func controlledRX(_ theta: Double) throws {
    let cosine = c(Double.cos(theta / 2)), minusISine = c(0, -Double.sin(theta / 2))
    let expected = DenseMatrix([[1, 0, 0, 0], [0, cosine, 0, minusISine], [0, 0, 1, 0], [0, minusISine, 0, cosine]])
    #expect(try maxDifference(referenceUnitary(qubits: 2) { CRX(theta, 0, 1) }, expected) < tolerance)
  }

  @Test("CRY and CRZ with control 1 and target 0", arguments: sampleAngles)
  func controlledRYRZ(_ theta: Double) throws {
    let cosine = c(Double.cos(theta / 2)), sine = c(Double.sin(theta / 2))
    let cry = DenseMatrix([[1, 0, 0, 0], [0, 1, 0, 0], [0, 0, cosine, -sine], [0, 0, sine, cosine]])
    #expect(try maxDifference(referenceUnitary(qubits: 2) { CRY(theta, 1, 0) }, cry) < tolerance)
    let crz = DenseMatrix.diagonal([1, 1, expi(-theta / 2), expi(theta / 2)])
    #expect(try maxDifference(referenceUnitary(qubits: 2) { CRZ(theta, 1, 0) }, crz) < tolerance)
  }

  @Test("CCX(0, 1, 2) exchanges |011⟩ and |111⟩")
  func toffoli() throws {
    var expected = DenseMatrix.identity(8)
    expected[3, 3] = 0; expected[7, 7] = 0; expected[3, 7] = 1; expected[7, 3] = 1
    #expect(try maxDifference(referenceUnitary(qubits: 3) { CCX(0, 1, 2) }, expected) < tolerance)
    #expect(try maxDifference(referenceUnitary(qubits: 3) { MCX([1, 0], 2) }, expected) < tolerance)
  }

  @Test("CSWAP(0; 1, 2) exchanges |011⟩ and |101⟩")
  func fredkin() throws {
    var expected = DenseMatrix.identity(8)
    expected[3, 3] = 0; expected[5, 5] = 0; expected[3, 5] = 1; expected[5, 3] = 1
    #expect(try maxDifference(referenceUnitary(qubits: 3) { CSwap(0, 1, 2) }, expected) < tolerance)
    #expect(try maxDifference(Gate.swap.matrix().controlled(by: 1), expected) > 0.5)
    var highControl = DenseMatrix.identity(8)
    highControl[5, 5] = 0; highControl[6, 6] = 0; highControl[5, 6] = 1; highControl[6, 5] = 1
    #expect(try maxDifference(Gate.swap.matrix().controlled(by: 1), highControl) < tolerance)
  }

  @Test("MCP(λ) on three qubits puts e^{iλ} on |111⟩ only")
  func multiControlledPhase() throws {
    let lambda = 0.7
    let expected = DenseMatrix.diagonal([1, 1, 1, 1, 1, 1, 1, expi(lambda)])
    #expect(try maxDifference(referenceUnitary(qubits: 3) { MCP(lambda, [0, 2], 1) }, expected) < tolerance)
  }

  @Test("CU(θ, φ, λ, γ) matches Qiskit's cu matrix")
  func controlledU() throws {
    let (theta, phi, lambda, gamma) = (0.9, -0.4, 1.3, 0.6)
    let cosine = c(Double.cos(theta / 2)), sine = c(Double.sin(theta / 2))
    let expected = DenseMatrix([
      [1, 0, 0, 0],
      [0, expi(gamma) * cosine, 0, -expi(gamma + lambda) * sine],
      [0, 0, 1, 0],
      [0, expi(gamma + phi) * sine, 0, expi(gamma + phi + lambda) * cosine],
    ])
    #expect(try maxDifference(referenceUnitary(qubits: 2) { CU(theta, phi, lambda, gamma, 0, 1) }, expected) < tolerance)
  }

  @Test("a controlled global phase is a phase on the control")
  func controlledGlobalPhase() throws {
    let expected = DenseMatrix.diagonal([1, expi(0.8), 1, expi(0.8)])
    #expect(try maxDifference(referenceUnitary(qubits: 2) { GlobalPhase(0.8).controlled(by: 0) }, expected) < tolerance)
    let uncontrolled = try referenceUnitary(qubits: 2) { GlobalPhase(0.8) }
    #expect(maxDifference(uncontrolled, expi(0.8) * .identity(4)) < tolerance)
  }

  @Test("a two-qubit gate's matrix index has bit i on targets[i]")
  func targetOrder() throws {
    // A non-symmetric 2-qubit gate: X on its first target only, written as X ⊗ I in low-bit order.
    let xOnFirst = DenseMatrix([[0, 1, 0, 0], [1, 0, 0, 0], [0, 0, 0, 1], [0, 0, 1, 0]])
    let gate = Gate.unitary(try productionMatrix(xOnFirst))
    let onTwoZero = try referenceUnitary(qubits: 3) { Unitary(try productionMatrix(xOnFirst), on: [2, 0]) }
    let xOnTwo = try referenceUnitary(qubits: 3) { X(2) }
    #expect(maxDifference(onTwoZero, xOnTwo) < tolerance)
    #expect(gate.qubitCount == 2)
  }
}
