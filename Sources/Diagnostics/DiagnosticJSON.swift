extension SourceLocation {
    /// `{"file", "line", "column"}` plus `endLine`/`endColumn` when known.
    public var json: JSONValue {
        var members: [(String, JSONValue)] = [("file", .string(file)), ("line", .int(line)), ("column", .int(column))]
        if let endLine, let endColumn {
            members.append(("endLine", .int(endLine)))
            members.append(("endColumn", .int(endColumn)))
        }
        return .object(members)
    }
}

extension Diagnostic {
    /// The finding as the JSON contract shows it: code, severity, message, subject, location,
    /// related, help; then `channels` when it holds for some channels only.
    public var json: JSONValue {
        .object([
            ("code", .string(code)),
            ("severity", .string(severity.rawValue)),
            ("message", .string(message)),
            ("subject", .string(subject)),
            ("subjectName", .string(subjectName)),
            ("location", location?.json ?? .null),
            ("related", .array(related.map { .object([("message", .string($0.message)), ("location", $0.location.json)]) })),
            ("help", .string(help)),
        ] + (channels.isEmpty ? [] : [("channels", .array(channels.map(JSONValue.string)))]))
    }
}

/// Counts of findings per severity, as every JSON answer's `summary` carries them.
public struct DiagnosticSummary: Sendable, Hashable {
    public var errors = 0
    public var warnings = 0
    public var notes = 0

    public init(_ diagnostics: [Diagnostic]) {
        for d in diagnostics {
            switch d.severity {
            case .error: errors += 1
            case .warning: warnings += 1
            case .note: notes += 1
            }
        }
    }

    public var json: JSONValue {
        .object([("errors", .int(errors)), ("warnings", .int(warnings)), ("notes", .int(notes))])
    }
}
