import Diagnostics
import PrereqCore
import Testing

/// Plans are promises: every plan `why` and `plan` print reaches the goal when its steps are
/// performed in order, and the answer says so when no plan does.
@Suite struct PlanVerificationTests {
    private func plan(_ features: [String], pack: String, snapshot: String) -> PlanBuilder.Plan {
        let f = facts(pack: pack, snapshot: snapshot)
        var evaluator = Evaluator(facts: f, language: .english)
        return evaluator.plan(features: features.compactMap { f.graph.featureIndex[$0] })
    }

    @Test func aNotNextToAnAnyOfSwitchesOnTheOtherAlternative() {
        let pack = "prereq: 1\nfeatures:\n  f: {requires: [{anyOf: [a, b]}, {not: a}]}\n  a: {}\n  b: {}\n"
        let a = why("f", pack: pack, snapshot: header + "features: {f: off, a: on, b: off}\n")
        #expect(a.verdict == .blocked)
        #expect(a.plan.steps.map(\.action) == [.disable, .enable, .enable])
        #expect(a.plan.steps.map(\.subject) == ["a", "b", "f"])
        #expect(a.plan.verification?.outcome == .reachesGoal)
    }

    @Test func aNegatedAnyOfNamesTheFeaturesThatMustBeOffWithTheirRuleLines() {
        let pack = "prereq: 1\nfeatures:\n  f: {requires: [{not: {anyOf: [a, b]}}]}\n  a: {}\n  b: {}\n"
        let snapshot = header + "features: {f: off, a: on, b: on}\n"
        let a = why("f", pack: pack, snapshot: snapshot)
        #expect(a.rootCauses.map(\.subject) == ["a", "b"])
        #expect(a.rootCauses.allSatisfy { $0.cause == .featureOn && $0.evidence.rule?.line == 3 })
        #expect(!a.rootCauses.contains { $0.message.lowercased().contains("must not hold") })
        #expect(a.plan.steps.map(\.action) == [.disable, .disable, .enable])
        // The same answer every time, and performing it leaves nothing to do.
        #expect(why("f", pack: pack, snapshot: snapshot).plan.steps == a.plan.steps)
        #expect(why("f", pack: pack, snapshot: header + "features: {f: on, a: off, b: off}\n").plan.steps.isEmpty)
    }

    @Test func aNegatedAllOfSwitchesOffOneOfItsFeatures() {
        let pack = "prereq: 1\nfeatures:\n  f: {requires: [{not: [a, b]}]}\n  a: {}\n  b: {}\n"
        let a = why("f", pack: pack, snapshot: header + "features: {f: off, a: on, b: on}\n")
        #expect(a.plan.steps.filter { $0.action == .disable }.count == 1)
        #expect(a.plan.verification?.outcome == .reachesGoal)
    }

    static let chainPack = """
        prereq: 1
        features:
          f: {takesEffect: {jobs: [c]}}
        jobs:
          a: {code: A}
          b: {code: B, after: [a]}
          c: {code: C, after: [b]}
        """

    @Test func aJobOutOfOrderUpstreamReRunsTheChainInOrder() {
        // C ran after B, but B ran before A: B's success does not count, and re-running B
        // makes C's stale.
        let snapshot = header + """
            features: {f: {enabled: true, enabledAt: 2026-11-19T08:00:00Z}}
            jobs:
              A: {lastSuccess: 2026-11-19T09:00:00Z}
              B: {lastSuccess: 2026-11-19T08:30:00Z}
              C: {lastSuccess: 2026-11-19T09:30:00Z}
            """
        let a = why("f", pack: Self.chainPack, snapshot: snapshot)
        #expect(a.verdict == .notInEffect)
        #expect(a.rootCauses.map(\.cause) == [.jobOrder])
        #expect(a.rootCauses.map(\.subject) == ["b"])
        #expect(a.plan.steps.map(\.subject) == ["b", "c"])
        #expect(a.plan.verification?.outcome == .reachesGoal)
    }

    @Test func runningTheFirstJobOfAChainReRunsEveryJobAfterIt() {
        let snapshot = header + """
            features: {f: {enabled: true, enabledAt: 2026-11-19T08:00:00Z}}
            jobs:
              A: {lastSuccess: 2026-11-19T07:00:00Z}
              B: {lastSuccess: 2026-11-19T07:30:00Z}
              C: {lastSuccess: 2026-11-19T07:45:00Z}
            """
        let pack = Self.chainPack.replacingOccurrences(of: "jobs: [c]", with: "jobs: [a, c]")
        let a = why("f", pack: pack, snapshot: snapshot)
        #expect(a.plan.steps.map(\.subject) == ["a", "b", "c"])
        #expect(a.plan.verification?.outcome == .reachesGoal)
    }

    @Test func aMissingLastSuccessInAJobOrderIsUnknownNotSkipped() {
        let snapshot = header + """
            features: {f: {enabled: true, enabledAt: 2026-11-19T08:00:00Z}}
            jobs:
              B: {lastSuccess: 2026-11-19T08:30:00Z}
              C: {lastSuccess: 2026-11-19T09:30:00Z}
            """
        let a = why("f", pack: Self.chainPack, snapshot: snapshot)
        #expect(a.verdict == .unknown)
        #expect(a.rootCauses.map(\.cause) == [.missingData])
        #expect(a.rootCauses.map(\.subject) == ["a"])
        #expect(a.plan.verification?.outcome == .needsData)
    }

    @Test func jobsComeAfterEverySwitchThePlanMakes() {
        let pack = """
            prereq: 1
            features:
              on: {takesEffect: {jobs: [j]}}
              off: {requires: [base], takesEffect: {jobs: [j]}}
              base: {}
            jobs:
              j: {code: J}
            """
        let snapshot = header + """
            features: {on: {enabled: true, enabledAt: 2026-11-19T08:00:00Z}, off: off, base: off}
            jobs: {J: {lastSuccess: 2026-11-19T07:00:00Z}}
            """
        let p = plan(["on", "off"], pack: pack, snapshot: snapshot)
        #expect(p.steps.map(\.subject) == ["base", "off", "j"])
        #expect(p.verification?.outcome == .reachesGoal)
    }

    @Test func aRemovedFeatureHasNoPlanAndTheAnswerSaysWhy() {
        let pack = "prereq: 1\nfeatures:\n  f: {removedIn: 10.0.30}\n"
        let a = why("f", pack: pack, snapshot: header + "features: {f: off}\n")
        #expect(a.plan.steps.isEmpty)
        #expect(a.plan.verification?.outcome == .fails)
        #expect(a.plan.verification?.cannotFix.first?.contains("10.0.30") == true)
        let text = ExplanationTextRenderer(language: .english).planText(a.plan)
        #expect(text.contains("No plan found that reaches the goal"))
        #expect(!text.contains("Switch on"))
    }

    @Test func requirementsThatContradictEachOtherHaveNoPlan() {
        let pack = "prereq: 1\nfeatures:\n  f: {requires: [a, {not: a}]}\n  a: {}\n"
        let a = why("f", pack: pack, snapshot: header + "features: {f: off, a: off}\n")
        #expect(a.plan.steps.isEmpty)
        #expect(a.plan.verification?.outcome == .fails)
        #expect(a.plan.verification?.cannotFix == ["\"a\" must be on (for \"f\") and off (for \"f\") at the same time"])
    }

    @Test func aVersionThatTheUpgradeWouldRemoveIsNamed() {
        let pack = "prereq: 1\nfeatures:\n  f: {requires: [new, old]}\n  new: {introducedIn: 10.0.40}\n  old: {removedIn: 10.0.39}\n"
        let a = why("f", pack: pack, snapshot: header + "features: {f: off, new: off, old: off}\n")
        #expect(a.plan.verification?.outcome == .fails)
        #expect(a.plan.steps.isEmpty)
        #expect(a.plan.verification?.cannotFix == ["the product must be at least 10.0.40, but \"old\" is gone from 10.0.39 on"])
    }

    // MARK: - Time rules

    static let hourlyPack = """
        prereq: 1
        features:
          f: {takesEffect: {jobs: [j], settle: 30m}}
          quiet: {takesEffect: {settle: 2h}}
        jobs:
          j: {code: J}
        """

    @Test func aFeatureSwitchedOnDaysAgoWithHourlyJobsIsInEffect() {
        // The newest run was five minutes ago, but the first run after the switch was within
        // an hour of it, two days ago.
        let snapshot = header + """
            features: {f: {enabled: true, enabledAt: 2026-11-18T10:00:00Z}}
            jobs: {J: {lastSuccess: 2026-11-20T09:55:00Z, schedule: {recurring: true, every: 1h}}}
            """
        let a = why("f", pack: Self.hourlyPack, snapshot: snapshot)
        #expect(a.verdict == .inEffect)
        #expect(a.plan.steps.isEmpty)
    }

    @Test func aFailureAfterTheSwitchMovesTheBoundToTheRunAfterIt() {
        let snapshot = header + """
            features: {f: {enabled: true, enabledAt: 2026-11-20T08:00:00Z}}
            jobs: {J: {lastSuccess: 2026-11-20T09:55:00Z, lastFailure: 2026-11-20T09:30:00Z, schedule: {recurring: true, every: 1h}}}
            """
        let a = why("f", pack: Self.hourlyPack, snapshot: snapshot)
        // The first success may have come before the failure (08:xx) or only at 09:55.
        #expect(a.verdict == .unknown)
        #expect(a.plan.steps.map(\.action) == [.wait])
        #expect(a.plan.steps.first?.details["until"] == "2026-11-20T10:25:00Z")
    }

    @Test func aSettleTimeWithoutJobsCountsFromTheSwitchEverywhere() {
        let pending = header + "features: {quiet: {enabled: true, enabledAt: 2026-11-20T09:00:00Z}}\n"
        let a = why("quiet", pack: Self.hourlyPack, snapshot: pending)
        #expect(a.verdict == .notInEffect)
        #expect(a.rootCauses.map(\.cause) == [.settling])
        #expect(a.plan.steps.first?.details["until"] == "2026-11-20T11:00:00Z")
        #expect(plan(["quiet"], pack: Self.hourlyPack, snapshot: pending).steps == a.plan.steps)
        let f = facts(pack: Self.hourlyPack, snapshot: pending)
        let check = CheckRun.check(f.snapshot, graph: f.graph, language: .english)
        #expect(check.contains { $0.code == "settling" && $0.message.contains("11:00") })
        let done = why("quiet", pack: Self.hourlyPack, snapshot: pending.replacingOccurrences(of: "09:00:00Z", with: "07:00:00Z"))
        #expect(done.verdict == .inEffect)

        // Switched on by the plan: the wait follows the switch.
        let off = why("quiet", pack: Self.hourlyPack, snapshot: header + "features: {quiet: off}\n")
        #expect(off.plan.steps.map(\.action) == [.enable, .wait])
        #expect(off.plan.verification?.outcome == .reachesGoal)
    }
}
