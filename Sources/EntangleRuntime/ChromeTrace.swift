import Foundation

/// The Chrome trace-event format ("Trace Event Format", Google, 2016): what Perfetto opens.
enum ChromeTrace {
  private struct File: Encodable {
    var traceEvents: [Event]
    var displayTimeUnit = "ms"
  }

  private struct Event: Encodable {
    var name: String
    var ph: String
    var ts: Double
    var dur: Double?
    var pid: Int
    var tid: Int
    var args: Arguments
  }

  private struct Arguments: Encodable {
    var name: String?
    var key: String?
    var kind: String?
    var queue_us: Double?
    var memory_bytes: Int?
    var threads: Int?
    var attempts: Int?
    var status: String?
    var checkpoint: Bool?
    var error: String?
  }

  static func encode(_ records: [TaskRecord]) throws -> Data {
    // One process per rank: rank 0 runs the graph, other ranks the quantum jobs sent to them.
    var events = Set(records.map(\.rank) + [0]).sorted().map { rank in
      Event(name: "process_name", ph: "M", ts: 0, pid: rank, tid: 0, args: Arguments(name: "rank \(rank)"))
    }
    for record in records {
      let end = record.endMicroseconds ?? record.startMicroseconds ?? 0
      let start = record.startMicroseconds ?? end
      var queue: Double?
      if let queued = record.queuedMicroseconds, let started = record.startMicroseconds { queue = started - queued }
      events.append(
        Event(
          name: record.name, ph: "X", ts: start, dur: Swift.max(0, end - start), pid: record.rank, tid: record.lane,
          args: Arguments(
            key: record.key, kind: record.kind, queue_us: queue, memory_bytes: record.memoryBytes,
            threads: record.threads, attempts: record.attempts, status: record.status,
            checkpoint: record.loadedFromCheckpoint, error: record.error)))
    }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    return try encoder.encode(File(traceEvents: events))
  }
}
