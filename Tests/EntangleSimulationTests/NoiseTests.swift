import EntangleCircuits
import ComplexModule
import EntangleTestSupport
import Foundation
import EntangleSimulation
import Testing

@Suite("Noise: noise models, their JSON form and readout errors")
struct NoiseModelTests {
  static let issueExample = """
    {"errors": [{"gates": ["h", "cx"], "channel": "depolarizing", "probability": 0.01},
                {"gates": ["x"], "qubits": [0], "channel": "amplitude_damping", "gamma": 0.05},
                {"gates": ["rz"], "channel": "phase_damping", "lambda": 0.02}],
     "readout": [{"qubits": [0, 1], "p0given1": 0.02, "p1given0": 0.01}]}
    """

  /// The channels of a noisy circuit as (channel, qubits), in order, with the operations left out.
  static func channels(_ items: [NoisyOperation]) -> [(KrausChannel, [Int])] {
    items.compactMap { item in
      if case let .channel(channel, qubits, _) = item { return (channel, qubits) }
      return nil
    }
  }

  @Test("the issue's example: errors follow the listed gates, on the listed qubits, sized to the gate")
  func issueExample() throws {
    let model = try NoiseModel(json: Data(Self.issueExample.utf8))
    let circuit = try Circuit(qubits: 3) {
      H(0); CX(0, 1); X(1); X(0); RZ(Parameter("theta"), 2); CCX(0, 1, 2)
    }
    let items = try model.noisyOperations(of: circuit, bindings: ["theta": 0.5])
    #expect(items.count == 6 + 4)
    let channels = Self.channels(items)
    #expect(channels.count == 4)
    #expect(channels[0].0 == (try KrausChannel.depolarizing(probability: 0.01, qubits: 1)) && channels[0].1 == [0])
    // cx: controls then targets, one two-qubit depolarizing channel.
    #expect(channels[1].0 == (try KrausChannel.depolarizing(probability: 0.01, qubits: 2)) && channels[1].1 == [0, 1])
    // x on qubit 1 is not on the listed qubits; x on qubit 0 is.
    #expect(channels[2].0 == (try KrausChannel.amplitudeDamping(gamma: 0.05)) && channels[2].1 == [0])
    #expect(channels[3].0 == (try KrausChannel.phaseDamping(lambda: 0.02)) && channels[3].1 == [2])
    // The angle is bound in the operation handed on.
    #expect(items.contains(.operation(.gate(.rz(0.5), on: [2]))))
    #expect(model.readoutErrors[0] == (try ReadoutError(p0Given1: 0.02, p1Given0: 0.01)))
    #expect(model.readoutErrors[1] != nil && model.readoutErrors[2] == nil)
  }

  @Test("a one-qubit channel on a multi-qubit gate acts on each of its qubits; every gate when none is listed")
  func oneQubitChannelOnEachQubit() throws {
    var model = NoiseModel()
    try model.addError(.kraus(try .bitFlip(probability: 0.1)))
    let items = try model.noisyOperations(of: try Circuit(qubits: 3) { CCX(0, 1, 2) })
    #expect(Self.channels(items).map(\.1) == [[0], [1], [2]])
    #expect(NoiseModel.gateName(of: .x, controlCount: 2) == "ccx")
  }

  @Test("a two-qubit channel after a one-qubit gate is a size mismatch")
  func channelSizeMismatch() throws {
    var model = NoiseModel()
    try model.addError(.kraus(try .depolarizing(probability: 0.1, qubits: 2)), gates: ["h"])
    #expect(throws: SimulationError.self) { try model.noisyOperations(of: try Circuit(qubits: 1) { H(0) }) }
  }

  @Test("every channel of the JSON form is read with its parameters")
  func allChannelsFromJSON() throws {
    let json = """
      {"errors": [
        {"gates": ["x"], "channel": "bit_flip", "p": 0.1},
        {"gates": ["x"], "channel": "phase_flip", "p": 0.2},
        {"gates": ["x"], "channel": "generalized_amplitude_damping", "probability": 0.9, "gamma": 0.3},
        {"gates": ["x"], "channel": "thermal_relaxation", "t1": 50, "t2": 40, "time": 5, "excited_population": 0.01},
        {"gates": ["x"], "channel": "pauli", "probabilities": {"X": 0.1, "Z": 0.05}},
        {"gates": ["x"], "channel": "kraus", "matrices": [[[[1, 0], [0, 0]], [[0, 0], [0, 0]]],
                                                         [[[0, 0], [0, 0]], [[0, 0], [1, 0]]]]},
        {"channel": "depolarizing", "probability": 0.5}]}
      """
    let model = try NoiseModel(json: Data(json.utf8))
    let expected: [KrausChannel] = [
      try .bitFlip(probability: 0.1), try .phaseFlip(probability: 0.2),
      try .generalizedAmplitudeDamping(probability: 0.9, gamma: 0.3),
      try .thermalRelaxation(t1: 50, t2: 40, gateTime: 5, excitedPopulation: 0.01),
      try .pauli(probabilities: ["X": 0.1, "Z": 0.05]),
      try KrausChannel(krausOperators: [
        try Matrix([[.one, .zero], [.zero, .zero]]), try Matrix([[.zero, .zero], [.zero, .one]]),
      ]),
      try .depolarizing(probability: 0.5),
    ]
    let channels = Self.channels(try model.noisyOperations(of: try Circuit(qubits: 1) { X(0) })).map(\.0)
    #expect(channels == expected)
    #expect(model.gateErrors.last?.gates == nil)
  }

  @Test(
    "mistakes are typed errors naming their JSON path",
    arguments: [
      (#"{"errors": [{"channel": "depolarizing", "probability": 0.1}, {"gates": ["x"], "channel": "amplitude_damping", "gamma": 1.5}]}"#,
       "noise model: errors[1].gamma must be in 0…1, got 1.5"),
      (#"{"errors": [{"channel": "bit_flip", "p": -1}]}"#, "noise model: errors[0].p must be in 0…1, got -1.0"),
      (#"{"errors": [{"channel": "amplitude_damping"}]}"#, "noise model: errors[0].gamma is missing"),
      (#"{"errors": [{"channel": "amplitude_damping", "gamma": "big"}]}"#, "noise model: errors[0].gamma must be a number"),
      (#"{"errors": [{"channel": "thermal_relaxation", "t1": 10, "t2": 30, "time": 1}]}"#,
       "noise model: errors[0].t2 must be in (0, 2·t1] = (0, 20.0], got 30.0"),
      (#"{"errors": [{"channel": "thermal_relaxation", "t1": 10, "t2": 10, "time": -1}]}"#,
       "noise model: errors[0].time must be in [0, ∞), got -1.0"),
      (#"{"readout": [{"qubits": [0], "p0given1": 0.1, "p1given0": 2}]}"#, "noise model: readout[0].p1given0 must be in 0…1, got 2.0"),
      (#"{"readout": [{"qubits": [-1], "p0given1": 0.1, "p1given0": 0.2}]}"#, "noise model: readout[0].qubits[0] must be a qubit number (0, 1, …)"),
      (#"{"errors": [{"channel": "pauli", "probabilities": {"X": 1.2}}]}"#, "noise model: errors[0].probabilities.X must be in 0…1, got 1.2"),
      (#"{"errors": [{"gates": [3], "channel": "bit_flip", "p": 0.1}]}"#, "noise model: errors[0].gates[0] must be a gate name"),
      (#"{"readout": [{"qubits": [0], "p1given0": 0.2}]}"#, "noise model: readout[0].p0given1 is missing"),
    ])
  func errorPaths(json: String, message: String) throws {
    let error = #expect(throws: SimulationError.self) { try NoiseModel(json: Data(json.utf8)) }
    #expect(error?.description == message)
  }

  @Test("unknown channels, unknown keys, non-trace-preserving Kraus sets and bad JSON name where they are")
  func structuralErrors() throws {
    func path(_ json: String) -> String? {
      let error = #expect(throws: SimulationError.self) { try NoiseModel(json: Data(json.utf8)) }
      guard case let .invalidNoiseModel(path, _) = error else { return nil }
      return path
    }
    #expect(path(#"{"errors": [{"channel": "reset_error", "p": 0.1}]}"#) == "errors[0].channel")
    #expect(path(#"{"errors": [{"channel": "bit_flip", "p": 0.1, "gama": 1}]}"#) == "errors[0].gama")
    #expect(path(#"{"errors": [{"channel": "kraus", "matrices": [[[[1, 0], [0, 0]], [[0, 0], [1, 0]]], [[[1, 0], [0, 0]], [[0, 0], [0, 0]]]]}]}"#) == "errors[0].matrices")
    #expect(path(#"{"errors": [{"channel": "kraus", "matrices": [[[[1, 0]], [[0, 0]]]]}]}"#) == "errors[0].matrices[0]")
    #expect(path(#"{"errors": "#) == "")
    #expect(path(#"{"noise": []}"#) == "noise")
  }

  @Test("readout errors: exact action on a distribution and sampled flips at their rates (4σ, seed 3)")
  func readoutErrors() throws {
    var model = NoiseModel()
    try model.setReadoutError(try ReadoutError(p0Given1: 0.2, p1Given0: 0.1), qubits: [1])
    // True distribution over (qubit 0, qubit 1): P(00)=0.5, P(11)=0.5; only qubit 1 (bit 1) is misread.
    let read = model.readProbabilities([0.5, 0, 0, 0.5], qubits: [0, 1])
    let expected = [0.5 * 0.9, 0.5 * 0.2, 0.5 * 0.1, 0.5 * 0.8]
    for i in 0..<4 { #expect(abs(read[i] - expected[i]) < 1e-15) }

    var generator = SeededRandomNumberGenerator(seed: 3)
    let shots = 20_000
    var flips = [0, 0]
    for shot in 0..<shots {
      let truth = shot % 2 == 0 ? 0b00 : 0b11
      if model.read(truth, qubits: [0, 1], using: &generator) != truth { flips[truth == 0 ? 0 : 1] += 1 }
    }
    for (count, rate) in zip(flips, [0.1, 0.2]) {
      let n = Double(shots / 2)
      #expect(abs(Double(count) / n - rate) < 4 * (rate * (1 - rate) / n).squareRoot())
    }
    #expect(try ReadoutError(p0Given1: 0.2, p1Given0: 0.1).confusionMatrix == [[0.9, 0.2], [0.1, 0.8]])
  }
}
