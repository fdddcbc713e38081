import Foundation
import Testing

@testable import EntangleRuntime

@Suite("A run killed midway")
struct KilledRunTests {
  /// The `checkpoint-demo` executable, built beside the test bundle.
  static var demo: URL? {
    var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for _ in 0..<4 {
      let candidate = directory.appendingPathComponent("checkpoint-demo")
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
      directory = directory.deletingLastPathComponent()
    }
    return nil
  }

  @Test("after SIGKILL, a re-run recomputes nothing that was stored")
  func killAndResume() async throws {
    let demo = try #require(Self.demo, "build the checkpoint-demo product first (swift build)")
    let directory = Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let storeURL = directory.appendingPathComponent("store")
    let logURL = directory.appendingPathComponent("computed.txt")
    let arguments = ["--store", storeURL.path, "--log", logURL.path, "--tasks", "24", "--milliseconds", "200"]

    let first = Process()
    first.executableURL = demo
    first.arguments = arguments
    first.standardOutput = FileHandle.nullDevice
    try first.run()
    // The quantum tasks finish at once; wait for some classical steps to be stored too. The
    // store is watched from a dispatch thread, which busy test suites cannot starve as they
    // can Swift's cooperative pool.
    let store = try CheckpointStore(directory: storeURL)
    let process = first.processIdentifier
    await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
      DispatchQueue.global().async {
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
          let keys = store.keys
          if keys.filter({ $0.hasPrefix("step") }).count >= 4 || keys.count == 49 { break }
          usleep(2_000)
        }
        kill(process, SIGKILL)
        continuation.resume()
      }
    }
    first.waitUntilExit()
    #expect(first.terminationReason == .uncaughtSignal)
    let stored = Set(store.keys)
    let storedSteps = stored.filter { $0.hasPrefix("step") }
    #expect(storedSteps.count >= 4 && storedSteps.count < 24)
    let firstLog = (try? String(contentsOf: logURL, encoding: .utf8)) ?? ""
    let firstLines = firstLog.split(separator: "\n").count

    let second = Process()
    second.executableURL = demo
    second.arguments = arguments
    let output = Pipe()
    second.standardOutput = output
    try second.run()
    let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    second.waitUntilExit()
    #expect(second.terminationStatus == 0)
    let secondLog = try String(contentsOf: logURL, encoding: .utf8).split(separator: "\n").dropFirst(firstLines)
    let recomputed = Set(secondLog.map(String.init))
    #expect(recomputed.isDisjoint(with: stored), "recomputed stored tasks: \(recomputed.intersection(stored))")
    #expect(recomputed.contains("total"))
    #expect(printed.contains("loaded \(stored.count) from the checkpoint store"))
    #expect(store.keys.count == 49)
  }
}
