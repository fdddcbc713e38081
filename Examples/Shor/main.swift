// Shor's algorithm: factor a small odd composite N through quantum order finding.
//
//   swift run -c release shor [--number N] [--base a] [--seed s] [--max-attempts k] [--json]
//
// 2n counting qubits and n work qubits (n = ⌈log₂ N⌉; 18 qubits for N = 35): controlled modular
// multiplications as permutation unitaries, the inverse QFT as one FFTW transform, then continued
// fractions, a check that a^r ≡ 1 (mod N), and gcd(a^(r/2) ± 1, N). See Examples/README.md.
import ArgumentParser
import Entangle
import Foundation

struct ShorExample: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "shor",
    abstract: "Factor N = 15, 21, 35, … (odd, composite, not a prime power, N ≤ 127) with Shor's algorithm.")

  @Option(help: "The number to factor.")
  var number = 15

  @Option(help: "The base a in 2...N−2 (default: chosen at random from the seed for each round).")
  var base: Int?

  @Option(help: "The seed of the base choices and measurement samples.")
  var seed: UInt64 = 10

  @Option(help: "The most order-finding runs before giving up.")
  var maxAttempts = 20

  @Flag(help: "Print one JSON object instead of the report.")
  var json = false

  func run() throws {
    do {
      let shor = try ShorFactoring(number: number)
      let start = ContinuousClock.now
      let result = try shor.factor(base: base, seed: seed, maximumAttempts: maxAttempts)
      let elapsed = ContinuousClock.now - start
      let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
      if json {
        let object: [String: Any] = [
          "number": result.number, "factors": result.factors, "base": result.base,
          "order": result.order.map { $0 as Any } ?? NSNull(), "attempts": result.attempts,
          "measurements": result.measurements, "qubits": 3 * shor.workQubits,
        ]
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        print(String(decoding: data, as: UTF8.self))
        return
      }
      let n = shor.workQubits
      print("Shor's algorithm for N = \(number): \(2 * n) counting + \(n) work = \(3 * n) qubits")
      print("base a = \(result.base)")
      if let order = result.order {
        print("measured counting values \(result.measurements) (out of 2^\(2 * n) = \(1 << (2 * n)))")
        print("order r = \(order): \(result.base)^\(order) ≡ 1 (mod \(number)); gcd(\(result.base)^\(order / 2) ± 1, \(number))")
      } else {
        print("gcd(\(result.base), \(number)) = \(result.factors[0]) > 1: a factor without order finding for this base")
      }
      print("\(number) = \(result.factors[0]) × \(result.factors[1])  "
        + "(\(result.attempts) order-finding run\(result.attempts == 1 ? "" : "s") in \(String(format: "%.3f", seconds)) s)")
    } catch {
      FileHandle.standardError.write(Data("shor: error: \(error)\n".utf8))
      throw ExitCode.failure
    }
  }
}

ShorExample.main()
