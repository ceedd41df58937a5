import Diagnostics
import Foundation
import PrereqCore
import Testing

/// Lifecycle states: mandatory and on by default from a version, one-way switches, preview, and
/// prerequisites only scheduled to be switched on (with the plan that waits for the date as the
/// other valid shape).
@Suite struct LifecycleTests {
    static let rules = """
        prereq: 1
        features:
          perf:
            name: Performance improvements
            mandatorySince: 10.0.28
          legacy-orders:
            name: Legacy order processing
            conflicts: [perf]
            removedIn: 10.0.28
          old-reports:
            name: Old reports
            requires: [{not: perf}]
            removedIn: 10.0.28
          new-pricing:
            name: New pricing engine
            cannotSwitchOff: true
          old-pricing:
            name: Old pricing
            requires: [{not: new-pricing}]
          base: {name: Base engine}
          dependent:
            name: Dependent feature
            requires: [base]
          beta:
            name: Beta view
            preview: true
          cloud-default:
            name: Cloud default
            onByDefaultSince: 10.0.30
          uses-default:
            name: Uses the default
            requires: [cloud-default]
        """

    static func snapshot(version: String, kind: String = "sandbox", features: String) -> String {
        """
        prereq: 1
        snapshot: {environment: test, takenAt: 2026-11-20T10:00:00Z, version: \(version), kind: \(kind)}
        features:
        \(features)
        """
    }

    @Test func theFixturePackLintsClean() {
        #expect(lint(Self.rules).isEmpty)
    }

    @Test func aMandatoryFeatureIsOnFromItsVersionWhateverTheSnapshotSays() {
        let silent = facts(pack: Self.rules, snapshot: Self.snapshot(version: "10.0.38", features: "  base: off"))
        let perf = silent.graph.featureIndex["perf"] ?? -1
        #expect(silent.isOn(perf) == true)
        #expect(silent.diagnostics.isEmpty)
        let before = facts(pack: Self.rules, snapshot: Self.snapshot(version: "10.0.27", features: "  base: off"))
        #expect(before.isOn(perf) == nil)
        let saidOff = facts(pack: Self.rules, snapshot: Self.snapshot(version: "10.0.38", features: "  perf: off"))
        #expect(saidOff.isOn(perf) == true)
        #expect(saidOff.diagnostics.map(\.code) == ["mandatory-feature-off"])
        #expect(saidOff.diagnostics.first?.location?.line == 4)
    }

    @Test func aFeatureThatNeedsAMandatoryOneOffCannotBeSwitchedOnAndNoPlanPretends() {
        let pack = Self.rules.replacingOccurrences(of: "    removedIn: 10.0.28\n", with: "")
        let a = why("legacy-orders", pack: pack, snapshot: Self.snapshot(version: "10.0.38", features: "  legacy-orders: off"))
        #expect(a.verdict == .blocked)
        #expect(a.rootCauses.map(\.cause) == [.lifecycle])
        #expect(a.rootCauses.first?.message == "\"Performance improvements\" must be off for \"Legacy order processing\", but it cannot be switched off (mandatory since 10.0.28)")
        #expect(a.plan.steps.isEmpty)
        #expect(a.plan.verification?.reachesGoal == false)
        // `not` says the same as a conflict.
        let b = why("old-reports", pack: pack, snapshot: Self.snapshot(version: "10.0.38", features: "  old-reports: off"))
        #expect(b.rootCauses.map(\.cause) == [.lifecycle])
        #expect(b.plan.steps.isEmpty)
        // Before the version it is an ordinary conflict with an ordinary fix.
        let c = why("legacy-orders", pack: pack, snapshot: Self.snapshot(version: "10.0.27", features: "  legacy-orders: off\n  perf: on"))
        #expect(c.plan.steps.map(\.action) == [.disable, .enable])
        #expect(c.plan.verification?.outcome == .reachesGoal)
    }

    @Test func lintFindsAFeatureThatNeedsAMandatoryOneOffAndDoesNotGoAwayWithIt() {
        let pack = Self.rules.replacingOccurrences(of: "    removedIn: 10.0.28\n", with: "")
        let findings = lint(pack)
        #expect(findings.map(\.code) == ["mandatory-required-off", "mandatory-required-off"])
        #expect(findings.first?.message == "feature legacy-orders needs perf off, but perf is mandatory since 10.0.28: from that version on, legacy-orders can never be switched on")
    }

    @Test func aOneWaySwitchIsNeverSwitchedOffByAPlan() {
        let a = why("old-pricing", pack: Self.rules, snapshot: Self.snapshot(version: "10.0.38", features: "  new-pricing: on\n  old-pricing: off"))
        #expect(a.verdict == .blocked)
        #expect(a.rootCauses.first?.message == "\"New pricing engine\" must be off for \"Old pricing\", but it cannot be switched off (once on, it stays on)")
        #expect(a.plan.steps.isEmpty)
        // The simulator refuses the switch too.
        let f = facts(pack: Self.rules, snapshot: Self.snapshot(version: "10.0.38", features: "  new-pricing: on"))
        let disable = PlanStep(action: .disable, subject: "new-pricing", subjectName: "New pricing engine", message: "Switch off")
        let end = PlanSimulator.endState(of: [disable], from: f)
        #expect(end.end.isOn(f.graph.featureIndex["new-pricing"] ?? -1) == true)
        #expect(end.blocked.map(\.cause) == [.lifecycle])
    }

    /// A golden answer, read as a user reads it.
    @Test func aScheduledPrerequisiteOffersBothPlans() throws {
        let snapshot = Self.snapshot(version: "10.0.38", features: "  base: {enabled: false, scheduledFor: 2026-11-23T00:00:00Z}\n  dependent: off")
        let a = why("dependent", pack: Self.rules, snapshot: snapshot)
        #expect(a.verdict == .blocked)
        #expect(a.rootCauses.map(\.cause) == [.lifecycle])
        #expect(a.plan.alternatives.count == 1)
        #expect(a.plan.alternatives.first?.verification?.outcome == .reachesGoal)
        #expect(a.plan.alternatives.first?.verification?.endTime?.description == "2026-11-23T00:00:01Z")
        #expect(
            ExplanationTextRenderer(language: .english).render(a) == """
                "Dependent feature" cannot be switched on yet.

                Why:
                  └─ [1] "Base engine" is off; it is scheduled to be switched on at 2026-11-23 00:00 UTC
                        snapshot snap.yaml:4:40 · rule pack.yaml:23:16

                What to do:
                  1. Switch on "Base engine"
                  2. Switch on "Dependent feature"
                Or, instead:
                  1. Wait until 2026-11-23 00:00 UTC, when "Base engine" is switched on as scheduled
                  2. Switch on "Dependent feature"

                """)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(AnswerJSON.why(a).serialized().utf8)) as? [String: Any])
        let alternatives = try #require(json["alternatives"] as? [[String: Any]])
        let steps = try #require(alternatives.first?["steps"] as? [[String: Any]])
        #expect(steps.map { $0["action"] as? String } == ["wait", "enable"])
        #expect(steps.first?["subject"] as? String == "base")
        #expect(steps.first?["until"] as? String == "2026-11-23T00:00:00Z")
        #expect((json["rootCauses"] as? [[String: Any]])?.first?["kind"] as? String == "lifecycle")
    }

    @Test func aDateInThePastIsNoSchedule() {
        let snapshot = Self.snapshot(version: "10.0.38", features: "  base: {enabled: false, scheduledFor: 2026-11-19T00:00:00Z}\n  dependent: off")
        let a = why("dependent", pack: Self.rules, snapshot: snapshot)
        #expect(a.rootCauses.map(\.cause) == [.featureOff])
        #expect(a.plan.alternatives.isEmpty)
    }

    @Test func onByDefaultFromAVersionFillsASilentSnapshotOnly() {
        let fresh = why("uses-default", pack: Self.rules, snapshot: Self.snapshot(version: "10.0.38", features: "  uses-default: off"))
        #expect(fresh.verdict == .enableable)
        let older = why("uses-default", pack: Self.rules, snapshot: Self.snapshot(version: "10.0.29", features: "  uses-default: off"))
        #expect(older.verdict == .unknown)
        let switchedOff = why("uses-default", pack: Self.rules, snapshot: Self.snapshot(version: "10.0.38", features: "  uses-default: off\n  cloud-default: off"))
        #expect(switchedOff.verdict == .blocked)
        #expect(switchedOff.plan.steps.map(\.action) == [.enable, .enable])
    }

    @Test func aPreviewIsSaidInTheAnswerAndWarnedAboutInProduction() {
        let a = why("beta", pack: Self.rules, snapshot: Self.snapshot(version: "10.0.38", features: "  beta: on"))
        #expect(ExplanationTextRenderer(language: .english).render(a).hasPrefix("\"Beta view\" is on and in effect.\n  Preview feature: not meant for production use\n"))
        // The mandatory feature is on, so what it conflicts with is given too.
        let features = "  beta: on\n  legacy-orders: off"
        let sandbox = facts(pack: Self.rules, snapshot: Self.snapshot(version: "10.0.38", features: features))
        #expect(CheckRun.check(sandbox.snapshot, graph: sandbox.graph, language: .english).isEmpty)
        let production = facts(pack: Self.rules, snapshot: Self.snapshot(version: "10.0.38", kind: "production", features: features))
        let findings = CheckRun.check(production.snapshot, graph: production.graph, language: .english)
        #expect(findings.map(\.code) == ["preview-in-production"])
        #expect(findings.first?.location?.line == 4)
    }

    @Test func lifecycleKeysAreCheckedLikeEveryOther() {
        let findings = lint(
            """
            prereq: 1
            features:
              a: {mandatorySince: soon, cannotSwitchOff: maybe}
            """)
        #expect(findings.count == 2)
        #expect(findings.allSatisfy { $0.severity == .error && $0.location?.line == 3 })
    }
}
