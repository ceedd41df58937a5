import Diagnostics
import Foundation
import PrereqCore
import Testing

/// Manual steps (`manualSteps`, `{manual: id}`): done as their `confirmedBy` says, or never
/// known to be done; the plan's `manual` step with its text, taken on trust by the simulator;
/// blocked, fine and unknown snapshots, `check` findings, lint of what they name.
@Suite struct ManualStepTests {
    static let folder = packageRoot + "/Tests/PrereqCoreTests/Fixtures/manual/"
    static func text(_ name: String) -> String { (try? String(contentsOfFile: folder + name, encoding: .utf8)) ?? "" }
    static let pack = text("pack.yaml")

    private func answer(_ feature: String, _ snapshot: String, language: Language = .english) -> FeatureAnswer {
        why(feature, pack: Self.pack, snapshot: Self.text(snapshot), language: language)
    }

    private func check(_ snapshot: String) -> [Diagnostic] {
        CheckRun.check(facts(pack: Self.pack, snapshot: snapshot).snapshot, graph: RuleGraph(PrereqCoreTests.pack(Self.pack).0), language: .english)
    }

    @Test func theFixturePackLintsClean() {
        #expect(lint(Self.pack).isEmpty)
    }

    @Test func aConfirmingConditionThatFailsBlocksWithTheManualStepAsItsFix() throws {
        let a = answer("app-sign-in", "blocked.yaml")
        #expect(a.verdict == .blocked)
        let cause = try #require(a.rootCauses.first)
        #expect(a.rootCauses.count == 1)
        #expect(cause.cause == .manual && cause.truth == .violated && cause.subject == "register-app")
        #expect(cause.message == "\"Register the app in Microsoft Entra ID\" has not been done: 0 rows in SYSAADCLIENTTABLE with UserId = RetailServiceUser exist; at least 1 must")
        #expect(cause.evidence.snapshot?.line == 7)  // the snapshot's records entry
        #expect(cause.evidence.rule?.line == 31)  // {manual: register-app}
        // The step a person takes, not the record check's own "create rows" step.
        #expect(a.plan.steps.map(\.action) == [.manual, .enable])
        let step = try #require(a.plan.steps.first)
        #expect(step.subject == "register-app" && step.subjectName == "Register the app in Microsoft Entra ID")
        #expect(step.message.hasPrefix("By hand: Register the app in Microsoft Entra ID. In the Azure portal, register an app for Commerce"))
        #expect(step.details["confirmedBy"] == "\"Commerce app in Microsoft Entra applications\" passes")
        #expect(a.plan.verification?.outcome == .reachesGoal)
        #expect(a.plan.verification?.takenOnTrust.map(\.subject) == ["register-app"])
    }

    @Test func aConfirmedStepHoldsAndAStepWithoutConfirmationIsNeverTakenAsDone() throws {
        let fine = answer("app-sign-in", "fine.yaml")
        #expect(fine.verdict == .enableable)
        #expect(fine.plan.steps.map(\.action) == [.enable])
        let sso = answer("store-sso", "fine.yaml")
        // Everything the snapshot can show holds; the unchecked step keeps the verdict unknown.
        #expect(sso.verdict == .unknown)
        let cause = try #require(sso.rootCauses.first)
        #expect(sso.rootCauses.count == 1)
        #expect(cause.cause == .manual && cause.truth == .unknown && cause.subject == "grant-consent")
        #expect(cause.message == "\"Grant admin consent\" is a manual step no snapshot can show: it could not be checked")
        #expect(cause.remarks.note == "Only a tenant administrator can grant it.")
        #expect(sso.plan.steps.map(\.action) == [.manual, .enable])
        #expect(sso.plan.steps.first?.details["text"] == "In the Azure portal, open the app's API permissions and select Grant admin consent.")
        #expect(sso.plan.steps.first?.details["confirmedBy"] == nil)
        #expect(sso.plan.verification?.outcome == .reachesGoal)
    }

    @Test func aConfirmingConditionTheSnapshotDoesNotGiveIsUncheckedAndNamesTheMissingFact() throws {
        let a = answer("app-sign-in", "unknown.yaml")  // on, and nothing says whether the step was done
        #expect(a.verdict == .unknown)
        let cause = try #require(a.rootCauses.first)
        #expect(cause.cause == .manual && cause.truth == .unknown)
        #expect(cause.message == "whether \"Register the app in Microsoft Entra ID\" was done could not be checked: the snapshot gives no count of rows in SYSAADCLIENTTABLE with UserId = RetailServiceUser")
        #expect(a.plan.steps.map(\.action) == [.manual])
    }

    @Test func jsonCarriesTheKindTheActionAndTheStepsText() throws {
        let a = answer("store-sso", "fine.yaml")
        let cause = AnswerJSON.cause(try #require(a.rootCauses.first)).serialized(pretty: false)
        #expect(cause.contains("\"kind\":\"manual\"") && cause.contains("\"subject\":\"grant-consent\""))
        let step = AnswerJSON.step(try #require(a.plan.steps.first)).serialized(pretty: false)
        #expect(step.contains("\"action\":\"manual\"") && step.contains("\"text\":\"In the Azure portal, open the app's API permissions and select Grant admin consent.\""))
        let verified = AnswerJSON.verified(a.plan.verification).serialized(pretty: false)
        #expect(verified.contains("\"takenOnTrust\":[\"grant-consent\"]"))
        // A plan without manual steps has no such field.
        let plain = AnswerJSON.verified(answer("app-sign-in", "fine.yaml").plan.verification).serialized(pretty: false)
        #expect(!plain.contains("takenOnTrust"))
    }

    @Test func theSimulatorTakesAPerformedManualStepAsDone() throws {
        let f = facts(pack: Self.pack, snapshot: Self.text("fine.yaml"))
        var before = Evaluator(facts: f, language: .english)
        let step = before.manualStep(try #require(f.graph.manualIndex["grant-consent"]))
        let end = PlanSimulator.endState(of: [step], from: f).end
        #expect(end.manualStepsTaken == ["grant-consent"])
        var after = Evaluator(facts: end, language: .english)
        let sso = try #require(f.graph.featureIndex["store-sso"])
        #expect(before.explainFeature(sso).verdict == .unknown)
        let (verdict, root) = after.explainFeature(sso)
        #expect(verdict == .enableable)
        #expect(after.explanation(root: root).nodes.contains { $0.message == "\"Grant admin consent\" was done by the plan (taken on trust)" })
    }

    @Test func checkReportsAStepNotDoneAsAnErrorAndAnUncheckedOneAsANoteOnce() {
        let on = "features: {store-sso: on, app-sign-in: on}"
        let blocked = check(Self.text("blocked.yaml").replacingOccurrences(of: "features:\n  store-sso: off\n  app-sign-in: off", with: on))
        #expect(blocked.filter { $0.code == "manual-step-undone" }.map(\.severity) == [.error])
        #expect(blocked.filter { $0.code == "manual-step-unchecked" }.map(\.severity) == [.note])
        // Two features need register-app: one finding, with both features as related places.
        let undone = blocked.first { $0.code == "manual-step-undone" }
        #expect(undone?.related.filter { $0.message == "a feature that needs it" }.count == 2)
        let fine = check(Self.text("fine.yaml").replacingOccurrences(of: "features:\n  store-sso: off\n  app-sign-in: off", with: on))
        #expect(fine.map(\.code) == ["manual-step-unchecked"])
        for code in ["manual-step-undone", "manual-step-unchecked", "unused-manual-step"] { #expect(FindingCatalog.entry(code) != nil) }
    }

    @Test func aManualStepUnderNotIsNeverAStepOfThePlan() {
        let yaml = "prereq: 1\nmanualSteps:\n  m: {text: Do it}\nfeatures:\n  a:\n    requires: [{not: {manual: m}}]\n"
        let a = why("a", pack: yaml, snapshot: header + "features: {a: off}\n")
        #expect(a.verdict == .unknown)
        #expect(!a.plan.steps.contains { $0.action == .manual })
    }

    @Test func aManualStepInAnAlternativeIsTakenOnlyWhenNoCheckedAlternativeHolds() {
        let yaml = "prereq: 1\nmanualSteps:\n  m: {text: Do it}\nfeatures:\n  b: {}\n  a:\n    requires: [{anyOf: [{manual: m}, b]}]\n"
        #expect(why("a", pack: yaml, snapshot: header + "features: {a: off, b: on}\n").verdict == .enableable)
        let a = why("a", pack: yaml, snapshot: header + "features: {a: off, b: off}\n")
        #expect(a.verdict == .unknown)
        #expect(a.plan.verification?.outcome == .reachesGoal)
    }

    @Test func lintReportsUnknownAndUnusedManualStepsAndWhatConfirmedByNames() {
        let d = lint("""
            prereq: 1
            manualSteps:
              register-app: {text: Register it, confirmedBy: [{records: entra-row}, {setting: app-id, equals: x}, flag-z]}
              orphan: {text: Nobody asks for this}
            features:
              a:
                requires: [{manual: register-ap}, {manual: register-app}]
            """)
        #expect(d.map(\.code) == ["unknown-reference", "unknown-reference", "unknown-reference", "unused-manual-step", "unknown-reference"])
        #expect(d.map { $0.location?.line } == [3, 3, 3, 4, 7])
        #expect(d.last?.message == "feature a refers to the unknown manual step \"register-ap\" (did you mean \"register-app\"?)")
        #expect(d.contains { $0.message.hasPrefix("manual step register-app refers to the unknown record check \"entra-row\"") })
        #expect(d.first { $0.code == "unused-manual-step" }?.message == "manual step orphan is not required by any feature")
    }

    @Test func valuesInConfirmedByAreCheckedAgainstTheirDeclarations() {
        let d = lint("prereq: 1\nsettings:\n  ms: {type: bool}\nmanualSteps:\n  m: {text: T, confirmedBy: {setting: ms, equals: maybe}}\nfeatures:\n  f: {requires: [{manual: m}]}\n")
        #expect(d.map(\.code) == ["setting-value-type"])
        #expect(d.first?.message == "manual step m needs ms to be \"maybe\", which is not a switch (true/false, on/off), as the setting is declared")
    }

    @Test func aStepWithoutTextOrConfirmedByAManualStepIsASchemaError() {
        let d = lint("prereq: 1\nmanualSteps:\n  a: {name: A}\n  b: {text: B, confirmedBy: {manual: a}}\nfeatures:\n  f: {requires: [{manual: b}]}\n")
        #expect(d.filter { $0.severity == .error }.map(\.code) == ["schema-missing", "schema-value"])
        #expect(d.filter { $0.severity == .error }.map { $0.location?.line } == [3, 4])
    }

    @Test func aStepsTextLackingAPromisedLanguageIsAMissingTranslation() {
        let d = lint("prereq: 1\npack: {id: p, languages: [en, pt-BR]}\nmanualSteps:\n  m: {name: {en: M, pt-BR: M}, text: Only English}\nfeatures:\n  f: {name: {en: F, pt-BR: F}, requires: [{manual: m}]}\n")
        #expect(d.map(\.code) == ["missing-translation"])
        #expect(d.first?.message == "the text of manual step m has no pt-BR text, which the pack promises")
    }

    @Test func theAnswersReadAsAUserWouldWriteThem() {
        let renderer = ExplanationTextRenderer(language: .english)
        let blocked = answer("store-sso", "blocked.yaml")
        Golden.check(renderer.render(blocked) + renderer.endStateText(blocked.plan), "manual-store-sso-blocked.en.txt")
        let fine = answer("store-sso", "fine.yaml", language: .brazilianPortuguese)
        let pt = ExplanationTextRenderer(language: .brazilianPortuguese)
        Golden.check(pt.render(fine) + pt.endStateText(fine.plan), "manual-store-sso-fine.pt-BR.txt")
        let unknown = answer("app-sign-in", "unknown.yaml")
        Golden.check(renderer.render(unknown), "manual-app-sign-in-unknown.en.txt")
    }
}
