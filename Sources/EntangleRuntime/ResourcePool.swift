/// Memory and threads handed out first come, first served, never more than the budget;
/// the peak in use is recorded. What ``LocalExecutor`` runs its jobs under.
actor ResourcePool {
  let budget: ResourceBudget
  private var inUse = ResourceBudget(memoryBytes: 0, threads: 0)
  private(set) var peak = ResourceBudget(memoryBytes: 0, threads: 0)
  private var waiters: [(need: ResourceBudget, continuation: CheckedContinuation<Void, Never>)] = []

  init(budget: ResourceBudget) { self.budget = budget }

  /// Waits until `need` fits beside what is in use, then takes it.
  /// - Throws: ``TaskError/exceedsBudget(task:needed:budget:)`` at once if it never can.
  func acquire(_ need: ResourceBudget, for task: String) async throws(TaskError) {
    guard budget.contains(need) else { throw .exceedsBudget(task: task, needed: need, budget: budget) }
    if waiters.isEmpty, fits(need) {
      take(need)
      return
    }
    await withCheckedContinuation { waiters.append((need, $0)) }
  }

  /// Gives `need` back and wakes the waiters that now fit, in order.
  func release(_ need: ResourceBudget) {
    inUse.memoryBytes -= need.memoryBytes
    inUse.threads -= need.threads
    while let first = waiters.first, fits(first.need) {
      waiters.removeFirst()
      take(first.need)
      first.continuation.resume()
    }
  }

  private func fits(_ need: ResourceBudget) -> Bool {
    need.memoryBytes <= budget.memoryBytes - inUse.memoryBytes && need.threads <= budget.threads - inUse.threads
  }

  private func take(_ need: ResourceBudget) {
    inUse.memoryBytes += need.memoryBytes
    inUse.threads += need.threads
    peak.memoryBytes = Swift.max(peak.memoryBytes, inUse.memoryBytes)
    peak.threads = Swift.max(peak.threads, inUse.threads)
  }
}
