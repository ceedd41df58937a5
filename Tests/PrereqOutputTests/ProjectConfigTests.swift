import Diagnostics
import Foundation
import PrereqCore
import Testing

@Suite struct ProjectConfigTests {
    @Test func decodesEveryKey() {
        let config = ProjectConfig.parse(
            """
            prereq: 1
            rules: [packs, extra.yaml]
            snapshots: ["snapshots/**/*.yaml"]
            format: SARIF
            failOn: warning
            severity: {unused-job: error, redundant-requirement: off}
            disable: [missing-translation]
            baseline: .prereq-baseline.json
            """, file: "/repo/config/.prereq.yml", workingDirectory: "/repo")
        #expect(config.diagnostics.isEmpty, "\(config.diagnostics)")
        #expect(config.rulePaths() == ["config/packs", "config/extra.yaml"])
        #expect(config.snapshots == ["snapshots/**/*.yaml"])
        #expect(config.format == .sarif)
        #expect(config.failOn == .warning)
        #expect(config.severity["unused-job"] == .some(.error))
        #expect(config.severity["redundant-requirement"] == .some(nil))
        #expect(config.disable == ["missing-translation"])
        #expect(config.baselinePath() == "config/.prereq-baseline.json")
    }

    @Test func unknownKeysAreFindingsWithSuggestionsAtTheirPlace() {
        let config = ProjectConfig.parse(
            """
            rules: [rules]
            snapshot: ["*.yaml"]
            failon: note
            severity: {unused-jobs: error}
            format: sarf
            """, file: "/repo/.prereq.yml", workingDirectory: "/repo")
        let byCode = Dictionary(grouping: config.diagnostics, by: \.code)
        let unknown = byCode["schema-unknown-key"] ?? []
        #expect(unknown.count == 2)
        #expect(unknown.first?.message == "unknown key \"snapshot\" in the project config (did you mean \"snapshots\"?)")
        #expect(unknown.first?.location.map { "\($0.line):\($0.column)" } == "2:1")
        #expect(unknown.last?.message.contains("did you mean \"failOn\"") == true)
        let values = byCode["schema-value"] ?? []
        #expect(values.contains { $0.message.contains("unknown finding code \"unused-jobs\"") && $0.message.contains("unused-job") && $0.location?.line == 4 })
        #expect(values.contains { $0.message.contains("\"sarf\"") && $0.message.contains("sarif") })
    }

    @Test func wrongTypesAndBadYAMLAreReported() {
        let typed = ProjectConfig.parse("rules: {a: b}\n", file: "/repo/.prereq.yml", workingDirectory: "/repo")
        #expect(typed.diagnostics.map(\.code) == ["schema-type"])
        let broken = ProjectConfig.parse("rules: [a\n", file: "/repo/.prereq.yml", workingDirectory: "/repo")
        #expect(broken.unreadable)
        let missing = ProjectConfig.load(path: "/nonexistent/.prereq.yml", workingDirectory: "/")
        #expect(missing.unreadable && missing.diagnostics.first?.code == "io-error")
    }

    @Test func overridesAndDisabledCodesApplyToReports() {
        let config = ProjectConfig.parse(
            "severity: {unused-job: error, ambiguous-name: off}\ndisable: [missing-translation]\nbogus: 1\n",
            file: "/repo/.prereq.yml", workingDirectory: "/repo")
        let report = FindingsReport(
            findings: [
                .warning("unused-job", "job x", at: .init(file: "rules/a.yaml", line: 5, column: 1)),
                .warning("ambiguous-name", "a and b", at: .init(file: "rules/a.yaml", line: 2, column: 1)),
                .warning("missing-translation", "no pt-BR", at: .init(file: "rules/a.yaml", line: 3, column: 1)),
                .note("redundant-requirement", "r", at: .init(file: "rules/a.yaml", line: 4, column: 1)),
            ], unreadable: false)
        let applied = config.apply(to: report)
        #expect(applied.findings.map(\.code) == ["schema-unknown-key", "redundant-requirement", "unused-job"])
        #expect(applied.findings.last?.severity == .error)
        // The unknown key makes the config not understood: exit 2. Without it, the raised
        // severity alone fails the run with 1.
        #expect(!config.understood)
        #expect(applied.exitCode(failOn: .error) == 2)
        let clean = ProjectConfig.parse("severity: {unused-job: error}\n", file: "/repo/.prereq.yml", workingDirectory: "/repo")
        #expect(clean.understood)
        #expect(clean.apply(to: report).exitCode(failOn: .error) == 1)
    }

    /// A config that only drops codes and changes severities keeps the report's order (it is
    /// not sorted again); one that adds findings of its own puts them in order. Over findings
    /// in two files, on many lines and columns, with codes and messages that tie.
    @Test func applyingAConfigKeepsTheOutputOrder() {
        let codes = ["unused-job", "ambiguous-name", "missing-translation", "redundant-requirement"]
        let findings: [Diagnostic] = (0..<240).map { k in
            let m = (k * 97) % 240
            return .warning(
                codes[m % 4], "m\(m % 5)", at: .init(file: m % 2 == 0 ? "rules/b.yaml" : "rules/a.yaml", line: m % 7 + 1, column: m % 3 + 1))
        }
        let report = FindingsReport(findings: findings, unreadable: false)
        let quiet = ProjectConfig.parse(
            "severity: {unused-job: error, ambiguous-name: off}\ndisable: [missing-translation]\n",
            file: "/repo/.prereq.yml", workingDirectory: "/repo")
        let applied = quiet.apply(to: report).findings
        let expected = report.findings.filter { $0.code == "unused-job" || $0.code == "redundant-requirement" }
        #expect(applied.map(\.location) == expected.map(\.location))
        #expect(applied.map(\.message) == expected.map(\.message))
        #expect(applied.filter { $0.code == "unused-job" }.allSatisfy { $0.severity == .error })
        #expect(applied == Diagnostic.sortedForOutput(applied))
        let adding = ProjectConfig.parse("bogus: 1\nseverity: {unused-job: error}\n", file: "rules/a.yaml", workingDirectory: "/repo")
        let added = adding.apply(to: report).findings
        #expect(added.count == report.findings.count + 1)
        #expect(added == Diagnostic.sortedForOutput(added))
        #expect(added.first { $0.code == "schema-unknown-key" } != added.first)
    }

    @Test func configIsFoundByWalkingUpAndPathsAreRelativeToIt() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let fm = FileManager.default
        for folder in ["repo/sub/deeper", "repo/snapshots/prod/eu", "repo/snapshots/.hidden", "repo/rules"] {
            try fm.createDirectory(atPath: root + "/" + folder, withIntermediateDirectories: true)
        }
        for file in [
            "repo/snapshots/a.yaml", "repo/snapshots/prod/b.yaml", "repo/snapshots/prod/eu/c.yml", "repo/snapshots/prod/eu/notes.txt",
            "repo/snapshots/.hidden/d.yaml", "repo/snapshots/.e.yaml",
        ] {
            _ = fm.createFile(atPath: root + "/" + file, contents: Data("prereq: 1\n".utf8))
        }
        try Data("rules: [rules]\nsnapshots: ['snapshots/**/*.yaml', 'snapshots/**/*.y?l', snapshots/a.yaml]\n".utf8)
            .write(to: URL(fileURLWithPath: root + "/repo/.prereq.yml"))
        let cwd = root + "/repo/sub/deeper"
        let found = try #require(ProjectConfig.locate(from: cwd))
        #expect(found.hasSuffix("/repo/.prereq.yml"))
        let config = ProjectConfig.resolve(explicit: nil, workingDirectory: cwd)
        #expect(config.diagnostics.isEmpty)
        #expect(config.rulePaths() == ["../../rules"])
        #expect(
            config.snapshotFiles() == ["../../snapshots/a.yaml", "../../snapshots/prod/b.yaml", "../../snapshots/prod/eu/c.yml"])
        #expect(ProjectConfig.locate(from: root) == nil || ProjectConfig.locate(from: root)?.hasPrefix(root) == false)
        let none = ProjectConfig.resolve(explicit: nil, workingDirectory: root)
        #expect(none.file == nil || none.file?.hasPrefix(root) == false)
    }

    @Test(arguments: [
        ("**/*.yaml", "a.yaml", true), ("**/*.yaml", "x/y/a.yaml", true), ("**/*.yaml", "x/.h/a.yaml", false),
        ("*.yaml", "x/a.yaml", false), ("*.yaml", ".a.yaml", false), ("a?c.yml", "abc.yml", true), ("a?c.yml", "ac.yml", false),
        ("[ab]*.yaml", "b1.yaml", true), ("[!ab]*.yaml", "b1.yaml", false), ("s/**", "s/x/y", true), ("s/**/z", "s/z", true),
        ("*a*b*", "xxaxxbxx", true), ("*a*b", "xxaxxbxx", false), ("prod-[0-9].yaml", "prod-7.yaml", true),
    ])
    func globMatching(_ pattern: String, _ path: String, _ expected: Bool) {
        #expect(Glob(pattern).matches(path) == expected)
    }
}

/// `exclude:` globs leave files out of the rules and the snapshots.
@Suite struct ExcludeTests {
    @Test func excludedFilesAreNeitherLintedNorChecked() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let fm = FileManager.default
        for folder in ["rules/drafts", "snapshots/old"] { try fm.createDirectory(atPath: root + "/" + folder, withIntermediateDirectories: true) }
        func write(_ path: String, _ text: String) throws { try Data(text.utf8).write(to: URL(fileURLWithPath: root + "/" + path)) }
        try write("rules/pack.yaml", "prereq: 1\nfeatures:\n  a: {name: A}\n")
        try write("rules/drafts/wip.yaml", "prereq: 1\nfeatures:\n  b: {name: B, requires: [nowhere]}\n")
        try write("snapshots/now.yaml", "prereq: 1\nsnapshot: {environment: test, takenAt: 2026-11-20T10:00:00Z}\nfeatures:\n  a: on\n")
        try write("snapshots/old/then.yaml", "not: [a snapshot\n")
        try write(".prereq.yml", "snapshots: [\"snapshots/**/*.yaml\"]\nexclude: [\"rules/drafts/**\", \"snapshots/old/*\"]\n")
        let config = ProjectConfig.load(path: ".prereq.yml", workingDirectory: root)
        #expect(config.understood, "\(config.diagnostics)")
        #expect(config.snapshotFiles() == ["snapshots/now.yaml"])
        #expect(config.isExcluded("rules/drafts/wip.yaml"))
        #expect(!config.isExcluded("rules/pack.yaml"))
        let prereq = try prereqBinary()
        let lint = try runProgram(prereq, ["lint"], in: root)
        #expect(lint.status == 0, "\(lint.stdout)")
        #expect(!lint.stdout.contains("nowhere"))
        let check = try runProgram(prereq, ["check"], in: root)
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        // Without the exclusions both commands see the broken files.
        try write(".prereq.yml", "snapshots: [\"snapshots/**/*.yaml\"]\n")
        #expect(try runProgram(prereq, ["lint"], in: root).status == 1)
        #expect(try runProgram(prereq, ["check"], in: root).status == 2)
    }
}
