import EntangleCircuits
import ComplexModule
import Foundation

extension NoiseModel {
  /// A noise model read from its JSON document (the format is described in Docs/Noise.md).
  ///
  /// ```json
  /// {"errors": [{"gates": ["h", "cx"], "channel": "depolarizing", "probability": 0.01},
  ///             {"gates": ["x"], "qubits": [0], "channel": "amplitude_damping", "gamma": 0.05}],
  ///  "readout": [{"qubits": [0, 1], "p0given1": 0.02, "p1given0": 0.01}]}
  /// ```
  /// - Throws: ``SimulationError/invalidNoiseModel(path:problem:)`` naming the JSON path of what is wrong
  ///   (`errors[1].gamma must be in 0…1, got 1.5`), for malformed JSON, a missing or mistyped key,
  ///   an unknown key or channel, a parameter out of range or Kraus operators that are not trace preserving.
  public init(json: Data) throws(SimulationError) {
    let document: Any
    do {
      document = try JSONSerialization.jsonObject(with: json)
    } catch {
      throw .invalidNoiseModel(path: "", problem: "is not valid JSON (\(error.localizedDescription))")
    }
    let root = try JSONObject(document, path: "")
    try root.allowOnly(["errors", "readout"])
    self.init()
    for (index, item) in try root.optionalArray("errors").enumerated() {
      let error = try JSONObject(item, path: "errors[\(index)]")
      let name = try error.string("channel")
      guard let parameterKeys = Self.channelKeys[name] else {
        throw .invalidNoiseModel(
          path: error.located("channel"),
          problem: "\"\(name)\" is not a channel; expected one of \(Self.channelKeys.keys.sorted().joined(separator: ", "))")
      }
      try error.allowOnly(["gates", "qubits", "channel"] + parameterKeys)
      var gates: [String] = []
      for (gateIndex, gate) in try error.optionalArray("gates").enumerated() {
        guard let name = gate as? String else {
          throw .invalidNoiseModel(path: "\(error.path).gates[\(gateIndex)]", problem: "must be a gate name")
        }
        gates.append(name.lowercased())
      }
      let qubits = try error.has("qubits") ? error.qubits("qubits") : nil
      try addError(
        try Self.channel(error), gates: error.has("gates") ? gates : nil, qubits: qubits)
    }
    for (index, item) in try root.optionalArray("readout").enumerated() {
      let readout = try JSONObject(item, path: "readout[\(index)]")
      try readout.allowOnly(["qubits", "p0given1", "p1given0"])
      let error = try readout.parameter { () throws(SimulationError) in
        try ReadoutError(p0Given1: readout.number("p0given1"), p1Given0: readout.number("p1given0"))
      }
      try setReadoutError(error, qubits: readout.qubits("qubits"))
    }
  }

  /// The parameter keys of each channel name.
  static let channelKeys: [String: [String]] = [
    "depolarizing": ["probability"], "bit_flip": ["p"], "phase_flip": ["p"], "amplitude_damping": ["gamma"],
    "phase_damping": ["lambda"], "generalized_amplitude_damping": ["probability", "gamma"],
    "thermal_relaxation": ["t1", "t2", "time", "excited_population"], "pauli": ["probabilities"],
    "kraus": ["matrices"],
  ]

  private static func channel(_ error: JSONObject) throws(SimulationError) -> Channel {
    let name = try error.string("channel")
    switch name {
    case "depolarizing":
      let probability = try error.number("probability")
      return try error.parameter { () throws(SimulationError) in
        try KrausChannel.checkProbability(probability, name: "probability")
        return .depolarizing(probability: probability)
      }
    case "bit_flip":
      let p = try error.number("p")
      return .kraus(try error.parameter(renaming: ["probability": "p"]) { () throws(SimulationError) in
        try KrausChannel.bitFlip(probability: p)
      })
    case "phase_flip":
      let p = try error.number("p")
      return .kraus(try error.parameter(renaming: ["probability": "p"]) { () throws(SimulationError) in
        try KrausChannel.phaseFlip(probability: p)
      })
    case "amplitude_damping":
      let gamma = try error.number("gamma")
      return .kraus(try error.parameter { () throws(SimulationError) in try KrausChannel.amplitudeDamping(gamma: gamma) })
    case "phase_damping":
      let lambda = try error.number("lambda")
      return .kraus(try error.parameter { () throws(SimulationError) in try KrausChannel.phaseDamping(lambda: lambda) })
    case "generalized_amplitude_damping":
      let probability = try error.number("probability"), gamma = try error.number("gamma")
      return .kraus(try error.parameter { () throws(SimulationError) in
        try KrausChannel.generalizedAmplitudeDamping(probability: probability, gamma: gamma)
      })
    case "thermal_relaxation":
      let t1 = try error.number("t1"), t2 = try error.number("t2"), time = try error.number("time")
      let excited = try error.has("excited_population") ? error.number("excited_population") : 0
      return .kraus(try error.parameter(renaming: ["gateTime": "time", "excitedPopulation": "excited_population"]) {
        () throws(SimulationError) in
        try KrausChannel.thermalRelaxation(t1: t1, t2: t2, gateTime: time, excitedPopulation: excited)
      })
    case "pauli":
      let table = try error.object("probabilities")
      var probabilities: [String: Double] = [:]
      for key in table.keys { probabilities[key] = try table.number(key) }
      do {
        return .kraus(try KrausChannel.pauli(probabilities: probabilities))
      } catch let .invalidNoiseParameter(name, value, allowed) {
        throw .invalidNoiseModel(path: "\(table.path).\(name)", problem: "must be in \(allowed), got \(value)")
      } catch {
        throw .invalidNoiseModel(path: table.path, problem: error.description)
      }
    case "kraus":
      var matrices: [Matrix] = []
      for (index, item) in try error.array("matrices").enumerated() {
        matrices.append(try JSONObject.matrix(item, path: "\(error.path).matrices[\(index)]"))
      }
      let path = "\(error.path).matrices"
      do {
        return .kraus(try KrausChannel(krausOperators: matrices))
      } catch {
        throw .invalidNoiseModel(path: path, problem: error.description)
      }
    default:
      throw .invalidNoiseModel(
        path: "\(error.path).channel",
        problem: "\"\(name)\" is not a channel; expected one of \(channelKeys.keys.sorted().joined(separator: ", "))")
    }
  }
}

/// A JSON object with the path it was found at, for messages that name where something is wrong.
private struct JSONObject {
  let path: String
  let values: [String: Any]

  init(_ value: Any, path: String) throws(SimulationError) {
    guard let values = value as? [String: Any] else {
      throw .invalidNoiseModel(path: path, problem: "must be a JSON object")
    }
    self.path = path
    self.values = values
  }

  var keys: [String] { values.keys.sorted() }

  func located(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

  func has(_ key: String) -> Bool { values[key] != nil }

  func allowOnly(_ allowed: [String]) throws(SimulationError) {
    if let unknown = keys.first(where: { !allowed.contains($0) }) {
      throw .invalidNoiseModel(path: located(unknown), problem: "is not a known key here; expected one of \(allowed.joined(separator: ", "))")
    }
  }

  func required(_ key: String) throws(SimulationError) -> Any {
    guard let value = values[key] else { throw .invalidNoiseModel(path: located(key), problem: "is missing") }
    return value
  }

  func string(_ key: String) throws(SimulationError) -> String {
    guard let value = try required(key) as? String else { throw .invalidNoiseModel(path: located(key), problem: "must be a string") }
    return value
  }

  func number(_ key: String) throws(SimulationError) -> Double {
    guard let value = Self.number(try required(key)) else {
      throw .invalidNoiseModel(path: located(key), problem: "must be a number")
    }
    return value
  }

  func array(_ key: String) throws(SimulationError) -> [Any] {
    guard let value = try required(key) as? [Any] else { throw .invalidNoiseModel(path: located(key), problem: "must be an array") }
    return value
  }

  func optionalArray(_ key: String) throws(SimulationError) -> [Any] { has(key) ? try array(key) : [] }

  func object(_ key: String) throws(SimulationError) -> JSONObject { try JSONObject(try required(key), path: located(key)) }

  func qubits(_ key: String) throws(SimulationError) -> [Int] {
    var qubits: [Int] = []
    for (index, item) in try array(key).enumerated() {
      guard let value = Self.number(item), value >= 0, value == value.rounded(), value < 1e9 else {
        throw .invalidNoiseModel(path: "\(located(key))[\(index)]", problem: "must be a qubit number (0, 1, …)")
      }
      qubits.append(Int(value))
    }
    return qubits
  }

  /// Runs `body`, naming a parameter it rejects by its JSON path (`renaming` maps Swift names to JSON keys).
  func parameter<Result>(renaming names: [String: String] = [:], _ body: () throws(SimulationError) -> Result)
    throws(SimulationError) -> Result
  {
    do {
      return try body()
    } catch let .invalidNoiseParameter(name, value, allowed) {
      throw .invalidNoiseModel(path: located(names[name] ?? name), problem: "must be in \(allowed), got \(value)")
    } catch {
      if case .invalidNoiseModel = error { throw error }
      throw .invalidNoiseModel(path: path, problem: error.description)
    }
  }

  /// A JSON number as a `Double`.
  static func number(_ value: Any) -> Double? {
    if let number = value as? Double { return number }
    if let number = value as? Int { return Double(number) }
    return (value as? NSNumber)?.doubleValue
  }

  /// A matrix written as rows of [re, im] pairs.
  static func matrix(_ value: Any, path: String) throws(SimulationError) -> Matrix {
    guard let rows = value as? [Any] else { throw .invalidNoiseModel(path: path, problem: "must be an array of rows") }
    var elements: [[Complex<Double>]] = []
    for (rowIndex, row) in rows.enumerated() {
      guard let entries = row as? [Any] else {
        throw .invalidNoiseModel(path: "\(path)[\(rowIndex)]", problem: "must be an array of [re, im] pairs")
      }
      var parsed: [Complex<Double>] = []
      for (columnIndex, entry) in entries.enumerated() {
        guard let pair = entry as? [Any], pair.count == 2, let re = number(pair[0]), let im = number(pair[1]) else {
          throw .invalidNoiseModel(path: "\(path)[\(rowIndex)][\(columnIndex)]", problem: "must be a pair [re, im] of numbers")
        }
        parsed.append(Complex(re, im))
      }
      elements.append(parsed)
    }
    do {
      return try Matrix(elements)
    } catch {
      throw .invalidNoiseModel(path: path, problem: "must be a square matrix of size 2^k (\(error.description))")
    }
  }
}
