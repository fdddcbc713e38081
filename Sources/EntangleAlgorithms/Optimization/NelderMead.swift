/// The Nelder–Mead downhill simplex method: a derivative-free search that moves a simplex of
/// n + 1 points by reflection, expansion, contraction and shrinking (Nelder & Mead, "A simplex
/// method for function minimization", Computer Journal 7, 1965, in the form of Lagarias, Reeds,
/// Wright & Wright, SIAM J. Optim. 9, 1998).
///
/// Standard coefficients: reflection ρ = 1, expansion χ = 2, contraction γ = 1/2, shrink σ = 1/2.
/// With ``adaptive`` they follow the dimension n as Gao & Han advise ("Implementing the Nelder-Mead
/// simplex algorithm with adaptive parameters", Comput. Optim. Appl. 51, 2012): χ = 1 + 2/n,
/// γ = 3/4 − 1/(2n), σ = 1 − 1/n, which keeps the method effective for n beyond about 10.
///
/// The start simplex is the start point and, for each coordinate i, the start point moved along
/// axis i by ``initialStep`` (by default 5% of the coordinate, or 0.00025 for a zero one, as SciPy does).
/// Convergence test: the simplex is within ``StoppingCriteria/stepTolerance`` of its best vertex in
/// every coordinate *and* its values spread by at most ``StoppingCriteria/valueTolerance`` ·
/// max(1, |f_best|); it is reported as ``ConvergenceCriterion/step``.
/// Progress reports the best vertex.
/// - Complexity: n + 1 evaluations to start, then one or two per iteration (n + 2 when the
///   simplex shrinks). Needs no gradient.
public struct NelderMead: Optimizer {
  /// Whether to use Gao & Han's dimension-dependent coefficients.
  public var adaptive: Bool
  /// The distance from the start point to the other vertices of the start simplex, or `nil` for
  /// 5% of each coordinate (0.00025 for a zero coordinate).
  public var initialStep: Double?
  /// When a run ends.
  public var stopping: StoppingCriteria

  /// A configured optimizer.
  public init(adaptive: Bool = false, initialStep: Double? = nil, stopping: StoppingCriteria = StoppingCriteria()) {
    self.adaptive = adaptive
    self.initialStep = initialStep
    self.stopping = stopping
  }

  public func minimize(
    _ objective: Objective, from start: [Double], observer: ((OptimizationProgress) -> OptimizationDecision)?
  ) throws -> OptimizationResult {
    if let initialStep, !(initialStep != 0 && initialStep.isFinite) {
      throw AlgorithmError.invalidArgument(name: "initialStep", value: "\(initialStep)", expected: "non-zero and finite")
    }
    var run = try OptimizationRun(
      optimizer: "NelderMead", objective: objective, start: start, stopping: stopping, needsGradient: false,
      observer: observer)
    let n = Double(start.count)
    let reflection = 1.0
    let expansion = adaptive ? 1 + 2 / n : 2
    let contraction = adaptive ? 0.75 - 1 / (2 * n) : 0.5
    let shrink = adaptive ? 1 - 1 / n : 0.5

    var vertices = [start]
    for index in start.indices {
      var vertex = start
      vertex[index] += initialStep ?? (start[index] == 0 ? 0.00025 : 0.05 * start[index])
      vertices.append(vertex)
    }
    var values: [Double] = []
    for vertex in vertices { values.append(try run.value(at: vertex)) }

    while true {
      // Order best to worst; ties keep the older vertex first.
      let order = values.indices.sorted { values[$0] < values[$1] || (values[$0] == values[$1] && $0 < $1) }
      vertices = order.map { vertices[$0] }
      values = order.map { values[$0] }
      let worst = vertices.count - 1
      let centroid = vertices[..<worst].reduce([Double](repeating: 0, count: start.count)) { $0.adding($1) }
        .scaled(by: 1 / n)
      let away = centroid.adding(vertices[worst], scaledBy: -1)  // c − x_worst

      let reflected = centroid.adding(away, scaledBy: reflection)
      let reflectedValue = try run.value(at: reflected)
      var replacement: (point: [Double], value: Double)?
      if reflectedValue < values[0] {
        let expanded = centroid.adding(away, scaledBy: reflection * expansion)
        let expandedValue = try run.value(at: expanded)
        replacement = expandedValue < reflectedValue ? (expanded, expandedValue) : (reflected, reflectedValue)
      } else if reflectedValue < values[worst - 1] {
        replacement = (reflected, reflectedValue)
      } else if reflectedValue < values[worst] {
        let outside = centroid.adding(away, scaledBy: reflection * contraction)
        let outsideValue = try run.value(at: outside)
        if outsideValue <= reflectedValue { replacement = (outside, outsideValue) }
      } else {
        let inside = centroid.adding(away, scaledBy: -contraction)
        let insideValue = try run.value(at: inside)
        if insideValue < values[worst] { replacement = (inside, insideValue) }
      }
      if let replacement {
        vertices[worst] = replacement.point
        values[worst] = replacement.value
      } else {
        for index in 1...worst {
          vertices[index] = vertices[0].adding(vertices[index].adding(vertices[0], scaledBy: -1), scaledBy: shrink)
          values[index] = try run.value(at: vertices[index])
        }
      }

      let best = values.indices.reduce(0) { values[$1] < values[$0] ? $1 : $0 }
      let size = vertices.map { vertex in zip(vertex, vertices[best]).map { abs($0 - $1) }.max() ?? 0 }.max() ?? 0
      let spread = (values.max() ?? 0) - values[best]
      let converged: ConvergenceCriterion? =
        size <= stopping.stepTolerance && spread <= stopping.valueTolerance * Swift.max(1, abs(values[best]))
        ? .step : nil
      if let reason = run.finishIteration(
        value: values[best], gradientNorm: nil, point: vertices[best], converged: converged)
      {
        return run.result(reason)
      }
    }
  }
}
