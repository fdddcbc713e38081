import EntangleCircuits
import EntangleSimulation

// The algorithms call the typed-throwing `EntangleCircuits` and `EntangleSimulation` APIs; these two helpers
// wrap what those throw into this module's error so that every public entry point throws `AlgorithmError`.
extension AlgorithmError {
  /// Runs `body`, wrapping a ``SimulationError`` as ``AlgorithmError/simulation(_:)``.
  static func simulating<Result>(_ body: () throws(SimulationError) -> Result) throws(AlgorithmError) -> Result {
    do { return try body() } catch { throw .simulation(error) }
  }

  /// Runs `body`, wrapping a ``CircuitError`` as ``AlgorithmError/circuit(_:)``.
  static func building<Result>(_ body: () throws(CircuitError) -> Result) throws(AlgorithmError) -> Result {
    do { return try body() } catch { throw .circuit(error) }
  }
}
