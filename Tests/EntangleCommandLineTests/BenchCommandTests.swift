import Testing

@testable import EntangleCommandLine

@Suite("entangle bench")
struct BenchCommandTests {
  @Test("The JSON object has peers.py's fields, with peer \"entangle\"")
  func fields() throws {
    let file = try TemporaryQASMFile(Programs.bell, name: "bell_2")
    let result = CommandInvocation(["bench", file.path, "--repeat", "3", "--threads", "1", "--format", "json"])
    #expect(result.exitCode == 0)
    let object = try jsonObject(result.standardOutput)
    #expect(object["file"] as? String == "bell_2.qasm")
    #expect(object["qubits"] as? Int == 2)
    #expect(object["gates"] as? Int == 2)
    #expect(object["threads"] as? Int == 1)
    #expect(object["peer"] as? String == "entangle")
    #expect(object["runs"] as? Int == 3)
    #expect(object["precision"] as? String == "complex128")
    let median = try #require(object["median_s"] as? Double)
    let minimum = try #require(object["min_s"] as? Double)
    let maximum = try #require(object["max_s"] as? Double)
    #expect(minimum > 0 && minimum <= median && median <= maximum)
    for key in ["version", "warmup_s", "cpu_per_wall"] { #expect(object.keys.contains(key)) }
  }
}
