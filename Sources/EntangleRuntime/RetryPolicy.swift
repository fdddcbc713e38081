/// How often a failed task is tried again, and after what pause.
///
/// A task is retried only when its error is transient: by default, when it conforms to
/// ``TransientError``; a policy can classify errors with its own closure. Cancellations
/// and timeouts are never retried.
public struct RetryPolicy: Sendable {
  /// The most attempts in all, the first included (1 = no retries).
  public var maxAttempts: Int
  /// The pause before the second attempt; each later pause is `multiplier` times the one before.
  public var backoff: Duration
  /// The growth of the pause from one retry to the next.
  public var multiplier: Double
  /// Whether an error is worth another attempt.
  public var isTransient: @Sendable (any Error) -> Bool

  /// A policy of up to `maxAttempts` attempts (at least 1), pausing `backoff`, then
  /// `multiplier` times longer each time, retrying the errors `isTransient` accepts
  /// (default: those conforming to ``TransientError``).
  public init(
    maxAttempts: Int, backoff: Duration = .zero, multiplier: Double = 2,
    isTransient: @escaping @Sendable (any Error) -> Bool = { $0 is any TransientError }
  ) {
    self.maxAttempts = Swift.max(1, maxAttempts)
    self.backoff = backoff
    self.multiplier = multiplier
    self.isTransient = isTransient
  }

  /// One attempt, no retries.
  public static let none = RetryPolicy(maxAttempts: 1)

  /// The pause before attempt `attempt + 1`, after `attempt` failures.
  func pause(afterAttempt attempt: Int) -> Duration {
    var pause = backoff
    for _ in 1..<Swift.max(1, attempt) { pause = pause * multiplier }
    return pause
  }

  /// Whether `error`, raised by attempt `attempt`, earns another attempt.
  func shouldRetry(_ error: any Error, afterAttempt attempt: Int) -> Bool {
    guard attempt < maxAttempts else { return false }
    if let error = error as? TaskError {
      switch error {
      case .cancelled, .timedOut, .exceedsBudget, .dependencyFailed: return false
      default: break
      }
    }
    return isTransient(error)
  }
}
