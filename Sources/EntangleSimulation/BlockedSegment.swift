/// A run of unitary steps that touch at most a cache block's worth of qubits, applied block
/// by block so that the whole run costs one pass over memory.
///
/// A block holds the amplitudes of one assignment of the qubits outside `blockQubits`:
/// `2^b` of them for b block qubits. Its low qubits `0..<c` (those of `blockQubits` that are
/// `0, 1, …, c − 1`) are contiguous in memory, so a block is gathered from `2^(b − c)`
/// chunks of `2^c` amplitudes into a buffer in cache, every step runs on the buffer, and the
/// chunks are written back. When the block qubits are exactly the low b qubits a block is
/// contiguous and runs in place. The state's qubit `blockQubits[i]` is qubit i of `steps`.
struct BlockedSegment: Sendable {
  /// The state's qubits held in each block, ascending.
  let blockQubits: [Int]
  /// The steps, on the block's qubits `0..<blockQubits.count`.
  var steps: [ExecutionPlan.Step]
}
