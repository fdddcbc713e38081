/// A typed reference to a task of a ``TaskGraph``: pass it as an input to later tasks, or
/// read its value from ``GraphResults/value(of:)`` or ``TaskContext/value(of:)``.
public struct TaskHandle<Output>: Hashable, Sendable {
  /// The task's index in its graph.
  let id: Int
  /// The task's name.
  public let name: String
}
