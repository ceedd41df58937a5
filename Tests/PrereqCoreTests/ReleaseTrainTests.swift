import Diagnostics
import Foundation
import PrereqCore
import PrereqYAML
import Testing

/// The release train (`releases`): names a snapshot or a condition may write for a version,
/// end-of-service dates compared with the snapshot's moment, upgrades inside the supported
/// window, and the update order of components.
@Suite struct ReleaseTrainTests {
    static let rules = """
        prereq: 1
        releases:
          10.0.38: {endOfService: 2025-06-30}
          Spring 2026: {version: 10.0.44, endOfService: 2026-11-01}
          Autumn 2026: {version: 10.0.46, endOfService: 2027-10-31}
          10.0.47: {endOfService: 2026-12-10, warnAhead: 30d}
        components:
          pos: {name: Store Commerce, updatedAfter: [csu]}
          hq: {name: Headquarters, productVersion: true}
          csu: {name: Commerce Scale Unit, updatedAfter: [hq]}
        features:
          offline:
            name: Offline
            requires:
              - {component: pos, atLeast: Spring 2026}
              - {component: pos, notNewerThan: csu}
        """

    static func snapshot(version: String = "10.0.47", _ components: String) -> String {
        """
        prereq: 1
        snapshot: {environment: test, takenAt: 2026-11-20T10:00:00Z, version: \(version)}
        features:
          offline: off
        components:
        \(components)
        """
    }

    static func check(_ snapshotYAML: String, pack packYAML: String = rules) -> [Diagnostic] {
        let f = facts(pack: packYAML, snapshot: snapshotYAML)
        return CheckRun.check(f.snapshot, graph: f.graph, language: .english)
    }

    @Test func theFixturePackLintsCleanBeforeTheMinimumGoesOutOfService() {
        let found = lint(Self.rules, now: Timestamp.parse("2026-10-01T00:00:00Z")?.timestamp)
        #expect(found.isEmpty)
    }

    @Test func aReleaseNameInTheSnapshotStandsForItsVersion() {
        let s = Self.snapshot("  csu: {csu-1: Autumn 2026}\n  pos: {reg-1: autumn 2026, reg-2: 10.0.46}")
        #expect(why("offline", pack: Self.rules, snapshot: s).verdict == .enableable)
    }

    @Test func anUpgradeGoesPastAReleaseOutOfServiceToTheFirstOneInService() {
        let s = Self.snapshot("  csu: {csu-1: 10.0.46}\n  pos: {reg-1: 10.0.38}")
        let answer = why("offline", pack: Self.rules, snapshot: s)
        #expect(answer.verdict == .blocked)
        #expect(answer.rootCauses.map(\.message) == [#""Store Commerce reg-1" runs 10.0.38; it needs Spring 2026 (10.0.44) or later"#])
        let upgrade = answer.plan.steps.first
        #expect(upgrade?.subject == "reg-1")
        #expect(upgrade?.details["version"] == "10.0.46")
        #expect(upgrade?.message == #"Update "Store Commerce reg-1" to version 10.0.46 or later (10.0.44 is out of service since 2026-11-01 00:00 UTC: the first later release in service)"#)
        #expect(answer.plan.verification?.outcome == .reachesGoal)
    }

    @Test func upgradesFollowTheUpdateOrderNotTheDeclaredOrder() {
        // pos is declared first but is updated after csu.
        let s = Self.snapshot("  csu: {csu-1: 10.0.38}\n  pos: {reg-1: 10.0.38}")
        let answer = why("offline", pack: Self.rules, snapshot: s)
        #expect(answer.plan.steps.map { $0.subject ?? "" } == ["csu-1", "reg-1", "offline"])
        #expect(answer.plan.verification?.outcome == .reachesGoal)
    }

    @Test func anUpgradeThatWouldBeNewerThanWhatItMayNotExceedAlsoUpgradesThat() {
        let pack = """
            prereq: 1
            components:
              hq: {name: Headquarters, productVersion: true}
              csu: {name: Commerce Scale Unit, updatedAfter: [hq]}
            features:
              f:
                requires:
                  - {component: csu, atLeast: 10.0.41}
                  - {component: csu, notNewerThan: hq}
            """
        let s = Self.snapshot(version: "10.0.40", "  csu: {csu-1: 10.0.40}").replacingOccurrences(of: "offline: off", with: "f: off")
        let answer = why("f", pack: pack, snapshot: s)
        #expect(answer.plan.steps.map(\.action) == [.upgrade, .upgrade, .enable])
        #expect(answer.plan.steps.map { $0.subject ?? "" } == ["hq", "csu-1", "f"])
        #expect(answer.plan.verification?.outcome == .reachesGoal)
    }

    @Test func theProductUpgradeAndHeadquartersUpgradeAreOneStep() {
        let pack = """
            prereq: 1
            components:
              hq: {name: Headquarters, productVersion: true}
            features:
              f:
                minVersion: 10.0.41
                requires: [{component: hq, atLeast: 10.0.42}]
            """
        let s = """
            prereq: 1
            snapshot: {environment: test, takenAt: 2026-11-20T10:00:00Z, version: 10.0.40}
            features: {f: off}
            """
        let answer = why("f", pack: pack, snapshot: s)
        #expect(answer.plan.steps.map(\.action) == [.upgrade, .enable])
        #expect(answer.plan.steps.first?.details["version"] == "10.0.42")
        #expect(answer.plan.verification?.outcome == .reachesGoal)
    }

    @Test func checkReportsReleasesOutOfServiceAndAboutToBe() {
        let findings = Self.check(Self.snapshot("  csu: {csu-1: 10.0.38}\n  pos: {reg-1: Autumn 2026}"))
        let eos = findings.filter { $0.code.hasPrefix("end-of-service") }
        #expect(eos.map(\.code) == ["end-of-service-soon", "end-of-service"])
        #expect(eos.map(\.subject) == ["version", "csu-1"])
        #expect(eos.last?.message == #""Commerce Scale Unit csu-1" runs release 10.0.38, out of service since 2025-06-30 00:00 UTC"#)
        #expect(eos.last?.help == "update to 10.0.46 or later, the first later release in service")
        #expect(eos.first?.message == "the product runs release 10.0.47, which goes out of service at 2026-12-10 00:00 UTC (in 19 days)")
        #expect(eos.last?.location?.line == 6)
    }

    @Test func aVersionNoReleaseCoversIsNoFinding() {
        let findings = Self.check(Self.snapshot(version: "10.0.45", "  csu: {csu-1: 10.0.39}"))
        #expect(!findings.contains { $0.code.hasPrefix("end-of-service") })
    }

    @Test func aBuildOfAReleaseIsCoveredByIt() {
        let findings = Self.check(Self.snapshot(version: "10.0.46", "  csu: {csu-1: 10.0.38.12}"))
        #expect(findings.filter { $0.code == "end-of-service" }.map(\.subject) == ["csu-1"])
    }

    @Test func aMinimumOutOfServiceIsALintWarning() {
        let found = lint(Self.rules, now: Timestamp.parse("2026-12-02T00:00:00Z")?.timestamp)
        #expect(found.map(\.code) == ["minimum-out-of-service"])
        #expect(found.first?.help == "raise the minimum to 10.0.46, the first later release in service, if the docs allow it")
    }

    @Test func anUndeclaredReleaseIsAnUnknownReferenceWithTheClosestName() {
        let found = lint(Self.rules.replacingOccurrences(of: "atLeast: Spring 2026", with: "atLeast: Sprin 2026"))
        #expect(found.map(\.code) == ["unknown-reference"])
        #expect(found.first?.message.contains(#"did you mean "Spring 2026""#) == true)
    }

    @Test func aTrainOutOfOrderIsAnError() {
        let found = lint(Self.rules.replacingOccurrences(of: "version: 10.0.46, endOfService: 2027", with: "version: 10.0.43, endOfService: 2027"))
        #expect(found.map(\.code) == ["release-order"])
        #expect(found.first?.location?.line == 5)
    }

    @Test func aReleaseWithoutAVersionIsASchemaErrorAtItsKey() {
        let (_, diagnostics) = pack("prereq: 1\nreleases:\n  Autumn: {endOfService: 2027-10-31}\n")
        #expect(diagnostics.map(\.code) == ["schema-missing"])
        #expect(diagnostics.first?.location.map { "\($0.line):\($0.column)" } == "3:3")
    }

    @Test func impossibleWindowsAcrossComponentsAreFound() {
        let pack = """
            prereq: 1
            components:
              hq: {name: Headquarters, productVersion: true}
              csu: {name: Commerce Scale Unit}
              pos: {name: Store Commerce}
            features:
              f:
                requires:
                  - {component: pos, atLeast: 10.0.46}
                  - {component: pos, notNewerThan: csu}
                  - {component: csu, notNewerThan: hq}
                  - {component: hq, atMost: 10.0.45}
              fine:
                requires:
                  - {component: pos, atLeast: 10.0.45}
                  - {component: pos, notNewerThan: hq}
                  - {component: hq, atMost: 10.0.45}
              either:
                requires:
                  anyOf:
                    - {component: pos, atLeast: 10.0.46}
                    - {component: pos, atMost: 10.0.40}
              own-minimum:
                minVersion: 10.0.50
                requires: [{component: hq, atMost: 10.0.45}]
            """
        let found = lint(pack).filter { $0.code == "impossible-versions" }
        #expect(found.map(\.subject) == ["f", "own-minimum"])
        #expect(found.first?.message == #"feature f can never hold: "Store Commerce" must run 10.0.46 or later but at most 10.0.45 (not newer than "Commerce Scale Unit", then "Headquarters")"#)
    }

    @Test func aCycleOfUpdateOrderIsAnError() {
        let found = lint("prereq: 1\ncomponents:\n  hq: {updatedAfter: [csu]}\n  csu: {updatedAfter: [hq]}\n")
        #expect(found.map(\.code) == ["update-order-cycle"])
    }
}
