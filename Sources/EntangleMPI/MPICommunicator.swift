import CMPI
import Foundation
import Synchronization

/// The processes of an MPI job (`MPI_COMM_WORLD`), exchanging byte messages.
///
/// MPI is initialised with `MPI_THREAD_SERIALIZED` the first time ``world()`` is called, and
/// every call goes through one lock, so any thread (or Swift task) may use the communicator.
/// Receives poll (`MPI_Iprobe`) and release the lock between polls, so one task waiting for a
/// message never blocks another's send.
public final class MPICommunicator: @unchecked Sendable {
  /// This process's rank, 0..<``size``.
  public let rank: Int
  /// The number of processes.
  public let size: Int
  private let state = Mutex(false)  // true once finalised

  private init(rank: Int, size: Int) {
    self.rank = rank
    self.size = size
  }

  private static let shared = Mutex<MPICommunicator?>(nil)

  /// The world communicator, initialising MPI on first use.
  ///
  /// - Throws: ``MPIError/threadSupportTooLow(provided:required:)`` or ``MPIError/callFailed(function:code:)``.
  public static func world() throws(MPIError) -> MPICommunicator {
    let result = shared.withLock { shared -> Result<MPICommunicator, MPIError> in
      if let shared { return .success(shared) }
      var initialized: Int32 = 0
      MPI_Initialized(&initialized)
      if initialized == 0 {
        var provided: Int32 = 0
        let required = entangle_mpi_thread_serialized()
        let code = MPI_Init_thread(nil, nil, required, &provided)
        guard code == entangle_mpi_success() else { return .failure(.callFailed(function: "MPI_Init_thread", code: code)) }
        guard provided >= required else { return .failure(.threadSupportTooLow(provided: provided, required: required)) }
      }
      var rank: Int32 = 0, size: Int32 = 0
      MPI_Comm_rank(entangle_mpi_comm_world(), &rank)
      MPI_Comm_size(entangle_mpi_comm_world(), &size)
      let world = MPICommunicator(rank: Int(rank), size: Int(size))
      shared = world
      return .success(world)
    }
    return try result.get()
  }

  /// Runs one MPI call under the lock, checking its return code.
  private func call(_ function: String, _ body: () -> Int32) throws(MPIError) {
    let code: Int32? = state.withLock { finalized in finalized ? nil : body() }
    guard let code else { throw .finalized }
    guard code == entangle_mpi_success() else { throw .callFailed(function: function, code: code) }
  }

  /// Sends `bytes` to `destination` with `tag` (blocking until the buffer may be reused).
  ///
  /// - Throws: ``MPIError/rankOutOfRange(rank:size:)``, ``MPIError/messageTooLarge(bytes:)``, MPI failures.
  public func send(_ bytes: [UInt8], to destination: Int, tag: Int) throws(MPIError) {
    guard (0..<size).contains(destination) else { throw .rankOutOfRange(rank: destination, size: size) }
    guard bytes.count <= Int(Int32.max) else { throw .messageTooLarge(bytes: bytes.count) }
    try call("MPI_Send") {
      bytes.withUnsafeBytes { buffer in
        MPI_Send(buffer.baseAddress, Int32(bytes.count), entangle_mpi_byte(), Int32(destination), Int32(tag), entangle_mpi_comm_world())
      }
    }
  }

  /// A message: its bytes, sender and tag.
  public struct Message: Sendable {
    public var bytes: [UInt8]
    public var source: Int
    public var tag: Int
  }

  /// The next message from `source` with `tag` (any when nil), or nil when none has arrived.
  ///
  /// - Throws: MPI failures.
  public func receiveIfAvailable(from source: Int? = nil, tag: Int? = nil) throws(MPIError) -> Message? {
    var message: Message?
    var failure: MPIError?
    let finalized = state.withLock { finalized -> Bool in
      guard !finalized else { return true }
      var status = MPI_Status()
      var flag: Int32 = 0
      let sourceValue = source.map(Int32.init) ?? entangle_mpi_any_source()
      let tagValue = tag.map(Int32.init) ?? entangle_mpi_any_tag()
      var code = MPI_Iprobe(sourceValue, tagValue, entangle_mpi_comm_world(), &flag, &status)
      guard code == entangle_mpi_success() else {
        failure = .callFailed(function: "MPI_Iprobe", code: code)
        return false
      }
      guard flag != 0 else { return false }
      var count: Int32 = 0
      MPI_Get_count(&status, entangle_mpi_byte(), &count)
      let sender = entangle_mpi_status_source(&status), messageTag = entangle_mpi_status_tag(&status)
      var bytes = [UInt8](repeating: 0, count: Int(count))
      code = bytes.withUnsafeMutableBytes { buffer in
        MPI_Recv(buffer.baseAddress, count, entangle_mpi_byte(), sender, messageTag, entangle_mpi_comm_world(), nil)
      }
      guard code == entangle_mpi_success() else {
        failure = .callFailed(function: "MPI_Recv", code: code)
        return false
      }
      message = Message(bytes: bytes, source: Int(sender), tag: Int(messageTag))
      return false
    }
    if finalized { throw .finalized }
    if let failure { throw failure }
    return message
  }

  /// Waits for the next message from `source` with `tag` (any when nil), polling every
  /// `interval` seconds with the lock released in between.
  ///
  /// - Throws: MPI failures.
  public func receive(from source: Int? = nil, tag: Int? = nil, pollingInterval interval: Double = 50e-6) throws(MPIError)
    -> Message
  {
    while true {
      if let message = try receiveIfAvailable(from: source, tag: tag) { return message }
      Thread.sleep(forTimeInterval: interval)
    }
  }

  /// Waits until every rank has called `barrier()`.
  public func barrier() throws(MPIError) {
    try call("MPI_Barrier") { MPI_Barrier(entangle_mpi_comm_world()) }
  }

  /// Shuts MPI down; call once, on every rank, after the last message.
  public func finalize() throws(MPIError) {
    let code: Int32? = state.withLock { finalized in
      guard !finalized else { return nil }
      finalized = true
      return MPI_Finalize()
    }
    guard let code else { throw .finalized }
    guard code == entangle_mpi_success() else { throw .callFailed(function: "MPI_Finalize", code: code) }
  }
}
