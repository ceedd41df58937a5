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

    @Test func baselineSurvivesReorderingAndLineShiftsAndReportsOnlyNewFindings() {
        let before = lintText(Self.pack)
        #expect(before.findings.count >= 3)
        let baseline = Baseline.record(before, paths: fixedPaths)
        let after = lintText(Self.shifted)
        #expect(after.findings.map(\.location?.line) != before.findings.map(\.location?.line))
        let gated = baseline.apply(to: after, paths: fixedPaths)
        #expect(gated.findings.count == 1)
        #expect(gated.findings.first?.message.contains("missing-three") == true)
        #expect(gated.baseline == BaselineOutcome(suppressed: before.findings.count, unmatched: 0))
    }

    @Test func fixedFindingsAreCountedAsUnmatchedEntries() {
        let baseline = Baseline.record(lintText(Self.pack), paths: fixedPaths)
        let fixed = Self.pack.replacingOccurrences(of: ", missing-one", with: "")
        let gated = baseline.apply(to: lintText(fixed), paths: fixedPaths)
        #expect(gated.findings.isEmpty)
        #expect(gated.baseline?.unmatched == 1)
        #expect(gated.baseline?.suppressed == baseline.entries.count - 1)
    }

    @Test func identicalFindingsGetOccurrenceCounters() {
        let d = Diagnostic.warning("unused-job", "job x is not used", at: .init(file: "rules/a.yaml", line: 3, column: 1))
        var moved = d
        moved.location?.line = 9
        let prints = FindingFingerprint.compute([d, moved], paths: fixedPaths)
        #expect(prints[0].hasSuffix(":1") && prints[1].hasSuffix(":2"))
        #expect(prints[0].dropLast(2) == prints[1].dropLast(2))
        // Two accepted copies do not hide a third.
        let baseline = Baseline.record(FindingsReport(findings: [d, moved], unreadable: false), paths: fixedPaths)
        var third = d
        third.location?.line = 20
        let gated = baseline.apply(to: FindingsReport(findings: [d, moved, third], unreadable: false), paths: fixedPaths)
        #expect(gated.findings.count == 1)
    }

    @Test func fingerprintIgnoresPositionsInMessagesButNotOtherNumbers() {
        #expect(
            FindingFingerprint.normalizedMessage("first defined at rules/a.yaml:12:3 and line 40")
                == "first defined at rules/a.yaml:# and line #")
        #expect(FindingFingerprint.normalizedMessage("job 1110 needs 10.0.38") == "job 1110 needs 10.0.38")
        // FNV-1a 64 reference values.
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

    @Test func baselineFileIsSortedDeterministicAndReadsBack() throws {
        let baseline = Baseline.record(lintText(Self.pack), paths: fixedPaths)
        let text = baseline.serialized()
        #expect(text == Baseline.record(lintText(Self.shifted.replacingOccurrences(of: "missing-three", with: "c")), paths: fixedPaths).serialized())
        let fingerprints = baseline.entries.map(\.fingerprint)
        #expect(fingerprints == fingerprints.sorted())
        let read = try Baseline.parse(Data(text.utf8), file: "b.json")
        #expect(read == baseline)
    }

    @Test func malformedBaselineIsAnError() {
        #expect(throws: Diagnostic.self) { try Baseline.parse(Data("[]".utf8), file: "b.json") }
        #expect(throws: Diagnostic.self) { try Baseline.parse(Data("{\"prereqBaseline\": 2, \"findings\": []}".utf8), file: "b.json") }
        #expect(throws: Diagnostic.self) { try Baseline.read(path: "/nonexistent/baseline.json") }
    }
}
