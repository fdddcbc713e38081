import Foundation

/// A one-line progress display on standard error, for runs that take longer than a second.
///
/// Drawn only when standard error is a terminal, so pipes and log files never see it; the line
/// is erased when the work ends, leaving the terminal as it was. A background thread redraws it
/// so that a single long simulation still shows that it is alive.
final class ProgressIndicator: @unchecked Sendable {
  private let label: String
  private let total: Int?
  private let start = DispatchTime.now()
  private let lock = NSLock()
  private var completed = 0
  private var finished = false
  /// The line last drawn, so that an unchanged line is not redrawn five times a second.
  private var drawnLine: String?
  private let stopped = DispatchSemaphore(value: 0)
  private let wake = DispatchSemaphore(value: 0)

  /// Nothing is shown before this many seconds have passed.
  private static let delay = 1.0
  private static let redrawInterval = DispatchTimeInterval.milliseconds(200)

  /// Starts showing `label`, with `completed/total` when `total` is given; disabled when standard
  /// error is not a terminal or `enabled` is false.
  init(_ label: String, total: Int? = nil, enabled: Bool = Terminal.standardErrorIsTerminal) {
    self.label = label
    self.total = total
    guard enabled else {
      finished = true
      stopped.signal()
      return
    }
    Thread.detachNewThread { [self] in
      while redraw() { _ = wake.wait(timeout: .now() + Self.redrawInterval) }
      stopped.signal()
    }
  }

  /// Counts one more unit of work done.
  func advance() {
    lock.withLock { completed += 1 }
  }

  /// Stops the display and erases its line.
  func finish() {
    let wasFinished = lock.withLock {
      defer { finished = true }
      return finished
    }
    guard !wasFinished else { return }
    wake.signal()
    stopped.wait()
    if lock.withLock({ drawnLine }) != nil { Terminal.writeError("\r\u{1B}[K") }
  }

  /// Draws the line once it is due; returns false when the work has ended.
  private func redraw() -> Bool {
    let (done, isFinished) = lock.withLock { (completed, finished) }
    guard !isFinished else { return false }
    let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    guard elapsed >= Self.delay else { return true }
    var line = label
    if let total, total > 0 {
      line += " \(done)/\(total) (\(done * 100 / total)%)"
    }
    line += " \(Int(elapsed)) s"
    let changed = lock.withLock {
      defer { drawnLine = line }
      return drawnLine != line
    }
    if changed { Terminal.writeError("\r\u{1B}[K" + line) }
    return true
  }
}
