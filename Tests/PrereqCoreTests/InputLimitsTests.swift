import Diagnostics
import PrereqCore
import PrereqYAML
import Testing

/// Durations, versions and moments beyond what Prereq reads are errors at their line, and no
/// arithmetic on time can trap.
@Suite struct InputLimitsTests {
    @Test(arguments: ["1w2w", "5m1h", "1d1w", "30s30s", "PT1M1M"]) func aUnitRepeatedOrOutOfOrderIsNotADuration(_ text: String) {
        #expect(TimeSpan.read(text) == .failure(.malformed))
    }

    @Test func unitsFromLargestToSmallestAdd() {
        #expect(TimeSpan("1w2d3h4m5s")?.seconds == 7 * 86400 + 2 * 86400 + 3 * 3600 + 4 * 60 + 5)
        #expect(TimeSpan("PT1H30M")?.seconds == 5400)
    }

    @Test func unitsAndTheISOPrefixReadInAnyCaseAndSurroundingSpaceIsIgnored() {
        #expect(TimeSpan("15M")?.seconds == 900)
        #expect(TimeSpan("pt1h30m")?.seconds == 5400)
        #expect(TimeSpan("Pt2H")?.seconds == 7200)
        #expect(TimeSpan("1W")?.seconds == 7 * 86400)
        #expect(TimeSpan(" 15m\t")?.seconds == 900)
        #expect(TimeSpan("\u{00A0}15m\u{2003}")?.seconds == 900)  // no-break and em spaces
    }

    @Test(arguments: ["", "p", "pt", "m", "15", "P1W", "１５m", "15\u{0301}m", "15m\u{0301}", "1 5m", "15k", "15mm", "\u{212A}"])
    func anythingElseIsNotADuration(_ text: String) {
        #expect(TimeSpan.read(text) == .failure(.malformed))
    }

    @Test func aDurationBeyondTheLimitIsTooLong() {
        #expect(TimeSpan.read("5218w") == .failure(.tooLong))  // a little over 100 years
        #expect(TimeSpan.read("9999999999s") == .failure(.tooLong))  // ten digits
        #expect(TimeSpan.read("36525d") == .success(TimeSpan.maximum))
    }

    @Test func timeArithmeticSaturatesInsteadOfTrapping() {
        let late = Timestamp(secondsSinceEpoch: Int.max - 10)
        #expect((late + TimeSpan(seconds: 100)).secondsSinceEpoch == Int.max)
        #expect(Timestamp(secondsSinceEpoch: Int.min).since(Timestamp(secondsSinceEpoch: 1)) == Int.min)
        #expect(Timestamp(secondsSinceEpoch: Int.max).since(Timestamp(secondsSinceEpoch: -1)) == Int.max)
        #expect((TimeSpan(seconds: Int.max / 2 + 1) * 2).seconds == Int.max)
        #expect(!Timestamp(secondsSinceEpoch: Int.min).description.isEmpty)
    }

    @Test(arguments: [
        ("settle", "features:\n  a:\n    takesEffect: {jobs: [j], settle: 15251w}\njobs:\n  j: {}\n"),
        ("maxInterval", "features:\n  a: {}\njobs:\n  j:\n    schedule: {recurring: true, maxInterval: 99999999w}\n"),
    ])
    func aHugeDurationInAPackIsAnErrorAtItsLine(_ key: String, _ body: String) throws {
        let (_, diagnostics) = pack("prereq: 1\n" + body)
        let error = try #require(diagnostics.first { $0.severity == .error })
        #expect(error.code == "schema-value")
        #expect(error.message.contains("longer than the longest duration"))
        let line = body.split(separator: "\n").firstIndex { $0.contains(key) }.map { $0 + 2 }
        #expect(error.location?.line == line)
    }

    @Test func aHugeScheduleInASnapshotIsAnErrorAtItsLine() throws {
        let loaded = YAMLLoader().load(
            bytes: Array((header + "jobs:\n  j:\n    schedule: {recurring: true, every: 7626w7d}\n").utf8), file: "snap.yaml")
        let (_, diagnostics) = SnapshotDecoder.decode(loaded.documents[0])
        let error = try #require(diagnostics.first { $0.severity == .error })
        #expect(error.message.contains("longer than the longest duration"))
        #expect(error.location?.line == 5)
    }

    @Test func momentsAtTheEndsOfTheCalendarAreEvaluatedWithoutTrapping() throws {
        let packYAML = """
            prereq: 1
            features:
              a: {takesEffect: {jobs: [j], settle: 36525d}}
            jobs:
              j: {schedule: {recurring: true, maxInterval: 36525d}}
            records:
              r: {table: T, where: {Done: 0}, clearedBy: j}
            """
        let snapshotYAML = """
            prereq: 1
            snapshot: {environment: e, takenAt: 9999-12-31T23:59:59Z}
            features:
              a: {enabled: true, enabledAt: 0000-01-01T00:00:00+23:59}
            jobs:
              j: {lastSuccess: 0000-01-01T00:00:00Z, schedule: {recurring: true, every: 36525d}}
            records:
              - {table: T, where: {Done: 0}, count: 5, oldest: 0000-01-01T00:00:00Z}
            """
        let loaded = YAMLLoader().load(bytes: Array(snapshotYAML.utf8), file: "snap.yaml")
        let (snapshot, diagnostics) = SnapshotDecoder.decode(loaded.documents[0])
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty, "\(diagnostics)")
        let graph = RuleGraph(pack(packYAML).0)
        let findings = CheckRun.check(snapshot, graph: graph, language: .english)
        #expect(findings.contains { $0.code == "schedule" })
        let answer = why("a", pack: packYAML, snapshot: snapshotYAML)
        #expect(!answer.explanation.nodes.isEmpty)
    }

    @Test func aVersionNumberBeyondNineDigitsIsAnErrorAtItsLine() throws {
        let (_, diagnostics) = pack("prereq: 1\nfeatures:\n  a:\n    introducedIn: 10.0.99999999999\n")
        let error = try #require(diagnostics.first { $0.severity == .error })
        #expect(error.code == "schema-value")
        #expect(error.location?.line == 4)
    }
}

/// Small contradictions that used to pass without a word.
@Suite struct QuietContradictionTests {
    @Test func aFeatureThatConflictsWithItselfIsAnErrorAtTheReference() throws {
        let findings = lint("prereq: 1\nfeatures:\n  a:\n    conflicts: [b, a]\n  b: {}\n")
        let finding = try #require(findings.first { $0.code == "self-conflict" })
        #expect(finding.severity == .error)
        #expect(finding.location?.line == 4)
        #expect(finding.subject == "a")
    }

    @Test func eventsLaterThanTakenAtAreWarningsAtTheirLine() throws {
        let loaded = YAMLLoader().load(
            bytes: Array(
                (header
                    + "features:\n  a: {enabled: true, enabledAt: 2026-11-21T09:00:00Z}\n  b: {enabled: true, enabledAt: 2026-11-19T09:00:00Z}\n"
                    + "jobs:\n  j:\n    lastSuccess: 2026-11-20T09:00:00Z\n    channels:\n      s1: {lastSuccess: 2026-11-20T11:00:00Z}\n"
                    + "records:\n  - {table: T, count: 1, oldest: 2026-12-01T00:00:00Z}\n").utf8), file: "snap.yaml")
        let (snapshot, _) = SnapshotDecoder.decode(loaded.documents[0])
        let findings = EventTimeCheck.run(snapshot)
        #expect(findings.map(\.code) == ["event-after-snapshot", "event-after-snapshot", "event-after-snapshot"])
        #expect(findings.map { $0.location?.line } == [4, 10, 12])
        #expect(findings.allSatisfy { $0.severity == .warning && $0.related.first?.location.line == 2 })
        #expect(findings[1].message.contains("s1"))
    }

    @Test func settingChangesAndTheVersionInstallLaterThanTakenAtAreWarningsToo() throws {
        let text = header.replacingOccurrences(of: "takenAt: 2026-11-20T10:00:00Z", with: "takenAt: 2026-11-20T10:00:00Z, versionInstalledAt: 2026-11-22T00:00:00Z")
            + "settings:\n  mode:\n    value: A\n    changedAt: 2026-11-20T11:00:00Z\n"
            + "    channels:\n      s1: {value: B, changedAt: 2026-11-20T12:00:00Z}\n      s2: {value: B, changedAt: 2026-11-19T12:00:00Z}\n"
        let loaded = YAMLLoader().load(bytes: Array(text.utf8), file: "snap.yaml")
        let (snapshot, found) = SnapshotDecoder.decode(loaded.documents[0])
        #expect(found.filter { $0.severity == .error }.isEmpty)
        let findings = EventTimeCheck.run(snapshot)
        #expect(findings.map(\.code) == ["event-after-snapshot", "event-after-snapshot", "event-after-snapshot"])
        #expect(findings[0].message.contains("setting \"mode\"") && !findings[0].message.contains(" in s"))
        #expect(findings[1].message.contains("in s1"))
        #expect(findings[2].message.contains("product version was installed"))
    }
}

/// A feature named twice in one requirement tree: the finding points at the occurrence that fails.
@Suite struct RepeatedReferenceTests {
    @Test(arguments: [
        ("requires:\n      - anyOf: [b, c]\n      - b\n", 6),
        ("requires:\n      - b\n      - anyOf: [b, c]\n", 5),
        ("requires:\n      - anyOf: [c, d]\n      - anyOf: [b, c]\n      - anyOf: [d, b]\n", 7),
    ])
    func theRuleThatDemandsItIsTheFailingOccurrence(_ requires: String, _ line: Int) throws {
        let packYAML = "prereq: 1\nfeatures:\n  a:\n    " + requires + "  b: {}\n  c: {}\n  d: {}\n"
        let loaded = YAMLLoader().load(bytes: Array((header + "features:\n  a: on\n  b: off\n  c: on\n  d: off\n").utf8), file: "snap.yaml")
        let (snapshot, _) = SnapshotDecoder.decode(loaded.documents[0])
        let findings = CheckRun.check(snapshot, graph: RuleGraph(pack(packYAML).0), language: .english)
        let finding = try #require(findings.first { $0.code == "prerequisite-off" && $0.subject == "b" })
        let rule = try #require(finding.related.first { $0.message == "the rule that demands it" })
        #expect(rule.location.line == line)
    }
}
