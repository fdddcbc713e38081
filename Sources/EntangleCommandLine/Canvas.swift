/// The characters of one layer of a ``CircuitDrawing``: for w wires, 2w + 1 rows, wire k on row
/// 2k + 1 and the rows between wires shared by the operations above and below them.
struct Canvas {
  let width: Int
  private(set) var rows: [[Character]]
  /// Whether each wire is a classical register (drawn `═`) rather than a qubit (`─`).
  let classicalWires: [Bool]

  init(width: Int, wires classicalWires: [Bool]) {
    self.width = width
    self.classicalWires = classicalWires
    rows = [[Character](repeating: " ", count: width)]
    for classical in classicalWires {
      rows.append([Character](repeating: classical ? "═" : "─", count: width))
      rows.append([Character](repeating: " ", count: width))
    }
  }

  /// The column vertical connections run in.
  var center: Int { width / 2 }

  static func row(ofWire wire: Int) -> Int { 2 * wire + 1 }

  /// Puts `character` at a place: on a wire row it replaces what is there; on a row between wires it
  /// is merged with the border of the operation on the other side (`└` over `┌` makes `├`).
  mutating func put(_ character: Character, row: Int, column: Int) {
    guard rows.indices.contains(row), (0..<width).contains(column) else { return }
    rows[row][column] = row % 2 == 1 ? character : Self.merge(rows[row][column], character)
  }

  /// Writes `text` centered on `row`.
  mutating func putCentered(_ text: String, row: Int) {
    var column = center - (text.count - 1) / 2
    for character in text {
      put(character, row: row, column: column)
      column += 1
    }
  }

  /// A vertical line from row `from` to row `to` (exclusive) in the center column: `│` between wires
  /// and `┼`/`╪` across the wires it passes, or `║`, `╫`, `╬` for a classical connection.
  mutating func verticalLine(from: Int, to: Int, classical: Bool) {
    guard from < to else { return }
    for row in from..<to {
      if row % 2 == 0 {
        put(classical ? "║" : "│", row: row, column: center)
      } else {
        let crossesClassical = classicalWires[row / 2]
        let crossing: Character = classical ? (crossesClassical ? "╬" : "╫") : (crossesClassical ? "╪" : "┼")
        put(crossing, row: row, column: center)
      }
    }
  }

  /// Two border characters meeting on the row between wires, as Qiskit's drawer joins them.
  private static func merge(_ existing: Character, _ new: Character) -> Character {
    if existing == " " || existing == new { return new }
    if new == " " { return existing }
    switch (existing, new) {
    case ("└", "┌"), ("┌", "└"): return "├"
    case ("┘", "┐"), ("┐", "┘"): return "┤"
    case ("─", "┌"), ("─", "┐"), ("┌", "─"), ("┐", "─"): return "┬"
    case ("─", "└"), ("─", "┘"), ("└", "─"), ("┘", "─"): return "┴"
    case ("░", _), (_, "░"): return "░"
    default: return new
    }
  }
}
