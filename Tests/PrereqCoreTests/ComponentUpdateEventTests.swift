import Foundation
import PrereqCore
import Testing

/// `{job: J, succeededAfter: {component: C}}`: a job that must run after a component's update,
/// the moment read from its instances' `installedAt`.
@Suite struct ComponentUpdateEventTests {
    static let pack = """
        prereq: 1
        components:
          hq: {name: Headquarters, productVersion: true}
          csu: {name: Commerce Scale Unit, updatedAfter: [hq]}
        jobs:
          cdx-9999: {code: "9999", name: Full data sync, kind: batch}
        features:
          offline:
            name: Offline
            requires:
              - {component: csu, atLeast: 10.0.40}
              - {job: cdx-9999, succeededAfter: {component: csu}}
        """

    static func snapshot(_ csu: String, sync: String = "2026-11-19T00:00:00Z") -> String {
        """
        prereq: 1
        snapshot: {environment: t, takenAt: 2026-11-20T10:00:00Z, version: 10.0.40}
        features: {offline: off}
        components:
          csu: \(csu)
        jobs:
          "9999": {lastSuccess: \(sync)}
        """
    }

    @Test func aJobThatRanBeforeTheLatestUpdateMustRunAgain() {
        let s = Self.snapshot("{csu-1: {version: 10.0.40, installedAt: 2026-11-18T00:00:00Z}, csu-2: {version: 10.0.40, installedAt: 2026-11-19T20:00:00Z}}")
        let a = why("offline", pack: Self.pack, snapshot: s)
        #expect(a.verdict == .blocked)
        #expect(a.rootCauses.map(\.cause) == [.jobNotRun])
        #expect(a.rootCauses.first?.message.contains("2026-11-19 20:00 UTC") == true)
        #expect(a.plan.steps.map(\.action) == [.runJob, .enable])
        #expect(a.plan.verification?.outcome == .reachesGoal)
    }

    @Test func aJobThatRanAfterEveryUpdateHolds() {
        let s = Self.snapshot("{csu-1: {version: 10.0.40, installedAt: 2026-11-18T00:00:00Z}}")
        #expect(why("offline", pack: Self.pack, snapshot: s).verdict == .enableable)
    }

    @Test func anInstanceWithoutItsUpdateTimeIsUnknown() {
        let a = why("offline", pack: Self.pack, snapshot: Self.snapshot("{csu-1: 10.0.40}"))
        #expect(a.verdict == .unknown)
        #expect(a.plan.steps.first?.details["missing"]?.contains("installedAt") == true)
    }

    /// An upgrade in a plan is an update: the job the update obliges runs after it.
    @Test func anUpgradeInThePlanIsFollowedByTheJob() {
        let s = Self.snapshot("{csu-1: {version: 10.0.39, installedAt: 2026-11-01T00:00:00Z}}", sync: "2026-11-19T00:00:00Z")
        let a = why("offline", pack: Self.pack, snapshot: s)
        #expect(a.plan.verification?.outcome == .reachesGoal)
        let actions = a.plan.steps.map(\.action)
        #expect(actions.firstIndex(of: .upgrade).map { u in actions.lastIndex(of: .runJob).map { $0 > u } ?? false } == true, "\(a.plan.steps.map(\.message))")
    }

    @Test func anUndeclaredComponentIsAnUnknownReference() {
        #expect(lint(Self.pack.replacingOccurrences(of: "{component: csu}}", with: "{component: cs}}")).map(\.code) == ["unknown-reference"])
    }
}
