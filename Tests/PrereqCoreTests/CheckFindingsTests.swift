import Diagnostics
import PrereqCore
import PrereqYAML
import Testing

/// `check` over many enabled features: findings in feature order, each pointing at the
/// feature's own reference, however the features are spread over evaluators.
@Suite struct CheckFindingsTests {
    /// `count` enabled features, each requiring `shared` (off) on line 4 + 3 × its index.
    static func manyFeaturesNeedingOneThatIsOff(_ count: Int) -> (pack: String, snapshot: String) {
        var pack = "prereq: 1\nfeatures:\n  shared: {name: Shared}\n"
        var snapshot = header + "features:\n  shared: off\n"
        for i in 0..<count {
            pack += "  f\(i):\n    requires:\n      - shared\n"
            snapshot += "  f\(i): on\n"
        }
        return (pack, snapshot)
    }

    @Test func eachFeaturesFindingPointsAtItsOwnReference() throws {
        let (pack, snapshot) = Self.manyFeaturesNeedingOneThatIsOff(3)
        let findings = CheckRun.check(facts(pack: pack, snapshot: snapshot).snapshot, graph: RuleGraph(packOf(pack)), language: .english)
        #expect(findings.map(\.code) == ["prerequisite-off", "prerequisite-off", "prerequisite-off"])
        #expect(findings.map { $0.related.first?.location.line } == [6, 9, 12])
    }

    @Test func moreFeaturesThanOnePieceGiveEveryFindingInOrder() throws {
        let count = 10_000  // more than one piece of `CheckRun.featuresPerPiece`
        let (pack, snapshot) = Self.manyFeaturesNeedingOneThatIsOff(count)
        let findings = CheckRun.check(facts(pack: pack, snapshot: snapshot).snapshot, graph: RuleGraph(packOf(pack)), language: .english)
        try #require(findings.count == count)
        #expect(findings.allSatisfy { $0.code == "prerequisite-off" && $0.subject == "shared" })
        #expect(findings.map { $0.related.first?.location.line ?? 0 } == (0..<count).map { 6 + 3 * $0 })
        #expect(findings.map(\.message) == (0..<count).map { "\"f\($0)\": \"Shared\" is off" })
    }

    private func packOf(_ yaml: String) -> RulePack {
        PrereqCoreTests.pack(yaml).0
    }
}

/// A snapshot with more feature entries than one decoding piece holds.
@Suite struct BigSnapshotDecodingTests {
    @Test func entriesAndFindingsComeInWrittenOrder() throws {
        var yaml = header + "features:\n"
        for i in 0..<9_000 {
            switch i {
            case 100: yaml += "  f\(i): maybe\n"
            case 6_000: yaml += "  f\(i): {enabled: on, colour: red}\n"
            default: yaml += "  f\(i): \(i % 2 == 0 ? "on" : "off")\n"
            }
        }
        let document = try #require(YAMLLoader().load(bytes: Array(yaml.utf8), file: "big.yaml").documents.first)
        let (snapshot, diagnostics) = SnapshotDecoder.decode(document)
        #expect(snapshot.features.map(\.name.value) == (0..<9_000).map { "f\($0)" })
        #expect(snapshot.features[2].enabled?.value == true && snapshot.features[3].enabled?.value == false)
        #expect(diagnostics.map(\.code) == ["schema-type", "schema-unknown-key"])
        #expect(diagnostics.map { $0.location?.line ?? 0 } == [104, 6_004])
    }
}
