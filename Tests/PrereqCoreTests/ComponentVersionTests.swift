import Diagnostics
import Foundation
import PrereqCore
import Testing

/// Versions per component and per instance: bounds on every instance, "not newer than"
/// between components, and upgrade steps that name the instance (verified by the simulator).
@Suite struct ComponentVersionTests {
    static let rules = """
        prereq: 1
        components:
          hq: {name: Headquarters, productVersion: true}
          csu: {name: Commerce Scale Unit, updatedAfter: [hq]}
          pos: {name: Store Commerce, updatedAfter: [csu]}
        features:
          offline-sync:
            name: Offline sync
            requires:
              - {component: pos, atLeast: 10.0.38}
              - {component: csu, notNewerThan: hq}
        """

    static func snapshot(_ components: String) -> String {
        """
        prereq: 1
        snapshot: {environment: test, takenAt: 2026-11-20T10:00:00Z, version: 10.0.40}
        features:
          offline-sync: off
        components:
        \(components)
        """
    }

    @Test func theFixturePackLintsClean() {
        #expect(lint(Self.rules).isEmpty)
    }

    @Test func anOldRegisterBlocksWithTheRegisterAsSubjectAndItsUpgradeInThePlan() {
        let s = Self.snapshot("  csu: {csu-1: 10.0.39}\n  pos: {reg-1: 10.0.38, reg-2: 10.0.36}")
        let answer = why("offline-sync", pack: Self.rules, snapshot: s)
        #expect(answer.verdict == .blocked)
        let causes = answer.rootCauses
        #expect(causes.count == 1)
        #expect(causes.first?.cause == .version)
        #expect(causes.first?.subject == "reg-2")
        #expect(causes.first?.component == "pos")
        let steps = answer.plan.steps
        #expect(steps.map(\.action) == [.upgrade, .enable])
        #expect(steps.first?.subject == "reg-2")
        #expect(steps.first?.details["version"] == "10.0.38")
        #expect(answer.plan.verification?.outcome == .reachesGoal)
    }

    @Test func aScaleUnitNewerThanHeadquartersIsFixedByUpdatingHeadquarters() {
        let s = Self.snapshot("  csu: {csu-1: 10.0.41}\n  pos: {reg-1: 10.0.40}")
        let answer = why("offline-sync", pack: Self.rules, snapshot: s)
        #expect(answer.verdict == .blocked)
        #expect(answer.rootCauses.map(\.subject) == ["csu-1"])
        #expect(answer.plan.steps.first?.subject == "hq")
        #expect(answer.plan.steps.first?.details["version"] == "10.0.41")
        #expect(answer.plan.verification?.outcome == .reachesGoal)
    }

    @Test func everyInstanceWithinBoundsCanBeEnabled() {
        let s = Self.snapshot("  csu: {csu-1: 10.0.40}\n  pos: {reg-1: 10.0.40}")
        #expect(why("offline-sync", pack: Self.rules, snapshot: s).verdict == .enableable)
    }

    @Test func aComponentTheSnapshotDoesNotGiveIsUnknown() {
        let s = Self.snapshot("  csu: {csu-1: 10.0.40}")
        let answer = why("offline-sync", pack: Self.rules, snapshot: s)
        #expect(answer.verdict == .unknown)
        #expect(answer.rootCauses.first?.cause == .missingData)
    }

    @Test func anUndeclaredComponentIsAnUnknownReference() {
        let pack = Self.rules.replacingOccurrences(of: "{component: pos,", with: "{component: poss,")
        #expect(lint(pack).map(\.code).contains("unknown-reference"))
    }
}
