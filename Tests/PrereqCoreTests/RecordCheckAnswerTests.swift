import Diagnostics
import PrereqCore
import PrereqYAML
import Testing

/// Record checks answered as a person reads them: the allowed maximum named, a check without
/// `where` as a whole sentence, rows no job clears told apart, and "waiting for the next run"
/// only when a next run is coming.
@Suite struct RecordCheckAnswerTests {
    func check(pack: String, snapshot: String) -> [Diagnostic] {
        let f = facts(pack: pack, snapshot: snapshot)
        return CheckRun.check(f.snapshot, graph: f.graph, language: .english)
    }

    static let syncPack = """
        prereq: 1
        jobs:
          sync: {name: Sync}
        records:
          pending:
            table: T
            where: {Done: 0}
            clearedBy: sync
        """

    /// Rows written after Sync's last run, with Sync's schedule as `schedule` says.
    func waitingRows(schedule: String, lastSuccess: String = "2026-11-20T09:50:00Z") -> [Diagnostic] {
        check(pack: Self.syncPack, snapshot: header + """
            jobs:
              sync: {lastSuccess: \(lastSuccess), schedule: \(schedule)}
            records:
              - {table: T, where: {Done: 0}, count: 4, oldest: 2026-11-20T09:55:00Z}
            """)
    }

    @Test func aMaximumCheckSaysTheAllowedMaximum() throws {
        let findings = check(pack: """
            prereq: 1
            records:
              few: {table: T, where: {Open: 1}, expect: {max: 5}}
            """, snapshot: header + "records:\n  - {table: T, where: {Open: 1}, count: 9}\n")
        let finding = try #require(findings.first)
        #expect(finding.message.contains("more than the 5 allowed"))
    }

    @Test func aCheckWithoutWhereReadsAsAWholeSentence() throws {
        let findings = check(pack: "prereq: 1\nrecords:\n  none: {table: T}\n", snapshot: header + "records:\n  - {table: T, count: 2}\n")
        let finding = try #require(findings.first)
        #expect(finding.message == "T has 2 rows, and none are allowed")
        let unknown = check(pack: "prereq: 1\nrecords:\n  none: {table: T}\n", snapshot: header)
        #expect(unknown.first?.message == "the snapshot gives no count of rows in T")
    }

    @Test func rowsNoJobClearsHaveTheirOwnCodeAndHelp() throws {
        let findings = check(pack: "prereq: 1\nrecords:\n  none: {table: T}\n", snapshot: header + "records:\n  - {table: T, count: 2}\n")
        let finding = try #require(findings.first)
        #expect(finding.code == "records-found")
        #expect(finding.help == Messages(.english).recordsFoundHelp)
        #expect(FindingCatalog.entry("records-found") != nil)
    }

    @Test func rowsWaitForTheNextRunOnlyOfARecurringJob() throws {
        let scheduled = waitingRows(schedule: "{recurring: true, every: 15m}")
        #expect(scheduled.map(\.code) == ["records-waiting"])
        #expect(scheduled.first?.severity == .note)

        let unscheduled = waitingRows(schedule: "none")
        #expect(unscheduled.map(\.code) == ["records-unprocessed"])
        #expect(unscheduled.first?.message.contains("not on a recurring schedule") == true)
        #expect(unscheduled.first?.help?.hasPrefix("Run Sync") == true)
    }

    @Test func rowsWaitingOnAJobFarOlderThanItsIntervalAreAFinding() throws {
        let stopped = waitingRows(schedule: "{recurring: true, every: 15m}", lastSuccess: "2026-11-20T06:00:00Z")
        #expect(stopped.map(\.code) == ["records-unprocessed"])
        #expect(stopped.first?.message.contains("its runs have stopped") == true)
    }

    @Test func aConditionValueExportedAsTextMatchesTheChecksNumber() throws {
        let findings = check(pack: Self.syncPack, snapshot: header + """
            jobs:
              sync: {lastSuccess: 2026-11-20T09:50:00Z, schedule: {recurring: true, every: 15m}}
            records:
              - {table: T, where: {Done: "0"}, count: 0}
            """)
        #expect(findings.isEmpty)
    }
}
