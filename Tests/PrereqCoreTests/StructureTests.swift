import Diagnostics
import PrereqCore
import Testing

/// Groups (`exactlyOne`, `atLeast`/`atMost`), conditional requirements (`when`/`then`) and
/// recommendations (`severity: warning`): decoding, answers, plans, check and lint.
@Suite struct StructureTests {
    static let pack = """
        prereq: 1
        features:
          fulfilment: {name: Order fulfilment, requires: [{exactlyOne: [warehouse-a, warehouse-b, warehouse-c]}]}
          warehouse-a: {name: Warehouse A}
          warehouse-b: {name: Warehouse B}
          warehouse-c: {name: Warehouse C, requires: [dock]}
          dock: {name: Dock}
          shipping: {name: Shipping, requires: [{atLeast: 2, of: [carrier-x, carrier-y, carrier-z]}]}
          pickup: {name: Pickup, requires: [carrier-x, {atMost: 1, of: [carrier-x, carrier-y]}]}
          carrier-x: {name: Carrier X}
          carrier-y: {name: Carrier Y}
          carrier-z: {name: Carrier Z, requires: [dock]}
          shared-stock:
            name: Shared stock
            requires:
              - when: multi-site
                then: stock-sync
          multi-site: {name: Multiple sites}
          stock-sync: {name: Stock synchronisation}
          expansion: {name: Expansion, requires: [multi-site, shared-stock]}
          regional-stock: {name: Regional stock, requires: [multi-site, {when: multi-site, then: stock-sync}]}
          audit: {name: Audit, requires: [dock, {anyOf: [archiving], severity: warning}]}
          archiving: {name: Archiving}
        """

    static func answer(_ feature: String, _ features: String) -> FeatureAnswer {
        why(feature, pack: pack, snapshot: header + "features: {\(features)}\n")
    }

    // MARK: - Decoding

    @Test func everyFormDecodes() throws {
        let yaml = """
            prereq: 1
            features:
              a:
                requires:
                  - exactlyOne: [b, c]
                  - {atLeast: 1, atMost: 2, of: [b, c, d]}
                  - {atMost: 1, of: [c, d]}
                  - {when: {anyOf: [b, c]}, then: [d], severity: warning}
                  - {not: b, severity: error}
              b: {}
              c: {}
              d: {}
            """
        let (p, diagnostics) = PrereqCoreTests.pack(yaml)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
        guard case .allOf(let parts, _)? = p.features.first?.requires else {
            Issue.record("no requirements")
            return
        }
        #expect(parts.count == 5)
        if case .count(let members, 1, 1?, _) = parts[0] { #expect(members.count == 2) } else { Issue.record("exactlyOne: \(parts[0])") }
        if case .count(let members, 1, 2?, _) = parts[1] { #expect(members.count == 3) } else { Issue.record("range: \(parts[1])") }
        if case .count(_, 0, 1?, _) = parts[2] {} else { Issue.record("atMost: \(parts[2])") }
        if case .recommended(.when(.anyOf, then: .allOf, _), _) = parts[3] {} else { Issue.record("when with severity: \(parts[3])") }
        if case .not(.feature, _) = parts[4] {} else { Issue.record("severity error: \(parts[4])") }
        #expect(lint(yaml).filter { $0.severity == .error }.isEmpty)
    }

    @Test(arguments: [
        ("{atLeast: 2}", "schema-missing", "needs `of`"),
        ("{then: b}", "schema-missing", "`then` needs `when`"),
        ("{when: b}", "schema-missing", "needs `then`"),
        ("{atLeast: two, of: [b]}", "schema-type", "whole number"),
        ("{atMost: -1, of: [b]}", "schema-value", "negative"),
        ("{atLeast: -1, of: [b]}", "schema-value", "negative"),
        ("{when: b, tehn: c}", "schema-unknown-key", "did you mean \"then\""),
        ("{exactlyOn: [b, c]}", "schema-unknown-key", "did you mean \"exactlyOne\""),
        ("{anyOf: [b], severity: fatal}", "schema-value", "fatal"),
        ("{anyOf: [b], allOf: [c]}", "schema-type", "exactly one form"),
    ])
    func malformedFormsAreFindingsAtTheirPlace(item: String, code: String, words: String) {
        let yaml = "prereq: 1\nfeatures:\n  a: {requires: [\(item)]}\n  b: {}\n  c: {}\n"
        let (_, diagnostics) = PrereqCoreTests.pack(yaml)
        let found = diagnostics.first { $0.code == code }
        #expect(found != nil, "\(diagnostics.map { "\($0.code): \($0.message)" })")
        #expect(found?.message.contains(words) == true, "\(found?.message ?? "")")
        #expect(found?.location?.line == 3)
    }

    // MARK: - Groups

    @Test func exactlyOneWithOneOnIsFine() {
        let a = Self.answer("fulfilment", "fulfilment: off, warehouse-a: on, warehouse-b: off, warehouse-c: off")
        #expect(a.verdict == .enableable)
        #expect(a.plan.steps.map(\.subject) == ["fulfilment"])
    }

    @Test func exactlyOneWithTwoOnSwitchesOneOff() {
        let a = Self.answer("fulfilment", "fulfilment: off, warehouse-a: on, warehouse-b: on, warehouse-c: off")
        #expect(a.verdict == .blocked)
        // Either may be switched off: both are named, the plan takes one.
        #expect(a.rootCauses.map(\.subject) == ["warehouse-a", "warehouse-b"])
        #expect(a.plan.steps.map(\.action) == [.disable, .enable])
        #expect(a.plan.notes.count == 1)
        #expect(a.plan.verification?.reachesGoal == true)
        let tree = ExplanationTextRenderer(language: .english).causeTree(a.explanation)
        #expect(tree.contains("Exactly one of \"Warehouse A\", \"Warehouse B\", \"Warehouse C\" must hold, but 2 hold (\"Warehouse A\", \"Warehouse B\")"), "\(tree)")
    }

    @Test func exactlyOneWithNoneOnSwitchesOnTheCheapest() {
        let a = Self.answer("fulfilment", "fulfilment: off, warehouse-a: off, warehouse-b: off, warehouse-c: off, dock: off")
        #expect(a.verdict == .blocked)
        #expect(a.plan.steps.compactMap(\.subject) == ["warehouse-a", "fulfilment"])
        #expect(a.plan.verification?.reachesGoal == true)
        #expect(a.plan.notes.count == 1)
    }

    @Test func exactlyOneWithOneOnAndOneUnknownIsUnknown() {
        let a = Self.answer("fulfilment", "fulfilment: off, warehouse-a: on, warehouse-c: off")
        #expect(a.verdict == .unknown)
        #expect(a.rootCauses.map(\.cause) == [.missingData])
        #expect(a.rootCauses.map(\.subject) == ["warehouse-b"])
        #expect(a.plan.steps.map(\.action).contains(.provideData))
    }

    @Test func atLeastSwitchesOnTheCheapestMissing() {
        let a = Self.answer("shipping", "shipping: off, carrier-x: on, carrier-y: off, carrier-z: off, dock: off")
        #expect(a.verdict == .blocked)
        #expect(a.plan.steps.compactMap(\.subject) == ["carrier-y", "shipping"])
        #expect(a.plan.verification?.reachesGoal == true)
    }

    @Test func atMostNeverSwitchesOffAMemberTheGoalNeeds() {
        let a = Self.answer("pickup", "pickup: off, carrier-x: on, carrier-y: on")
        #expect(a.verdict == .blocked)
        #expect(a.plan.steps.map(\.action) == [.disable, .enable])
        #expect(a.plan.steps.first?.subject == "carrier-y")
        #expect(a.plan.verification?.reachesGoal == true)
    }

    // MARK: - Conditional requirements

    @Test func aFalseConditionIsNeverACause() {
        let a = Self.answer("shared-stock", "shared-stock: off, multi-site: off, stock-sync: off")
        #expect(a.verdict == .enableable)
        #expect(a.rootCauses.isEmpty)
        #expect(a.plan.steps.map(\.subject) == ["shared-stock"])
        #expect(!a.plan.steps.contains { $0.subject == "multi-site" })
    }

    @Test func aTrueConditionAppliesTheRequirement() {
        let a = Self.answer("shared-stock", "shared-stock: off, multi-site: on, stock-sync: off")
        #expect(a.verdict == .blocked)
        #expect(a.rootCauses.map(\.subject) == ["stock-sync"])
        #expect(a.plan.steps.compactMap(\.subject) == ["stock-sync", "shared-stock"])
        // Never "switch off the condition" to get around it.
        #expect(!a.plan.steps.contains { $0.subject == "multi-site" })
        #expect(!a.plan.notes.joined().contains("Multiple sites"))
    }

    @Test func anUnknownConditionSaysSoAndNeverAdvisesChangingIt() {
        let a = Self.answer("shared-stock", "shared-stock: off, stock-sync: off")
        #expect(a.verdict == .unknown)
        #expect(Set(a.rootCauses.map(\.subject)) == ["multi-site", "stock-sync"])
        #expect(a.rootCauses.first { $0.subject == "multi-site" }?.cause == .missingData)
        #expect(!a.plan.steps.contains { $0.subject == "multi-site" && $0.action != .provideData })
        let tree = ExplanationTextRenderer(language: .english).causeTree(a.explanation)
        #expect(tree.contains("Needed only when \"Multiple sites\" is on, which the snapshot does not say"), "\(tree)")
    }

    @Test func anUnknownConditionWithTheRequirementMetIsFine() {
        let a = Self.answer("shared-stock", "shared-stock: off, stock-sync: on")
        #expect(a.verdict == .enableable)
        #expect(a.rootCauses.isEmpty)
    }

    @Test func whenThePlanMakesTheConditionTrueItMeetsTheRequirement() {
        // Regional stock needs multiple sites on, which makes it need stock synchronisation too.
        let a = Self.answer("regional-stock", "regional-stock: off, multi-site: off, stock-sync: off")
        #expect(a.verdict == .blocked)
        #expect(a.plan.verification?.reachesGoal == true, "\(a.plan.verification?.unmet.map(\.message) ?? [])")
        #expect(a.plan.steps.compactMap(\.subject) == ["multi-site", "stock-sync", "regional-stock"])
    }

    // MARK: - Severities

    @Test func aFailingRecommendationNeverBlocks() {
        let a = Self.answer("audit", "audit: off, dock: on, archiving: off")
        #expect(a.verdict == .enableable)
        #expect(a.rootCauses.isEmpty)
        #expect(a.plan.steps.map(\.subject) == ["audit"])
        #expect(a.recommendations.count == 1)
        #expect(a.recommendations.first?.steps.map(\.subject) == ["archiving"])
        let text = ExplanationTextRenderer(language: .english).render(a)
        #expect(text.contains("Recommended (does not block):"), "\(text)")
        #expect(text.contains("optional: Switch on \"Archiving\""), "\(text)")
        let json = AnswerJSON.why(a).serialized(pretty: false)
        #expect(json.contains("\"recommendations\":[{\"kind\":\"recommendation\",\"subject\":\"audit\""), "\(json)")
    }

    @Test func aRecommendationComesAfterTheBlockers() {
        let a = Self.answer("audit", "audit: off, dock: off, archiving: off")
        #expect(a.verdict == .blocked)
        #expect(a.rootCauses.map(\.subject) == ["dock"])
        #expect(a.plan.steps.compactMap(\.subject) == ["dock", "audit"])
        let text = ExplanationTextRenderer(language: .english).render(a)
        let blockers = text.range(of: "\"Dock\" is off")
        let recommended = text.range(of: "Recommended (does not block)")
        #expect(blockers != nil && recommended != nil && blockers!.lowerBound < recommended!.lowerBound, "\(text)")
    }

    @Test func checkReportsAFailingRecommendationAsAWarning() {
        let snapshot = header + "features: {audit: on, dock: on, archiving: off}\n"
        let findings = CheckRun.check(facts(pack: Self.pack, snapshot: snapshot).snapshot, graph: RuleGraph(PrereqCoreTests.pack(Self.pack).0), language: .english)
        let warning = findings.first { $0.code == "recommendation-unmet" }
        #expect(warning?.severity == .warning, "\(findings.map(\.code))")
        #expect(!findings.contains { $0.severity == .error })
        #expect(warning?.help == "optional: Switch on \"Archiving\"")
    }

    @Test func checkBlamesWhatAppliesNeverTheCondition() {
        let graph = RuleGraph(PrereqCoreTests.pack(Self.pack).0)
        let applies = header + "features: {shared-stock: on, multi-site: on, stock-sync: off}\n"
        let findings = CheckRun.check(facts(pack: Self.pack, snapshot: applies).snapshot, graph: graph, language: .english)
        let blamed = findings.filter { $0.severity == .error }
        #expect(blamed.map(\.code) == ["prerequisite-off"], "\(findings.map(\.message))")
        #expect(blamed.first?.subject == "stock-sync")
        #expect(blamed.first?.related.first?.location.line == 17)
        let notApplying = header + "features: {shared-stock: on, multi-site: off, stock-sync: off}\n"
        #expect(CheckRun.check(facts(pack: Self.pack, snapshot: notApplying).snapshot, graph: graph, language: .english).isEmpty)
    }

    // MARK: - Lint

    /// Lint's checks of the later constructs pass by trees of feature references alone; a tree
    /// with any other construct, however deep, is still checked.
    @Test func treesOfFeatureReferencesAloneAreToldApart() throws {
        let yaml = """
            prereq: 1
            features:
              plain: {requires: [b, {anyOf: [c, {not: b}]}, {allOf: [{not: c}]}]}
              deep-group: {requires: [b, {anyOf: [c, {atLeast: 3, of: [b, c]}]}]}
              deep-when: {requires: [{not: {allOf: [{when: {allOf: [b, {not: b}]}, then: c}]}}]}
              recommended: {requires: [{anyOf: [b, {allOf: [c], severity: warning}]}]}
              b: {}
              c: {}
            """
        let (p, _) = PrereqCoreTests.pack(yaml)
        let plain = p.features.filter { $0.requires?.namesOnlyFeatures == true }.map(\.id.value)
        #expect(plain == ["plain"])
        let found = lint(yaml).map { "\($0.subject ?? "") \($0.code)" }
        #expect(found.contains("deep-group group-never-satisfied"))
        #expect(found.contains("deep-when when-never-holds"))
        #expect(found.contains("recommended severity-misplaced"))
        #expect(!found.contains { $0.hasPrefix("plain ") })
    }

    @Test(arguments: [
        ("{when: {allOf: [b, {not: b}]}, then: c}", "when-never-holds"),
        ("{when: {allOf: [b, x]}, then: c}", "when-never-holds"),
        ("{when: b, then: {not: b}}", "when-contradicts"),
        ("{atLeast: 3, of: [b, c]}", "group-never-satisfied"),
        ("{atLeast: 2, atMost: 1, of: [b, c]}", "group-never-satisfied"),
        ("{atLeast: 2, of: [b, x]}", "group-never-satisfied"),
        ("{exactlyOne: [{allOf: [b, x]}, {allOf: [x, b, c]}]}", "group-never-satisfied"),
        ("{exactlyOne: [b, {not: b}, c]}", nil),
        ("{anyOf: [b, {allOf: [c], severity: warning}]}", "severity-misplaced"),
        ("{not: {anyOf: [b], severity: warning}}", "severity-misplaced"),
        ("{when: b, then: {anyOf: [c], severity: warning}}", nil),
    ] as [(String, String?)])
    func lintFindsWhatCanNeverHold(item: String, code: String?) {
        let yaml = "prereq: 1\nfeatures:\n  a: {requires: [\(item)]}\n  b: {}\n  c: {}\n  x: {conflicts: [b]}\n"
        let findings = lint(yaml)
        let mine = findings.filter { ["when-never-holds", "when-contradicts", "group-never-satisfied", "severity-misplaced"].contains($0.code) }
        #expect(mine.map(\.code) == (code.map { [$0] } ?? []), "\(findings.map { "\($0.code): \($0.message)" })")
        if code != nil { #expect(mine.first?.location?.line == 3) }
    }

    /// Conditions on one environment setting or attribute hold together only as one value makes
    /// them; a channel setting, a list, or conditions that some value meets are not reported.
    @Test(arguments: [
        ("{when: {setting: mode, equals: A}, then: {setting: mode, equals: B}}", "when-contradicts"),
        ("{when: {setting: mode, equals: A}, then: {not: {setting: mode, in: [A, B]}}}", "when-contradicts"),
        ("{when: {allOf: [{setting: mode, equals: A}, {setting: mode, equals: B}]}, then: b}", "when-never-holds"),
        ("{when: {setting: mode, notIn: [A, B, C]}, then: b}", "when-never-holds"),
        ("{when: {setting: level, atLeast: 5}, then: {setting: level, atMost: 3}}", "when-contradicts"),
        ("{when: {setting: flag, equals: true}, then: {setting: flag, equals: false}}", "when-contradicts"),
        ("{when: {attribute: region, equals: China}, then: {attribute: region, notIn: [China, India]}}", "when-contradicts"),
        ("{atLeast: 2, of: [{setting: mode, equals: A}, {setting: mode, equals: B}, {setting: mode, equals: C}]}", "group-never-satisfied"),
        ("{exactlyOne: [{setting: mode, equals: A}, {setting: mode, equals: B}]}", nil),
        ("{exactlyOne: [{setting: mode, in: [A, B]}, {setting: mode, in: [B, C]}, {setting: mode, in: [A, C]}]}", "group-never-satisfied"),
        ("{when: {setting: mode, equals: A}, then: {setting: mode, in: [A, B]}}", nil),
        ("{when: {setting: level, atLeast: 5}, then: {setting: level, atMost: 5}}", nil),
        ("{when: {setting: text, equals: x}, then: {setting: text, notIn: [y, z]}}", nil),
        ("{when: {setting: per-store, equals: A}, then: {setting: per-store, equals: B}}", nil),
        ("{when: {setting: items, contains: A}, then: {not: {setting: items, contains: A}}}", "when-contradicts"),
        ("{when: {setting: items, contains: A}, then: {not: {setting: items, contains: B}}}", nil),
        ("{when: {records: r}, then: {not: {records: r}}}", "when-contradicts"),
        ("{when: {schedule: j, maxInterval: 1h}, then: {not: {schedule: j, maxInterval: 1h}}}", "when-contradicts"),
        ("{when: {schedule: j, maxInterval: 1h}, then: {not: {schedule: j, maxInterval: 2h}}}", nil),
    ] as [(String, String?)])
    func lintFindsValueConditionsThatCanNeverHoldTogether(item: String, code: String?) {
        let yaml = """
            prereq: 1
            features:
              a: {requires: [\(item)]}
              b: {}
            settings:
              mode: {type: string, allowedValues: [A, B, C]}
              level: {type: int}
              flag: {type: bool}
              text: {type: string}
              per-store: {type: string, scope: channel}
              items: {type: list}
            attributes:
              region: {values: [China, India, Europe]}
            jobs:
              j: {}
            records:
              r: {table: T}
            """
        let findings = lint(yaml)
        let mine = findings.filter { ["when-never-holds", "when-contradicts", "group-never-satisfied"].contains($0.code) }
        #expect(mine.map(\.code) == (code.map { [$0] } ?? []), "\(findings.map { "\($0.code): \($0.message)" })")
        if code != nil { #expect(mine.first?.location?.line == 3) }
    }

    /// What a `when` names is checked like any reference, once: an unknown attribute or job, a
    /// value outside the declared ones (not also a condition that never holds).
    @Test func referencesAndValuesInsideAWhenAreCheckedOnce() {
        let yaml = """
            prereq: 1
            features:
              a: {requires: [{when: {attribute: regoin, equals: China}, then: {schedule: no-job}}]}
              b: {requires: [{when: {setting: mode, equals: D}, then: a}]}
            settings:
              mode: {type: string, allowedValues: [A, B, C]}
            attributes:
              region: {values: [China, India]}
            """
        let findings = lint(yaml).filter { $0.severity != .note }
        #expect(findings.map(\.code) == ["unknown-reference", "unknown-reference", "value-not-allowed"], "\(findings.map { "\($0.code): \($0.message)" })")
        #expect(findings.map { $0.location?.line } == [3, 3, 4])
    }

    @Test func aConditionIsAReferenceButNeverARequirement() {
        // b needs a; a's requirement only names b in a condition: no cycle, and nothing mandatory.
        let yaml = "prereq: 1\nfeatures:\n  a: {requires: [{when: b, then: c}]}\n  b: {requires: [a]}\n  c: {}\n"
        #expect(!lint(yaml).contains { $0.code == "requires-cycle" || $0.severity == .error }, "\(lint(yaml).map(\.code))")
        let unknown = lint("prereq: 1\nfeatures:\n  a: {requires: [{when: nope, then: c}]}\n  c: {}\n")
        #expect(unknown.contains { $0.code == "unknown-reference" })
        let (p, _) = PrereqCoreTests.pack(yaml)
        #expect(p.features[0].requires?.mandatoryFeatures.isEmpty == true)
        #expect(p.features[0].requires?.featureReferences.map(\.value) == ["b", "c"])
    }

    // MARK: - Golden answer

    @Test func theWhyAnswerReadsAsAUserNeedsIt() {
        let a = Self.answer("shared-stock", "shared-stock: off, multi-site: on, stock-sync: off")
        Golden.check(ExplanationTextRenderer(language: .english).render(a), "why-when-applies.txt")
        let b = why(
            "fulfilment", pack: Self.pack, snapshot: header + "features: {fulfilment: off, warehouse-a: on, warehouse-b: on, warehouse-c: off}\n",
            language: .brazilianPortuguese)
        Golden.check(ExplanationTextRenderer(language: .brazilianPortuguese).render(b), "why-exactly-one.pt-BR.txt")
        let c = Self.answer("audit", "audit: off, dock: off, archiving: off")
        Golden.check(ExplanationTextRenderer(language: .english).render(c), "why-recommended.txt")
    }
}
