import EntangleCircuits
import RealModule
import Testing

@Suite("Parameter expressions")
struct ParameterTests {
  let theta = Parameter("theta")
  let phi = Parameter("phi")

  @Test("arithmetic evaluates as written: 2θ + π/4, θ − φ, θ/φ, −θ")
  func arithmetic() throws {
    let bindings = ["theta": 0.1, "phi": -0.7]
    #expect(abs(try (2 * theta + .pi / 4).value(bindings) - (0.2 + Double.pi / 4)) < 1e-15)
    #expect(try (theta - phi).value(bindings) == 0.1 - -0.7)
    #expect(try (theta / phi).value(bindings) == 0.1 / -0.7)
    #expect(try (theta * phi).value(bindings) == 0.1 * -0.7)
    #expect(try (-theta).value(bindings) == -0.1)
    #expect(try (1 - theta).value(bindings) == 1 - 0.1)
    #expect(try (theta / 4 + 3 / phi).value(bindings) == 0.1 / 4 + 3 / -0.7)
    #expect(try (-(theta + phi)).value(bindings) == -(0.1 + -0.7))
  }

  @Test("functions: sin, cos, tan, exp, log, sqrt, pow")
  func functions() throws {
    let x = 0.37
    let bindings = ["theta": x]
    #expect(try sin(theta).value(bindings) == Double.sin(x))
    #expect(try cos(theta).value(bindings) == Double.cos(x))
    #expect(try tan(theta).value(bindings) == Double.tan(x))
    #expect(try exp(theta).value(bindings) == Double.exp(x))
    #expect(try log(theta).value(bindings) == Double.log(x))
    #expect(try sqrt(theta).value(bindings) == x.squareRoot())
    #expect(try pow(theta, 3).value(bindings) == Double.pow(x, 3))
    #expect(try pow(2, theta).value(bindings) == Double.pow(2, x))
    #expect(abs(try (sin(theta) * sin(theta) + cos(theta) * cos(theta)).value(bindings) - 1) < 1e-15)
    #expect(abs(try exp(log(theta)).value(bindings) - x) < 1e-15)
  }

  @Test("constant operands fold at once")
  func constantFolding() throws {
    #expect(Parameter(0.5) * 2 == Parameter(1.0))
    #expect(Parameter(1) + 2 == 3)
    #expect(-Parameter(3) == Parameter(-3))
    #expect(sin(Parameter(0.5)) == Parameter(Double.sin(0.5)))
    #expect(pow(Parameter(2), Parameter(10)) == 1024)
    #expect(-(-theta) == theta)
    #expect((2 * theta).isConstant == false)
    #expect(Parameter.pi.isConstant)
    #expect((theta + phi * 2).symbols == ["theta", "phi"])
    #expect(try Parameter.pi.value() == Double.pi)
  }

  @Test("description is OpenQASM syntax", arguments: [
    (2 * Parameter("theta") + .pi / 4, "2*theta+pi/4"),
    (-Parameter("theta"), "-theta"),
    (Parameter("a") - (Parameter("b") - Parameter("c")), "a-(b-c)"),
    ((Parameter("a") + Parameter("b")) * Parameter("c"), "(a+b)*c"),
    (Parameter("a") / (Parameter("b") * Parameter("c")), "a/(b*c)"),
    (Parameter("a") * Parameter("b") / Parameter("c"), "a*b/c"),
    (pow(Parameter("a"), Parameter("b") + 1), "a^(b+1)"),
    (log(Parameter("x")), "ln(x)"),
    (sqrt(Parameter("x")) + sin(-Parameter("y")), "sqrt(x)+sin(-y)"),
    (-(Parameter("a") + Parameter("b")), "-(a+b)"),
    (Parameter(0.25), "0.25"),
    (Parameter(3), "3"),
    (Parameter.pi / 2, "pi/2"),
  ])
  func description(_ parameter: Parameter, _ text: String) {
    #expect(parameter.description == text)
  }

  @Test("an unbound symbol throws unboundParameter, also from Gate.matrix")
  func unbound() throws {
    #expect(throws: CircuitError.unboundParameter(name: "phi")) { try (theta + phi).value(["theta": 1]) }
    #expect(throws: CircuitError.unboundParameter(name: "theta")) { try Gate.rx(theta).matrix() }
    #expect(throws: CircuitError.unboundParameter(name: "phi")) { try Gate.u(theta: 1, phi: phi, lambda: 2).matrix() }
    let error = CircuitError.unboundParameter(name: "phi")
    #expect(error.description.contains("'phi'"))
    #expect(try Gate.rx(theta).matrix(["theta": 0.5]) == Gate.rx(0.5).matrix())
  }

  @Test("non-finite values throw nonFiniteParameter")
  func nonFinite() throws {
    #expect(throws: CircuitError.self) { try Gate.rx(theta).matrix(["theta": .infinity]) }
    #expect(throws: CircuitError.self) { try Gate.rz(theta).matrix(["theta": .nan]) }
    #expect(throws: CircuitError.self) { try sqrt(theta).value(["theta": -1]) }
    #expect(throws: CircuitError.self) { try (1 / theta).value(["theta": 0]) }
    do {
      _ = try log(theta).value(["theta": 0])
      Issue.record("log(0) should throw")
    } catch let error {
      guard case let .nonFiniteParameter(expression, value) = error else {
        Issue.record("expected nonFiniteParameter, got \(error)")
        return
      }
      #expect(expression == "ln(theta)")
      #expect(value == -.infinity)
    }
  }

  @Test("substituting every symbol leaves a constant")
  func substitutionFolds() {
    #expect((2 * theta).substituting(["theta": 0.25]) == Parameter(0.5))
    #expect((theta + phi).substituting(["theta": 1, "phi": 2]).description == "3")
    #expect(sin(theta).substituting(["theta": 0]) == Parameter(0))
  }

  @Test("substituting replaces only the named symbols")
  func substituting() throws {
    let expression = theta * phi + 1
    let half = expression.substituting(["theta": 2])
    #expect(half.symbols == ["phi"])
    #expect(try half.value(["phi": 3]) == 7)
    #expect(Gate.rzz(theta).substituting(["theta": 0.5]) == .rzz(0.5))
    #expect(Gate.u2(phi: theta, lambda: phi).substituting(["phi": 1]).symbols == ["theta"])
  }
}
