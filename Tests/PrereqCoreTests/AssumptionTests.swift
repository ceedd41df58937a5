import Foundation
import PrereqCore
import Testing

/// What-if (`--assume`): answers as if some facts held on top of the snapshot.
@Suite struct AssumptionTests {
    static func answer(_ snapshot: String, _ assumptions: [String]) -> (FeatureAnswer?, Diagnostic?) {
        inPackageRoot {
            let rules = LoadedRules.load(paths: ["rules"])
            let facts = EnvironmentFacts(snapshot: SnapshotReader().read(path: "examples/snapshots/\(snapshot)").snapshots[0], graph: rules.graph)
            switch Assumptions.apply(assumptions, to: facts, language: .english) {
            case .failure(let d): return (nil, d)
            case .success(let applied):
                var evaluator = Evaluator(facts: applied.facts, language: .english)
                var a = evaluator.answer(feature: rules.graph.featureIndex["async-customer-editing"] ?? -1)
                a.assumptions = applied.described
                return (a, nil)
            }
        }
    }

    @Test func aPrerequisiteAssumedOnUnblocksTheFeature() {
        let (a, _) = Self.answer("blocked-prerequisite.yaml", ["Enable asynchronous creation for customer addresses=on"])
        #expect(a?.verdict == .enableable)
        #expect(a?.assumptions == [#""Enable asynchronous creation for customer addresses" is on"#])
        #expect(a?.plan.verification?.outcome == .reachesGoal)
    }

    @Test func aJobAssumedToHaveRunInAChannelPutsTheFeatureInEffect() {
        let (a, _) = Self.answer("not-in-effect-one-channel.yaml", ["job 1070 ran at 2026-11-20T09:00:00Z in store-002"])
        #expect(a?.verdict == .inEffect)
        // Without a channel the run counts for every channel. In store-002 the success before it
        // came before the switch, so this run, ten minutes ago, is the first since the switch:
        // the feature is settling for certain, until 30 minutes after it.
        let (late, _) = Self.answer("not-in-effect-one-channel.yaml", ["job Channel configuration ran at 2026-11-20T09:50:00Z"])
        #expect(late?.verdict == .notInEffect)
        #expect(late?.rootCauses.map(\.cause) == [.settling])
        #expect(late?.plan.steps.map(\.action) == [.wait])
        #expect(late?.plan.steps.first?.details["until"] == "2026-11-20T10:20:00Z")
        // Run in store-002 only, the same run leaves store-001 in effect: only store-002 settles.
        let (one, _) = Self.answer("not-in-effect-one-channel.yaml", ["job 1070 ran at 2026-11-20T09:50:00Z in store-002"])
        #expect(one?.verdict == .notInEffect)
        #expect(one?.rootCauses.map(\.channels) == [["store-002"]])
        #expect(one?.channels.map(\.verdict) == [.inEffect, .notInEffect])
    }

    @Test func theVersionCanBeAssumed() {
        let (a, _) = Self.answer("blocked-version.yaml", ["version=10.0.40"])
        #expect(a?.verdict == .enableable)
        #expect(a?.assumptions == ["the product runs 10.0.40"])
    }

    @Test func whatCannotBeReadIsAnErrorWithTheForms() {
        let (_, bad) = Self.answer("healthy.yaml", ["jobb 1070 ran"])
        #expect(bad?.code == "bad-assumption")
        let (_, unknown) = Self.answer("healthy.yaml", ["async-customr-editing=off"])
        #expect(unknown?.code == "unknown-reference")
        #expect(unknown?.message.contains(#"did you mean "async-customer-editing""#) == true)
        let (_, value) = Self.answer("healthy.yaml", ["async-customer-editing=maybe"])
        #expect(value?.code == "bad-assumption")
    }

    @Test func theAnswerSaysWhatItAssumed() {
        let (a, _) = Self.answer("blocked-prerequisite.yaml", ["async-customer-address-creation=on"])
        guard let a else { return #expect(Bool(false)) }
        #expect(ExplanationTextRenderer(language: .english).render(a).hasPrefix(#"Assuming: "Enable asynchronous creation for customer addresses" is on."# + "\n\n"))
        let json = AnswerJSON.why(a).serialized()
        #expect(json.contains(#""assumptions":["\"Enable asynchronous creation for customer addresses\" is on"]"#))
    }
}
