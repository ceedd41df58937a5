import Diagnostics
import Foundation
import PrereqCore
import Testing

/// Conditions on values: a feature on and serving a value, a setting equal to, in, not in, at
/// least, at most a value, a list setting containing an item or keeping items in order; each
/// blocked, fine, unknown and per channel, with the plan verified by the simulator.
@Suite struct ValueConditionTests {
    static let folder = packageRoot + "/Tests/PrereqCoreTests/Fixtures/values/"
    static func text(_ name: String) -> String { (try? String(contentsOfFile: folder + name, encoding: .utf8)) ?? "" }
    static let pack = text("pack.yaml")

    private func answer(_ feature: String, _ snapshot: String) -> FeatureAnswer {
        why(feature, pack: Self.pack, snapshot: Self.text(snapshot))
    }

    @Test func theFixturePackLintsClean() {
        #expect(lint(Self.pack).isEmpty)
    }

    @Test func everyFormIsBlockedWithItsCauseKindAndAVerifiedPlan() {
        let kinds: [String: [CauseKind]] = [
            "checkout": [.value, .setting], "batch-export": [.setting, .setting], "payments": [.setting, .setting],
            "legacy-sync": [.setting], "offline": [.setting],
        ]
        for (feature, expected) in kinds {
            let a = answer(feature, "blocked.yaml")
            #expect(a.verdict == .blocked, "\(feature)")
            #expect(a.rootCauses.map(\.cause) == expected, "\(feature)")
            #expect(a.plan.verification?.outcome == .reachesGoal, "\(feature)")
        }
    }

    /// `{feature: id}` with no test is an error whose help shows how to require it on.
    @Test func aFeatureConditionWithoutATestSaysHowToRequireItOn() {
        let (_, diagnostics) = PrereqCoreTests.pack("prereq: 1\nfeatures:\n  base: {}\n  top: {requires: [{feature: base}]}\n")
        #expect(diagnostics.map(\.code) == ["schema-missing"])
        #expect(diagnostics.first?.location?.line == 4)
        #expect(diagnostics.first?.help == "to require base on, write its id alone (`- base`); to test the value it serves, {feature: base, serving: v}")
    }

    @Test func everyFormHoldsOnTheFineSnapshot() {
        for feature in ["checkout", "batch-export", "payments", "legacy-sync", "offline"] {
            let a = answer(feature, "fine.yaml")
            #expect(a.verdict == .enableable, "\(feature)")
            #expect(a.plan.steps.map(\.action) == [.enable], "\(feature)")
        }
    }

    @Test func aMissingValueIsUnknownAndNamedWithWhereToFindIt() {
        let checkout = answer("checkout", "unknown.yaml")
        #expect(checkout.verdict == .unknown)
        #expect(checkout.rootCauses.map(\.message) == [
            "the snapshot does not say which value \"Flag X\" serves (servedVariation); \"New checkout\" needs it to be true",
            "the snapshot does not give the value of default-profile (Headquarters > Profiles); \"New checkout\" needs it to be Retail",
        ])
        #expect(checkout.plan.steps.contains { $0.message == "Add to the snapshot: the value of default-profile (Headquarters > Profiles)" })
        let batch = answer("batch-export", "unknown.yaml")
        #expect(batch.rootCauses.map(\.message).contains("the snapshot does not give the value of batch-size (Channel > Batch) in s2; \"Batch export\" needs it to be between 10 and 100"))
        #expect(batch.plan.verification?.outcome == .needsData)
    }

    @Test func aChannelSettingIsJudgedInEachChannel() {
        let a = answer("batch-export", "blocked.yaml")
        let size = a.rootCauses.first { $0.subject == "batch-size" }
        // s2's "50" is read as 50 for an int setting, so only s1 is blocked.
        #expect(size?.message == "batch-size is 5 in s1; \"Batch export\" needs it to be between 10 and 100")
        #expect(a.plan.steps.first { $0.subject == "batch-size" }?.details == ["value": "10", "channels": "s1"])
        let payments = answer("payments", "blocked.yaml")
        // One step meets both tests on the list: contains Adyen, and Adyen before Fallback.
        #expect(payments.plan.steps.filter { $0.subject == "connectors" }.map(\.message) == ["Set connectors to [Adyen, Fallback] in s1, s2"])
        #expect(payments.plan.verification?.outcome == .reachesGoal)
    }

    @Test func aFeatureOffIsFeatureOffAndTheServedValueIsSetWithIt() {
        let snapshot = Self.text("fine.yaml").replacingOccurrences(of: "flag-x: {enabled: true, servedVariation: true}", with: "flag-x: off")
        let a = why("checkout", pack: Self.pack, snapshot: snapshot)
        #expect(a.rootCauses.map(\.cause) == [.featureOff])
        #expect(a.plan.steps.map(\.action) == [.set, .enable, .enable])
        #expect(a.plan.steps.first?.details == ["value": "true"])
        #expect(a.plan.verification?.outcome == .reachesGoal)
    }

    @Test func aValueNoTestCanNameIsAStepForAPersonAndThePlanDoesNotPretend() {
        let pack = "prereq: 1\nfeatures:\n  f: {requires: [{setting: mode, notIn: [A]}]}\nsettings:\n  mode: {type: string}\n"
        let a = why("f", pack: pack, snapshot: header + "features: {f: off}\nsettings: {mode: A}\n")
        #expect(a.verdict == .blocked)
        #expect(a.plan.steps.first?.action == .provideData)
        #expect(a.plan.steps.first?.message.contains("Change mode to a value you choose") == true)
        // The value chosen is unknown to the simulation: the plan is not verifiable, never "reaches the goal".
        #expect(a.plan.verification?.outcome == .needsData)
    }

    @Test func valueConditionsInsideAnyOfAndNotAreSearched() {
        let pack = """
            prereq: 1
            features:
              f: {requires: [{anyOf: [{setting: m, equals: A}, b]}, {not: {setting: m, equals: B}}, {not: b}]}
              b: {}
            settings:
              m: {type: string, allowedValues: [A, B, C]}
            """
        let a = why("f", pack: pack, snapshot: header + "features: {f: off, b: on}\nsettings: {m: B}\n")
        #expect(a.verdict == .blocked)
        #expect(a.plan.verification?.outcome == .reachesGoal)
        #expect(a.plan.steps.contains { $0.subject == "m" && $0.details["value"] == "A" })
        // Two features' tests on one setting: the explanation's own fixes set it twice (the last,
        // A, breaks g); the search finds the one value both take.
        let two = """
            prereq: 1
            features:
              f: {requires: [g, {setting: m, in: [A, B]}]}
              g: {requires: [{setting: m, notIn: [A]}]}
            settings:
              m: {type: string, allowedValues: [A, B, C]}
            """
        let t = why("f", pack: two, snapshot: header + "features: {f: off, g: off}\nsettings: {m: C}\n")
        #expect(t.plan.verification?.outcome == .reachesGoal)
        #expect(t.plan.steps.filter { $0.subject == "m" }.map { $0.details["value"] } == ["B"])
        // Contradictory tests on one value: no plan, and the answer says why.
        let impossible = """
            prereq: 1
            features:
              f: {requires: [{setting: n, atLeast: 10}, g]}
              g: {requires: [{setting: n, atMost: 5}]}
            settings:
              n: {type: int}
            """
        let b = why("f", pack: impossible, snapshot: header + "features: {f: off, g: off}\nsettings: {n: 7}\n")
        #expect(b.plan.verification?.reachesGoal == false)
        #expect(b.plan.verification?.cannotFix == ["no value of n meets both needs: to be at least 10, and to be at most 5"])
    }

    @Test func aServedVariationIsReadAsTheValueNeeded() {
        let pack = "prereq: 1\nfeatures:\n  f: {requires: [{feature: x, serving: true}]}\n  x: {}\n"
        #expect(why("f", pack: pack, snapshot: header + "features: {f: off, x: {enabled: true, servedVariation: \"true\"}}\n").verdict == .enableable)
        let wrong = why("f", pack: pack, snapshot: header + "features: {f: off, x: {enabled: true, servedVariation: \"false\"}}\n")
        #expect(wrong.rootCauses.map(\.cause) == [.value])
        #expect(wrong.plan.verification?.outcome == .reachesGoal)
        // Not serving it: off is enough.
        let negated = "prereq: 1\nfeatures:\n  f: {requires: [{not: {feature: x, serving: beta}}]}\n  x: {}\n"
        let n = why("f", pack: negated, snapshot: header + "features: {f: off, x: {enabled: true, servedVariation: beta}}\n")
        #expect(n.verdict == .blocked)
        #expect(n.plan.verification?.outcome == .reachesGoal)
    }

    @Test func checkReportsValueAndSettingFindingsAtTheSnapshotLine() {
        let snapshot = Self.text("blocked.yaml").replacingOccurrences(of: "checkout: off", with: "checkout: on")
        let findings = CheckRun.check(facts(pack: Self.pack, snapshot: snapshot).snapshot, graph: RuleGraph(PrereqCoreTests.pack(Self.pack).0), language: .english)
        #expect(findings.map(\.code) == ["value-mismatch", "setting-mismatch"])
        #expect(findings.map { $0.location?.line } == [5, 12])
    }

    @Test func aSnapshotValueOutsideTheAllowedValuesIsAWarningAtItsLine() {
        let f = facts(pack: Self.pack, snapshot: Self.text("fine.yaml").replacingOccurrences(of: "mode: B", with: "mode: D"))
        let found = f.diagnostics.filter { $0.code == "snapshot-value-outside" }
        #expect(found.count == 1)
        #expect(found.first?.severity == .warning)
        #expect(found.first?.location?.line == 13)
    }

    // MARK: - Decoding and lint

    @Test func malformedConditionsAreErrorsAtTheirPlace() {
        let cases: [(String, String, Int, Int)] = [
            ("{setting: m}", "schema-missing", 3, 18),
            ("{setting: m, equals: A, in: [A]}", "schema-value", 3, 42),
            ("{setting: n, atLeast: many}", "schema-type", 3, 40),
            ("{setting: n, atLeast: 5, atMost: 2}", "schema-value", 3, 18),
            ("{setting: m, feature: b}", "schema-value", 3, 31),
            ("{feature: b, equals: A}", "schema-value", 3, 31),
            ("{setting: m, in: []}", "schema-value", 3, 35),
            // The misspelt test is named with a suggestion, and the condition has no test.
            ("{setting: m, equal: A}", "schema-missing", 3, 18),
            ("{setings: m, equals: A}", "schema-missing", 3, 18),
        ]
        for (condition, code, line, column) in cases {
            let yaml = "prereq: 1\nfeatures:\n  f: {requires: [\(condition)]}\n  b: {}\nsettings:\n  m: {type: string}\n  n: {type: int}\n"
            let errors = lint(yaml).filter { $0.severity == .error }
            #expect(errors.first?.code == code, "\(condition)")
            #expect(errors.first.map { [$0.location?.line, $0.location?.column] } == [line, column], "\(condition): \(errors.map(\.message))")
        }
    }

    @Test func lintFindsValuesOutsideAllowedValuesTestsOfTheWrongTypeAndUnknownSettings() {
        let yaml = """
            prereq: 1
            features:
              f:
                requires:
                  - {setting: profile, equals: Retial}
                  - {setting: profile, atLeast: 3}
                  - {setting: size, contains: X}
                  - {setting: size, in: [1, 2], atMost: 4}
                  - {setting: profile, serving: Retail}
                  - {setting: profle, equals: Retail}
                  - {setting: size, atLeast: 50}
                  - {feature: ghost, serving: "true"}
              g: {settings: {profile: Outlet}}
            settings:
              profile: {type: string, allowedValues: [Retail, Wholesale]}
              size: {type: int, allowedValues: [10, 20]}
            """
        let findings = lint(yaml).filter { $0.severity == .error }.map { "\($0.code)@\($0.location?.line ?? 0)" }
        #expect(findings.contains("value-not-allowed@5"))
        #expect(findings.contains("value-test-type@6"))
        #expect(findings.contains("value-test-type@7"))
        #expect(findings.contains("schema-value@8"))
        #expect(findings.contains("value-test-type@9"))
        #expect(findings.contains("unknown-reference@10"))
        #expect(findings.contains("value-not-allowed@11"))
        #expect(findings.contains("unknown-reference@12"))
        #expect(findings.contains("value-not-allowed@13"))
    }

    @Test func allowedValuesMustFitTheSettingsType() {
        let yaml = "prereq: 1\nsettings:\n  n: {type: int, allowedValues: [1, two]}\n  l: {type: list, allowedValues: [a]}\n"
        let errors = lint(yaml).filter { $0.severity == .error }
        #expect(errors.map { [$0.location?.line, $0.location?.column] } == [[3, 37], [4, 34]])
    }

    @Test func theWhyAnswerReadsAsAUserWouldWriteIt() {
        let a = answer("payments", "blocked.yaml")
        Golden.check(ExplanationTextRenderer(language: .english).render(a), "values-payments-blocked.en.txt")
        let b = why("checkout", pack: Self.pack, snapshot: Self.text("blocked.yaml"), language: .brazilianPortuguese)
        Golden.check(ExplanationTextRenderer(language: .brazilianPortuguese).render(b), "values-checkout-blocked.pt-BR.txt")
    }
}
