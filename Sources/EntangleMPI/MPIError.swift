import Foundation

/// An MPI call that failed, or a request the communicator cannot carry out.
public enum MPIError: Error, Hashable, Sendable, CustomStringConvertible {
  /// An MPI function returned an error code.
  case callFailed(function: String, code: Int32)
  /// The MPI library cannot serialise calls from several threads, which the executor needs.
  case threadSupportTooLow(provided: Int32, required: Int32)
  /// A rank outside the communicator.
  case rankOutOfRange(rank: Int, size: Int)
  /// A message larger than one MPI message can carry (2^31 − 1 bytes).
  case messageTooLarge(bytes: Int)
  /// The communicator was used after `finalize()`.
  case finalized

  public var description: String {
    switch self {
    case let .callFailed(function, code):
      return "\(function) failed with MPI error code \(code)"
    case let .threadSupportTooLow(provided, required):
      return "the MPI library provides thread level \(provided); Entangle needs \(required) (MPI_THREAD_SERIALIZED)"
    case let .rankOutOfRange(rank, size):
      return "rank \(rank) is out of range; the communicator has \(size) rank\(size == 1 ? "" : "s") (0..<\(size))"
    case let .messageTooLarge(bytes):
      return "a message of \(bytes) bytes is larger than one MPI message can carry (2147483647 bytes)"
    case .finalized:
      return "MPI was finalised; no more messages can be sent"
    }
  }
}

// `localizedDescription` carries the same message as `"\(error)"`.
extension MPIError: LocalizedError {
  public var errorDescription: String? { description }
}
