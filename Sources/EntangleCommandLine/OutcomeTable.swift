/// A table of outcomes with a bar per row, scaled to the largest value, as `Examples/Bell` prints them:
///
/// ```
///   outcome  probability
///   00       0.5          ████████████████████████████████████████
///   11       0.5          ████████████████████████████████████████
/// ```
struct OutcomeTable {
  /// The column titles; the bar column has none.
  let headers: [String]
  /// The cells of each row and the value its bar shows.
  private(set) var rows: [(cells: [String], value: Double)] = []

  /// The longest bar, in characters.
  static let barWidth = 40
  /// Eighths of a block, so that bars differ by less than a character.
  private static let partialBlocks: [Character] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉"]

  init(headers: [String]) {
    self.headers = headers
  }

  mutating func append(_ cells: [String], value: Double) {
    rows.append((cells, value))
  }

  /// The table as lines, columns left-aligned, two spaces of indent.
  func render() -> String {
    var widths = headers.map(\.count)
    for row in rows {
      for (column, cell) in row.cells.enumerated() { widths[column] = max(widths[column], cell.count) }
    }
    func line(_ cells: [String], bar: String) -> String {
      let padded = cells.enumerated().map { column, cell in
        cell + String(repeating: " ", count: widths[column] - cell.count)
      }
      let text = "  " + padded.joined(separator: "  ") + "  " + bar
      return String(text.reversed().drop { $0 == " " }.reversed())
    }
    let largest = rows.map(\.value).max() ?? 0
    var lines = [line(headers, bar: "")]
    for row in rows { lines.append(line(row.cells, bar: Self.bar(row.value, largest: largest))) }
    return lines.joined(separator: "\n")
  }

  /// A bar of `barWidth` characters for `largest`, in eighths of a character.
  static func bar(_ value: Double, largest: Double) -> String {
    guard largest > 0, value > 0 else { return "" }
    let eighths = Int((value / largest * Double(barWidth * 8)).rounded())
    var bar = String(repeating: "█", count: eighths / 8)
    if eighths % 8 > 0 { bar.append(partialBlocks[eighths % 8 - 1]) }
    return bar
  }
}
