/// The outcome of one ``Teleportation`` run.
public struct TeleportationResult: Sendable, Hashable {
  /// The classical bits after the run: `[b0, b1]`, b0 from measuring qubit 0 and b1 from qubit 1.
  public let measuredBits: [Int]
  /// ⟨ψ|ρ₂|ψ⟩: 1 when qubit 2 holds the input state exactly.
  public let fidelity: Double
  /// Whether the classically controlled corrections were applied.
  public let corrected: Bool
}
