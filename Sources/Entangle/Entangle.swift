// The umbrella module: `import Entangle` brings circuits, the simulator, the algorithms, the hybrid
// runtime and complex numbers (MPI is its own product, EntangleMPI).
@_exported import EntangleCircuits
@_exported import EntangleOpenQASM
@_exported import ComplexModule
@_exported import EntangleSimulation
@_exported import EntangleAlgorithms
@_exported import EntangleRuntime
