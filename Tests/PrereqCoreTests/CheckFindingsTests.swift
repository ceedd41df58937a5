import Diagnostics
import PrereqCore
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
