import Diagnostics
import Foundation
import PrereqCore
import Testing

/// `# prereq-ignore CODE -- reason` comments in rule packs and snapshots.
@Suite struct InlineSuppressionTests {
    /// Findings of `code` at each given line of `p.yaml`, gated by comments in `text`.
    func suppress(_ text: String, findings lines: [Int], code: String = "unused-job") -> FindingsReport {
        let findings = lines.map { Diagnostic.warning(code, "job at \($0)", at: .init(file: "p.yaml", line: $0, column: 3)) }
        return InlineSuppressions.apply(
            to: FindingsReport(findings: findings, unreadable: false), sources: SourceFileLines(texts: ["p.yaml": text]))
    }

    @Test func commentOnOrAboveTheLineSuppressesWithItsReason() {
        let text = """
            jobs:
              a: {code: '1'}  # prereq-ignore unused-job -- run by hand during migrations
              # prereq-ignore unused-job -- kept for the rollback plan
              # (owned by the platform team)
              b: {code: '2'}
              c: {code: '3'}
            """
        let gated = suppress(text, findings: [2, 5, 6])
        #expect(gated.findings.map(\.location?.line) == [6])
        #expect(gated.suppressed.map(\.justification) == ["run by hand during migrations", "kept for the rollback plan"])
        #expect(gated.suppressed.map(\.comment.line) == [2, 3])
        #expect(gated.summaryLine == "0 errors, 1 warning, 0 notes (2 suppressed inline)")
        #expect(gated.json().serialized().contains("\"suppressed\":2"))
    }

    @Test func commentAboveCountsOnlyWhenNothingElseIsBetween() {
        let text = "jobs:\n  # prereq-ignore unused-job -- not this one\n  a: {code: '1'}\n  b: {code: '2'}\n"
        #expect(suppress(text, findings: [4]).suppressed.isEmpty)
        // A trailing comment on the line above covers only that line.
        #expect(suppress("jobs:\n  a: {}  # prereq-ignore unused-job -- a only\n  b: {}\n", findings: [3]).suppressed.isEmpty)
    }

    @Test func commentNamesTheCodesItAccepts() {
        let text = "jobs:\n  a: {}  # prereq-ignore unused-setting, unused-job -- both\n  b: {}  # prereq-ignore unused-setting -- other code\n"
        let gated = suppress(text, findings: [2, 3])
        #expect(gated.suppressed.count == 1)
        #expect(gated.findings.map(\.location?.line) == [3])
    }

    @Test func commentWithoutReasonOrCodesSuppressesNothingAndIsAFinding() {
        let gated = suppress("jobs:\n  a: {}  # prereq-ignore unused-job\n  b: {}  # prereq-ignore -- no code\n", findings: [2, 3])
        #expect(gated.suppressed.isEmpty)
        #expect(gated.findings.map(\.code).sorted() == ["suppression-incomplete", "suppression-incomplete", "unused-job", "unused-job"])
        let incomplete = gated.findings.filter { $0.code == "suppression-incomplete" }
        #expect(incomplete.map(\.location?.line) == [2, 3])
        #expect(incomplete.map(\.location?.column) == [10, 10])
        #expect(FindingCatalog.entry("suppression-incomplete") != nil)
    }

    @Test func hashInsideQuotesOrWordsIsNotAComment() {
        #expect(SuppressionComment.parse("  a: {name: \"x # prereq-ignore unused-job -- y\"}") == nil)
        #expect(SuppressionComment.parse("  a: 'it''s # prereq-ignore unused-job -- y'") == nil)
        #expect(SuppressionComment.parse("  a: x#prereq-ignore unused-job -- y") == nil)
        #expect(SuppressionComment.parse("  a: x # prereq-ignored unused-job -- y") == nil)
        let c = SuppressionComment.parse("  a: \"x\" # prereq-ignore unused-job -- y -- z")
        #expect(c == SuppressionComment(codes: ["unused-job"], reason: "y -- z", column: 10, standsAlone: false))
    }

    @Test func portugueseReportsWordTheCommentFinding() {
        let findings = [Diagnostic.warning("unused-job", "x", at: .init(file: "p.yaml", line: 1, column: 1))]
        let gated = InlineSuppressions.apply(
            to: FindingsReport(findings: findings, unreadable: false, language: .brazilianPortuguese),
            sources: SourceFileLines(texts: ["p.yaml": "a: 1 # prereq-ignore unused-job\n"]))
        #expect(gated.findings.first { $0.code == "suppression-incomplete" }?.message.contains("não dá um motivo") == true)
    }

    @Test func optionAndConfigForbidInlineIgnores() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let file = root + "/p.yaml"
        try Data("jobs:\n  a: {}  # prereq-ignore unused-job -- reason\n".utf8).write(to: URL(fileURLWithPath: file))
        let report = FindingsReport(findings: [.warning("unused-job", "x", at: .init(file: file, line: 2, column: 3))], unreadable: false)
        func gated(_ config: ProjectConfig, noInlineIgnores: Bool) throws -> FindingsReport {
            try ReportGate(config: config, command: "lint", format: nil, failOn: nil, baseline: nil, noInlineIgnores: noInlineIgnores)
                .gate(report).report
        }
        let defaults = ProjectConfig(workingDirectory: root)
        #expect(try gated(defaults, noInlineIgnores: false).suppressed.count == 1)
        #expect(try gated(defaults, noInlineIgnores: true).findings.count == 1)
        let forbidding = ProjectConfig.parse("inlineIgnores: false\n", file: ".prereq.yml", workingDirectory: root)
        #expect(forbidding.diagnostics.isEmpty)
        #expect(try gated(forbidding, noInlineIgnores: false).findings.count == 1)
    }

    @Test func sarifShowsSuppressedResultsInSource() throws {
        let findings = [Diagnostic.warning("unused-job", "job a", at: .init(file: "p.yaml", line: 2, column: 3))]
        let gated = InlineSuppressions.apply(
            to: FindingsReport(findings: findings, unreadable: false),
            sources: SourceFileLines(texts: ["p.yaml": "jobs:\n  a: {}  # prereq-ignore unused-job -- run by hand\n"]))
        let sarif = SarifRenderer(paths: fixedPaths).render(gated)
        let object = try JSONSerialization.jsonObject(with: Data(sarif.utf8)) as? [String: Any]
        let run = (object?["runs"] as? [[String: Any]])?.first
        let result = (run?["results"] as? [[String: Any]])?.first
        let suppression = (result?["suppressions"] as? [[String: Any]])?.first
        #expect(suppression?["kind"] as? String == "inSource")
        #expect(suppression?["justification"] as? String == "run by hand")
        try expectValidSarif(sarif)
    }

    @Test func gateCommandHonoursCommentsInSnapshots() throws {
        // A snapshot with findings: each finding's line gets a comment accepting it.
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/.git", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: packageRoot + "/rules", toPath: root + "/rules")
        try FileManager.default.copyItem(atPath: packageRoot + "/examples/snapshots/not-in-effect-one-channel.yaml", toPath: root + "/s.yaml")
        let prereq = try prereqBinary()
        let before = try runProgram(prereq, ["check", "--rules", "rules", "--format", "json", "s.yaml"], in: root)
        #expect(before.status == 1)
        let object = try JSONSerialization.jsonObject(with: Data(before.stdout.utf8)) as? [String: Any]
        let findings = try #require(object?["findings"] as? [[String: Any]])
        var lines = try String(contentsOfFile: root + "/s.yaml", encoding: .utf8).components(separatedBy: "\n")
        var codesByLine: [Int: Set<String>] = [:]
        for f in findings {
            let location = f["location"] as? [String: Any]
            guard location?["file"] as? String == "s.yaml", let line = location?["line"] as? Int, line > 0, let code = f["code"] as? String
            else { continue }
            codesByLine[line, default: []].insert(code)
        }
        try #require(!codesByLine.isEmpty)
        for (line, codes) in codesByLine {
            lines[line - 1] += "  # prereq-ignore \(codes.sorted().joined(separator: ", ")) -- accepted while the rollout waits"
        }
        try Data(lines.joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: root + "/s.yaml"))
        let after = try runProgram(prereq, ["check", "--rules", "rules", "s.yaml"], in: root)
        let inSnapshot = findings.filter { ($0["location"] as? [String: Any])?["file"] as? String == "s.yaml" }.count
        #expect(after.stdout.contains("(\(inSnapshot) suppressed inline)"))
        if inSnapshot == findings.count { #expect(after.status == 0) }
        let forbidden = try runProgram(prereq, ["check", "--rules", "rules", "--no-inline-ignores", "s.yaml"], in: root)
        #expect(forbidden.status == 1)
        #expect(!forbidden.stdout.contains("suppressed inline"))
    }
}

extension InlineSuppressionTests {
    @Test func documentedExampleSuppressesWhatTheDocsSay() throws {
        let docs = try String(contentsOfFile: packageRoot + "/docs/ci-gate.md", encoding: .utf8)
        let section = try #require(docs.range(of: "## Inline suppressions"))
        let open = try #require(docs.range(of: "```yaml\n", range: section.upperBound..<docs.endIndex))
        let close = try #require(docs.range(of: "```", range: open.upperBound..<docs.endIndex))
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try Data(docs[open.upperBound..<close.lowerBound].utf8).write(to: URL(fileURLWithPath: root + "/pack.yaml"))
        let prereq = try prereqBinary()
        let run = try runProgram(prereq, ["lint", "--fail-on", "note", "pack.yaml"], in: root)
        #expect(run.status == 0)
        #expect(run.stdout == "0 errors, 0 warnings, 0 notes (2 suppressed inline)\n")
        #expect(try runProgram(prereq, ["lint", "--fail-on", "note", "--no-inline-ignores", "pack.yaml"], in: root).status == 1)
    }
}
