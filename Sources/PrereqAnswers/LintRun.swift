import Diagnostics
import PrereqBasics
import PrereqEvaluation
import PrereqGraph
import PrereqLoading
import PrereqMessages
import PrereqModel

/// `prereq lint`: loads rule packs and any snapshots among the paths, runs every check on the
/// pack, and checks each snapshot on its own: its form (format v1), and, when a pack is given
/// too, that every name in it is one the pack knows.
public enum LintRun {
    /// End-of-service dates are compared with `now` (by default, the moment it runs).
    public static func run(paths: [String], language: Language = .english, now: Timestamp? = .current) -> FindingsReport {
        let (findings, unreadable) = findings(paths: paths, language: language, now: now)
        return FindingsReport(findings: findings, unreadable: unreadable, language: language)
    }

    /// The findings in the order the checks made them, and whether some input was unreadable.
    private static func findings(paths: [String], language: Language, now: Timestamp?) -> (findings: [Diagnostic], unreadable: Bool) {
        let loaded = RulePackLoader(language: language).load(paths: paths)
        ProcessMemory.returnFreedMemory()
        var findings = loaded.diagnostics
        let hasRules = !loaded.pack.features.isEmpty || !loaded.pack.jobs.isEmpty || !loaded.pack.settings.isEmpty
        let graph = RuleGraph(loaded.pack, keepingNames: !loaded.snapshotDocuments.isEmpty)
        if hasRules || loaded.snapshotDocuments.isEmpty {
            findings = Linter.lint(graph, language: language, now: now, after: findings)
        }
        for document in loaded.snapshotDocuments {
            let (snapshot, found) = SnapshotDecoder.decode(document, language: language)
            findings += found + EventTimeCheck.run(snapshot, language: language)
            if hasRules { findings += EnvironmentFacts(snapshot: snapshot, graph: graph, language: language).diagnostics }
        }
        // The pack and its graph are let go while the findings are put in order and shown, and
        // what they held goes back to the system, so that the peak is not their sum.
        let unreadable = loaded.unreadable
        ProcessMemory.letGoInBackground((consume loaded, consume graph))
        return (findings, unreadable)
    }
}
