import PrereqCore
import Testing

@testable import PrereqEvaluation

/// `check` builds no explanation for a switched-on feature that needs only features that are
/// on (`Evaluator.isPlainlyInEffect`). Over generated packs and snapshots holding every
/// construct the evaluation knows (versions, conflicts, `alsoEnables`, settings, value
/// conditions, groups, `takesEffect` jobs, unknown states), every feature the shortcut takes
/// is in effect with no root cause and no recommendation: no finding is lost.
@Suite struct InEffectShortcutTests {
    @Test func aFeatureTakenAsPlainlyInEffectHasNothingToSay() {
        var taken = 0, explained = 0
        for seed in 0..<UInt64(PlanPropertyTests.cases) {
            let c = RandomCase(seed: seed)
            let f = facts(pack: c.pack, snapshot: c.snapshot)
            for i in f.graph.pack.features.indices where f.isOn(i) == true {
                var evaluator = Evaluator(facts: f, language: .english)
                guard evaluator.isPlainlyInEffect(i) else {
                    explained += 1
                    continue
                }
                taken += 1
                let (verdict, root) = evaluator.explainFeature(i)
                let explanation = evaluator.explanation(root: root)
                let context = "seed \(seed), f\(i)\n\(c.pack)\(c.snapshot)"
                #expect(verdict == .inEffect, "\(context)")
                #expect(explanation.rootCauses.isEmpty, "\(context)")
                #expect(evaluator.recommendations(in: explanation).isEmpty, "\(context)")
            }
        }
        // Both kinds of switched-on feature were met (33 and 543 taken and explained in 300 cases).
        #expect(taken >= PlanPropertyTests.cases / 15 && explained > taken, "\(taken) taken, \(explained) explained")
    }

    /// Packs of plain requirements (nested lists, ids the pack does not define) where some
    /// features have one more condition, and snapshots where features are on, off or not
    /// stated: the shortcut takes many features, and never one with anything to say.
    @Test func plainRequirementsAreTakenAndEveryOtherConditionIsNot() {
        var taken = 0, explained = 0
        for seed in 0..<UInt64(PlanPropertyTests.cases) {
            var r = SeededRandom(seed: seed)
            let n = 20
            var pack = "prereq: 1\nfeatures:\n"
            for f in 0..<n {
                var parts: [String] = []
                if r.chance(80) { parts.append("requires: \(Self.references(&r, features: n, depth: 2))") }
                if r.chance(30) {
                    parts.append(
                        r.pick([
                            "conflicts: [f\(r.below(n))]", "alsoEnables: [f\(r.below(n))]", "takesEffect: {jobs: [j0]}",
                            "takesEffect: {settle: 30m}", "introducedIn: 10.0.40", "removedIn: 10.0.36", "settings: {s0: true}",
                            "requires: [{anyOf: [f\(r.below(n)), f\(r.below(n))]}]", "requires: [{not: f\(r.below(n))}]",
                        ]))
                }
                // One `requires` per feature: a second one drawn replaces the first.
                if parts.count == 2, parts[0].hasPrefix("requires"), parts[1].hasPrefix("requires") { parts.removeFirst() }
                pack += "  f\(f): {\(parts.joined(separator: ", "))}\n"
            }
            pack += "settings:\n  s0: {type: bool}\njobs:\n  j0: {code: J0, kind: batch}\n"
            var snapshot = header + "features:\n"
            for f in 0..<n where r.chance(85) {
                snapshot += r.chance(70) ? "  f\(f): {enabled: true, enabledAt: 2026-11-1\(r.below(10))T08:00:00Z}\n" : "  f\(f): off\n"
            }
            snapshot += "settings:\n  s0: \(r.pick(["true", "false"]))\njobs:\n  J0: {lastSuccess: 2026-11-1\(r.below(10))T09:00:00Z}\n"
            let errors = PrereqCoreTests.pack(pack).1.filter { $0.severity == .error }
            #expect(errors.isEmpty, "seed \(seed): \(errors.map(\.message))\n\(pack)")
            let f = facts(pack: pack, snapshot: snapshot)
            for i in f.graph.pack.features.indices where f.isOn(i) == true {
                var evaluator = Evaluator(facts: f, language: .english)
                let plain = evaluator.isPlainlyInEffect(i)
                let (verdict, root) = evaluator.explainFeature(i)
                let explanation = evaluator.explanation(root: root)
                let quiet = verdict == .inEffect && explanation.rootCauses.isEmpty && evaluator.recommendations(in: explanation).isEmpty
                if plain { taken += 1 } else { explained += 1 }
                #expect(!plain || quiet, "seed \(seed), f\(i)\n\(pack)\(snapshot)")
            }
        }
        #expect(taken > 1_000 && explained > 1_000, "\(taken) taken, \(explained) explained")
    }

    /// Feature references under all-of, `depth` lists deep at most, some to ids not defined.
    static func references(_ r: inout SeededRandom, features n: Int, depth: Int) -> String {
        let parts = (0..<r.below(4)).map { _ in
            depth > 0 && r.chance(25) ? references(&r, features: n, depth: depth - 1) : r.chance(5) ? "missing" : "f\(r.below(n))"
        }
        return "[\(parts.joined(separator: ", "))]"
    }

    @Test func aFeatureNeedingOneThatIsOffOrUnknownIsExplained() {
        let pack = "prereq: 1\nfeatures:\n  a: {}\n  b: {}\n  c: {requires: [a, b]}\n  d: {requires: [a, missing]}\n  e: {requires: [a]}\n"
        let f = facts(pack: pack, snapshot: header + "features:\n  a: on\n  c: on\n  d: on\n  e: on\n")
        let evaluator = Evaluator(facts: f, language: .english)
        // b's state is unknown, `missing` is not defined; e needs only a, which is on.
        #expect([2, 3, 4].map(evaluator.isPlainlyInEffect) == [false, false, true])
        let findings = CheckRun.check(f.snapshot, graph: f.graph, language: .english)
        #expect(findings.map(\.subject) == ["b", "missing"])
    }
}
