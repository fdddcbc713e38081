/// What the simulator makes of a circuit after fusion, QFT recognition and cache blocking:
/// the numbers that set its time.
public struct ExecutionSummary: Sendable, Equatable {
  /// Passes over the whole state in memory: one per cache-blocked segment, one per step
  /// outside a segment (an FFTW transform counts one, though it may take two or three).
  public let memoryPasses: Int
  /// Kernel steps (fused gates) inside and outside segments; peers call these fused ops.
  public let kernelSteps: Int
  /// Cache-blocked segments.
  public let segments: Int
  /// QFT blocks run as FFTW transforms.
  public let fourierTransforms: Int
  /// Measurements, resets and classically conditioned steps.
  public let nonUnitarySteps: Int

  init(_ plan: ExecutionPlan) {
    var passes = 0
    var kernels = 0
    var segments = 0
    var transforms = 0
    var other = 0
    for step in plan.steps {
      switch step {
      case .segment(let segment):
        segments += 1
        passes += 1
        kernels += segment.steps.count
      case .dense, .diagonal, .permutation:
        passes += 1
        kernels += 1
      case .fourier:
        passes += 1
        transforms += 1
      case .measure, .reset, .conditioned:
        other += 1
      }
    }
    memoryPasses = passes
    kernelSteps = kernels
    self.segments = segments
    fourierTransforms = transforms
    nonUnitarySteps = other
  }
}
