import Foundation

/// A directory of finished task results, one file per task key, so that a re-run of the same
/// graph loads them instead of computing them again.
///
/// Each result is written as soon as its task succeeds, atomically: to a temporary file in the
/// same directory, then renamed over the final name (POSIX `rename`), so a run killed at any
/// moment leaves every file either complete or absent. A file is named by a hash of the key
/// and holds the key itself, checked on reading. Only tasks whose output is `Codable` are stored.
public struct CheckpointStore: Sendable {
  /// The directory holding the results.
  public let directory: URL

  private struct Record: Codable {
    var key: String
    var value: Data
  }

  /// A store in `directory`, created (with its parents) if missing.
  ///
  /// - Throws: ``TaskError/checkpoint(path:reason:)`` when the directory cannot be created.
  public init(directory: URL) throws(TaskError) {
    self.directory = directory
    do {
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    } catch {
      throw .checkpoint(path: directory.path, reason: "cannot create the directory: \(error.localizedDescription)")
    }
  }

  /// Whether a result is stored under `key`.
  public func contains(key: String) -> Bool {
    (try? load(key: key)) != nil
  }

  /// The keys of every stored result, sorted.
  ///
  /// - Complexity: reads every file of the directory.
  public var keys: [String] {
    let files = (try? FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)) ?? []
    return files.filter { $0.pathExtension == "json" && !$0.lastPathComponent.hasPrefix(".") }
      .compactMap { try? JSONDecoder().decode(Record.self, from: Data(contentsOf: $0)).key }.sorted()
  }

  /// Removes every stored result.
  ///
  /// - Throws: ``TaskError/checkpoint(path:reason:)`` for a file that cannot be removed.
  public func removeAll() throws(TaskError) {
    let files = (try? FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)) ?? []
    for file in files where file.pathExtension == "json" || file.pathExtension == "tmp" {
      do {
        try FileManager.default.removeItem(at: file)
      } catch {
        throw .checkpoint(path: file.path, reason: "cannot remove: \(error.localizedDescription)")
      }
    }
  }

  /// The encoded result stored under `key`, or `nil` when there is none.
  ///
  /// - Throws: ``TaskError/checkpoint(path:reason:)`` for a file that exists but cannot be read
  ///   or holds another key.
  func load(key: String) throws(TaskError) -> Data? {
    let url = fileURL(for: key)
    guard FileManager.default.fileExists(atPath: url.path) else { return nil }
    do {
      let record = try JSONDecoder().decode(Record.self, from: Data(contentsOf: url))
      guard record.key == key else {
        throw TaskError.checkpoint(path: url.path, reason: "holds the key '\(record.key)', not '\(key)'")
      }
      return record.value
    } catch let error as TaskError {
      throw error
    } catch {
      throw .checkpoint(path: url.path, reason: "unreadable: \(error.localizedDescription)")
    }
  }

  /// Stores `value` under `key`, replacing any earlier result atomically.
  ///
  /// - Throws: ``TaskError/checkpoint(path:reason:)`` when the file cannot be written or renamed.
  func save(_ value: Data, key: String) throws(TaskError) {
    let url = fileURL(for: key)
    let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
    do {
      try JSONEncoder().encode(Record(key: key, value: value)).write(to: temporary)
    } catch {
      throw .checkpoint(path: temporary.path, reason: "cannot write: \(error.localizedDescription)")
    }
    guard rename(temporary.path, url.path) == 0 else {
      let reason = String(cString: strerror(errno))
      try? FileManager.default.removeItem(at: temporary)
      throw .checkpoint(path: url.path, reason: "cannot rename the temporary file into place: \(reason)")
    }
  }

  private func fileURL(for key: String) -> URL {
    directory.appendingPathComponent(StableHash.of(key) + ".json")
  }
}
