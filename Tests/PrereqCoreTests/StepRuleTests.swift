import Diagnostics
import Foundation
import PrereqCore
import Testing

/// Step rules: manual steps after a switch (`takesEffect.manual`), `last: true` steps,
/// parameters with values that must not be chosen, and job runs repeated after the switch that
/// made them stale; each in a verified plan, the simulator's checks of plans that break them,
/// decoding errors and lint.
@Suite struct StepRuleTests {
    static let pack = """
        prereq: 1
        attributes:
          kind: {values: [production, sandbox]}
        records:
          pending: {table: RETAILASYNC, where: {Done: 0}, clearedBy: cdx-1010}
        settings:
          pos-restarted: {type: bool}
        features:
          offline:
            name: Offline mode
            takesEffect:
              jobs: [cdx-1010]
              manual: [restart-pos]
              settle: 10m
          synced:
            name: Synced customers
            requires: [{records: pending}]
            takesEffect: {jobs: [cdx-1010]}
          scheduler:
            name: Commerce scheduler
            takesEffect: {jobs: [cdx-9999, init-scheduler], manual: [check-channels]}
          confirmed:
            name: Confirmed restart
            takesEffect: {manual: [confirmed-restart]}
          gated:
            name: Gated
            requires: [{manual: check-channels}]
        manualSteps:
          restart-pos:
            name: Restart the POS
            text: Close Store Commerce on every register and open it again.
          check-channels:
            name: Check the channels
            text: Open every channel's data-group setup and check it.
            last: true
          confirmed-restart:
            name: Restart the registers
            text: Restart every register.
            confirmedBy: {setting: pos-restarted, equals: true}
        jobs:
          cdx-1010: {code: "1010", name: Customers, kind: download}
          cdx-9999: {code: "9999", name: Distribution schedule, kind: download, last: true}
          init-scheduler:
            name: Initialize commerce scheduler
            kind: batch
            parameters:
              Delete existing configuration:
                never: "Yes"
                when: {attribute: kind, equals: production}
                note: Deleting the configuration removes every channel's data-group setup.
              Company: {never: ALL}

        """

    static func snapshot(kind: String? = nil, _ body: String) -> String {
        "prereq: 1\nsnapshot: {environment: test, takenAt: 2026-11-20T10:00:00Z, version: 10.0.38\(kind.map { ", kind: \($0)" } ?? "")}\n" + body
    }

    static let allOff = snapshot(
        kind: "production",
        """
        features: {offline: off, synced: off, scheduler: off, confirmed: off, gated: off}
        jobs:
          cdx-1010: {lastSuccess: 2026-11-20T09:00:00Z}
        records:
          - {table: RETAILASYNC, where: {Done: 0}, count: 0}
        """)

    private func facts(_ snapshot: String) -> EnvironmentFacts { PrereqCoreTests.facts(pack: Self.pack, snapshot: snapshot) }

    private func plan(_ features: [String], _ snapshot: String) -> PlanBuilder.Plan {
        let f = facts(snapshot)
        var evaluator = Evaluator(facts: f, language: .english)
        return evaluator.plan(features: features.compactMap { f.graph.featureIndex[$0] })
    }

    private func verify(_ steps: [PlanStep], goals: [String], _ snapshot: String) -> PlanVerification {
        let f = facts(snapshot)
        return PlanSimulator.verify(steps, goals: goals.compactMap { f.graph.featureIndex[$0] }, from: f, language: .english)
    }

    @Test func thePackLintsCleanButForItsTwoLastSteps() throws {
        let findings = lint(Self.pack)
        #expect(findings.map(\.code) == ["several-last-steps"], "\(findings.map(\.message))")
        let d = try #require(findings.first)
        #expect(d.message == "manual step check-channels and job cdx-9999 both say last: true, and the plan of \"Commerce scheduler\" can contain both: manual step check-channels comes first")
        #expect(d.location?.line == 42)  // cdx-9999's last: true, declared after check-channels
    }

    // MARK: - Manual steps after the switch

    @Test func aManualStepAfterTheSwitchComesAfterItsJobsWithItsText() throws {
        let p = plan(["offline"], Self.allOff)
        #expect(p.steps.map(\.action) == [.enable, .runJob, .manual, .wait])
        let manual = try #require(p.steps.first { $0.action == .manual })
        #expect(manual.subject == "restart-pos")
        #expect(manual.message == "By hand: Restart the POS. Close Store Commerce on every register and open it again.")
        #expect(manual.details["afterEnabling"] == "offline")
        #expect(p.verification?.outcome == .reachesGoal)
        #expect(p.verification?.takenOnTrust.map(\.subject) == ["restart-pos"])
        let json = AnswerJSON.step(manual).serialized(pretty: false)
        #expect(json.contains("\"afterEnabling\":\"offline\""))
    }

    @Test func aFeatureOnWhoseAfterStepCannotBeCheckedIsUnknownWithTheStepAsThePlan() throws {
        let a = why("offline", pack: Self.pack, snapshot: Self.snapshot("""
            features: {offline: {enabled: true, enabledAt: 2026-11-19T10:00:00Z}}
            jobs:
              cdx-1010: {lastSuccess: 2026-11-20T09:00:00Z}
            """))
        #expect(a.verdict == .unknown)
        let cause = try #require(a.rootCauses.first)
        #expect(a.rootCauses.count == 1)
        #expect(cause.cause == .manual && cause.truth == .unknown && cause.subject == "restart-pos")
        #expect(cause.message == "\"Restart the POS\" is a manual step no snapshot can show: it could not be checked")
        #expect(cause.evidence.rule?.line == 13)  // manual: [restart-pos]
        #expect(a.plan.steps.map(\.subject) == ["restart-pos"])
        #expect(a.plan.verification?.outcome == .reachesGoal)
        #expect(ExplanationTextRenderer(language: .english).render(a).hasPrefix(
            "Prereq cannot tell about \"Offline mode\": the snapshot does not confirm the manual steps it needs."))
    }

    @Test func anAfterStepWithConfirmedByIsJudgedByIt() throws {
        let on = "features: {confirmed: {enabled: true, enabledAt: 2026-11-19T10:00:00Z}}\n"
        let undone = why("confirmed", pack: Self.pack, snapshot: Self.snapshot(on + "settings: {pos-restarted: false}"))
        #expect(undone.verdict == .notInEffect)
        let cause = try #require(undone.rootCauses.first)
        #expect(cause.cause == .manual && cause.truth == .violated)
        #expect(cause.message.hasPrefix("\"Restart the registers\" has not been done: "))
        #expect(undone.plan.steps.map(\.subject) == ["confirmed-restart"])
        // Its fix is the step after the switch, whatever else the plan does before it.
        #expect(undone.plan.steps.first?.details["afterEnabling"] == "confirmed")
        #expect(undone.plan.verification?.outcome == .reachesGoal)
        let done = why("confirmed", pack: Self.pack, snapshot: Self.snapshot(on + "settings: {pos-restarted: true}"))
        #expect(done.verdict == .inEffect)
        #expect(done.plan.steps.isEmpty)
    }

    @Test func theSimulatorRejectsAnAfterStepDoneBeforeTheSwitch() throws {
        let good = plan(["offline"], Self.allOff).steps
        // The same steps, with the manual step moved before the switch.
        let manual = try #require(good.first { $0.action == .manual })
        let bad = [manual] + good.filter { $0.action != .manual }
        let v = verify(bad, goals: ["offline"], Self.allOff)
        #expect(v.outcome == .fails)
        #expect(v.unmet.contains { $0.cause == .stepOrder && $0.message == "\"Restart the POS\" must be done after the switch in step 2, but the plan does it in step 1" })
    }

    // MARK: - last

    @Test func lastStepsAreFinalInDeclaredOrderAndOnlyWaitsFollow() {
        let p = plan(["scheduler", "offline"], Self.allOff)
        let subjects = p.steps.map { $0.subject ?? $0.action.rawValue }
        // The job declared last comes after the manual step declared last (manualSteps is
        // written above jobs); the settle time's wait after both.
        #expect(subjects == ["scheduler", "offline", "cdx-1010", "init-scheduler", "restart-pos", "check-channels", "cdx-9999", "wait"])
        #expect(p.verification?.outcome == .reachesGoal)
        #expect(PlanStepRules.defects(of: p.steps, evaluator: Evaluator(facts: facts(Self.allOff), language: .english)).isEmpty)
    }

    @Test func aLastStepASwitchNeedsIsDoneBeforeItAndAgainAtTheEnd() {
        let p = plan(["gated"], Self.allOff)
        #expect(p.steps.map(\.subject) == ["check-channels", "gated", "check-channels"])
        #expect(p.steps.last?.message == "By hand: Check the channels. Open every channel's data-group setup and check it. (again, as the final step: the pack says to do it last; step 1 did it for the switch)")
        #expect(p.steps.last?.details["again"] == "1")
        #expect(p.verification?.outcome == .reachesGoal)
        // Moved to the end only, the switch would come before what it needs.
        #expect(verify(Array(p.steps.dropFirst()), goals: ["gated"], Self.allOff).outcome == .fails)
    }

    @Test func theSimulatorRejectsAPlanWhereALastStepIsNotFinal() {
        let good = plan(["scheduler"], Self.allOff).steps
        #expect(good.last?.subject == "cdx-9999")
        let bad = good.filter { $0.subject != "cdx-9999" }.prefix(2) + good.filter { $0.subject == "cdx-9999" } + good.filter { $0.subject != "cdx-9999" }.dropFirst(2)
        let v = verify(Array(bad), goals: ["scheduler"], Self.allOff)
        #expect(v.outcome == .fails)
        #expect(v.unmet.contains { $0.cause == .stepOrder && $0.subject == "cdx-9999" && $0.message.hasPrefix("\"9999 (Distribution schedule)\" must be the final step, but step 4 comes after step 3") })
        // Two last steps out of their declared order break the rule too.
        let swapped = good.filter { !["cdx-9999", "check-channels"].contains($0.subject ?? "") }
            + good.filter { $0.subject == "cdx-9999" } + good.filter { $0.subject == "check-channels" }
        #expect(verify(swapped, goals: ["scheduler"], Self.allOff).unmet.contains { $0.cause == .stepOrder && $0.subject == "cdx-9999" })
    }

    // MARK: - Parameters

    @Test func aForbiddenValueIsSaidUnderEveryStepOfTheJobAsTheSnapshotDecides() throws {
        let production = try #require(plan(["scheduler"], Self.allOff).steps.first { $0.subject == "init-scheduler" })
        #expect(production.forbidden == [
            "Do not set \"Delete existing configuration\" to \"Yes\": it is forbidden where \"kind\" is production, as here. Deleting the configuration removes every channel's data-group setup.",
            "Do not set \"Company\" to \"ALL\".",
        ])
        let json = AnswerJSON.step(production).serialized(pretty: false)
        #expect(json.contains("\"forbidden\":[\"Do not set \\\"Delete existing configuration\\\" to \\\"Yes\\\": it is forbidden where"))
        let text = ExplanationTextRenderer(language: .english).planText(plan(["scheduler"], Self.allOff))
        #expect(text.contains("  2. Run Initialize commerce scheduler\n     Do not set \"Delete existing configuration\" to \"Yes\": it is forbidden"))

        let sandbox = Self.allOff.replacingOccurrences(of: "kind: production", with: "kind: sandbox")
        let there = try #require(plan(["scheduler"], sandbox).steps.first { $0.subject == "init-scheduler" })
        #expect(there.forbidden == ["Do not set \"Company\" to \"ALL\"."])

        let silent = Self.allOff.replacingOccurrences(of: ", kind: production", with: "")
        let unknown = try #require(plan(["scheduler"], silent).steps.first { $0.subject == "init-scheduler" })
        #expect(unknown.forbidden.first == "Do not set \"Delete existing configuration\" to \"Yes\" where \"kind\" is production; Prereq cannot tell whether that is so here: the snapshot does not give kind (snapshot.kind). Deleting the configuration removes every channel's data-group setup.")
    }

    @Test func forbiddenValuesAreSaidInPortuguese() throws {
        let f = facts(Self.allOff)
        var evaluator = Evaluator(facts: f, language: .brazilianPortuguese)
        let p = evaluator.plan(features: [try #require(f.graph.featureIndex["scheduler"])])
        let step = try #require(p.steps.first { $0.subject == "init-scheduler" })
        #expect(step.forbidden.last == "Não defina \"Company\" como \"ALL\".")
    }

    // MARK: - Runs made stale by a later step

    @Test func aRunBeforeTheSwitchIsRepeatedAfterItAndSaysWhy() throws {
        let s = Self.snapshot(
            kind: "production",
            """
            features: {synced: off}
            jobs:
              cdx-1010: {lastSuccess: 2026-11-20T09:00:00Z, schedule: {recurring: false}}
            records:
              - {table: RETAILASYNC, where: {Done: 0}, count: 3, oldest: 2026-11-20T09:30:00Z}
            """)
        let p = plan(["synced"], s)
        #expect(p.steps.map(\.action) == [.runJob, .enable, .runJob])
        let again = try #require(p.steps.last)
        #expect(again.message == "Run 1010 (Customers) again, because step 2 switches on \"Synced customers\", which needs 1010 (Customers) to succeed after the switch (the run in step 1 came before it)")
        #expect(again.details["again"] == "1" && again.details["staleSince"] == "2")
        #expect(p.steps.first?.message == "Run 1010 (Customers)")
        // The rows' count is known again only from a new snapshot: the plan needs data, and is
        // never a failure.
        #expect(p.verification?.outcome == .needsData)
        // Without the second run, the simulator says the first one no longer counts.
        let v = verify(Array(p.steps.dropLast()), goals: ["synced"], s)
        #expect(v.outcome == .fails)
        #expect(v.unmet.contains {
            $0.cause == .stepOrder
                && $0.message == "the run of 1010 (Customers) in step 1 does not count: step 2 switches on \"Synced customers\", which needs 1010 (Customers) to succeed after the switch, and the plan does not run it again"
        })
    }

    // MARK: - Decoding and lint

    @Test func badStepRulesAreErrorsAtTheirLines() throws {
        let d = PrereqCoreTests.pack("""
            prereq: 1
            jobs:
              j:
                last: maybe
                parameters:
                  Mode: {note: x}
                  Scope: {never: ALL, when: {manual: m}, extra: 1}
              k: {parameters: [a, b]}
            features:
              f: {takesEffect: {manual: m, jobs: [j]}}
            manualSteps:
              m: {text: Do it, last: "yes please"}
            """).1.filter { $0.severity == .error }
        let places = d.map { "\($0.code) \($0.location?.line ?? 0):\($0.location?.column ?? 0)" }
        #expect(places.contains("schema-type 4:11"), "\(places) \(d.map(\.message))")  // last: maybe
        #expect(places.contains("schema-missing 6:7"))  // Mode needs never
        #expect(d.contains { $0.code == "schema-missing" && $0.message.contains("`never`") })
        #expect(places.contains("schema-value 7:42"))  // a manual step in when
        #expect(places.contains { $0.hasPrefix("schema-unknown-key 7:") })  // extra
        #expect(places.contains { $0.hasPrefix("schema-type 8:") })  // parameters as a list
        #expect(places.contains { $0.hasPrefix("schema-type 12:") })  // last: "yes please"
        #expect(d.allSatisfy { $0.location?.file == "pack.yaml" })
    }

    @Test func twoLastStepsAreOneFindingWhateverNumberOfFeaturesReachThem() throws {
        let findings = lint("""
            prereq: 1
            features:
              a: {takesEffect: {jobs: [j1]}}
              b: {requires: [{manual: m}]}
              c: {requires: [a, b]}
              d: {requires: [c]}
            manualSteps:
              m: {text: Check it, last: true}
            jobs:
              j1: {last: true}
            """)
        #expect(findings.map(\.code) == ["several-last-steps"], "\(findings.map(\.message))")
        #expect(findings.first?.subject == "c" && findings.first?.location?.line == 10)
    }

    @Test func lintChecksWhatStepRulesName() {
        let findings = lint("""
            prereq: 1
            features:
              f: {takesEffect: {manual: [restart], jobs: [j]}, requires: [{schedule: only-scheduled}]}
              g: {requires: [{manual: m}]}
            manualSteps:
              m: {text: Do it}
              restrt: {text: Restart}
            jobs:
              j: {parameters: {Mode: {never: A, when: {attribute: knd, equals: production}}, Scope: {never: B, when: {attribute: kind, equals: prod}}}}
              only-scheduled: {last: true}
              final: {last: true}
              follower: {after: [final]}
            attributes:
              kind: {values: [production, sandbox]}
            """)
        let codes = findings.map { "\($0.code) \($0.location?.line ?? 0)" }
        #expect(codes.contains("unknown-reference 3"))  // manual: [restart]
        #expect(findings.contains { $0.code == "unknown-reference" && $0.message.contains("knd") && $0.location?.line == 9 })
        #expect(findings.contains { $0.code == "value-not-allowed" && $0.location?.line == 9 })
        #expect(codes.contains("last-step-unused 10"))
        #expect(codes.contains("last-step-followed 11"))
        #expect(!codes.contains("last-step-unused 11"))
        // A step named in takesEffect.manual is used.
        let used = lint("""
            prereq: 1
            features:
              f: {takesEffect: {manual: [m]}}
            manualSteps:
              m: {text: Do it, last: true}
            """)
        #expect(used.isEmpty, "\(used.map(\.message))")
    }
}
