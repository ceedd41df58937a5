import Diagnostics

/// The one JSON document a command prints with `--format json` when its input could not be read
/// or understood (exit code 2): scripts get JSON whatever happened.
public enum FailureJSON {
    /// `{"formatVersion": 1, "error": MESSAGE, "diagnostics": [...]}`, the diagnostics in output
    /// order (schemas/prereq-error-output.schema.json).
    public static func document(_ message: String, diagnostics: [Diagnostic]) -> JSONValue {
        .object([
            JSONOutput.versionField,
            ("error", .string(message)),
            ("diagnostics", .array(Diagnostic.sortedForOutput(diagnostics).map(\.json))),
        ])
    }
}
