import CFFTW
import Foundation

/// What an FFTW plan depends on: two plans with equal keys are interchangeable.
///
/// Lengths and strides count amplitudes (complex numbers), as FFTW's do.
struct FourierTransformPlanKey: Hashable {
  /// A loop dimension of the guru interface: `count` transforms `stride` amplitudes apart.
  struct Dimension: Hashable {
    var count: Int
    var stride: Int
  }

  var isSinglePrecision: Bool
  /// The transform: 2^k amplitudes, `stride` apart.
  var transform: Dimension
  /// The batch: one transform per point of these loops (at most two here).
  var batches: [Dimension]
  /// `FFTW_BACKWARD` (+1, the QFT) or `FFTW_FORWARD` (−1, its inverse).
  var sign: Int32
  /// `fftw_alignment_of` of the array: a plan runs only on arrays aligned as the one it was made for.
  var alignment: Int32
  /// Planned with `FFTW_MEASURE` (which overwrites the planning array) rather than `FFTW_ESTIMATE`.
  var isMeasured = false
}

/// An FFTW plan (double or single precision), destroyed when the last reference goes.
///
/// Executing a plan is thread-safe in FFTW; making and destroying one is not, so both happen
/// under ``FourierTransformPlanCache``'s lock.
final class FourierTransformPlan: @unchecked Sendable {
  private enum Handle {
    case double(fftw_plan)
    case single(fftwf_plan)
  }

  private let handle: Handle

  /// Seconds FFTW may spend measuring candidate plans for one measured key. The measured plans
  /// are row transforms of at most 2^15 points, which FFTW plans in 0.15–1 s here; wisdom kept
  /// in memory makes later plans of the same size quick.
  static let measuringTimeLimit = 1.0

  /// Makes an in-place plan for `key`: with `FFTW_ESTIMATE`, which leaves `array` untouched, or
  /// for a measured key with `FFTW_MEASURE`, which overwrites it and plans for up to
  /// `measuringTimeLimit` seconds. Call only with the planner lock held. Returns `nil` if FFTW
  /// cannot plan the problem.
  fileprivate init?(key: FourierTransformPlanKey, array: UnsafeMutableRawPointer) {
    let transform = [
      fftw_iodim64(n: key.transform.count, is: key.transform.stride, os: key.transform.stride)
    ]
    let batches = key.batches.map { fftw_iodim64(n: $0.count, is: $0.stride, os: $0.stride) }
    let flags = key.isMeasured ? UInt32(FFTW_MEASURE) : UInt32(FFTW_ESTIMATE)
    if key.isSinglePrecision {
      fftwf_set_timelimit(Self.measuringTimeLimit)
      let data = UnsafeMutablePointer<fftwf_complex>(OpaquePointer(array))
      guard
        let plan = fftwf_plan_guru64_dft(
          1, transform, Int32(batches.count), batches, data, data, key.sign, flags)
      else { return nil }
      handle = .single(plan)
    } else {
      fftw_set_timelimit(Self.measuringTimeLimit)
      let data = UnsafeMutablePointer<fftw_complex>(OpaquePointer(array))
      guard
        let plan = fftw_plan_guru64_dft(
          1, transform, Int32(batches.count), batches, data, data, key.sign, flags)
      else { return nil }
      handle = .double(plan)
    }
  }

  deinit {
    FourierTransformPlanCache.shared.withPlannerLock {
      switch handle {
      case .double(let plan): fftw_destroy_plan(plan)
      case .single(let plan): fftwf_destroy_plan(plan)
      }
    }
  }

  /// Runs the plan in place on `array`, which must be aligned as the planning array was
  /// (the key's `alignment`) and hold the same layout.
  func execute(on array: UnsafeMutableRawPointer) {
    switch handle {
    case .double(let plan):
      let data = UnsafeMutablePointer<fftw_complex>(OpaquePointer(array))
      fftw_execute_dft(plan, data, data)
    case .single(let plan):
      let data = UnsafeMutablePointer<fftwf_complex>(OpaquePointer(array))
      fftwf_execute_dft(plan, data, data)
    }
  }
}

/// The FFTW plans made so far, most recently used last, and the lock that serialises FFTW's planner.
///
/// The FFTW planner (plan creation and destruction) is not thread-safe, so
/// every call into it holds `lock`; execution of an existing plan needs no lock. The lock is
/// recursive because evicting a plan may run its `deinit`, which takes the lock again.
/// Plans hold twiddle tables as large as the transform (a 24-qubit plan, 256 MiB in `Double`
/// at worst, shared between plans by FFTW), so the cache keeps at most `capacity` plans.
final class FourierTransformPlanCache: @unchecked Sendable {
  static let shared = FourierTransformPlanCache(capacity: 32)

  private let lock = NSRecursiveLock()
  private let capacity: Int
  private var plans: [FourierTransformPlanKey: FourierTransformPlan] = [:]
  private var recency: [FourierTransformPlanKey] = []

  private init(capacity: Int) {
    self.capacity = capacity
  }

  func withPlannerLock<Result>(_ body: () throws -> Result) rethrows -> Result {
    lock.lock()
    defer { lock.unlock() }
    return try body()
  }

  /// The cached plan for `key`, or a new one made on `array` (which `FFTW_ESTIMATE` does not
  /// touch; a measured key's planning overwrites it).
  /// - Throws: `FourierTransformError.planCreationFailed` if FFTW returns no plan.
  func plan(for key: FourierTransformPlanKey, planningOn array: UnsafeMutableRawPointer) throws
    -> FourierTransformPlan
  {
    try withPlannerLock {
      if let plan = plans[key] {
        if let position = recency.lastIndex(of: key), position != recency.count - 1 {
          recency.remove(at: position)
          recency.append(key)
        }
        return plan
      }
      guard let plan = FourierTransformPlan(key: key, array: array) else {
        throw FourierTransformError.planCreationFailed(
          length: key.transform.count, batches: key.batches.map(\.count),
          singlePrecision: key.isSinglePrecision)
      }
      plans[key] = plan
      recency.append(key)
      if recency.count > capacity {
        plans[recency.removeFirst()] = nil
      }
      return plan
    }
  }

  /// Destroys every cached plan (plans still in use live until their last user lets go).
  func removeAll() {
    withPlannerLock {
      plans.removeAll()
      recency.removeAll()
    }
  }
}
