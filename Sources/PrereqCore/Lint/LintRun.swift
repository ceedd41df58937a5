import Diagnostics

/// `prereq lint`: loads rule packs (and any snapshots among the paths), runs every check, and
/// reports the findings.
public enum LintRun {
    public static func run(paths: [String], loader: RulePackLoader = RulePackLoader()) -> FindingsReport {
        let loaded = loader.load(paths: paths)
        var findings = loaded.diagnostics
        if !loaded.pack.features.isEmpty || !loaded.pack.jobs.isEmpty || loaded.snapshotDocuments.isEmpty {
            findings += Linter.lint(RuleGraph(loaded.pack))
        }
        return FindingsReport(findings: findings, unreadable: loaded.unreadable)
    }
}
