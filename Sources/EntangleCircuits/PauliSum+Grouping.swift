extension PauliSum {
  /// The terms split into groups whose Pauli strings commute qubit-wise, so that each group can be
  /// measured with one set of single-qubit basis changes (see ``PauliString/qubitWiseCommutes(with:)``).
  ///
  /// Greedy first fit: each term, in the order of ``terms``, joins the first group all of whose
  /// members it commutes with qubit-wise, or starts a new group. Every term lands in exactly one
  /// group; groups are ordered by their first term, and terms keep their order inside a group.
  /// Identity terms commute with everything and join the first group. Finding the fewest groups
  /// is NP-hard (graph colouring); first fit is deterministic and usually close.
  /// - Complexity: O(t · g · k) for t terms, g groups and k non-identity factors per string.
  public func qubitWiseCommutingGroups() -> [PauliSum] {
    // The Pauli each group measures on each qubit it touches.
    var bases: [[Int: Pauli]] = []
    var groups: [[Term]] = []
    for term in terms {
      let fits: (([Int: Pauli]) -> Bool) = { basis in
        term.pauli.operators.allSatisfy { qubit, pauli in basis[qubit].map { $0 == pauli } ?? true }
      }
      if let index = bases.firstIndex(where: fits) {
        bases[index].merge(term.pauli.operators) { current, _ in current }
        groups[index].append(term)
      } else {
        bases.append(term.pauli.operators)
        groups.append([term])
      }
    }
    return groups.map { PauliSum($0) }
  }
}
