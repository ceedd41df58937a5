import Foundation
import PrereqCore
import Testing

/// `prereq impact` on generated packs and snapshots (the plan property tests' cases, seeded):
/// every feature it says would get worse when X is switched off really has that verdict when
/// the switch is assumed and the feature asked about as `why` asks (`--assume X=off`); every
/// feature whose verdict changes, for a feature switched off or a job stopped, is among the
/// dependents the pack's uses reach; and the answer is the same bytes every time.
/// `PREREQ_PROPERTY_CASES=2000 swift test --filter ImpactPropertyTests` runs more cases.
@Suite struct ImpactPropertyTests {
    static var cases: Int {
        ProcessInfo.processInfo.environment["PREREQ_PROPERTY_CASES"].flatMap(Int.init) ?? 150
    }

    @Test func whatImpactSaysBreaksIsBrokenWhenTheSwitchIsMade() {
        var failures: [String] = []
        for seed in 0..<UInt64(Self.cases) {
            failures += Self.violations(RandomCase(seed: seed))
            if failures.count >= 5 { break }
        }
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n\n"))")
    }

    static func violations(_ c: RandomCase) -> [String] {
        let f = facts(pack: c.pack, snapshot: c.snapshot)
        let index = DependencyIndex(f.graph)
        let pack = f.graph.pack
        var out: [String] = []
        let subjects = pack.features.indices.map(PackElement.feature) + pack.jobs.indices.map(PackElement.job)
        for subject in subjects {
            let id = subject.id(in: pack)
            func fail(_ what: String) { out.append("seed \(c.seed), \(subject.kind) \(id): \(what)\npack:\n\(c.pack)snapshot:\n\(c.snapshot)") }
            guard case .success(let change) = Impact.change(for: subject, archive: false, language: .english) else {
                fail("no change to simulate")
                continue
            }
            var impact = Impact(of: subject, in: index, language: .english)
            impact.add(f, change: change, language: .english)
            let env = impact.environments[0]
            for changed in env.worse + env.better where changed.distance == nil {
                fail("\(changed.featureId) changes (\(changed.before.rawValue) → \(changed.after.rawValue)) but no use of the pack reaches it")
            }
            let renderer = ImpactRenderer(pack: pack, language: .english)
            var again = Impact(of: subject, in: DependencyIndex(f.graph), language: .english)
            again.add(f, change: change, language: .english)
            if renderer.text(impact) != renderer.text(again) || renderer.json(impact) != renderer.json(again) { fail("two runs answer differently") }
            guard case .feature = subject, env.refused == nil else { continue }
            // Independently: the switch assumed as `why --assume X=off` assumes it, each feature asked again.
            guard case .success(let assumed) = Assumptions.apply(["\(id)=off"], to: f, language: .english) else {
                fail("the assumption cannot be made")
                continue
            }
            for worse in env.worse {
                var evaluator = Evaluator(facts: assumed.facts, language: .english)
                let answer = evaluator.answer(feature: worse.feature)
                if answer.verdict != worse.after {
                    fail("\(worse.featureId) would be \(worse.after.rawValue), but with \(id) off `why` says \(answer.verdict.rawValue)")
                }
                if ![.blocked, .notInEffect, .unknown].contains(answer.verdict) {
                    fail("\(worse.featureId) is said to get worse, but with \(id) off it is \(answer.verdict.rawValue)")
                }
            }
        }
        return out
    }
}
