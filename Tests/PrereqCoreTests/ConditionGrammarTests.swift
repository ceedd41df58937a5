import PrereqCore
import Testing

/// One grammar: a condition on a value stands wherever a requirement does — as a `when`
/// condition, inside a group, with `severity` — and means the same there.
@Suite struct ConditionGrammarTests {
    static let pack = """
        prereq: 1
        settings:
          mode: {type: string, allowedValues: [A, B]}
          size: {type: int}
        features:
          base: {}
          other: {}
          top:
            requires:
              - {when: {setting: mode, equals: A}, then: base}
              - {setting: size, atLeast: 10, severity: warning}
          pick:
            requires:
              - exactlyOne: [{setting: mode, equals: A}, other]
        """

    static func answer(_ feature: String, _ snapshot: String) -> FeatureAnswer {
        why(feature, pack: pack, snapshot: header + snapshot)
    }

    @Test func aWhenOnASettingThatDoesNotHoldNeverAppliesNorIsACause() {
        let a = Self.answer("top", "features: {top: off, base: off}\nsettings: {mode: B, size: 20}\n")
        #expect(a.verdict == .enableable)
        #expect(a.plan.steps.map(\.action) == [.enable])
        #expect(!a.rootCauses.contains { $0.subject == "mode" || $0.subject == "base" })
    }

    @Test func aWhenOnASettingThatHoldsAppliesAndThePlanNeverChangesTheSetting() {
        let a = Self.answer("top", "features: {top: off, base: off}\nsettings: {mode: A, size: 20}\n")
        #expect(a.verdict == .blocked)
        #expect(a.rootCauses.map(\.subject) == ["base"])
        #expect(a.plan.steps.map(\.action) == [.enable, .enable])
        #expect(!a.plan.steps.contains { $0.subject == "mode" })
        #expect(a.plan.verification?.outcome == .reachesGoal)
    }

    @Test func aWhenOnASettingTheSnapshotDoesNotGiveIsUnknownUnlessTheRequirementHolds() {
        #expect(Self.answer("top", "features: {top: off, base: off}\nsettings: {size: 20}\n").verdict == .unknown)
        #expect(Self.answer("top", "features: {top: off, base: on}\nsettings: {size: 20}\n").verdict == .enableable)
    }

    @Test func aRecommendedValueConditionNeverBlocksAndIsReported() {
        let a = Self.answer("top", "features: {top: off, base: off}\nsettings: {mode: B, size: 5}\n")
        #expect(a.verdict == .enableable)
        #expect(a.recommendations.count == 1)
        #expect(!a.plan.steps.contains { $0.subject == "size" })
    }

    @Test func aValueConditionCountsAsAMemberOfAGroup() {
        #expect(Self.answer("pick", "features: {pick: off, other: off}\nsettings: {mode: A}\n").verdict == .enableable)
        let two = Self.answer("pick", "features: {pick: off, other: on}\nsettings: {mode: A}\n")
        #expect(two.verdict == .blocked)
        #expect(two.plan.verification?.outcome == .reachesGoal)
    }

    @Test func lintSeesNoContradictionInAConditionOnValues() {
        let findings = lint(Self.pack)
        #expect(!findings.contains { ["when-never-holds", "when-contradicts", "group-never-satisfied"].contains($0.code) })
    }
}
