import Diagnostics
import PrereqCore
import Testing

/// Every shipped example snapshot, checked against the shipped pack: the verdict of
/// `why async-customer-editing`, the codes `check` reports, and golden answers.
@Suite struct ExampleTests {
    struct Example: Sendable, CustomStringConvertible {
        var file: String
        var verdict: Verdict
        var checkCodes: [String]
        var description: String { file }
    }

    static let examples: [Example] = [
        Example(file: "healthy.yaml", verdict: .inEffect, checkCodes: []),
        Example(file: "blocked-prerequisite.yaml", verdict: .blocked, checkCodes: []),
        Example(file: "blocked-version.yaml", verdict: .blocked, checkCodes: []),
        Example(file: "not-in-effect-one-channel.yaml", verdict: .notInEffect, checkCodes: ["job-not-run"]),
        Example(file: "settling.yaml", verdict: .unknown, checkCodes: ["settling"]),
        Example(file: "hq-missing-job-order.yaml", verdict: .inEffect, checkCodes: ["job-order", "records-waiting"]),
        Example(file: "records-failing.yaml", verdict: .inEffect, checkCodes: ["records-unprocessed"]),
        Example(file: "data-missing.json", verdict: .unknown, checkCodes: ["missing-data"]),
    ]

    static let rules: LoadedRules = inPackageRoot { LoadedRules.load(paths: ["rules"]) }

    static func facts(_ file: String) throws -> EnvironmentFacts {
        let read = inPackageRoot { SnapshotReader().read(path: "examples/snapshots/" + file) }
        #expect(!read.unreadable)
        #expect(read.diagnostics.isEmpty, "\(read.diagnostics)")
        let snapshot = try #require(read.snapshots.first)
        return EnvironmentFacts(snapshot: snapshot, graph: rules.graph)
    }

    static func answer(_ file: String, _ language: Language = .english) throws -> FeatureAnswer {
        let f = try facts(file)
        var evaluator = Evaluator(facts: f, language: language)
        return evaluator.answer(feature: try #require(f.graph.featureIndex["async-customer-editing"]))
    }

    @Test func theShippedPackIsUsable() {
        #expect(Self.rules.usable)
        #expect(Self.rules.diagnostics.isEmpty)
    }

    @Test(arguments: examples) func verdictOfEachExample(_ example: Example) throws {
        let a = try Self.answer(example.file)
        #expect(a.verdict == example.verdict)
        Golden.check(ExplanationTextRenderer(language: .english).render(a), "why-\(example.file).en.txt")
    }

    @Test(arguments: examples) func checkFindingsOfEachExample(_ example: Example) throws {
        let findings = CheckRun.check(try Self.facts(example.file).snapshot, graph: Self.rules.graph, language: .english)
        #expect(Set(findings.map(\.code)) == Set(example.checkCodes), "\(findings.map(\.message))")
        #expect(findings.allSatisfy { $0.location?.file == "examples/snapshots/" + example.file })
    }

    @Test func loadingRulesAlongsideTheFirstSnapshotGivesTheSameReport() throws {
        let paths = Self.examples.map { "examples/snapshots/" + $0.file }
        let (separately, together) = inPackageRoot {
            (
                CheckRun.run(snapshots: paths, rules: Self.rules, language: .english, jobs: 2),
                CheckRun.run(snapshots: paths, loadingRules: { LoadedRules.load(paths: ["rules"]) }, language: .english, jobs: 2)
            )
        }
        #expect(!together.findings.isEmpty)
        #expect(together.findings == separately.findings)
        #expect(together.unreadable == separately.unreadable)
    }

    @Test func anErrorWhileLoadingRulesAlongsideASnapshotIsPassedOn() {
        struct Unusable: Error {}
        #expect(throws: Unusable.self) {
            try inPackageRoot {
                try CheckRun.run(snapshots: ["examples/snapshots/healthy.yaml"], loadingRules: { throw Unusable() }, language: .english)
            }
        }
    }

    @Test(arguments: examples) func checkWordsOnlyWhatFailsAndFindsTheSame(_ example: Example) throws {
        let facts = try Self.facts(example.file)
        let feature = try #require(facts.graph.featureIndex["async-customer-editing"])
        var wordy = Evaluator(facts: facts, language: .english)
        var quiet = Evaluator(facts: facts, language: .english)
        quiet.wordsConditionsThatHold = false
        let (a, b) = (wordy.explainFeature(feature), quiet.explainFeature(feature))
        #expect(a.verdict == b.verdict)
        let (ea, eb) = (wordy.explanation(root: a.root), quiet.explanation(root: b.root))
        #expect(ea.rootCauses.map { ea.nodes[$0].message } == eb.rootCauses.map { eb.nodes[$0].message })
        #expect(ea.nodes.count == eb.nodes.count)
        for (x, y) in zip(ea.nodes, eb.nodes) {
            #expect(x.truth == y.truth)
            if y.truth != .satisfied { #expect(x.message == y.message && x.fix == y.fix) }
        }
        #expect(ea.nodes.contains { $0.truth == .satisfied && !$0.message.isEmpty })
    }

    @Test(arguments: examples) func faqOfEachExample(_ example: Example) throws {
        var evaluator = Evaluator(facts: try Self.facts(example.file), language: .english)
        let faq = evaluator.answerQuestions()
        #expect(faq.items.count == 3)
        Golden.check(FAQMarkdownRenderer(language: .english).render(faq), "faq-\(example.file).en.md")
    }

    @Test func blockedEnablementNamesTheMissingPrerequisiteAndNothingElse() throws {
        let a = try Self.answer("blocked-prerequisite.yaml")
        #expect(a.rootCauses.map(\.subject) == ["async-customer-address-creation"])
        #expect(a.plan.steps.map(\.action) == [.enable, .enable, .runJob, .runJob, .runJob, .wait])
    }

    @Test func dataToProvideNamesWhatItIsAboutWhereThereIsSuchAThing() throws {
        let a = try Self.answer("data-missing.json")
        let provide = a.plan.steps.filter { $0.action == .provideData }
        #expect(provide.map(\.details["missing"]).count == 2)
        // The product version is about no one thing; when the feature was switched on is about it.
        #expect(provide.map(\.subject) == [nil, "async-customer-editing"])
        #expect(provide.last?.subjectName == "Enable editing customers in asynchronous mode")
    }

    @Test func notInEffectNamesExactlyTheJobThatHasNotRunInThatChannel() throws {
        let a = try Self.answer("not-in-effect-one-channel.yaml")
        #expect(a.rootCauses.map(\.subject) == ["cdx-1070"])
        #expect(a.plan.steps.first?.details["channels"] == "store-002")
    }

    @Test func customersMissingInHeadquartersComeFromJobOrder() throws {
        var evaluator = Evaluator(facts: try Self.facts("hq-missing-job-order.yaml"), language: .english)
        let item = try #require(evaluator.answerQuestions().items.last)
        #expect(item.truth == .violated)
        #expect(item.causes.map(\.cause) == [.jobOrder])
        #expect(item.plan.steps.map(\.subject) == ["sync-customers"])
    }

    @Test func recordsLeftBehindAfterTheSyncRanAreAFailure() throws {
        var evaluator = Evaluator(facts: try Self.facts("records-failing.yaml"), language: .english)
        let item = try #require(evaluator.answerQuestions().items.last)
        #expect(item.truth == .violated)
        #expect(item.causes.map(\.cause) == [.records])
        #expect(item.causes.first?.message.contains("RETAILASYNCADDRESSV2") == true)
    }

    @Test func portugueseAnswersUsePortugueseNames() throws {
        let a = try Self.answer("blocked-prerequisite.yaml", .brazilianPortuguese)
        let text = ExplanationTextRenderer(language: .brazilianPortuguese).render(a)
        #expect(text.contains("Habilitar criação assíncrona para endereços de cliente"))
        #expect(!text.contains("Enable asynchronous creation"))
        Golden.check(text, "why-blocked-prerequisite.yaml.pt-BR.txt")
        let b = try Self.answer("not-in-effect-one-channel.yaml", .brazilianPortuguese)
        Golden.check(ExplanationTextRenderer(language: .brazilianPortuguese).render(b), "why-not-in-effect-one-channel.yaml.pt-BR.txt")
        var evaluator = Evaluator(facts: try Self.facts("hq-missing-job-order.yaml"), language: .brazilianPortuguese)
        Golden.check(FAQMarkdownRenderer(language: .brazilianPortuguese).render(evaluator.answerQuestions()), "faq-hq-missing-job-order.yaml.pt-BR.md")
    }

    @Test func jsonAnswersFollowTheContract() throws {
        let a = try Self.answer("not-in-effect-one-channel.yaml")
        let json = AnswerJSON.why(a).serialized()
        #expect(json.hasPrefix("{\"formatVersion\":1,\"verdict\":\"not-in-effect\",\"feature\":\"async-customer-editing\""))
        #expect(json.contains("\"rootCauses\":[{\"kind\":\"job-not-run\",\"subject\":\"cdx-1070\",\"subjectName\":\"1070 (Channel configuration)\""))
        #expect(json.contains("\"plan\":[{\"action\":\"run-job\",\"subject\":\"cdx-1070\",\"subjectName\":\"1070 (Channel configuration)\""))
    }
}
