import Testing
import EntangleAlgorithms

@Suite struct AlgorithmErrorTests {
  @Test func messageNamesTheArgumentAndWhatItMustBe() {
    let error = AlgorithmError.invalidArgument(name: "bond length", value: "-0.5 Å", expected: "positive")
    #expect(error.description == "bond length is -0.5 Å; it must be positive")
  }
}
