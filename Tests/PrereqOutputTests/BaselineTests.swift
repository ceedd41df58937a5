import Diagnostics
import Foundation
import PrereqCore
import Testing

@Suite struct BaselineTests {
    static let pack = """
        prereq: 1
        features:
          a: {name: A, requires: [b, missing-one]}
          b: {name: B, requires: [c]}
          c: {name: C, requires: [missing-two]}
        jobs:
          orphan: {code: "9999", name: Orphan}
        """

    /// The same pack with lines shifted (comments, blank lines), features reordered, and one new
    /// problem (`d` refers to an unknown feature).
    static let shifted = """
        # A comment that moves every line down.

        prereq: 1
        jobs:
          orphan: {code: "9999", name: Orphan}

        features:
          c: {name: C, requires: [missing-two]}
          d: {name: D, requires: [missing-three]}
          b: {name: B, requires: [c]}

          a: {name: A, requires: [b, missing-one]}
        """

    /// A repository folder holding `rules/pack.yaml` with `text`; lints it as `prereq lint` run
    /// at its root would.
    struct Repository {
        var root: String
        var paths: RepositoryPaths { RepositoryPaths(root: root, workingDirectory: root) }
        var pack: String { root + "/rules/pack.yaml" }

        init(_ text: String) throws {
            root = try temporaryFolder()
            try FileManager.default.createDirectory(atPath: root + "/rules", withIntermediateDirectories: true)
            try write(text)
        }

        func write(_ text: String) throws {
            try Data(text.utf8).write(to: URL(fileURLWithPath: pack))
        }

        func lint(_ language: Language = .english) -> FindingsReport {
            LintRun.run(paths: [pack], language: language)
        }

        func remove() { try? FileManager.default.removeItem(atPath: root) }
    }

    @Test func baselineSurvivesReorderingAndLineShiftsAndReportsOnlyNewFindings() throws {
        let repo = try Repository(Self.pack)
        defer { repo.remove() }
        let before = repo.lint()
        #expect(before.findings.count >= 3)
        let baseline = Baseline.record(before, command: "lint", paths: repo.paths)
        try repo.write(Self.shifted)
        let after = repo.lint()
        #expect(after.findings.map(\.location?.line) != before.findings.map(\.location?.line))
        let gated = baseline.apply(to: after, command: "lint", paths: repo.paths)
        #expect(gated.findings.count == 1)
        #expect(gated.findings.first?.message.contains("missing-three") == true)
        #expect(gated.baseline == BaselineOutcome(suppressed: before.findings.count, unmatched: 0))
    }

    @Test func baselineWrittenInPortugueseSuppressesTheSameFindingsInEnglish() throws {
        let repo = try Repository(Self.pack)
        defer { repo.remove() }
        let portuguese = repo.lint(.brazilianPortuguese)
        let english = repo.lint(.english)
        // The messages really are worded differently…
        #expect(Set(portuguese.findings.map(\.message)).isDisjoint(with: english.findings.map(\.message)))
        // …and the baseline matches every finding all the same, in both directions.
        let fromPortuguese = Baseline.record(portuguese, command: "lint", paths: repo.paths)
        let gated = fromPortuguese.apply(to: english, command: "lint", paths: repo.paths)
        #expect(gated.findings.isEmpty)
        #expect(gated.baseline == BaselineOutcome(suppressed: english.findings.count, unmatched: 0))
        let fromEnglish = Baseline.record(english, command: "lint", paths: repo.paths)
        #expect(fromEnglish.apply(to: portuguese, command: "lint", paths: repo.paths).findings.isEmpty)
    }

    @Test func findingsOfOneSubjectAreToldApartByWhatTheyPointAt() throws {
        // Two unknown references of the same feature: same code, file and subject.
        let repo = try Repository("prereq: 1\nfeatures:\n  a: {name: A, requires: [missing-one, missing-two]}\n")
        defer { repo.remove() }
        let baseline = Baseline.record(repo.lint(), command: "lint", paths: repo.paths)
        #expect(baseline.entries(for: "lint").count == 2)
        // One reference fixed, the other replaced by a new unknown one: the new one is reported
        // (an occurrence counter alone would take it for the accepted second finding).
        try repo.write("prereq: 1\nfeatures:\n  a: {name: A, requires: [missing-three]}\n")
        let gated = baseline.apply(to: repo.lint(), command: "lint", paths: repo.paths)
        #expect(gated.findings.map(\.code) == ["unknown-reference"])
        #expect(gated.findings.first?.message.contains("missing-three") == true)
        #expect(gated.baseline?.unmatched == 2)
    }

    @Test func anchorIsTheTextAFindingPointsAtWithoutComments() {
        let sources = SourceFileLines(texts: ["p.yaml": "a:\n  requires: [b, \"gone\"]  # why\n  note: x  # a comment\n"])
        func anchor(_ line: Int, _ column: Int, end: Int?) -> String {
            FindingFingerprint.anchor(
                of: .error("x", "m", at: SourceLocation(file: "p.yaml", line: line, column: column, endLine: end.map { _ in line }, endColumn: end)),
                in: sources)
        }
        #expect(anchor(2, 17, end: 23) == "\"gone\"")
        #expect(anchor(3, 3, end: nil) == "note: x")
        #expect(anchor(9, 1, end: nil) == "")
        #expect(FindingFingerprint.anchor(of: .error("x", "m", at: .wholeFile("p.yaml")), in: sources) == "")
    }

    @Test func fixedFindingsAreCountedAsUnmatchedEntries() throws {
        let repo = try Repository(Self.pack)
        defer { repo.remove() }
        let baseline = Baseline.record(repo.lint(), command: "lint", paths: repo.paths)
        try repo.write(Self.pack.replacingOccurrences(of: ", missing-one", with: ""))
        let gated = baseline.apply(to: repo.lint(), command: "lint", paths: repo.paths)
        #expect(gated.findings.isEmpty)
        #expect(gated.baseline?.unmatched == 1)
        #expect(gated.baseline?.suppressed == baseline.entries(for: "lint").count - 1)
    }

    @Test func identicalFindingsGetOccurrenceCounters() {
        let d = Diagnostic.warning("unused-job", "job x is not used", at: .init(file: "rules/a.yaml", line: 3, column: 1))
        var moved = d
        moved.location?.line = 9
        let prints = FindingFingerprint.compute([d, moved], paths: fixedPaths)
        #expect(prints[0].hasSuffix(":1") && prints[1].hasSuffix(":2"))
        #expect(prints[0].dropLast(2) == prints[1].dropLast(2))
        // Two accepted copies do not hide a third.
        let baseline = Baseline.record(FindingsReport(findings: [d, moved], unreadable: false), command: "lint", paths: fixedPaths)
        var third = d
        third.location?.line = 20
        let gated = baseline.apply(to: FindingsReport(findings: [d, moved, third], unreadable: false), command: "lint", paths: fixedPaths)
        #expect(gated.findings.count == 1)
    }

    @Test func fingerprintHashIsFNV1a64() {
        #expect(FindingFingerprint.fnv1a64("") == 0xcbf2_9ce4_8422_2325)
        #expect(FindingFingerprint.fnv1a64("a") == 0xaf63_dc4c_8601_ec8c)
        #expect(FindingFingerprint.fnv1a64("foobar") == 0x85944171f73967e8)
    }

    @Test func fingerprintDependsOnRepositoryRelativePathNotWorkingDirectory() {
        let d = Diagnostic.warning("unused-job", "job x", at: .init(file: "a.yaml", line: 1, column: 1))
        var fromRoot = d
        fromRoot.location?.file = "rules/a.yaml"
        let inRules = RepositoryPaths(root: "/repo", workingDirectory: "/repo/rules")
        #expect(FindingFingerprint.compute([d], paths: inRules) == FindingFingerprint.compute([fromRoot], paths: fixedPaths))
    }

    @Test func fingerprintIgnoresTheMessage() {
        let d = Diagnostic.warning("unused-job", "job x is not used", at: .init(file: "rules/a.yaml", line: 3, column: 1))
        var reworded = d
        reworded.message = "o trabalho x não é usado"
        #expect(FindingFingerprint.compute([d], paths: fixedPaths) == FindingFingerprint.compute([reworded], paths: fixedPaths))
    }

    @Test func baselineFileIsSortedDeterministicAndReadsBack() throws {
        let repo = try Repository(Self.pack)
        defer { repo.remove() }
        let baseline = Baseline.record(repo.lint(), command: "lint", paths: repo.paths)
        let text = baseline.serialized()
        try repo.write(Self.shifted.replacingOccurrences(of: "missing-three", with: "c"))
        #expect(text == Baseline.record(repo.lint(), command: "lint", paths: repo.paths).serialized())
        let fingerprints = baseline.entries(for: "lint").map(\.fingerprint)
        #expect(fingerprints == fingerprints.sorted())
        let read = try Baseline.parse(Data(text.utf8), file: "b.json")
        #expect(read == baseline)
    }

    @Test func commandsKeepTheirEntriesApart() throws {
        let lint = Diagnostic.warning("unused-job", "job x", at: .init(file: "rules/a.yaml", line: 1, column: 1))
        let check = Diagnostic.error("job-not-run", "job y", at: .init(file: "snapshots/s.yaml", line: 2, column: 3))
        var baseline = Baseline.record(FindingsReport(findings: [check], unreadable: false), command: "check", paths: fixedPaths)
        baseline = baseline.replacing("lint", with: Baseline.entries(of: FindingsReport(findings: [lint], unreadable: false), paths: fixedPaths))
        let read = try Baseline.parse(Data(baseline.serialized().utf8), file: "b.json")
        #expect(read.entries(for: "check").map(\.code) == ["job-not-run"])
        #expect(read.entries(for: "lint").map(\.code) == ["unused-job"])
        // Entries of one command do not suppress the other's findings.
        let both = FindingsReport(findings: [lint, check], unreadable: false)
        #expect(read.apply(to: both, command: "lint", paths: fixedPaths).findings.map(\.code) == ["job-not-run"])
    }

    @Test func malformedBaselineIsAnError() {
        #expect(throws: Diagnostic.self) { try Baseline.parse(Data("[]".utf8), file: "b.json") }
        #expect(throws: Diagnostic.self) { try Baseline.parse(Data("{\"prereqBaseline\": 3, \"commands\": {}}".utf8), file: "b.json") }
        #expect(throws: Diagnostic.self) { try Baseline.read(path: "/nonexistent/baseline.json") }
    }

    @Test func baselineOfTheOldFormatAsksToBeWrittenAgain() {
        let old = Data("{\"prereqBaseline\": 1, \"findings\": [{\"fingerprint\": \"00:1\"}]}".utf8)
        do {
            _ = try Baseline.parse(old, file: "b.json")
            Issue.record("a format-1 baseline was accepted")
        } catch {
            #expect(error.code == "schema-version")
            #expect(error.help?.contains("--write-baseline b.json") == true)
        }
    }
}
