// swift-tools-version: 6.1
import PackageDescription

// Speed comes from building for the CPU on the command line
// (`--toolset Toolsets/native.json`), never from flags in this manifest:
// research code must be able to depend on the package.

// Module names carry the `Entangle` prefix so that they never clash with a target of the
// package that depends on Entangle (SwiftPM refuses two targets of one name in a graph).

let complex: Target.Dependency = .product(name: "ComplexModule", package: "swift-numerics")
let real: Target.Dependency = .product(name: "RealModule", package: "swift-numerics")
let argumentParser: Target.Dependency = .product(name: "ArgumentParser", package: "swift-argument-parser")

// The algorithm examples read their options with swift-argument-parser.
let algorithmExampleDependencies: [Target.Dependency] = ["Entangle", argumentParser]

let package = Package(
  name: "Entangle",
  platforms: [.macOS(.v14)],

  // MARK: - Products
  products: [
    .library(name: "Entangle", targets: ["Entangle"]),
    // MPI in its own product: research code that does not use it needs no MPI installed.
    .library(name: "EntangleMPI", targets: ["EntangleMPI"]),
    .executable(name: "entangle", targets: ["EntangleCLI"]),
    // The subcommands, for executables that share them (`entangle` and, later, a distributed one).
    .library(name: "EntangleCommandLine", targets: ["EntangleCommandLine"]),
    .executable(name: "bell", targets: ["bell"]),
    .executable(name: "qft-demo", targets: ["qft-demo"]),
    .executable(name: "grover", targets: ["grover"]),
    .executable(name: "phase-estimation", targets: ["phase-estimation"]),
    .executable(name: "shor", targets: ["shor"]),
    .executable(name: "teleportation", targets: ["teleportation"]),
    .executable(name: "vqe-h2", targets: ["vqe-h2"]),
    .executable(name: "h2-curve", targets: ["h2-curve"]),
    .executable(name: "qaoa-maxcut", targets: ["qaoa-maxcut"]),
    .executable(name: "maxcut-divide-conquer", targets: ["maxcut-divide-conquer"]),
    .executable(name: "kernel-benchmark", targets: ["kernel-benchmark"]),
    .executable(name: "variational-benchmark", targets: ["variational-benchmark"]),
    .executable(name: "mpi-benchmark", targets: ["mpi-benchmark"]),
    .executable(name: "runtime-benchmark", targets: ["runtime-benchmark"]),
    .executable(name: "checkpoint-demo", targets: ["checkpoint-demo"]),
  ],

  // MARK: - Dependencies
  dependencies: [
    .package(url: "https://github.com/apple/swift-numerics", from: "1.1.1"),
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
  ],

  targets: [
    // MARK: - Library targets
    .systemLibrary(
      name: "CFFTW",
      pkgConfig: "fftw3",
      providers: [.apt(["libfftw3-dev"]), .brew(["fftw"])]
    ),
    .systemLibrary(
      name: "CMPI",
      pkgConfig: "ompi-c",
      providers: [.apt(["libopenmpi-dev"]), .brew(["open-mpi"])]
    ),
    .systemLibrary(name: "CKernelSupport"),
    .target(name: "EntangleCircuits", dependencies: [complex, real]),
    .target(name: "EntangleSimulation", dependencies: ["EntangleCircuits", "CFFTW", "CKernelSupport", complex, real]),
    .target(name: "EntangleOpenQASM", dependencies: ["EntangleCircuits", complex]),
    .target(name: "EntangleAlgorithms", dependencies: ["EntangleCircuits", "EntangleSimulation", complex, real]),
    .target(name: "EntangleRuntime", dependencies: ["EntangleCircuits", "EntangleSimulation", complex, real]),
    .target(name: "EntangleMPI", dependencies: ["CMPI", "EntangleRuntime", "EntangleCircuits"]),
    .target(
      name: "Entangle",
      dependencies: [
        "EntangleCircuits", "EntangleOpenQASM", "EntangleSimulation", "EntangleAlgorithms", "EntangleRuntime", complex,
      ]
    ),

    // MARK: - Command line
    .target(name: "EntangleCommandLine", dependencies: ["Entangle", argumentParser]),
    .executableTarget(name: "EntangleCLI", dependencies: ["EntangleCommandLine"]),

    // MARK: - Examples
    .executableTarget(name: "bell", dependencies: ["Entangle"], path: "Examples/Bell"),
    .executableTarget(name: "qft-demo", dependencies: ["Entangle"], path: "Examples/QFT"),
    .executableTarget(name: "grover", dependencies: algorithmExampleDependencies, path: "Examples/Grover"),
    .executableTarget(name: "phase-estimation", dependencies: algorithmExampleDependencies, path: "Examples/PhaseEstimation"),
    .executableTarget(name: "shor", dependencies: algorithmExampleDependencies, path: "Examples/Shor"),
    .executableTarget(name: "teleportation", dependencies: algorithmExampleDependencies, path: "Examples/Teleportation"),
    .executableTarget(name: "vqe-h2", dependencies: algorithmExampleDependencies, path: "Examples/VQEH2"),
    .executableTarget(name: "h2-curve", dependencies: algorithmExampleDependencies, path: "Examples/H2Curve"),
    .executableTarget(name: "checkpoint-demo", dependencies: ["Entangle", "EntangleRuntime"], path: "Examples/CheckpointDemo"),
    .executableTarget(name: "qaoa-maxcut", dependencies: algorithmExampleDependencies, path: "Examples/QAOAMaxCut"),
    .executableTarget(
      name: "maxcut-divide-conquer",
      dependencies: algorithmExampleDependencies + ["EntangleMPI"],
      path: "Examples/MaxCutDivideConquer",
      resources: [.copy("Data")]
    ),

    // MARK: - Benchmarks
    .executableTarget(name: "kernel-benchmark", dependencies: ["Entangle"], path: "Benchmarks/KernelBenchmark"),
    .executableTarget(name: "mpi-benchmark", dependencies: ["Entangle", "EntangleMPI"], path: "Benchmarks/MPIBenchmark"),
    .executableTarget(name: "variational-benchmark", dependencies: ["Entangle"], path: "Benchmarks/VariationalBenchmark"),
    .executableTarget(
      name: "runtime-benchmark",
      dependencies: ["Entangle", "EntangleRuntime"],
      path: "Benchmarks/RuntimeBenchmark"
    ),

    // MARK: - Tests
    // Run under mpirun by Scripts/test: MPI needs several processes, which a test runner is not.
    .executableTarget(name: "mpi-checks", dependencies: ["Entangle", "EntangleMPI"], path: "Tests/MPIChecks"),
    .target(
      name: "EntangleTestSupport",
      dependencies: ["EntangleCircuits", complex, real],
      path: "Tests/EntangleTestSupport"
    ),
    .testTarget(name: "EntangleCircuitsTests", dependencies: ["EntangleCircuits", "EntangleTestSupport", complex, real]),
    .testTarget(
      name: "EntangleSimulationTests",
      dependencies: ["EntangleSimulation", "EntangleCircuits", "EntangleTestSupport", complex, real]
    ),
    .testTarget(
      name: "EntangleOpenQASMTests",
      dependencies: ["EntangleOpenQASM", "EntangleSimulation", "EntangleCircuits", "EntangleTestSupport", complex],
      resources: [.copy("Fixtures")]
    ),
    .testTarget(
      name: "EntangleAlgorithmsTests",
      dependencies: ["EntangleAlgorithms", "EntangleSimulation", "EntangleCircuits", "EntangleTestSupport", complex, real],
      resources: [.copy("Fixtures")]
    ),
    .testTarget(
      name: "EntangleRuntimeTests",
      dependencies: ["EntangleRuntime", "EntangleSimulation", "EntangleCircuits", complex]
    ),
    .testTarget(
      name: "EntangleCommandLineTests",
      dependencies: ["EntangleCommandLine", "Entangle", "EntangleTestSupport", argumentParser]
    ),
  ]
)
