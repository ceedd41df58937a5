import Diagnostics

/// The one JSON document a command prints with `--format json` when its input could not be read
/// or understood (exit code 2): scripts get JSON whatever happened.
public enum FailureJSON {
    /// `{"error": MESSAGE, "diagnostics": [...]}`, the diagnostics in output order.
    public static func document(_ message: String, diagnostics: [Diagnostic]) -> JSONValue {
        .object([
            ("error", .string(message)),
            ("diagnostics", .array(Diagnostic.sortedForOutput(diagnostics).map(\.json))),
        ])
    }
}
