import Diagnostics
import PrereqCore
import Testing

/// Orders after a job's state (`after: [{job: A, reached: Applied}]`) and jobs that another job
/// creates (`createdBy`): evaluation, plans (verified by the simulator), check findings, lint and
/// decoding.
@Suite struct JobStateTests {
    /// A recurring distribution job that goes Applied once, and a download job that must run
    /// after it first did.
    static func rules(after order: String = "{job: dist, reached: Applied}") -> String {
        """
        prereq: 1
        features:
          pricing:
            name: Pricing
            takesEffect:
              jobs: [cdx-1110]
        jobs:
          dist:
            name: Distribution schedule
            kind: batch
          cdx-1110:
            code: "1110"
            name: Global configuration
            kind: download
            after: [\(order)]
        """
    }

    static func snapshot(pricing: String = "{enabled: true, enabledAt: 2026-11-19T08:00:00Z}", dist: String, cdx: String = "{lastSuccess: 2026-11-20T09:00:00Z}", channels: Bool = false) -> String {
        """
        prereq: 1
        snapshot: {environment: test, takenAt: 2026-11-20T10:00:00Z, version: 10.0.38}
        \(channels ? "channels: [s1, s2]\n" : "")features:
          pricing: \(pricing)
        jobs:
          dist: \(dist)
          cdx-1110: \(cdx)
        """
    }

    /// dist runs every few minutes (last success just now) and first went Applied two days ago.
    static let recurringDist = "{lastSuccess: 2026-11-20T09:55:00Z, status: Applied, firstAppliedAt: 2026-11-18T13:40:00Z}"

    @Test func theFixturePackLintsClean() {
        #expect(lint(Self.rules()).isEmpty)
    }

    @Test func aRecurringJobDoesNotBreakAHealthyEnvironmentWhenTheOrderIsAfterItsState() {
        let answer = why("pricing", pack: Self.rules(), snapshot: Self.snapshot(dist: Self.recurringDist))
        #expect(answer.verdict == .inEffect)
        #expect(answer.plan.steps.isEmpty)
        // The same environment with a plain `after`: dist's last success is always newer.
        let plain = why("pricing", pack: Self.rules(after: "dist"), snapshot: Self.snapshot(dist: Self.recurringDist))
        #expect(plain.verdict == .notInEffect)
        #expect(plain.rootCauses.map(\.cause) == [.jobOrder])
    }

    @Test func aJobThatHasNotReachedTheStateIsTheCauseAndThePlanRunsItThenTheFollower() throws {
        let s = Self.snapshot(dist: "{lastSuccess: 2026-11-20T09:55:00Z, status: Failed}")
        let answer = why("pricing", pack: Self.rules(), snapshot: s)
        #expect(answer.verdict == .notInEffect)
        let cause = try #require(answer.rootCauses.first)
        #expect(answer.rootCauses.count == 1)
        #expect(cause.cause == .jobNotRun)
        #expect(cause.subject == "dist")
        #expect(cause.message.contains("has not reached Applied (its last run: Failed)"))
        #expect(answer.plan.steps.map(\.subject) == ["dist", "cdx-1110"])
        #expect(answer.plan.steps.first?.details["state"] == "Applied")
        #expect(answer.plan.steps.first?.message == "Run Distribution schedule until it reaches Applied")
        #expect(answer.plan.verification?.outcome == .reachesGoal)
    }

    @Test func aFeatureStillOffGetsThePlanThatRunsTheJobToTheStateAfterTheSwitch() {
        let s = Self.snapshot(pricing: "off", dist: "{lastSuccess: 2026-11-20T09:55:00Z, status: Failed}")
        let answer = why("pricing", pack: Self.rules(), snapshot: s)
        #expect(answer.verdict == .enableable)
        #expect(answer.plan.steps.map(\.action) == [.enable, .runJob, .runJob])
        #expect(answer.plan.steps.map(\.subject) == ["pricing", "dist", "cdx-1110"])
        #expect(answer.plan.verification?.outcome == .reachesGoal)
    }

    @Test func aFollowerThatRanBeforeTheFirstApplyMustRunAgain() {
        let s = Self.snapshot(dist: Self.recurringDist, cdx: "{lastSuccess: 2026-11-18T10:00:00Z}")
        let answer = why("pricing", pack: Self.rules(), snapshot: s.replacingOccurrences(of: "2026-11-19T08:00:00Z", with: "2026-11-17T08:00:00Z"))
        #expect(answer.verdict == .notInEffect)
        #expect(answer.rootCauses.map(\.cause) == [.jobOrder])
        #expect(answer.rootCauses.first?.subject == "cdx-1110")
        // Running dist would not help: its first time does not move, so only 1110 runs.
        #expect(answer.plan.steps.map(\.subject) == ["cdx-1110"])
        #expect(answer.plan.verification?.outcome == .reachesGoal)
    }

    @Test func aMissingFirstAppliedAtIsUnknownAndAsksForIt() throws {
        let s = Self.snapshot(dist: "{lastSuccess: 2026-11-20T09:55:00Z, status: Applied}")
        let answer = why("pricing", pack: Self.rules(), snapshot: s)
        #expect(answer.verdict == .unknown)
        let cause = try #require(answer.rootCauses.first)
        #expect(cause.cause == .missingData)
        #expect(cause.subject == "dist")
        let step = try #require(answer.plan.steps.first)
        #expect(step.action == .provideData)
        #expect(step.subject == "dist")
        #expect(step.details["missing"] == "for Distribution schedule: when it first reached Applied (firstAppliedAt)")
    }

    @Test func aMissingStatusAndFirstAppliedAtAreBothAskedFor() {
        let answer = why("pricing", pack: Self.rules(), snapshot: Self.snapshot(dist: "{lastSuccess: 2026-11-20T09:55:00Z}"))
        #expect(answer.verdict == .unknown)
        #expect(answer.plan.steps.first?.details["missing"]
            == "for Distribution schedule: the state of its last run (status) and when it first reached Applied (firstAppliedAt)")
    }

    @Test func aMissingLastSuccessOfTheFollowerIsUnknown() {
        let answer = why("pricing", pack: Self.rules(), snapshot: Self.snapshot(dist: Self.recurringDist, cdx: "{}"))
        #expect(answer.verdict == .unknown)
        #expect(answer.rootCauses.allSatisfy { $0.cause == .missingData && $0.subject == "cdx-1110" })
        // One fact, however many rules need the time.
        #expect(answer.rootCauses.count == 1)
    }

    @Test func perChannelOnlyTheChannelThatRanBeforeTheFirstApplyRunsAgain() throws {
        let cdx = "{channels: {s1: {lastSuccess: 2026-11-20T09:00:00Z}, s2: {lastSuccess: 2026-11-18T09:00:00Z}}}"
        let s = Self.snapshot(pricing: "{enabled: true, enabledAt: 2026-11-17T08:00:00Z}", dist: Self.recurringDist, cdx: cdx, channels: true)
        let answer = why("pricing", pack: Self.rules(), snapshot: s)
        #expect(answer.verdict == .notInEffect)
        let cause = try #require(answer.rootCauses.first)
        #expect(answer.rootCauses.count == 1)
        #expect(cause.cause == .jobOrder)
        #expect(cause.channels == ["s2"])
        #expect(answer.plan.steps.map(\.details["channels"]) == ["s2"])
        #expect(answer.plan.verification?.outcome == .reachesGoal)
    }

    @Test func anotherStateIsTheStatusOfTheLastRunAndDatedByItsSuccess() {
        let rules = Self.rules(after: "{job: dist, reached: Validated}")
        let fine = why("pricing", pack: rules, snapshot: Self.snapshot(dist: "{lastSuccess: 2026-11-20T08:00:00Z, status: Validated}"))
        #expect(fine.verdict == .inEffect)
        let late = why("pricing", pack: rules, snapshot: Self.snapshot(dist: "{lastSuccess: 2026-11-20T09:55:00Z, status: validated}"))
        #expect(late.verdict == .notInEffect)
        #expect(late.rootCauses.map(\.cause) == [.jobOrder])
        let other = why("pricing", pack: rules, snapshot: Self.snapshot(dist: "{lastSuccess: 2026-11-20T08:00:00Z, status: Applied, firstAppliedAt: 2026-11-18T13:40:00Z}"))
        #expect(other.verdict == .notInEffect)
        #expect(other.rootCauses.map(\.cause) == [.jobNotRun])
        #expect(other.plan.steps.first?.details["state"] == "Validated")
        #expect(other.plan.verification?.outcome == .reachesGoal)
    }

    @Test func theOrderAppliesAlongTheChainOfAJobTheFeatureNeeds() {
        let rules = """
            prereq: 1
            features:
              pricing:
                takesEffect: {jobs: [cdx-1070]}
            jobs:
              dist: {kind: batch}
              cdx-1110: {kind: download, after: [{job: dist, reached: Applied}]}
              cdx-1070: {kind: download, after: [cdx-1110]}
            """
        let s = """
            prereq: 1
            snapshot: {environment: test, takenAt: 2026-11-20T10:00:00Z, version: 10.0.38}
            features:
              pricing: {enabled: true, enabledAt: 2026-11-19T08:00:00Z}
            jobs:
              dist: {lastSuccess: 2026-11-20T09:55:00Z, status: Failed}
              cdx-1110: {lastSuccess: 2026-11-20T09:00:00Z}
              cdx-1070: {lastSuccess: 2026-11-20T09:10:00Z}
            """
        let answer = why("pricing", pack: rules, snapshot: s)
        #expect(answer.verdict == .notInEffect)
        #expect(answer.rootCauses.map(\.subject) == ["dist"])
        #expect(answer.plan.steps.map(\.subject) == ["dist", "cdx-1110", "cdx-1070"])
        #expect(answer.plan.verification?.outcome == .reachesGoal)
    }

    @Test func checkReportsAFollowerThatRanBeforeTheState() {
        let s = Self.snapshot(pricing: "off", dist: Self.recurringDist, cdx: "{lastSuccess: 2026-11-18T10:00:00Z}")
        let f = facts(pack: Self.rules(), snapshot: s)
        let findings = CheckRun.check(f.snapshot, graph: f.graph, language: .english)
        #expect(findings.map(\.code) == ["job-order"])
        #expect(findings.first?.location?.line == 7)
        // A plain `after` on the same healthy environment would be reported although nothing is wrong.
        let healthy = facts(pack: Self.rules(), snapshot: Self.snapshot(pricing: "off", dist: Self.recurringDist))
        #expect(CheckRun.check(healthy.snapshot, graph: healthy.graph, language: .english).isEmpty)
    }

    @Test func checkStatesAJobShortOfItsStateOnceWithTheFeatureThatNeedsIt() throws {
        let f = facts(pack: Self.rules(), snapshot: Self.snapshot(dist: "{lastSuccess: 2026-11-20T09:55:00Z, status: Failed}"))
        let findings = CheckRun.check(f.snapshot, graph: f.graph, language: .english)
        let finding = try #require(findings.first)
        #expect(findings.count == 1)
        #expect(finding.code == "job-not-run")
        #expect(finding.subject == "dist")
        #expect(finding.related.map(\.location.line) == [15, 4])
    }

    // MARK: - Jobs that another job creates

    static let created = """
        prereq: 1
        features:
          batch-feature:
            name: Batch feature
            takesEffect: {jobs: [batch]}
        jobs:
          init: {name: Initialise, kind: batch}
          batch: {name: Processing batch, kind: batch, createdBy: init}
        """

    static func createdSnapshot(_ jobs: String) -> String {
        """
        prereq: 1
        snapshot: {environment: test, takenAt: 2026-11-20T10:00:00Z, version: 10.0.38}
        features:
          batch-feature: {enabled: true, enabledAt: 2026-11-19T08:00:00Z}
        jobs:
        \(jobs)
        """
    }

    @Test func aCreatedJobTheSnapshotLacksWhileItsCreatorNeverSucceededIsNotCreatedYet() throws {
        let answer = why("batch-feature", pack: Self.created, snapshot: Self.createdSnapshot("  init: {lastFailure: 2026-11-19T09:00:00Z}"))
        #expect(answer.verdict == .notInEffect)
        let cause = try #require(answer.rootCauses.first)
        #expect(answer.rootCauses.count == 1)
        #expect(cause.cause == .jobNotRun)
        #expect(cause.subject == "batch")
        #expect(cause.message == "Processing batch does not exist yet: Initialise, which creates it, has not succeeded; run Initialise first, then Processing batch")
        #expect(answer.plan.steps.map(\.subject) == ["init", "batch"])
        #expect(answer.plan.verification?.outcome == .reachesGoal)
    }

    @Test func aCreatedJobMustHaveSucceededAfterItsCreator() {
        let answer = why("batch-feature", pack: Self.created, snapshot: Self.createdSnapshot(
            "  init: {lastSuccess: 2026-11-20T09:00:00Z}\n  batch: {lastSuccess: 2026-11-19T09:30:00Z}"))
        #expect(answer.verdict == .notInEffect)
        #expect(answer.rootCauses.map(\.cause) == [.jobOrder])
        #expect(answer.plan.steps.map(\.subject) == ["batch"])
        #expect(answer.plan.verification?.outcome == .reachesGoal)
        let fine = why("batch-feature", pack: Self.created, snapshot: Self.createdSnapshot(
            "  init: {lastSuccess: 2026-11-19T09:00:00Z}\n  batch: {lastSuccess: 2026-11-19T09:30:00Z}"))
        #expect(fine.verdict == .inEffect)
    }

    @Test func aCreatedJobWhoseCreatorSucceededButTheSnapshotLacksIsMissingData() {
        let answer = why("batch-feature", pack: Self.created, snapshot: Self.createdSnapshot("  init: {lastSuccess: 2026-11-19T09:00:00Z}"))
        #expect(answer.verdict == .unknown)
        #expect(answer.rootCauses.allSatisfy { $0.cause == .missingData && $0.subject == "batch" })
    }

    @Test func aJobNotCreatedYetHasReachedNoState() throws {
        let rules = Self.created.replacingOccurrences(of: "jobs: [batch]", with: "jobs: [cdx-1070]")
            + "\n  cdx-1070: {kind: download, after: [{job: batch, reached: Applied}]}"
        let answer = why("batch-feature", pack: rules, snapshot: Self.createdSnapshot("  init: {lastFailure: 2026-11-19T09:00:00Z}\n  cdx-1070: {lastSuccess: 2026-11-20T09:00:00Z}"))
        #expect(answer.verdict == .notInEffect)
        #expect(!answer.rootCauses.contains { $0.cause == .missingData })
        #expect(answer.rootCauses.contains { $0.message == "Processing batch has not reached Applied (it does not exist yet); cdx-1070 must run after it has" })
        #expect(answer.plan.steps.map(\.subject) == ["init", "batch", "cdx-1070"])
        #expect(answer.plan.steps.map(\.details["state"]) == [nil, "Applied", nil])
        #expect(answer.plan.verification?.outcome == .reachesGoal)
    }

    @Test func aScheduleOfAJobNotCreatedYetAsksForTheCreatorFirst() throws {
        let rules = Self.created.replacingOccurrences(of: "createdBy: init}", with: "createdBy: init, schedule: {recurring: true}}")
        let s = Self.createdSnapshot("  init: {lastFailure: 2026-11-19T09:00:00Z}").replacingOccurrences(of: "{enabled: true, enabledAt: 2026-11-19T08:00:00Z}", with: "off")
        let f = facts(pack: rules, snapshot: s)
        let findings = CheckRun.check(f.snapshot, graph: f.graph, language: .english)
        #expect(findings.map(\.code) == ["job-not-run"])
        #expect(findings.first?.subject == "batch")
    }

    @Test func createdByIsLinted() {
        let codes = { (jobs: String) in lint("prereq: 1\njobs:\n\(jobs)").map(\.code) }
        #expect(codes("  a: {createdBy: b}\n  b: {createdBy: a}") == ["created-by-cycle"])
        #expect(codes("  a: {createdBy: a}") == ["created-by-cycle"])
        let unknown = lint("prereq: 1\njobs:\n  init: {kind: batch}\n  batch: {createdBy: innit}").filter { $0.code != "unused-job" }
        #expect(unknown.map(\.code) == ["unknown-reference"])
        #expect(unknown.first?.message.contains("did you mean \"init\"") == true)
        #expect(unknown.first?.location?.line == 4)
        #expect(lint("prereq: 1\njobs:\n  a: {after: [{job: b, reached: Applied}]}").map(\.code) == ["unknown-reference"])
    }

    @Test func theGraphShowsStatesAndCreators() {
        let graph = RuleGraph(pack(Self.created + "\n  cdx-1110: {kind: download, after: [{job: batch, reached: Applied}]}").0)
        let dot = GraphExport(graph: graph, language: .english).render(.dot)
        // Nodes: the feature, then the jobs in pack order (init n1, batch n2, cdx-1110 n3).
        #expect(dot.contains("n1 [label=\"Initialise\", shape=ellipse];\n  n2 [label=\"Processing batch\", shape=ellipse];\n  n3 [label=\"cdx-1110\", shape=ellipse];"))
        #expect(dot.contains("n2 -> n1 [style=dashed, label=\"created by\"];"))
        #expect(dot.contains("n3 -> n2 [label=\"after Applied\"];"))
    }

    // MARK: - Decoding

    @Test func decodingKeepsPlainIdsAndStateOrdersApart() throws {
        let (p, diagnostics) = pack("prereq: 1\njobs:\n  a: {}\n  i: {}\n  b: {createdBy: i, after: [a, {job: a, reached: Applied}]}")
        #expect(diagnostics.isEmpty)
        let b = try #require(p.jobs.last)
        #expect(b.after.map(\.value) == ["a"])
        #expect(b.afterReached.map(\.state.value) == ["Applied"])
        #expect(b.afterReached.first?.location.line == 5)
        #expect(b.afterReached.first?.location.column == 32)
        #expect(b.createdBy?.value == "i")
    }

    @Test func oneStateOrderMayStandWithoutBrackets() {
        let (p, diagnostics) = pack("prereq: 1\njobs:\n  a: {}\n  b: {after: {job: a, reached: Applied}}")
        #expect(diagnostics.isEmpty)
        #expect(p.jobs.last?.afterReached.map(\.job.value) == ["a"])
    }

    @Test func badStateOrdersAreErrorsAtTheirPlace() {
        let missing = pack("prereq: 1\njobs:\n  a: {}\n  b:\n    after: [{job: a}]", file: "jobs.yaml").1
        #expect(missing.map(\.code) == ["schema-missing"])
        #expect(missing.first.map { "\($0.location?.file ?? ""):\($0.location?.line ?? 0):\($0.location?.column ?? 0)" } == "jobs.yaml:5:13")
        let unknownKey = pack("prereq: 1\njobs:\n  a: {}\n  b:\n    after: [{job: a, reached: Applied, since: x}]").1
        #expect(unknownKey.map(\.code) == ["schema-unknown-key"])
        #expect(unknownKey.first?.location?.column == 40)
        let notText = pack("prereq: 1\njobs:\n  a: {}\n  b:\n    after: [{job: a, reached: [Applied]}]").1
        #expect(notText.map(\.code) == ["schema-type"])
        #expect(notText.first?.location?.line == 5)
        let creator = pack("prereq: 1\njobs:\n  a: {}\n  b: {createdBy: true}").1
        #expect(creator.map(\.code) == ["schema-type"])
        #expect(creator.first?.location?.column == 18)
    }
}
