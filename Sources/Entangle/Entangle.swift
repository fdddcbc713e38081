// The umbrella module: `import Entangle` brings circuits, the simulator, the algorithms and complex numbers.
@_exported import Circuits
@_exported import OpenQASM
@_exported import ComplexModule
@_exported import Simulation
@_exported import QuantumAlgorithms
