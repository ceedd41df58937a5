import Diagnostics
import Foundation
import PrereqCore
import PrereqYAML
import Testing

/// Time in answers: a settle time counted from a record's newest row, waits said in UTC and
/// local time, and jobs that may run only in a window of local time.
@Suite struct LocalTimeTests {
    static let cachePack = """
        prereq: 1
        records:
          store-sales:
            name: Sales of the day
            table: RETAILTRANSACTIONTABLE
            expect: {min: 0}
        features:
          sales-report:
            name: Sales report
            takesEffect:
              settle: 60s
              settleFrom: {records: store-sales}
        """

    static func sales(count: Int, newest: String?, zone: String = ", timeZone: America/Chicago") -> String {
        """
        prereq: 1
        snapshot: {environment: t, takenAt: 2026-11-20T10:00:00Z, version: 10.0.40\(zone)}
        features: {sales-report: on}
        records:
          - table: RETAILTRANSACTIONTABLE
            count: \(count)
        \(newest.map { "    newest: \($0)" } ?? "")
        """
    }

    @Test func aCacheLagsTheNewestRowUntilItsSettleTimeHasPassed() {
        let answer = why("sales-report", pack: Self.cachePack, snapshot: Self.sales(count: 1, newest: "2026-11-20T09:59:25Z"))
        #expect(answer.verdict == .notInEffect)
        #expect(answer.rootCauses.map(\.cause) == [.settling])
        #expect(answer.rootCauses.first?.message.hasSuffix("lag expected until 2026-11-20 10:00:25 UTC") == true)
        let wait = answer.plan.steps.first
        #expect(wait?.action == .wait)
        #expect(wait?.details["until"] == "2026-11-20T10:00:25Z")
        #expect(wait?.details["untilLocal"] == "2026-11-20T04:00:25-06:00")
        #expect(wait?.details["timeZone"] == "America/Chicago")
        #expect(wait?.message.hasSuffix("; local time in America/Chicago: 2026-11-20 04:00:25") == true)
        #expect(answer.plan.verification?.outcome == .reachesGoal)
    }

    @Test func anOlderNewestRowOrNoRowsIsInEffect() {
        #expect(why("sales-report", pack: Self.cachePack, snapshot: Self.sales(count: 3, newest: "2026-11-20T09:58:00Z")).verdict == .inEffect)
        #expect(why("sales-report", pack: Self.cachePack, snapshot: Self.sales(count: 0, newest: nil)).verdict == .inEffect)
    }

    @Test func rowsWithoutTheirNewestTimeAreUnknown() {
        let answer = why("sales-report", pack: Self.cachePack, snapshot: Self.sales(count: 2, newest: nil))
        #expect(answer.verdict == .unknown)
        #expect(answer.rootCauses.map(\.cause) == [.missingData])
        #expect(answer.plan.steps.first?.details["missing"]?.contains("records[].newest") == true)
    }

    @Test func withoutATimeZoneTheWaitIsInUTCOnly() {
        let answer = why("sales-report", pack: Self.cachePack, snapshot: Self.sales(count: 1, newest: "2026-11-20T09:59:25Z", zone: ""))
        #expect(answer.plan.steps.first?.details["untilLocal"] == nil)
        #expect(answer.plan.steps.first?.message.contains("local time") == false)
    }

    @Test func settleFromNeedsASettleTimeAndAKnownRecordCheck() {
        let noSettle = lint(Self.cachePack.replacingOccurrences(of: "      settle: 60s\n", with: ""))
        #expect(noSettle.map(\.code) == ["schema-missing"])
        let unknown = lint(Self.cachePack.replacingOccurrences(of: "settleFrom: {records: store-sales}", with: "settleFrom: {records: store-sale}"))
        #expect(unknown.map(\.code) == ["unknown-reference"])
    }

    static let windowPack = """
        prereq: 1
        jobs:
          cdx-1070:
            code: "1070"
            name: Channel configuration
            kind: download
            runWindow: {from: "01:00", to: "06:00"}
          cdx-1110:
            code: "1110"
            name: Global configuration
            kind: download
            runWindow: {outside: storeHours}
        features:
          f:
            name: F
            takesEffect: {jobs: [cdx-1070, cdx-1110]}
        """

    static let stores = """
        prereq: 1
        snapshot: {environment: t, takenAt: 2026-11-20T10:00:00Z, version: 10.0.40, timeZone: Europe/Berlin}
        channels: [store-001, store-002, store-003]
        channelInfo:
          store-001: {timeZone: America/Chicago, storeHours: "08:00-22:00"}
          store-002: {timeZone: Asia/Tokyo, storeHours: "09:00-21:00"}
          store-003: {storeHours: "10:00-18:00"}
        features:
          f: {enabled: true, enabledAt: 2026-11-20T09:00:00Z}
        jobs:
          cdx-1070: {lastSuccess: 2026-11-19T00:00:00Z}
          cdx-1110: {lastSuccess: 2026-11-19T00:00:00Z}
        """

    @Test func runsWaitForTheirWindowInEachChannelsLocalTime() {
        let answer = why("f", pack: Self.windowPack, snapshot: Self.stores)
        let steps = answer.plan.steps
        // 10:00 UTC is 04:00 in Chicago (inside 01:00–06:00), 19:00 in Tokyo and 11:00 in Berlin.
        #expect(steps.map { "\($0.action.rawValue) \($0.details["channels"] ?? $0.details["until"] ?? "")" } == [
            "run-job store-001",
            "wait 2026-11-20T16:00:00Z", "run-job store-002",
            "wait 2026-11-21T00:00:00Z", "run-job store-003",
            // 1110 outside store hours: Berlin 01:00 is outside 10–18; Chicago 18:00 waits for 22:00, Tokyo 09:00 for 21:00.
            "run-job store-003",
            "wait 2026-11-21T04:00:00Z", "run-job store-001",
            "wait 2026-11-21T12:00:00Z", "run-job store-002",
        ])
        #expect(steps[1].details["untilLocal"] == "2026-11-21T01:00:00+09:00")
        #expect(steps[1].message == "Wait until 2026-11-20 16:00 UTC, when the run window of 1070 (Channel configuration), 01:00–06:00 local time, opens for store-002; local time in Asia/Tokyo: 2026-11-21 01:00")
        #expect(steps[0].message == "Run 1070 (Channel configuration) for store-001, inside its run window (01:00–06:00 local time)")
        #expect(answer.plan.verification?.outcome == .reachesGoal)
    }

    @Test func theSimulatorRefusesARunOutsideItsWindow() {
        let f = facts(pack: Self.windowPack, snapshot: Self.stores)
        let run = PlanStep(action: .runJob, subject: "cdx-1070", subjectName: "1070", message: "", details: ["channels": "store-002"])
        let goal = f.graph.featureIndex["f"] ?? -1
        let verification = PlanSimulator.verify([run], goals: [goal], from: f, language: .english)
        #expect(verification.outcome == .fails)
        #expect(verification.unmet.first?.message == "1070 (Channel configuration) would run for store-002 at 2026-11-20 19:00 Asia/Tokyo, outside its run window (01:00–06:00 local time)")
    }

    @Test func aChannelWithoutATimeZoneRunsWithTheWindowSaidNotChecked() {
        let snapshot = Self.stores.replacingOccurrences(of: ", timeZone: Europe/Berlin", with: "")
        let answer = why("f", pack: Self.windowPack, snapshot: snapshot)
        let first = answer.plan.steps.first
        #expect(first?.details["channels"] == "store-001,store-003")
        #expect(first?.message.contains("only inside its run window (01:00–06:00 local time); the snapshot gives no time zone for store-003") == true)
        #expect(answer.plan.verification?.outcome == .reachesGoal)
    }

    @Test func runWindowsAreCheckedWhenDecoded() {
        let bad = lint(Self.windowPack.replacingOccurrences(of: #"{from: "01:00", to: "06:00"}"#, with: #"{from: "25:00", to: "06:00"}"#))
        #expect(bad.map(\.code) == ["schema-value"])
        #expect(bad.first?.location.map { "\($0.line):\($0.column)" } == "7:23")
        let empty = lint(Self.windowPack.replacingOccurrences(of: #"{from: "01:00", to: "06:00"}"#, with: #"{from: "01:00", to: "01:00"}"#))
        #expect(empty.map(\.code) == ["schema-value"])
        let both = lint(Self.windowPack.replacingOccurrences(of: "{outside: storeHours}", with: #"{outside: storeHours, from: "01:00"}"#))
        #expect(both.map(\.code) == ["schema-value"])
    }

    @Test func aWindowAcrossMidnightIsOpenOnBothSides() {
        #expect(RunWindow.inside(23 * 60, from: 22 * 60, to: 6 * 60))
        #expect(RunWindow.inside(60, from: 22 * 60, to: 6 * 60))
        #expect(!RunWindow.inside(12 * 60, from: 22 * 60, to: 6 * 60))
        #expect(RunWindow.range("08:00–22:00")?.to == 22 * 60)
        #expect(RunWindow.minuteOfDay("7:5") == nil)
        #expect(RunWindow.minuteOfDay("7:05") == 425)
        #expect(RunWindow.minuteOfDay("24:01") == nil)
    }
}
