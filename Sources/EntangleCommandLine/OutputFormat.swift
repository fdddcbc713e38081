import ArgumentParser

/// How a command prints its result.
enum OutputFormat: String, CaseIterable, ExpressibleByArgument {
  /// A table for people.
  case text
  /// One JSON object, for tools.
  case json
}
