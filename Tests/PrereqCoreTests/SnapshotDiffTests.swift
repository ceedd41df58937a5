import Foundation
import PrereqCore
import Testing

/// `prereq diff`: two environments against one pack.
@Suite struct SnapshotDiffTests {
    static func diff(_ a: String, _ b: String) -> SnapshotDiff {
        inPackageRoot {
            let rules = LoadedRules.load(paths: ["rules"])
            let read = { (path: String) in
                EnvironmentFacts(snapshot: SnapshotReader().read(path: path).snapshots[0], graph: rules.graph)
            }
            return SnapshotDiff.compare(read("examples/snapshots/\(a)"), read("examples/snapshots/\(b)"), language: .english)
        }
    }

    @Test func theFeatureThatDiffersComesWithTheRootCauseOnlyOneSideHas() {
        let d = Self.diff("healthy.yaml", "blocked-version.yaml")
        #expect(d.features.map(\.featureId) == ["async-customer-editing"])
        #expect(d.features.first?.verdicts.a == .inEffect)
        #expect(d.features.first?.verdicts.b == .blocked)
        let cause = d.features.first?.causes.first
        #expect(cause?.side == 1)
        #expect(cause?.kind == .version)
        #expect(cause?.evidence.snapshot?.description == "examples/snapshots/blocked-version.yaml:6:12")
        // The version is what makes the difference: not listed again among the other facts.
        #expect(!d.otherFacts.contains { $0.kind == "version" })
    }

    @Test func aFeatureSwitchedOffListsItsPrerequisiteFirstAndItsOwnStateAfter() {
        let d = Self.diff("healthy.yaml", "blocked-prerequisite.yaml")
        let editing = d.features.first { $0.featureId == "async-customer-editing" }
        #expect(editing?.causes.map(\.subject) == ["async-customer-address-creation", "async-customer-editing"])
    }

    @Test func theSameSnapshotHasNoDifferences() {
        let d = Self.diff("healthy.yaml", "healthy.yaml")
        #expect(d.features.isEmpty)
        #expect(d.facts.isEmpty)
    }

    @Test func theRenderingsAgree() {
        let d = Self.diff("healthy.yaml", "not-in-effect-one-channel.yaml")
        let text = SnapshotDiffRenderer.text(d, language: .english)
        #expect(text.hasPrefix("examples/snapshots/healthy.yaml and examples/snapshots/not-in-effect-one-channel.yaml: 1 feature differs\n"))
        #expect(text.contains("[only in examples/snapshots/not-in-effect-one-channel.yaml] 1070 (Channel configuration) has not succeeded in store-002"))
        let json = SnapshotDiffRenderer.json(d)
        let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        #expect(object?["formatVersion"] as? Int == 1)
        #expect((object?["features"] as? [[String: Any]])?.first?["feature"] as? String == "async-customer-editing")
        let md = SnapshotDiffRenderer.markdown(d, language: .english)
        #expect(md.contains("### \"Enable editing customers in asynchronous mode\": in effect in"))
    }
}
