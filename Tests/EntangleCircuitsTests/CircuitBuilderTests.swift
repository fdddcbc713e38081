import EntangleCircuits
import ComplexModule
import EntangleTestSupport
import Testing

@Suite("The circuit DSL")
struct CircuitBuilderTests {
  @Test("for loops, if/else and switch produce exactly the written operations")
  func controlFlow() throws {
    for variant in 0..<3 {
      let circuit = try Circuit(qubits: 4) {
        H(0)
        for q in 1..<4 { CX(q - 1, q) }
        if variant == 0 {
          X(3)
        } else {
          Y(3)
        }
        if variant == 2 { Z(0) }
        switch variant {
        case 0: S(1)
        case 1: T(1)
        default: SX(1)
        }
      }
      let middle: [Operation] = [
        .gate(.h, on: [0]), .gate(.x, on: [1], controls: [0]), .gate(.x, on: [2], controls: [1]), .gate(.x, on: [3], controls: [2]),
      ]
      let tail: [Operation] = switch variant {
      case 0: [.gate(.x, on: [3]), .gate(.s, on: [1])]
      case 1: [.gate(.y, on: [3]), .gate(.t, on: [1])]
      default: [.gate(.y, on: [3]), .gate(.z, on: [0]), .gate(.sx, on: [1])]
      }
      #expect(circuit.operations == middle + tail)
    }
  }

  @Test("nested sub-circuits and blocks are spliced in order")
  func nesting() throws {
    let inner = try Circuit(qubits: 2) {
      H(0)
      Block {
        RZ(0.5, 1)
        Swap(0, 1)
      }
    }
    let outer = try Circuit(qubits: 2) {
      inner
      Block { inner }
      Barrier(0, 1)
    }
    let innerOperations: [Operation] = [.gate(.h, on: [0]), .gate(.rz(0.5), on: [1]), .gate(.swap, on: [0, 1])]
    #expect(outer.operations == innerOperations + innerOperations + [Operation(.barrier(qubits: [0, 1]))])
  }

  @Test("every DSL gate makes the documented operation")
  func gateVocabulary() throws {
    let theta = Parameter("t")
    let circuit = try Circuit(qubits: 4, bits: 2) {
      I(0); X(0); Y(0); Z(0); H(0); S(0); Sdg(0); T(0); Tdg(0); SX(0); SXdg(0)
      RX(theta, 0); RY(1, 0); RZ(0.5, 0); P(theta, 0)
      U(1, 2, 3, 0); U2(1, 2, 0)
      CX(0, 1); CY(0, 1); CZ(0, 1); CH(0, 1); CSX(0, 1)
      CRX(theta, 0, 1); CRY(1, 0, 1); CRZ(2, 0, 1); CP(3, 0, 1)
      Swap(0, 1); ISwap(0, 1); RXX(1, 0, 1); RYY(2, 0, 1); RZZ(3, 0, 1)
      CCX(0, 1, 2); CSwap(0, 1, 2); MCX([0, 1, 2], 3); MCP(1, [0, 1], 2)
      GlobalPhase(0.5); QFT([2, 0]); IQFT([1, 3], swaps: false)
      Measure(0, into: 1); Reset(2); Barrier([0, 3])
    }
    let expected: [Operation] = [
      .gate(.identity, on: [0]), .gate(.x, on: [0]), .gate(.y, on: [0]), .gate(.z, on: [0]), .gate(.h, on: [0]),
      .gate(.s, on: [0]), .gate(.sdg, on: [0]), .gate(.t, on: [0]), .gate(.tdg, on: [0]), .gate(.sx, on: [0]), .gate(.sxdg, on: [0]),
      .gate(.rx(theta), on: [0]), .gate(.ry(1), on: [0]), .gate(.rz(0.5), on: [0]), .gate(.phase(theta), on: [0]),
      .gate(.u(theta: 1, phi: 2, lambda: 3), on: [0]), .gate(.u2(phi: 1, lambda: 2), on: [0]),
      .gate(.x, on: [1], controls: [0]), .gate(.y, on: [1], controls: [0]), .gate(.z, on: [1], controls: [0]),
      .gate(.h, on: [1], controls: [0]), .gate(.sx, on: [1], controls: [0]),
      .gate(.rx(theta), on: [1], controls: [0]), .gate(.ry(1), on: [1], controls: [0]), .gate(.rz(2), on: [1], controls: [0]),
      .gate(.phase(3), on: [1], controls: [0]),
      .gate(.swap, on: [0, 1]), .gate(.iswap, on: [0, 1]), .gate(.rxx(1), on: [0, 1]), .gate(.ryy(2), on: [0, 1]),
      .gate(.rzz(3), on: [0, 1]),
      .gate(.x, on: [2], controls: [0, 1]), .gate(.swap, on: [1, 2], controls: [0]), .gate(.x, on: [3], controls: [0, 1, 2]),
      .gate(.phase(1), on: [2], controls: [0, 1]),
      .gate(.globalPhase(0.5), on: []), .gate(.qft(qubitCount: 2), on: [2, 0]),
      .gate(.qft(qubitCount: 2, swaps: false, inverse: true), on: [1, 3]),
      Operation(.measure(qubit: 0, bit: 1)), Operation(.reset(qubit: 2)), Operation(.barrier(qubits: [0, 3])),
    ]
    #expect(circuit.operations == expected)
    #expect(circuit.parameterNames == ["t"])
  }

  @Test("Measure over lists pairs qubits with bits and refuses lists of different lengths")
  func measureLists() throws {
    let circuit = try Circuit(qubits: 3, bits: 2) { Measure([2, 0], into: [1, 0]) }
    #expect(circuit.operations == [Operation(.measure(qubit: 2, bit: 1)), Operation(.measure(qubit: 0, bit: 0))])
    #expect(throws: CircuitError.measurementCountMismatch(qubits: 3, bits: 2)) {
      try Circuit(qubits: 3, bits: 2) { Measure([2, 0, 1], into: [1, 0]) }
    }
  }

  @Test("Circuit(qubits:operations:) and append check like the DSL")
  func appendChecks() throws {
    var circuit = try Circuit(qubits: 2)
    try circuit.append(.gate(.h, on: [0]))
    #expect(throws: CircuitError.qubitOutOfRange(qubit: 2, qubitCount: 2, operation: "h on [2]")) {
      try circuit.append(.gate(.h, on: [2]))
    }
    #expect(circuit.operations == [.gate(.h, on: [0])])
    #expect(throws: CircuitError.self) {
      try Circuit(qubits: 2, operations: [.gate(.h, on: [0]), .gate(.swap, on: [0, 0])])
    }
  }
}

@Suite("Circuit errors")
struct CircuitErrorTests {
  @Test("a qubit out of range names the qubit and the circuit's size")
  func qubitOutOfRange() throws {
    let error = #expect(throws: CircuitError.qubitOutOfRange(qubit: 5, qubitCount: 3, operation: "h on [5]")) {
      try Circuit(qubits: 3) { H(5) }
    }
    let description = try #require(error?.description)
    #expect(description.contains("qubit 5"))
    #expect(description.contains("3 qubits"))
    #expect(throws: CircuitError.qubitOutOfRange(qubit: -1, qubitCount: 3, operation: "x on [0] controlled by [-1]")) {
      try Circuit(qubits: 3) { CX(-1, 0) }
    }
  }

  @Test("a qubit used twice in one gate is refused")
  func repeatedQubit() throws {
    let error = #expect(throws: CircuitError.repeatedQubit(qubit: 1, operation: "x on [1] controlled by [1]")) {
      try Circuit(qubits: 3) { CX(1, 1) }
    }
    #expect(error?.description.contains("qubit 1") == true)
    #expect(throws: CircuitError.repeatedQubit(qubit: 2, operation: "swap on [2, 2]")) { try Circuit(qubits: 3) { Swap(2, 2) } }
    #expect(throws: CircuitError.repeatedQubit(qubit: 0, operation: "x on [2] controlled by [0, 0]")) {
      try Circuit(qubits: 3) { CCX(0, 0, 2) }
    }
    // Operations on more than 16 qubits are checked through a set.
    var wide = try Circuit(qubits: 20)
    let qubits = Array(0..<18) + [7]
    #expect(throws: CircuitError.repeatedQubit(qubit: 7, operation: "barrier on \(qubits)")) {
      try wide.append(Operation(.barrier(qubits: qubits)))
    }
    try wide.append(Operation(.barrier(qubits: Array(0..<20))))
    #expect(wide.operations.count == 1)
  }

  @Test("a classical bit out of range names the bit and the bit count")
  func bitOutOfRange() throws {
    let error = #expect(throws: CircuitError.bitOutOfRange(bit: 2, bitCount: 2, operation: "measure qubit 0 into bit 2")) {
      try Circuit(qubits: 1, bits: 2) { Measure(0, into: 2) }
    }
    let description = try #require(error?.description)
    #expect(description.contains("bit 2"))
    #expect(description.contains("2 bits"))
  }

  @Test("a gate on the wrong number of targets names the gate and both counts")
  func wrongTargetCount() throws {
    let error = #expect(throws: CircuitError.wrongTargetCount(gate: "swap", expected: 2, actual: 1)) {
      try Circuit(qubits: 2, operations: [.gate(.swap, on: [0])])
    }
    let description = try #require(error?.description)
    #expect(description.contains("swap") && description.contains("2 qubits") && description.contains("given 1"))
    #expect(throws: CircuitError.wrongTargetCount(gate: "unitary", expected: 1, actual: 2)) {
      try Circuit(qubits: 2) { Unitary(try Gate.h.matrix(), on: [0, 1]) }
    }
  }

  @Test("a non-unitary matrix is refused with its deviation")
  func notUnitary() throws {
    // [[1, 1], [0, 1]]: U·U† − I = [[1, 1], [1, 0]], so the deviation is exactly 1.
    let shear = try Matrix([[1, 1], [0, 1]])
    let error = #expect(throws: CircuitError.notUnitary(deviation: 1)) { try Circuit(qubits: 1) { Unitary(shear, on: [0]) } }
    #expect(error?.description.contains("not unitary") == true)
  }

  @Test("a matrix must be square of dimension 2^k, k ≥ 1")
  func matrixShape() throws {
    #expect(throws: CircuitError.invalidMatrixShape(rows: 3, columns: 3)) { try Matrix([[1, 0, 0], [0, 1, 0], [0, 0, 1]]) }
    #expect(throws: CircuitError.invalidMatrixShape(rows: 2, columns: 1)) { try Matrix([[1], [0]]) }
    #expect(throws: CircuitError.invalidMatrixShape(rows: 1, columns: 1)) { try Matrix([[1]]) }
    #expect(throws: CircuitError.invalidMatrixShape(rows: 0, columns: 0)) { try Matrix([]) }
    #expect(throws: CircuitError.invalidMatrixShape(rows: 2, columns: 1)) { try Matrix(dimension: 2, elements: [1, 0]) }
    #expect(CircuitError.invalidMatrixShape(rows: 3, columns: 3).description.contains("3×3"))
  }

  @Test("a matrix dimension whose square overflows is refused, not trapped")
  func hugeMatrixDimension() {
    // dimension * dimension overflows Int: the shape check must not trap.
    #expect(throws: CircuitError.self) { try Matrix(dimension: 1 << 32, elements: []) }
  }

  @Test("a controlled measurement is refused")
  func controlledMeasurement() throws {
    let error = #expect(throws: CircuitError.notControllable(operation: "measure qubit 0 into bit 0")) {
      try Circuit(qubits: 2, bits: 1) { Measure(0, into: 0).controlled(by: 1) }
    }
    #expect(error?.description.contains("measure qubit 0") == true)
    #expect(throws: CircuitError.notControllable(operation: "reset qubit 0")) { try Circuit(qubits: 2) { Reset(0).controlled(by: 1) } }
  }

  @Test("negative sizes are refused and named", arguments: [(-1, 0), (2, -3), (-4, -5)])
  func negativeSizes(_ qubits: Int, _ bits: Int) throws {
    let error = #expect(throws: CircuitError.invalidSize(qubits: qubits, bits: bits)) { try Circuit(qubits: qubits, bits: bits) }
    let description = try #require(error?.description)
    #expect(description.contains("\(qubits) qubits") && description.contains("\(bits) bits"))
    #expect(throws: CircuitError.invalidSize(qubits: qubits, bits: bits)) { try Circuit(qubits: qubits, bits: bits) { } }
  }

  @Test("an empty circuit of zero qubits is valid and has the 1×1 identity")
  func emptyCircuit() throws {
    let circuit = try Circuit(qubits: 0)
    #expect(circuit.operations.isEmpty && circuit.qubitCount == 0 && circuit.classicalBitCount == 0)
    #expect(!circuit.hasNonUnitaryOperations)
  }
}
