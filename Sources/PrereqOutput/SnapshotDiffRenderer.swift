import Diagnostics
import PrereqAnswers
import PrereqEvaluation
import PrereqMessages

/// `prereq diff` as text, Markdown or JSON: the features whose verdicts differ with the root
/// causes that make the difference (the side each is found in, its evidence), then the facts
/// that differ without changing a verdict.
public enum SnapshotDiffRenderer {
    public static func text(_ diff: SnapshotDiff, language: Language) -> String {
        let m = Messages(language)
        let (a, b) = diff.files
        let e = { TerminalText.escape($0) }
        var out = e(m.diffHeading(a, b, features: diff.features.count)) + "\n"
        for f in diff.features {
            out += "\n" + e(m.diffFeature(f.featureName, f.verdicts.a, in: a, f.verdicts.b, in: b)) + "\n"
            for node in f.causes {
                out += "  - [\(e(m.diffOnlyIn(node.side == 0 ? a : b)))] \(e(node.message))\n"
                let places = [node.evidence.snapshot.map { "\(m.snapshotWord) \($0.description)" }, node.evidence.rule.map { "\(m.ruleWord) \($0.description)" }].compactMap { $0 }
                if !places.isEmpty { out += "      " + e(places.joined(separator: " · ")) + "\n" }
            }
        }
        let others = diff.otherFacts
        if !others.isEmpty {
            out += "\n" + e(m.diffOtherFacts) + ":\n"
            for fact in others { out += "  - " + e(line(fact, a, b, m)) + "\n" }
        }
        return out
    }

    public static func markdown(_ diff: SnapshotDiff, language: Language) -> String {
        let m = Messages(language)
        let (a, b) = diff.files
        let md = MarkdownRenderer.escape
        var out = "## " + md(m.diffHeading(a, b, features: diff.features.count)) + "\n"
        for f in diff.features {
            out += "\n### " + md(m.diffFeature(f.featureName, f.verdicts.a, in: a, f.verdicts.b, in: b)) + "\n\n"
            for node in f.causes {
                let place = node.evidence.snapshot.map { " (" + md($0.description) + ")" } ?? ""
                out += "- **" + md(m.diffOnlyIn(node.side == 0 ? a : b)) + "**: " + md(node.message) + place + "\n"
            }
        }
        let others = diff.otherFacts
        if !others.isEmpty {
            out += "\n### " + md(m.diffOtherFacts) + "\n\n| | \(md(a)) | \(md(b)) |\n| --- | --- | --- |\n"
            for fact in others {
                out += "| \(md(fact.subjectName)) | \(md(fact.a ?? m.diffNotGiven)) | \(md(fact.b ?? m.diffNotGiven)) |\n"
            }
        }
        return out
    }

    public static func json(_ diff: SnapshotDiff) -> String {
        let (a, b) = diff.files
        let features: [JSONValue] = diff.features.map { f in
            .object([
                ("feature", .string(f.featureId)), ("featureName", .string(f.featureName)),
                ("verdicts", .object([("a", .string(f.verdicts.a.rawValue)), ("b", .string(f.verdicts.b.rawValue))])),
                ("causes", .array(f.causes.map { n in
                    .object([
                        ("in", .string(n.side == 0 ? "a" : "b")), ("kind", n.kind.map { .string($0.rawValue) } ?? .null),
                        ("subject", n.subject.map(JSONValue.string) ?? .null), ("subjectName", n.subjectName.map(JSONValue.string) ?? .null),
                        ("message", .string(n.message)),
                    ] + (n.evidence.snapshot.map { [("snapshot", .string($0.description))] } ?? []))
                })),
            ])
        }
        let facts: [JSONValue] = diff.otherFacts.map { f in
            .object([("kind", .string(f.kind)), ("subject", .string(f.subject)), ("subjectName", .string(f.subjectName)),
                     ("a", f.a.map(JSONValue.string) ?? .null), ("b", f.b.map(JSONValue.string) ?? .null)])
        }
        return JSONValue.object([
            JSONOutput.versionField, ("a", .string(a)), ("b", .string(b)), ("features", .array(features)), ("otherDifferences", .array(facts)),
        ]).serializedDocument()
    }

    private static func line(_ fact: SnapshotDiff.FactDifference, _ a: String, _ b: String, _ m: Messages) -> String {
        "\(fact.subjectName): \(fact.a ?? m.diffNotGiven) (\(a)), \(fact.b ?? m.diffNotGiven) (\(b))"
    }
}
