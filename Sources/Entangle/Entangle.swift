// The umbrella module: `import Entangle` brings circuits, the simulator and complex numbers.
@_exported import Circuits
@_exported import OpenQASM
@_exported import ComplexModule
@_exported import Simulation
