import Diagnostics
import PrereqAnswers
import PrereqMessages

/// The answer of `prereq snapshot check`: per snapshot, the facts the pack needs that it does
/// not give, as text (one list) or JSON.
public enum SnapshotGapsRenderer {
    public static func text(_ results: [(file: String, gaps: [SnapshotGap])], language: Language) -> String {
        let messages = Messages(language)
        var out = ""
        for (file, gaps) in results {
            out += TerminalText.escape(messages.snapshotLacks(file, gaps.count)) + "\n"
            for g in gaps { out += "  - " + TerminalText.escape(g.fact) + "\n" }
        }
        return out
    }

    /// `{"formatVersion": 1, "snapshots": [{"snapshot", "missing": [{"kind", "subject", "fact", "channel"?}]}]}`
    /// (schemas/prereq-snapshot-check-output.schema.json).
    public static func json(_ results: [(file: String, gaps: [SnapshotGap])]) -> String {
        let snapshots: [JSONValue] = results.map { file, gaps in
            .object([
                ("snapshot", .string(file)),
                ("missing", .array(gaps.map { g in
                    .object([("kind", .string(g.kind)), ("subject", g.subject.map(JSONValue.string) ?? .null), ("fact", .string(g.fact))]
                        + (g.channel.map { [("channel", .string($0))] } ?? []))
                })),
            ])
        }
        return JSONValue.object([JSONOutput.versionField, ("snapshots", .array(snapshots))]).serializedDocument()
    }
}
