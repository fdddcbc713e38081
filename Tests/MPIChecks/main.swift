// Checks of EntangleMPI that need several processes: `mpirun -np 3 --oversubscribe mpi-checks`.
// Every rank runs the same checks; a failure prints the rank and the check and exits 1.
import EntangleMPI
import Foundation

func check(_ condition: Bool, _ what: String, rank: Int) {
  guard !condition else { return }
  FileHandle.standardError.write(Data("mpi-checks: rank \(rank): FAILED: \(what)\n".utf8))
  exit(1)
}

let world = try MPICommunicator.world()
let rank = world.rank
check(world.size >= 2, "needs at least 2 ranks, got \(world.size)", rank: rank)

// Ring: every rank sends its rank (as bytes) to the next and receives from the previous.
let next = (rank + 1) % world.size, previous = (rank + world.size - 1) % world.size
try world.send(Array("hello from \(rank)".utf8), to: next, tag: 7)
let message = try world.receive(from: previous, tag: 7)
check(String(decoding: message.bytes, as: UTF8.self) == "hello from \(previous)", "ring message from \(previous)", rank: rank)
check(message.source == previous && message.tag == 7, "ring source and tag", rank: rank)

// A large message (8 MiB) arrives intact.
if rank == 0 {
  let large = (0..<(8 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 31) }
  try world.send(large, to: 1, tag: 9)
} else if rank == 1 {
  let large = try world.receive(from: 0, tag: 9)
  check(large.bytes.count == 8 << 20, "large message size", rank: rank)
  check(large.bytes.enumerated().allSatisfy { $0.element == UInt8(truncatingIfNeeded: $0.offset &* 31) }, "large message bytes", rank: rank)
}

// A rank that does not exist is a typed error, not a crash.
do {
  try world.send([1], to: world.size, tag: 1)
  check(false, "sending to rank \(world.size) should fail", rank: rank)
} catch {
  check(error == .rankOutOfRange(rank: world.size, size: world.size), "typed error for a bad rank", rank: rank)
}
check(try world.receiveIfAvailable(tag: 12345) == nil, "no message with an unused tag", rank: rank)

try world.barrier()
try world.finalize()
if rank == 0 { print("mpi-checks: \(world.size) ranks: all checks passed") }
