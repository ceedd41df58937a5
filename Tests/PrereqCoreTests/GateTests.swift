import PrereqCore
import Testing

/// Gates that are not features (`{records: check}`, `{schedule: job, maxInterval: 1h}` in
/// `requires`): causes of kind `records` and `schedule`, plans that fix them before the switch
/// and are verified (or honestly not verifiable), lint of what they name.
@Suite struct GateTests {
    static let pack = """
        prereq: 1
        jobs:
          p-job: {code: P, name: P-job, kind: upload}
          sync: {name: Synchronize customers, kind: batch}
        records:
          pending:
            name: Async customers not yet processed
            table: RETAILASYNCCUSTOMERV2
            where: {OnlineOperationCompleted: 0}
            clearedBy: sync
          registration:
            name: App registration
            table: RETAILSHAREDPARAMETERS
            where: {AppRegistered: 1}
            expect: {min: 1}
        features:
          legacy-sync: {}
          editing:
            name: Async customer editing
            requires:
              - {records: pending}
              - {records: registration}
              - {schedule: p-job, maxInterval: 1h}
          either:
            requires:
              - anyOf: [{schedule: p-job, maxInterval: 1h}, legacy-sync]
          only-when:
            requires:
              - {when: legacy-sync, then: {records: pending}}
        """

    /// A snapshot where every gate of `editing` holds, with `jobs` and `records` replaceable.
    static func snapshot(
        jobs: String = "  P: {lastSuccess: 2026-11-20T09:50:00Z, schedule: {recurring: true, every: 30m}}\n",
        records: String? = "  - {table: RETAILASYNCCUSTOMERV2, where: {OnlineOperationCompleted: 0}, count: 0}\n  - {table: RETAILSHAREDPARAMETERS, where: {AppRegistered: 1}, count: 1}\n"
    ) -> String {
        header + "features: {editing: off, either: off, only-when: off, legacy-sync: off}\njobs:\n" + jobs + (records.map { "records:\n" + $0 } ?? "")
    }

    @Test func everyGateHoldingLetsTheFeatureBeSwitchedOn() {
        let answer = why("editing", pack: Self.pack, snapshot: Self.snapshot())
        #expect(answer.verdict == .enableable)
        #expect(answer.plan.steps.map(\.action) == [.enable])
        #expect(answer.plan.verification?.outcome == .reachesGoal)
    }

    @Test func rowsLeftAreARecordsCauseAndTheClearingRunBeforeTheSwitchIsNotPromisedToClearThem() throws {
        let records = "  - {table: RETAILASYNCCUSTOMERV2, where: {OnlineOperationCompleted: 0}, count: 3}\n  - {table: RETAILSHAREDPARAMETERS, where: {AppRegistered: 1}, count: 1}\n"
        let answer = why("editing", pack: Self.pack, snapshot: Self.snapshot(records: records))
        #expect(answer.verdict == .blocked)
        let cause = try #require(answer.rootCauses.first)
        #expect(answer.rootCauses.count == 1)
        #expect(cause.cause == .records && cause.subject == "pending" && cause.subjectName == "Async customers not yet processed")
        #expect(cause.evidence.snapshot?.line == 7)  // the snapshot's records entry
        #expect(cause.evidence.rule?.line == 8)  // the check's table
        #expect(answer.plan.steps.map(\.action) == [.runJob, .enable])
        #expect(answer.plan.steps.first?.subject == "sync")
        // What the run does to the rows shows only in a new snapshot.
        #expect(answer.plan.verification?.outcome == .needsData)
        #expect(AnswerJSON.cause(cause).serialized(pretty: false).contains("\"kind\":\"records\""))
    }

    @Test func aSnapshotWithoutTheCountsLeavesTheRecordGateUnknown() throws {
        let answer = why("editing", pack: Self.pack, snapshot: Self.snapshot(records: nil))
        #expect(answer.verdict == .unknown)
        #expect(answer.rootCauses.map(\.cause) == [.missingData, .missingData])
        #expect(answer.rootCauses.first?.message == "the snapshot gives no count of rows in RETAILASYNCCUSTOMERV2 with OnlineOperationCompleted = 0")
        #expect(answer.plan.steps.map(\.action) == [.provideData, .provideData, .enable])
        #expect(answer.plan.verification?.outcome == .needsData)
    }

    @Test func rowsThatMustExistAndDoNotAreACauseWhosePlanAsksForThemAndANewSnapshot() throws {
        let records = "  - {table: RETAILASYNCCUSTOMERV2, where: {OnlineOperationCompleted: 0}, count: 0}\n  - {table: RETAILSHAREDPARAMETERS, where: {AppRegistered: 1}, count: 0}\n"
        let answer = why("editing", pack: Self.pack, snapshot: Self.snapshot(records: records))
        #expect(answer.verdict == .blocked)
        let cause = try #require(answer.rootCauses.first)
        #expect(cause.cause == .records && cause.subject == "registration")
        #expect(cause.message == "0 rows in RETAILSHAREDPARAMETERS with AppRegistered = 1 exist; at least 1 must")
        let step = try #require(answer.plan.steps.first)
        #expect(step.action == .provideData && step.subject == "registration")
        #expect(step.message.hasPrefix("Create at least 1 row in RETAILSHAREDPARAMETERS with AppRegistered = 1"))
        #expect(answer.plan.verification?.outcome == .needsData)
    }

    @Test func checkReportsMissingRowsOnceForTheCheckAndTheFeatureGatedOnIt() {
        let records = "  - {table: RETAILASYNCCUSTOMERV2, where: {OnlineOperationCompleted: 0}, count: 0}\n  - {table: RETAILSHAREDPARAMETERS, where: {AppRegistered: 1}, count: 0}\n"
        let snapshot = Self.snapshot(records: records).replacingOccurrences(of: "editing: off", with: "editing: on")
        let findings = CheckRun.check(facts(pack: Self.pack, snapshot: snapshot).snapshot, graph: RuleGraph(PrereqCoreTests.pack(Self.pack).0), language: .english)
        #expect(findings.filter { $0.code == "records-missing" }.count == 1)
        #expect(FindingCatalog.entry("records-missing") != nil)
    }

    @Test func aRangeWhoseMinimumIsAboveItsMaximumIsASchemaError() {
        let d = lint("prereq: 1\nrecords:\n  r: {table: T, expect: {min: 2, max: 1}}\n")
        #expect(d.map(\.code) == ["schema-value"])
        #expect(d.first?.location?.line == 3)
    }

    @Test func aJobNotOnARecurringScheduleGetsASetStepAndThePlanIsVerified() throws {
        let answer = why("editing", pack: Self.pack, snapshot: Self.snapshot(jobs: "  P: {lastSuccess: 2026-11-20T09:50:00Z, schedule: {recurring: false}}\n"))
        #expect(answer.verdict == .blocked)
        let cause = try #require(answer.rootCauses.first)
        #expect(cause.cause == .schedule && cause.subject == "p-job")
        #expect(cause.message == "P (P-job) is not on a recurring schedule")
        #expect(cause.evidence.rule?.line == 23)  // the gate
        #expect(answer.plan.steps.map(\.action) == [.set, .enable])
        #expect(answer.plan.steps.first?.details["maxInterval"] == "1h")
        #expect(answer.plan.verification?.outcome == .reachesGoal)
    }

    @Test func aScheduleTooSlowAndAJobAlreadyOverdueAreSetAndRunBeforeTheSwitch() throws {
        let answer = why("editing", pack: Self.pack, snapshot: Self.snapshot(jobs: "  P: {lastSuccess: 2026-11-18T10:00:00Z, schedule: {recurring: true, every: 2h}}\n"))
        #expect(answer.verdict == .blocked)
        #expect(answer.rootCauses.first?.message == "P (P-job) runs every 2 h; it must run at least every 1 h")
        #expect(answer.plan.steps.map(\.action) == [.set, .runJob, .enable])
        #expect(answer.plan.verification?.outcome == .reachesGoal)
    }

    @Test func aSnapshotWithoutTheScheduleLeavesTheScheduleGateUnknown() throws {
        let answer = why("editing", pack: Self.pack, snapshot: Self.snapshot(jobs: "  P: {lastSuccess: 2026-11-20T09:50:00Z}\n"))
        #expect(answer.verdict == .unknown)
        let cause = try #require(answer.rootCauses.first)
        #expect(cause.cause == .missingData && cause.subject == "p-job")
        #expect(answer.plan.steps.first?.details["missing"] == "the schedule of P (P-job)")
    }

    @Test func aGateInAnAlternativeHoldsItAndOtherwiseTheCheapestIsTaken() {
        #expect(why("either", pack: Self.pack, snapshot: Self.snapshot()).verdict == .enableable)
        let answer = why("either", pack: Self.pack, snapshot: Self.snapshot(jobs: "  P: {lastSuccess: 2026-11-20T09:50:00Z, schedule: {recurring: false}}\n"))
        #expect(answer.verdict == .blocked)
        #expect(answer.plan.steps.count == 2)
        #expect(answer.plan.verification?.outcome == .reachesGoal)
    }

    @Test func aGateUnderAWhenThatDoesNotHoldIsNeverACause() {
        let records = "  - {table: RETAILASYNCCUSTOMERV2, where: {OnlineOperationCompleted: 0}, count: 3}\n"
        let answer = why("only-when", pack: Self.pack, snapshot: Self.snapshot(records: records))
        #expect(answer.verdict == .enableable)
        #expect(answer.rootCauses.isEmpty)
    }

    @Test func gatesNamingUndefinedChecksOrJobsAreUnknownReferencesWithTheClosestId() {
        let d = lint("""
            prereq: 1
            jobs: {p-job: {code: P}}
            records: {registration: {table: T, expect: {min: 1}}}
            features:
              a:
                requires:
                  - {records: registraton}
                  - {schedule: p-jb}
                  - {schedule: p-job}
            """)
        #expect(d.map(\.code) == ["unknown-reference", "unknown-reference"])
        #expect(d.map { $0.location?.line } == [7, 8])
        #expect(d.first?.message.contains("did you mean \"registration\"") == true)
        #expect(d.last?.message.contains("did you mean \"p-job\"") == true)
    }

    @Test func aMaxIntervalThatIsNotADurationIsASchemaErrorAtItsLine() {
        let d = lint("prereq: 1\njobs: {p-job: {}}\nfeatures:\n  a:\n    requires:\n      - {schedule: p-job, maxInterval: soon}\n")
        #expect(d.filter { $0.severity == .error }.map(\.code) == ["schema-value"])
        #expect(d.first { $0.code == "schema-value" }?.location?.line == 6)
    }

    @Test func lintTakesAGateAsFreeToHoldSoNoContradictionIsReported() {
        let d = lint("prereq: 1\njobs: {p-job: {}}\nfeatures:\n  a:\n    requires:\n      - {when: {schedule: p-job}, then: {schedule: p-job, maxInterval: 1h}}\n")
        #expect(d.isEmpty)
    }
}
