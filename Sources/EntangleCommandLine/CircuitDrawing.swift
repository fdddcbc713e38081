import Entangle

/// A text diagram of a program in the style of Qiskit's text drawer: one wire per qubit
/// (`q_0: ─`), one bundled wire per classical register (`c: 2/═`), boxes `┤ H ├`, controls `■`,
/// swaps `X`, measurements `┤M├` joined by `║` to the bit they write, resets `|0>`, barriers `░`,
/// conditions `■` on their register with the value below. Long circuits wrap at a given width,
/// continued lines marked `»` and `«` as Qiskit marks them.
///
/// Operations are placed left to right in layers: each goes in the first layer after every
/// operation that touches a wire its drawing covers (a gate's qubits and the wires between them,
/// down to the register for a measurement or condition).
struct CircuitDrawing {
  private let qubitLabels: [String]
  private let classicalRegisters: [(name: String, bits: Range<Int>)]
  private var wireCount: Int { qubitLabels.count + classicalRegisters.count }
  private let layers: [[DrawnOperation]]
  /// Phases of gates on no qubits, shown above the diagram.
  private let globalPhases: [Parameter]

  init(program: QASMProgram) {
    let circuit = program.circuit
    qubitLabels = (0..<circuit.qubitCount).map { qubit in
      guard let register = program.quantumRegisters.first(where: { ($0.offset..<$0.offset + $0.size).contains(qubit) })
      else {
        return "q_\(qubit)"
      }
      return register.size == 1 ? register.name : "\(register.name)_\(qubit - register.offset)"
    }
    let declared = program.classicalRegisters.sorted { $0.offset < $1.offset }.filter { $0.size > 0 }
      .map { (name: $0.name, bits: $0.offset..<$0.offset + $0.size) }
    classicalRegisters =
      declared.isEmpty && circuit.classicalBitCount > 0 ? [("c", 0..<circuit.classicalBitCount)] : declared

    var layers: [[DrawnOperation]] = []
    var phases: [Parameter] = []
    var lastLayer = [Int](repeating: -1, count: circuit.qubitCount + classicalRegisters.count)
    for operation in circuit.operations {
      if case .gate(.globalPhase(let angle), let targets, let controls) = operation.kind, targets.isEmpty,
        controls.isEmpty
      {
        // A phase on no qubits is global: shown above the diagram, or, under a condition, not observable at all.
        if operation.condition == nil { phases.append(angle) }
        continue
      }
      if case .barrier(let qubits) = operation.kind, qubits.isEmpty { continue }
      let drawn = DrawnOperation(operation, qubitCount: circuit.qubitCount, registers: classicalRegisters)
      let index = drawn.span.map { lastLayer[$0] }.max()! + 1
      if index == layers.count { layers.append([]) }
      layers[index].append(drawn)
      for wire in drawn.span { lastLayer[wire] = index }
    }
    self.layers = layers
    globalPhases = phases
  }

  /// The diagram as lines no wider than `width` where the layers allow (a single layer wider than
  /// the page still gets a page of its own).
  func render(width: Int) -> String {
    let labels = qubitLabels.map { $0 + ": " } + classicalRegisters.map { "\($0.name): \($0.bits.count)/" }
    let labelWidth = labels.map(\.count).max() ?? 0
    let alignedLabels = labels.map { String(repeating: " ", count: labelWidth - $0.count) + $0 }
    let columns = layers.map { layer in drawColumn(layer) }

    // Greedy pages: every page but the first starts with «, every page but the last ends with ».
    var pages: [Range<Int>] = []
    var start = 0
    repeat {
      let budget = width - labelWidth - (start > 0 ? 1 : 0) - 1
      var end = start
      var used = 0
      while end < columns.count, end == start || used + columns[end].width <= budget {
        used += columns[end].width
        end += 1
      }
      pages.append(start..<end)
      start = end
    } while start < columns.count

    var output: [String] = []
    if let phase = phaseText() { output.append("global phase: \(phase)") }
    for (pageNumber, page) in pages.enumerated() {
      if pageNumber > 0 { output.append("") }
      let rowCount = 2 * wireCount + 1
      var bodies: [String] = []
      for row in 0..<rowCount {
        var body = ""
        if page.isEmpty, row % 2 == 1 { body = isClassical(wire: row / 2) ? "═" : "─" }
        for index in page { body += String(columns[index].rows[row]) }
        bodies.append(body)
      }
      // Rows with nothing drawn above the first wire and below the last are left out.
      let blank = bodies.map { $0.allSatisfy { $0 == " " } }
      let first = blank.firstIndex(of: false) ?? 0
      let last = blank.lastIndex(of: false) ?? rowCount - 1
      for row in first...last {
        var line =
          (pageNumber > 0 ? "«" : "")
          + (row % 2 == 1 ? alignedLabels[row / 2] : String(repeating: " ", count: labelWidth)) + bodies[row]
        if pageNumber < pages.count - 1 { line += "»" }
        output.append(String(line.reversed().drop { $0 == " " }.reversed()))
      }
    }
    return output.joined(separator: "\n")
  }

  private func isClassical(wire: Int) -> Bool { wire >= qubitLabels.count }

  private func phaseText() -> String? {
    guard !globalPhases.isEmpty else { return nil }
    let values = globalPhases.compactMap { try? $0.value() }
    guard values.count == globalPhases.count else { return globalPhases.map(GateLabel.format).joined(separator: " + ") }
    let total = values.reduce(0, +).truncatingRemainder(dividingBy: 2 * .pi)
    return abs(total) < 1e-12 ? nil : GateLabel.format(total)
  }

  /// One layer drawn on a canvas as wide as its widest operation.
  private func drawColumn(_ layer: [DrawnOperation]) -> Canvas {
    var canvas = Canvas(
      width: layer.map(\.width).max() ?? 1,
      wires: (0..<wireCount).map { isClassical(wire: $0) })
    for operation in layer { operation.draw(on: &canvas) }
    return canvas
  }
}
