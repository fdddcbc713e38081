import Entangle

/// One operation as ``CircuitDrawing`` draws it: its shape, the wires it covers and its width.
struct DrawnOperation {
  enum Shape {
    /// A box with `label` over `targets` (numbered inside when there are several), `■` on `controls`.
    case box(label: String, targets: [Int], controls: [Int])
    /// `symbol` on each of `targets` (`X` for a swap, `■` for a controlled Z), `■` on `controls`.
    case points(symbol: Character, targets: [Int], controls: [Int])
    /// `┤M├` on `qubit`, joined to classical wire `wire` marked with the bit's index in its register.
    case measure(qubit: Int, wire: Int, bitLabel: String)
    case reset(qubit: Int)
    case barrier(qubits: [Int])
  }

  let shape: Shape
  /// The classical wire a condition reads and the value it compares with, shown below that wire.
  let condition: (wire: Int, label: String)?
  /// The wires the drawing covers, from the topmost to the bottommost.
  let span: ClosedRange<Int>
  /// The fewest columns the drawing needs.
  let width: Int

  init(_ operation: Operation, qubitCount: Int, registers: [(name: String, bits: Range<Int>)]) {
    func wire(ofBit bit: Int) -> (wire: Int, index: Int) {
      let register = registers.firstIndex { $0.bits.contains(bit) } ?? 0
      return (qubitCount + register, bit - (registers.isEmpty ? 0 : registers[register].bits.lowerBound))
    }
    var wires: [Int]
    switch operation.kind {
    case .gate(let gate, let targets, let controls):
      if gate == .swap {
        shape = .points(symbol: "X", targets: targets, controls: controls)
      } else if gate == .z, !controls.isEmpty {
        shape = .points(symbol: "■", targets: targets, controls: controls)
      } else if targets.isEmpty, case .globalPhase(let angle) = gate, let last = controls.last {
        // A phase on no target qubits, applied where the controls are 1, is a phase gate on a control.
        shape = .box(label: "P(\(GateLabel.format(angle)))", targets: [last], controls: Array(controls.dropLast()))
      } else {
        shape = .box(label: GateLabel.text(for: gate), targets: targets, controls: controls)
      }
      wires = targets + controls
    case .measure(let qubit, let bit):
      let (classicalWire, index) = wire(ofBit: bit)
      shape = .measure(qubit: qubit, wire: classicalWire, bitLabel: String(index))
      wires = [qubit, classicalWire]
    case .reset(let qubit):
      shape = .reset(qubit: qubit)
      wires = [qubit]
    case .barrier(let qubits):
      shape = .barrier(qubits: qubits.sorted())
      wires = qubits
    }
    if let read = operation.condition, let first = read.bits.first {
      // Qiskit shows the value a register is compared with in hexadecimal.
      condition = (wire(ofBit: first).wire, "0x" + String(read.value, radix: 16))
      wires.append(wire(ofBit: first).wire)
    } else {
      condition = nil
    }
    span = (wires.min() ?? 0)...(wires.max() ?? 0)

    var width: Int
    switch shape {
    case .box(let label, let targets, _):
      width = label.count + 4 + (targets.count > 1 ? String(targets.count - 1).count : 0)
    case .points, .barrier: width = 3
    case .measure(_, _, let bitLabel): width = max(3, bitLabel.count)
    case .reset: width = 5
    }
    if let condition { width = max(width, condition.label.count) }
    self.width = width
  }

  func draw(on canvas: inout Canvas) {
    let center = canvas.center
    var lowestRow = 0  // the row a condition's line starts from
    switch shape {
    case .box(let label, let targets, let controls):
      let top = 2 * targets.min()!
      let bottom = 2 * targets.max()! + 2
      let right = canvas.width - 1
      canvas.put("┌", row: top, column: 0)
      canvas.put("└", row: bottom, column: 0)
      canvas.put("┐", row: top, column: right)
      canvas.put("┘", row: bottom, column: right)
      for column in 1..<right {
        canvas.put("─", row: top, column: column)
        canvas.put("─", row: bottom, column: column)
      }
      for row in top + 1..<bottom {
        let isTarget = row % 2 == 1 && targets.contains(row / 2)
        canvas.put(isTarget ? "┤" : "│", row: row, column: 0)
        canvas.put(isTarget ? "├" : "│", row: row, column: right)
        for column in 1..<right where row % 2 == 1 { canvas.put(" ", row: row, column: column) }
      }
      var labelStart = 1
      if targets.count > 1 {
        let indexWidth = String(targets.count - 1).count
        for (position, target) in targets.enumerated() {
          for (offset, character) in String(position).enumerated() {
            canvas.put(character, row: Canvas.row(ofWire: target), column: 1 + offset)
          }
        }
        labelStart += indexWidth
      }
      var column = labelStart + (right - labelStart - label.count) / 2
      for character in label {
        canvas.put(character, row: (top + bottom) / 2, column: column)
        column += 1
      }
      if let highest = controls.min(), highest < targets.min()! {
        canvas.verticalLine(from: Canvas.row(ofWire: highest) + 1, to: top, classical: false)
        canvas.put("┴", row: top, column: center)
      }
      if let lowest = controls.max(), lowest > targets.max()! {
        canvas.verticalLine(from: bottom + 1, to: Canvas.row(ofWire: lowest), classical: false)
        canvas.put("┬", row: bottom, column: center)
        lowestRow = Canvas.row(ofWire: lowest) + 1
      } else {
        if condition != nil { canvas.put("╥", row: bottom, column: center) }
        lowestRow = bottom + 1
      }
      // After the lines, which would otherwise cross out a control between two others.
      for control in controls { canvas.put("■", row: Canvas.row(ofWire: control), column: center) }
    case .points(let symbol, let targets, let controls):
      let wires = targets + controls
      let topRow = Canvas.row(ofWire: wires.min()!)
      let bottomRow = Canvas.row(ofWire: wires.max()!)
      canvas.verticalLine(from: topRow, to: bottomRow, classical: false)
      for target in targets { canvas.put(symbol, row: Canvas.row(ofWire: target), column: center) }
      for control in controls { canvas.put("■", row: Canvas.row(ofWire: control), column: center) }
      lowestRow = bottomRow + 1
    case .measure(let qubit, let wire, let bitLabel):
      let row = Canvas.row(ofWire: qubit)
      for (offset, text) in ["┌─┐", "┤M├", "└╥┘"].enumerated() { canvas.putCentered(text, row: row - 1 + offset) }
      canvas.verticalLine(from: row + 2, to: Canvas.row(ofWire: wire), classical: true)
      canvas.put("╩", row: Canvas.row(ofWire: wire), column: center)
      canvas.putCentered(bitLabel, row: Canvas.row(ofWire: wire) + 1)
      lowestRow = row + 1
    case .reset(let qubit):
      canvas.putCentered("|0>", row: Canvas.row(ofWire: qubit))
      lowestRow = Canvas.row(ofWire: qubit) + 1
    case .barrier(let qubits):
      for qubit in qubits {
        let row = Canvas.row(ofWire: qubit)
        for barrierRow in row - 1...row + 1 { canvas.put("░", row: barrierRow, column: center) }
      }
      lowestRow = Canvas.row(ofWire: qubits.max() ?? 0) + 1
    }
    if let condition {
      let wireRow = Canvas.row(ofWire: condition.wire)
      canvas.verticalLine(from: lowestRow, to: wireRow, classical: true)
      canvas.put("■", row: wireRow, column: center)
      canvas.putCentered(condition.label, row: wireRow + 1)
    }
  }
}
