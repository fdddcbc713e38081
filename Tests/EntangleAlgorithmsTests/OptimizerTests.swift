import EntangleTestSupport
import Foundation
import EntangleAlgorithms
import Testing

/// f(x) = ½xᵀAx − bᵀx with A symmetric positive definite; its minimiser solves Ax = b.
private enum Quadratic {
  static let matrix: [[Double]] = [[4, 1, 0], [1, 3, 1], [0, 1, 2]]
  static let vector: [Double] = [1, 2, 3]

  /// A⁻¹b by Cramer's rule, independently of the optimizers: x = (2/9, 1/9, 13/9), checked by hand.
  static var minimiser: [Double] {
    func determinant(_ m: [[Double]]) -> Double {
      m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1]) - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
        + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0])
    }
    let total = determinant(matrix)
    return (0..<3).map { column in
      determinant(matrix.enumerated().map { row, entries in
        entries.enumerated().map { $0.offset == column ? vector[row] : $0.element }
      }) / total
    }
  }

  static func value(_ x: [Double]) -> Double {
    var result = 0.0
    for i in 0..<3 {
      for j in 0..<3 { result += 0.5 * x[i] * matrix[i][j] * x[j] }
      result -= vector[i] * x[i]
    }
    return result
  }

  static func gradient(_ x: [Double]) -> [Double] {
    (0..<3).map { i in (0..<3).reduce(-vector[i]) { $0 + matrix[i][$1] * x[$1] } }
  }

  static let objective = Objective(dimension: 3, value: value, gradient: { (value($0), gradient($0)) })
  static let start: [Double] = [2, -1, 0.5]
}

/// The chained Rosenbrock function Σ 100(xᵢ₊₁ − xᵢ²)² + (1 − xᵢ)², minimum 0 at (1, …, 1).
private enum Rosenbrock {
  static func value(_ x: [Double]) -> Double {
    var sum = 0.0
    for i in 0..<(x.count - 1) {
      let inner: Double = x[i + 1] - x[i] * x[i]
      let outer: Double = 1 - x[i]
      sum += 100 * inner * inner + outer * outer
    }
    return sum
  }

  static func gradient(_ x: [Double]) -> [Double] {
    var result = [Double](repeating: 0, count: x.count)
    for i in 0..<(x.count - 1) {
      let inner = x[i + 1] - x[i] * x[i]
      result[i] += -400 * x[i] * inner - 2 * (1 - x[i])
      result[i + 1] += 200 * inner
    }
    return result
  }

  static func objective(dimension: Int) -> Objective {
    Objective(dimension: dimension, value: value, gradient: { (value($0), gradient($0)) })
  }

  /// (−1.2, 1, −1.2, 1, …), the classical start.
  static func start(dimension: Int) -> [Double] { (0..<dimension).map { $0 % 2 == 0 ? -1.2 : 1 } }
}

/// Gaussian noise of a fixed standard deviation from a seeded generator, safe to share with a `@Sendable` objective.
private final class Noise: @unchecked Sendable {
  private let lock = NSLock()
  private var generator: SeededGenerator
  private let deviation: Double

  init(seed: UInt64, deviation: Double) {
    generator = SeededGenerator(seed: seed)
    self.deviation = deviation
  }

  func next() -> Double {
    lock.lock()
    defer { lock.unlock() }
    return deviation * generator.nextGaussian()
  }
}

private func maximumDistance(_ a: [Double], _ b: [Double]) -> Double {
  zip(a, b).map { abs($0 - $1) }.max() ?? .infinity
}

@Suite("Optimizers")
struct OptimizerTests {
  // MARK: - Convex quadratic

  @Test("the independent minimiser solves Ax = b")
  func minimiserIsRight() {
    #expect(maximumDistance(Quadratic.minimiser, [2.0 / 9, 1.0 / 9, 13.0 / 9]) < 1e-14)
    #expect(maximumDistance(Quadratic.gradient(Quadratic.minimiser), [0, 0, 0]) < 1e-14)
  }

  @Test(
    "every optimizer finds the quadratic's minimum",
    arguments: [
      ("L-BFGS", LBFGS(stopping: StoppingCriteria(gradientTolerance: 1e-12)), 1e-8),
      ("gradient descent", GradientDescent(learningRate: 0.2, momentum: 0.5), 1e-6),
      ("Nesterov", GradientDescent(learningRate: 0.2, momentum: 0.5, nesterov: true), 1e-6),
      ("Adam", Adam(learningRate: 0.01, stopping: StoppingCriteria(maximumIterations: 20_000)), 1e-4),
      ("Nelder–Mead", NelderMead(), 1e-6),
      ("adaptive Nelder–Mead", NelderMead(adaptive: true), 1e-6),
    ] as [(String, any Optimizer, Double)])
  func quadratic(name: String, optimizer: any Optimizer, tolerance: Double) throws {
    let result = try optimizer.minimize(Quadratic.objective, from: Quadratic.start)
    #expect(maximumDistance(result.point, Quadratic.minimiser) < tolerance, "\(name): \(result)")
    #expect(abs(result.value - Quadratic.value(Quadratic.minimiser)) < tolerance, "\(name)")
    #expect(result.stopReason != .maximumIterations, "\(name): \(result.stopReason)")
  }

  @Test("SPSA with a seed finds the minimum of a noisy quadratic to 1e-2")
  func spsaOnNoisyQuadratic() throws {
    let noise = Noise(seed: 7, deviation: 0.01)
    let noisy = Objective(dimension: 3) { Quadratic.value($0) + noise.next() }
    let spsa = SPSA(seed: 42, stopping: StoppingCriteria(maximumIterations: 3000))
    let result = try spsa.minimize(noisy, from: Quadratic.start)
    #expect(maximumDistance(result.point, Quadratic.minimiser) < 1e-2, "\(result)")
    #expect(result.stopReason == .maximumIterations)
    // Calibration (2 · 25), two per iteration, one at the end.
    #expect(result.evaluations == EvaluationCounts(values: 50 + 2 * 3000 + 1, gradients: 0))
  }

  @Test("SPSA repeats exactly for the same seed and fixed gain")
  func spsaIsSeeded() throws {
    let objective = Objective(dimension: 3, value: Quadratic.value)
    let spsa = SPSA(gain: .fixed(0.1), seed: 3, stopping: StoppingCriteria(maximumIterations: 50))
    let first = try spsa.minimize(objective, from: Quadratic.start)
    let second = try spsa.minimize(objective, from: Quadratic.start)
    #expect(first.point == second.point && first.value == second.value)
  }

  // MARK: - Rosenbrock

  @Test("L-BFGS reaches (1, 1) on the 2-D Rosenbrock function to 1e-8")
  func lbfgsRosenbrock() throws {
    let optimizer = LBFGS(stopping: StoppingCriteria(valueTolerance: 0, gradientTolerance: 1e-11))
    let result = try optimizer.minimize(Rosenbrock.objective(dimension: 2), from: [-1.2, 1])
    #expect(maximumDistance(result.point, [1, 1]) < 1e-8, "\(result)")
    #expect(result.value < 1e-16)
    #expect(result.stopReason == .converged(.gradient))
    #expect(result.evaluations.total < 200 && result.evaluations.values == 0)
  }

  @Test("L-BFGS reaches (1, …, 1) on the 10-D Rosenbrock function")
  func lbfgsRosenbrock10() throws {
    let optimizer = LBFGS(stopping: StoppingCriteria(valueTolerance: 0, gradientTolerance: 1e-10))
    let result = try optimizer.minimize(Rosenbrock.objective(dimension: 10), from: Rosenbrock.start(dimension: 10))
    #expect(maximumDistance(result.point, [Double](repeating: 1, count: 10)) < 1e-8, "\(result)")
    #expect([.converged(.gradient), .converged(.step)].contains(result.stopReason), "\(result.stopReason)")
  }

  @Test(
    "first-order and simplex methods reach (1, 1) on the 2-D Rosenbrock function to 1e-4",
    arguments: [
      ("gradient descent", GradientDescent(learningRate: 1e-3, momentum: 0.9, stopping: StoppingCriteria(maximumIterations: 50_000))),
      ("Nesterov", GradientDescent(learningRate: 1e-3, momentum: 0.9, nesterov: true, stopping: StoppingCriteria(maximumIterations: 50_000))),
      ("Adam", Adam(learningRate: 0.01, stopping: StoppingCriteria(maximumIterations: 50_000))),
      ("Nelder–Mead", NelderMead(stopping: StoppingCriteria(maximumIterations: 5000))),
    ] as [(String, any Optimizer)])
  func rosenbrock(name: String, optimizer: any Optimizer) throws {
    let result = try optimizer.minimize(Rosenbrock.objective(dimension: 2), from: [-1.2, 1])
    #expect(maximumDistance(result.point, [1, 1]) < 1e-4, "\(name): \(result)")
    #expect(result.value < 1e-8, "\(name)")
  }

  // MARK: - Observers and stopping rules

  static let everyOptimizer: [(String, any Optimizer)] = [
    ("L-BFGS", LBFGS()), ("gradient descent", GradientDescent(learningRate: 1e-3)), ("Adam", Adam()),
    ("SPSA", SPSA()), ("Nelder–Mead", NelderMead()),
  ]

  @Test("the observer is called once per iteration, in order", arguments: everyOptimizer)
  func observerOncePerIteration(name: String, optimizer: any Optimizer) throws {
    var seen: [Int] = []
    var evaluations: [Int] = []
    let result = try optimizer.minimize(Rosenbrock.objective(dimension: 2), from: [-1.2, 1]) { progress in
      seen.append(progress.iteration)
      evaluations.append(progress.evaluations.total)
      #expect(progress.point.count == 2 && progress.value.isFinite)
      return .continue
    }
    #expect(seen == Array(1...result.iterations), "\(name)")
    #expect(evaluations == evaluations.sorted() && evaluations.last ?? 0 <= result.evaluations.total, "\(name)")
  }

  @Test("the observer can stop the run", arguments: everyOptimizer)
  func observerStops(name: String, optimizer: any Optimizer) throws {
    var calls = 0
    let result = try optimizer.minimize(Rosenbrock.objective(dimension: 2), from: [-1.2, 1]) { progress in
      calls += 1
      return progress.iteration == 5 ? .stop : .continue
    }
    #expect(result.stopReason == .stoppedByObserver && result.iterations == 5 && calls == 5, "\(name): \(result)")
  }

  @Test("maximumIterations and maximumEvaluations are honoured", arguments: everyOptimizer)
  func limits(name: String, optimizer: any Optimizer) throws {
    var limited = optimizer
    limited.stopping = StoppingCriteria(maximumIterations: 7)
    let byIterations = try limited.minimize(Rosenbrock.objective(dimension: 2), from: [-1.2, 1])
    #expect(byIterations.stopReason == .maximumIterations && byIterations.iterations == 7, "\(name): \(byIterations)")

    limited.stopping = StoppingCriteria(maximumEvaluations: 20)
    let byEvaluations = try limited.minimize(Rosenbrock.objective(dimension: 2), from: [-1.2, 1])
    #expect(byEvaluations.stopReason == .maximumEvaluations, "\(name): \(byEvaluations)")
    // The budget is checked between iterations: one iteration may overrun it by its own cost (a line
    // search, a shrink; for SPSA, the 50 evaluations of the calibration before the first iteration).
    #expect(byEvaluations.evaluations.total >= 20 && byEvaluations.evaluations.total <= 20 + 53, "\(name)")
  }

  @Test("the result is the best point evaluated, with its value")
  func resultIsConsistent() throws {
    for (name, optimizer) in Self.everyOptimizer where name != "SPSA" {
      let result = try optimizer.minimize(Quadratic.objective, from: Quadratic.start)
      #expect(result.value == Quadratic.value(result.point), "\(name)")
    }
  }

  // MARK: - Errors

  @Test("a start point of the wrong size is refused, naming both sizes", arguments: everyOptimizer)
  func dimensionMismatch(name: String, optimizer: any Optimizer) throws {
    let error = #expect(throws: AlgorithmError.dimensionMismatch(name: "the start point", expected: 3, actual: 2)) {
      try optimizer.minimize(Quadratic.objective, from: [1, 2])
    }
    #expect(error?.description == "the start point has 2 entries; the objective has dimension 3")
  }

  @Test("gradient-based optimizers refuse an objective without a gradient")
  func gradientRequired() throws {
    let objective = Objective(dimension: 3, value: Quadratic.value)
    #expect(throws: AlgorithmError.gradientRequired(optimizer: "LBFGS")) { try LBFGS().minimize(objective, from: Quadratic.start) }
    #expect(throws: AlgorithmError.gradientRequired(optimizer: "Adam")) { try Adam().minimize(objective, from: Quadratic.start) }
    #expect(throws: AlgorithmError.gradientRequired(optimizer: "GradientDescent")) {
      try GradientDescent().minimize(objective, from: Quadratic.start)
    }
  }

  @Test("a non-finite value or gradient is reported with the point", arguments: everyOptimizer)
  func nonFinite(name: String, optimizer: any Optimizer) throws {
    let objective = Objective(dimension: 1, value: { _ in .nan }, gradient: { _ in (1, [.infinity]) })
    let error = #expect(throws: AlgorithmError.self) { try optimizer.minimize(objective, from: [0.5]) }
    guard case .nonFiniteObjective(_, let point) = error else {
      Issue.record("\(name): \(String(describing: error))")
      return
    }
    #expect(point == [0.5] || name == "SPSA", "\(name)")
  }

  @Test("a gradient of the wrong length is refused")
  func wrongGradientLength() {
    let objective = Objective(dimension: 2, value: { _ in 0 }, gradient: { _ in (0, [1]) })
    #expect(throws: AlgorithmError.dimensionMismatch(name: "the gradient", expected: 2, actual: 1)) {
      try Adam().minimize(objective, from: [0, 0])
    }
  }

  @Test("settings out of range are refused with their name")
  func invalidSettings() {
    #expect(throws: AlgorithmError.invalidArgument(name: "learningRate", value: "-1.0", expected: "positive and finite")) {
      try GradientDescent(learningRate: -1).minimize(Quadratic.objective, from: Quadratic.start)
    }
    #expect(throws: AlgorithmError.invalidArgument(name: "maximumIterations", value: "0", expected: "at least 1")) {
      try NelderMead(stopping: StoppingCriteria(maximumIterations: 0)).minimize(Quadratic.objective, from: Quadratic.start)
    }
    #expect(throws: AlgorithmError.self) { try LBFGS(memory: 0).minimize(Quadratic.objective, from: Quadratic.start) }
    #expect(throws: AlgorithmError.self) { try SPSA(perturbation: 0).minimize(Quadratic.objective, from: Quadratic.start) }
  }

  @Test("an error thrown by the objective reaches the caller unchanged")
  func objectiveErrorPropagates() {
    struct Failure: Error, Equatable {}
    let objective = Objective(dimension: 1, value: { _ in throw Failure() }, gradient: { _ in throw Failure() })
    for (_, optimizer) in Self.everyOptimizer {
      #expect(throws: Failure()) { try optimizer.minimize(objective, from: [0]) }
    }
  }
}
