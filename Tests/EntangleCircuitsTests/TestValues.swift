import EntangleCircuits
import ComplexModule
import EntangleTestSupport
import RealModule

// Shorthands for writing textbook matrices literally in the tests.

/// The tolerance for comparisons of matrices and amplitudes built from a few dozen operations.
let tolerance = 1e-12

/// The imaginary unit.
let i = Complex<Double>.i

/// A complex number from its parts.
func c(_ real: Double, _ imaginary: Double = 0) -> Complex<Double> { Complex(real, imaginary) }

/// e^{iφ}.
func expi(_ phase: Double) -> Complex<Double> { Complex(Double.cos(phase), Double.sin(phase)) }

/// The angles at which parameterised gates are checked: zero, generic values, π and beyond 2π.
let sampleAngles: [Double] = [0, 0.3, -1.7, .pi, 2.5 * .pi, 7.1]

/// The reference unitary of a circuit built with the DSL.
func referenceUnitary(
  qubits: Int, bindings: [String: Double] = [:], @CircuitBuilder _ content: () throws -> [any CircuitComponent]
) throws -> DenseMatrix {
  try ReferenceSimulator.unitary(of: Circuit(qubits: qubits, content), bindings: bindings)
}

/// The matrix of a single gate placed on qubits 0..<k (the gate's own little-endian order).
func gateMatrix(_ gate: Gate, _ bindings: [String: Double] = [:]) throws -> DenseMatrix {
  DenseMatrix(try gate.matrix(bindings))
}

/// A matrix from a throwing-initialiser-free list of rows, checked as a production `Matrix`.
func productionMatrix(_ matrix: DenseMatrix) throws -> Matrix {
  try Matrix(dimension: matrix.dimension, elements: matrix.elements)
}
