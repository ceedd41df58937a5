import Diagnostics
import PrereqCore
import Testing

/// Record checks with a limit per key (`expect: {max: 1, per: [Profile, Group]}`): rows counted
/// per table and key, each key over the limit a cause and a finding of its own at its snapshot
/// line, rows without a key unknown unless they cannot change the answer, and plans whose
/// steps (a run of the clearing job, rows a person corrects or creates) the simulator performs.
@Suite struct RecordKeyTests {
    static let pack = """
        prereq: 1
        jobs:
          dedup: {name: Deduplicate queue, kind: batch}
        records:
          one-group-per-profile:
            name: Profiles assigned to a group more than once
            table: RETAILCHANNELPROFILEGROUP
            where: {Active: 1}
            expect: {max: 1, per: [Profile, Group]}
          queue-per-profile:
            table: RETAILPROFILEQUEUE
            expect: {max: 2, per: [Profile]}
            clearedBy: dedup
          store-registration:
            table: RETAILSTOREREGISTRATION
            expect: {min: 1, per: [Store]}
        features:
          profile-groups:
            name: Profile groups
            requires: [{records: one-group-per-profile}]
          queue-feature:
            requires: [{records: queue-per-profile}]
          store-feature:
            requires: [{records: store-registration}]
        """

    /// The snapshot with `records` entries (from line 5), every feature off.
    static func snapshot(_ records: String, jobs: String = "") -> String {
        header + "features: {profile-groups: off, queue-feature: off, store-feature: off}\nrecords:\n" + records + jobs
    }

    static let table = "RETAILCHANNELPROFILEGROUP"

    func findings(_ snapshot: String, language: Language = .english) -> [Diagnostic] {
        let f = facts(pack: Self.pack, snapshot: snapshot)
        return CheckRun.check(f.snapshot, graph: f.graph, language: language).filter { $0.subject != "queue-per-profile" && $0.subject != "store-registration" }
    }

    // MARK: - Blocked

    static let blocked = snapshot("""
          - {table: \(table), where: {Active: 1, Profile: FP-EAST, Group: G1}, count: 2}
          - {table: \(table), where: {Active: 1, Profile: FP-WEST, Group: G1}, count: 1}
          - {table: \(table), where: {Active: 1, Profile: FP-EAST, Group: G2}, count: 3}
          - {table: \(table), where: {Active: 0, Profile: FP-EAST, Group: G1}, count: 5}
          - {table: \(table), where: {Active: "1", profile: fp-east, Group: g1}, count: 1}

        """)

    @Test func eachKeyOverTheLimitIsACauseAtItsSnapshotLine() throws {
        let answer = why("profile-groups", pack: Self.pack, snapshot: Self.blocked)
        #expect(answer.verdict == .blocked)
        // FP-EAST/G1 sums its two entries (ignoring case, "1" read as 1); Active = 0 is not counted.
        #expect(answer.rootCauses.map(\.message) == [
            "3 rows in \(Self.table) with Active = 1 for Profile = FP-EAST, Group = G1; at most 1 allowed",
            "3 rows in \(Self.table) with Active = 1 for Profile = FP-EAST, Group = G2; at most 1 allowed",
        ])
        #expect(answer.rootCauses.map(\.cause) == [.records, .records])
        #expect(answer.rootCauses.map { $0.evidence.snapshot?.line } == [5, 7])
        #expect(answer.rootCauses.allSatisfy { $0.evidence.rule?.line == 7 })
        // No job clears them: a person corrects each key's rows, and a new snapshot tells.
        #expect(answer.plan.steps.map(\.action) == [.provideData, .provideData, .enable])
        #expect(answer.plan.steps.first?.message == "Correct or remove rows in \(Self.table) with Active = 1 for Profile = FP-EAST, Group = G1 until at most 1 remains (the documentation of the check says how), then take a new snapshot")
        #expect(answer.plan.steps.first?.details["remove"] == "2")
        #expect(answer.plan.verification?.outcome == .needsData)
        Golden.check(ExplanationTextRenderer(language: .english).render(answer), "why-records-per-key.txt")
    }

    @Test func checkReportsOneFindingPerKeyOverTheLimit() {
        let found = findings(Self.blocked)
        #expect(found.map(\.code) == ["records-found", "records-found"])
        #expect(found.map { $0.location?.line } == [5, 7])
        #expect(found.allSatisfy { $0.help == Messages(.english).recordsFoundHelp })
        let pt = findings(Self.blocked, language: .brazilianPortuguese)
        #expect(pt.first?.message == "3 linhas em \(Self.table) com Active = 1 para Profile = FP-EAST, Group = G1; no máximo 1 permitida")
    }

    // MARK: - Fine

    @Test func keysWithinTheLimitPassAndTheSwitchIsVerified() {
        let fine = Self.snapshot("""
              - {table: \(Self.table), where: {Active: 1, Profile: FP-EAST, Group: G1}, count: 1}
              - {table: \(Self.table), where: {Active: 1, Profile: FP-WEST, Group: G1}, count: 1}
              - {table: \(Self.table), where: {Active: 1, Profile: FP-EAST, Group: G2}, count: 1}
              - {table: \(Self.table), where: {Active: 1}, count: 0}

            """)
        let answer = why("profile-groups", pack: Self.pack, snapshot: fine)
        #expect(answer.verdict == .enableable)
        #expect(answer.plan.steps.map(\.action) == [.enable])
        #expect(answer.plan.verification?.outcome == .reachesGoal)
        #expect(findings(fine).isEmpty)
    }

    @Test func rowsWithoutAKeyTooFewToTakeAnyKeyOverTheLimitAreHarmless() {
        let snapshot = Self.snapshot("""
              - {table: \(Self.table), where: {Active: 1, Profile: FP-EAST, Group: G1}, count: 0}
              - {table: \(Self.table), where: {Active: 1, Profile: FP-WEST}, count: 1}

            """)
        #expect(why("profile-groups", pack: Self.pack, snapshot: snapshot).verdict == .enableable)
    }

    // MARK: - Unknown

    @Test func rowsWithoutAKeyLeaveTheCheckUnknownAndTheAnswerSaysWhichField() throws {
        let snapshot = Self.snapshot("""
              - {table: \(Self.table), where: {Active: 1, Profile: FP-EAST, Group: G1}, count: 1}
              - {table: \(Self.table), where: {Active: 1, Profile: FP-WEST}, count: 2}

            """)
        let answer = why("profile-groups", pack: Self.pack, snapshot: snapshot)
        #expect(answer.verdict == .unknown)
        let cause = try #require(answer.rootCauses.first)
        #expect(answer.rootCauses.count == 1)
        #expect(cause.cause == .missingData && cause.subject == "one-group-per-profile")
        #expect(cause.message == "the snapshot counts 2 rows in \(Self.table) with Active = 1 without their Group: they cannot be counted per Profile, Group")
        #expect(cause.evidence.snapshot?.line == 6)
        #expect(answer.plan.steps.first?.message == "Add to the snapshot: the counts of rows in \(Self.table) with Active = 1 per Profile, Group (one entry per key, its where giving Profile, Group)")
        #expect(answer.plan.verification?.outcome == .needsData)
        #expect(findings(snapshot).map(\.code) == ["missing-data"])
    }

    @Test func aKeyOverTheLimitIsACauseWhateverRowsWithoutAKeyAre() {
        let snapshot = Self.snapshot("""
              - {table: \(Self.table), where: {Active: 1, Profile: FP-EAST, Group: G1}, count: 2}
              - {table: \(Self.table), where: {Active: 1, Group: G1}, count: 4}

            """)
        let answer = why("profile-groups", pack: Self.pack, snapshot: snapshot)
        // Blocked whatever they are; they are still data to give, for the other keys.
        #expect(answer.verdict == .blocked)
        #expect(answer.rootCauses.map(\.cause) == [.records, .missingData])
    }

    @Test func aKeyTheSnapshotListsWithoutACountIsUnknown() {
        let snapshot = Self.snapshot("""
              - {table: \(Self.table), where: {Active: 1, Profile: FP-EAST, Group: G1}, count: 1}
              - {table: \(Self.table), where: {Active: 1, Profile: FP-WEST, Group: G1}}

            """)
        let answer = why("profile-groups", pack: Self.pack, snapshot: snapshot)
        #expect(answer.verdict == .unknown)
        #expect(answer.rootCauses.map(\.message) == ["the snapshot gives no count of rows in \(Self.table) with Active = 1 for Profile = FP-WEST, Group = G1"])
    }

    // MARK: - A job that clears them, rows that must exist

    @Test func aKeyLeftByTheClearingJobIsRunAgainAndOnlyItsCountIsForgotten() throws {
        let snapshot = Self.snapshot("""
              - {table: RETAILPROFILEQUEUE, where: {Profile: A}, count: 3, oldest: 2026-11-20T08:00:00Z}
              - {table: RETAILPROFILEQUEUE, where: {Profile: B}, count: 1, oldest: 2026-11-20T08:00:00Z}

            """, jobs: "jobs:\n  dedup: {lastSuccess: 2026-11-20T09:00:00Z}\n")
        let answer = why("queue-feature", pack: Self.pack, snapshot: snapshot)
        #expect(answer.verdict == .blocked)
        let cause = try #require(answer.rootCauses.first)
        #expect(cause.message.hasPrefix("3 rows in RETAILPROFILEQUEUE for Profile = A; at most 2 allowed although Deduplicate queue last succeeded at"))
        #expect(answer.plan.steps.map(\.action) == [.runJob, .enable])
        #expect(answer.plan.steps.first?.message == "Run Deduplicate queue again and check its history for the rows of RETAILPROFILEQUEUE for Profile = A it did not process")
        #expect(answer.plan.verification?.outcome == .needsData)

        var simulator = PlanSimulator(facts: facts(pack: Self.pack, snapshot: snapshot))
        simulator.perform(try #require(answer.plan.steps.first))
        #expect(simulator.end.snapshot.records.map(\.count?.value) == [nil, 1])

        let f = facts(pack: Self.pack, snapshot: snapshot)
        let found = CheckRun.check(f.snapshot, graph: f.graph, language: .english).filter { $0.subject == "queue-per-profile" }
        #expect(found.map(\.code) == ["records-unprocessed"])
        #expect(found.first?.location?.line == 5)
    }

    @Test func aKeyWithTooFewRowsIsMissingAndItsStepNamesTheKey() throws {
        let snapshot = Self.snapshot("""
              - {table: RETAILSTOREREGISTRATION, where: {Store: S1}, count: 1}
              - {table: RETAILSTOREREGISTRATION, where: {Store: S2}, count: 0}

            """)
        let answer = why("store-feature", pack: Self.pack, snapshot: snapshot)
        #expect(answer.verdict == .blocked)
        #expect(answer.rootCauses.map(\.message) == ["0 rows in RETAILSTOREREGISTRATION for Store = S2 exist; at least 1 must"])
        #expect(answer.rootCauses.first?.evidence.snapshot?.line == 6)
        #expect(answer.plan.steps.first?.message.hasPrefix("Create at least 1 row in RETAILSTOREREGISTRATION for Store = S2") == true)
        let f = facts(pack: Self.pack, snapshot: snapshot)
        let found = CheckRun.check(f.snapshot, graph: f.graph, language: .english).filter { $0.subject == "store-registration" }
        #expect(found.map(\.code) == ["records-missing"])
    }

    @Test func countsAsLargeAsAnIntAddUpWithoutATrap() {
        let big = Int.max
        let snapshot = Self.snapshot("""
              - {table: \(Self.table), where: {Active: 1, Profile: P, Group: G}, count: \(big)}
              - {table: \(Self.table), where: {Active: 1, Profile: P, Group: G}, count: \(big)}
              - {table: \(Self.table), where: {Active: 1, Profile: P}, count: \(big)}

            """)
        let answer = why("profile-groups", pack: Self.pack, snapshot: snapshot)
        #expect(answer.verdict == .blocked)
        #expect(answer.rootCauses.first?.message.hasPrefix("\(big) rows") == true)
    }

    // MARK: - Lint and schema

    @Test(arguments: [
        ("where: {Group: G1}, expect: {max: 1, per: [Group]}", "records-per-fixed"),
        ("expect: {max: 1, per: []}", "schema-value"),
        ("expect: {per: [Group]}", "schema-value"),
        ("expect: {max: 1, per: [Group, group]}", "schema-value"),
        ("expect: {max: -1, per: [Group]}", "schema-value"),
        ("expect: {min: -1}", "schema-value"),
        ("expect: {min: 2, max: 1, per: [Group]}", "schema-value"),
        ("where: {Group: G1}, expect: {max: 1, per: [Profile, Group]}", "records-per-fixed"),
        ("expect: {max: 1, per: [Group]}", nil),
    ] as [(String, String?)])
    func lintFindsMistakesInPer(check: String, code: String?) {
        let findings = lint("prereq: 1\nrecords:\n  r: {table: T, \(check)}\n")
        #expect(findings.map(\.code) == (code.map { [$0] } ?? []), "\(findings.map { "\($0.code): \($0.message)" })")
        if code != nil { #expect(findings.first?.location?.line == 3) }
        if code == "records-per-fixed" {
            #expect(findings.first?.severity == .note)
            #expect(FindingCatalog.entry("records-per-fixed") != nil)
        }
    }

    @Test func aCheckWithoutPerAndWithoutAJobGetsAStepThatCorrectsTheRows() {
        let pack = "prereq: 1\nrecords:\n  none: {table: T}\nfeatures:\n  f: {requires: [{records: none}]}\n"
        let answer = why("f", pack: pack, snapshot: header + "features: {f: off}\nrecords:\n  - {table: T, count: 2}\n")
        #expect(answer.plan.steps.map(\.action) == [.provideData, .enable])
        #expect(answer.plan.steps.first?.message == "Correct or remove rows in T until none remain (the documentation of the check says how), then take a new snapshot")
        #expect(answer.plan.verification?.outcome == .needsData)
    }
}
