// The umbrella module: `import Entangle` brings circuits, the simulator, the algorithms, the hybrid
// runtime and complex numbers (MPI is its own product, EntangleMPI).
@_exported import Circuits
@_exported import OpenQASM
@_exported import ComplexModule
@_exported import Simulation
@_exported import QuantumAlgorithms
@_exported import HybridRuntime
