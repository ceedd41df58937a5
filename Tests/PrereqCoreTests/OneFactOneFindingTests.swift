import Diagnostics
import PrereqCore
import PrereqYAML
import Testing

/// One fact, one finding: a fact that several features meet is stated once, and `check` and the
/// FAQ count faults, not the lines that lead to them.
@Suite struct OneFactOneFindingTests {
    static let twoFeaturesNeedingOrderedJobs = """
        prereq: 1
        jobs:
          a: {name: A}
          b: {name: B, after: [a]}
        features:
          f: {takesEffect: {jobs: [b]}}
          g: {takesEffect: {jobs: [b]}}
        """

    func check(pack: String, snapshot: String) -> [Diagnostic] {
        let f = facts(pack: pack, snapshot: snapshot)
        return CheckRun.check(f.snapshot, graph: f.graph, language: .english)
    }

    @Test func aJobOutOfOrderIsOneFindingHoweverManyFeaturesNeedIt() throws {
        let findings = check(pack: Self.twoFeaturesNeedingOrderedJobs, snapshot: header + """
            features:
              f: {enabled: true, enabledAt: 2026-11-19T00:00:00Z}
              g: {enabled: true, enabledAt: 2026-11-19T00:00:00Z}
            jobs:
              a: {lastSuccess: 2026-11-20T09:00:00Z}
              b: {lastSuccess: 2026-11-20T08:00:00Z}
            """)
        let order = findings.filter { $0.code == "job-order" }
        try #require(order.count == 1)
        #expect(order[0].subject == "b")
        #expect(!order[0].message.hasPrefix("\""))
        // Where each feature that needs it stands in the snapshot is kept as a related place.
        #expect(order[0].related.filter { $0.message == Messages(.english).aFeatureThatNeedsIt }.map(\.location.line) == [4, 5])
    }

    @Test func aJobWideRunThatFailsForSeveralChannelsIsOneCauseListingThem() throws {
        let answer = why("f", pack: """
            prereq: 1
            jobs:
              j: {name: J, kind: download}
            features:
              f: {takesEffect: {jobs: [j]}}
            """, snapshot: header + """
            channels: [s1, s2, s3]
            features:
              f: {enabled: true, enabledAt: 2026-11-19T00:00:00Z}
            jobs:
              j:
                lastSuccess: 2026-11-18T00:00:00Z
                channels:
                  s2: {lastSuccess: 2026-11-19T01:00:00Z}
            """)
        #expect(answer.verdict == .notInEffect)
        let causes = answer.rootCauses
        try #require(causes.count == 1)
        #expect(causes[0].message.contains("in s1, s3"))
        #expect(causes[0].channels == ["s1", "s3"])
        #expect(AnswerJSON.cause(causes[0]).serialized(pretty: false).contains("\"channels\":[\"s1\",\"s3\"]"))
        #expect(answer.plan.steps.filter { $0.action == .runJob }.map { $0.details["channels"] } == ["s1,s3"])
    }

    @Test func aMissingProductVersionIsAskedForOnce() throws {
        let findings = check(pack: """
            prereq: 1
            features:
              f: {introducedIn: 10.0.30}
              g: {introducedIn: 10.0.31}
              h: {minVersion: 10.0.32}
            """, snapshot: """
            prereq: 1
            snapshot: {environment: test, takenAt: 2026-11-20T10:00:00Z}
            features: {f: on, g: on, h: on}
            """)
        #expect(findings.map(\.code) == ["missing-data"])
        #expect(findings.first?.message.contains("product version") == true)
        #expect(findings.first?.related.count == 3)
        #expect(findings.first?.location?.line == 2)  // the snapshot's header
    }

    @Test func theFAQListsACauseMetByTwoChecksOnce() throws {
        let f = facts(pack: """
            prereq: 1
            features:
              f: {introducedIn: 10.0.30}
              g: {introducedIn: 10.0.31}
            questions:
              q:
                text: Can both be switched on?
                checks: [{canEnable: f}, {canEnable: g}, {inEffect: f}]
            """, snapshot: """
            prereq: 1
            snapshot: {environment: test, takenAt: 2026-11-20T10:00:00Z}
            features: {f: off, g: off}
            """)
        var evaluator = Evaluator(facts: f, language: .english)
        let item = try #require(evaluator.answerQuestions().items.first)
        #expect(item.causes.map(\.message) == [Messages(.english).versionNotGiven])
        #expect(item.plan.steps.filter { $0.action == .provideData }.count == 1)
    }
}
