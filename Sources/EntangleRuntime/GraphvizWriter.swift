import Foundation

/// Writes task graphs in the Graphviz DOT language (https://graphviz.org/doc/info/lang.html).
enum GraphvizWriter {
  /// One DOT digraph: task `i` is node `t<i>`, labelled with its name and kind; quantum tasks
  /// are ellipses; a status, when given, colours the node (green done, red failed, grey cancelled).
  static func dot(nodes: [(name: String, kind: String, isQuantum: Bool, inputs: [Int], status: String?)]) -> String {
    var lines = ["digraph tasks {", "  rankdir=LR;", "  node [shape=box, style=\"rounded,filled\", fillcolor=white];"]
    for (id, node) in nodes.enumerated() {
      var attributes = ["label=\"\(escape(node.name))\\n\(escape(node.kind))\""]
      if node.isQuantum { attributes.append("shape=ellipse") }
      if let status = node.status {
        let colour =
          switch status {
          case "succeeded": "palegreen"
          case "failed": "salmon"
          case "cancelled": "lightgrey"
          default: "white"
          }
        attributes.append("fillcolor=\(colour)")
        attributes.append("tooltip=\"\(escape(status))\"")
      }
      lines.append("  t\(id) [\(attributes.joined(separator: ", "))];")
    }
    for (id, node) in nodes.enumerated() {
      for input in node.inputs { lines.append("  t\(input) -> t\(id);") }
    }
    lines.append("}")
    return lines.joined(separator: "\n") + "\n"
  }

  private static func escape(_ text: String) -> String {
    text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
      .replacingOccurrences(of: "\n", with: "\\n")
  }
}
