import Diagnostics
import Foundation
import PrereqCore
import PrereqYAML
import Testing

/// `prereq test` through the library: the shipped pack's own test cases, a fixture pack with a
/// passing and a failing case, and case files that cannot be read or run.
@Suite struct PackTestTests {
    static let mini = "Tests/PrereqCoreTests/Fixtures/pack-tests/mini"
    static let bad = "Tests/PrereqCoreTests/Fixtures/pack-tests/bad/"

    func rules(_ path: String) throws -> LoadedRules {
        let rules = LoadedRules.load(paths: [path])
        try #require(rules.usable, "\(rules.diagnostics.map(\.message))")
        return rules
    }

    func run(_ tests: [String], rules path: String, language: Language = .english) throws -> PackTestReport {
        let loaded = PackTestRun.load(paths: tests, language: language)
        try #require(loaded.usable, "\(loaded.diagnostics.map { "\($0.location?.description ?? ""): \($0.message)" })")
        return PackTestRun.run(loaded.cases, rules: try rules(path), language: language)
    }

    // MARK: - The shipped pack

    @Test func theShippedPackPassesItsOwnTests() throws {
        try inPackageRoot {
            let report = try run([PackTestRun.defaultFolder(rules: ["rules"])], rules: "rules")
            let failures = report.cases.filter { !$0.passed }.map { c in
                "\(c.name): " + PackTestRenderer(language: .english).text(PackTestReport(cases: [c], language: .english))
            }
            #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
            #expect(report.cases.count >= 15)
            #expect(report.exitCode == 0)
        }
    }

    /// Every question of the pack's FAQ has a file of cases, and every example snapshot is used.
    @Test func theShippedTestsCoverEveryQuestionAndExample() throws {
        try inPackageRoot {
            let loaded = PackTestRun.load(paths: ["rules/tests"], language: .english)
            let files = Set(loaded.cases.map(\.location.file))
            #expect(files == ["rules/tests/hq-misses-channel-customers.yaml", "rules/tests/real-time-calls-after-enabling.yaml", "rules/tests/why-cant-enable.yaml"])
            var snapshots: Set<String> = []
            var inline = 0
            for c in loaded.cases {
                switch c.snapshot {
                case .file(let path): snapshots.insert(path.value)
                case .inline: inline += 1
                }
            }
            let examples = try FileManager.default.contentsOfDirectory(atPath: "examples/snapshots")
                .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".json") }.map { "examples/snapshots/" + $0 }
            #expect(snapshots == Set(examples))
            #expect(inline >= 3)
        }
    }

    /// The case file docs/pack-tests.md shows reads clean and passes, read as if it were in
    /// rules/tests (its snapshot paths are relative to that folder).
    @Test func theDocumentedExamplePasses() throws {
        try inPackageRoot {
            let doc = try String(contentsOfFile: "docs/pack-tests.md", encoding: .utf8)
            let section = try #require(doc.range(of: "\n## The case file\n"))
            let open = try #require(doc.range(of: "```yaml\n", range: section.upperBound..<doc.endIndex))
            let close = try #require(doc.range(of: "\n```", range: open.upperBound..<doc.endIndex))
            let text = String(doc[open.upperBound..<close.lowerBound])
            let file = YAMLLoader().load(bytes: Array(text.utf8), file: "rules/tests/documented.yaml")
            let (cases, problems) = PackTestDecoder.decode(try #require(file.documents.first))
            #expect(file.diagnostics.isEmpty && problems.isEmpty, "\((file.diagnostics + problems).map(\.message))")
            #expect(cases.count == 3)
            let report = PackTestRun.run(cases, rules: try rules("rules"), language: .english)
            #expect(report.exitCode == 0, "\(PackTestRenderer(language: .english).text(report))")
        }
    }

    /// Rule loading and lint skip case files, so they may live inside the pack's folder.
    @Test func ruleLoadingSkipsTestFiles() {
        inPackageRoot {
            let loaded = RulePackLoader().load(paths: ["rules"])
            #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics.map(\.message))")
            let file = YAMLLoader().load(path: "rules/tests/why-cant-enable.yaml")
            #expect(file.documents.first.map(DocumentKind.of) == .packTest)
            #expect(LintRun.run(paths: ["rules"]).findings.isEmpty)
        }
    }

    @Test func theDefaultFolderIsTestsInsideTheRuleFolderOrBesideTheRuleFile() {
        inPackageRoot {
            #expect(PackTestRun.defaultFolder(rules: ["rules"]) == "rules/tests")
            #expect(PackTestRun.defaultFolder(rules: ["rules/"]) == "rules/tests")
            #expect(PackTestRun.defaultFolder(rules: ["rules/async-customer-mode.yaml"]) == "rules/tests")
            #expect(PackTestRun.defaultFolder(rules: ["pack.yaml"]) == "tests")
        }
    }

    // MARK: - A passing and a failing case

    @Test func aFailingCaseSaysWhatDifferedAndExitsOne() throws {
        try inPackageRoot {
            let report = try run([Self.mini + "/tests"], rules: Self.mini)
            #expect(report.cases.map(\.name) == ["New checkout waits for the payments API", "Switched on before the sync ran"])
            #expect(report.cases.map(\.passed) == [true, false])
            #expect(report.exitCode == 1)
            guard case .failed(let mismatches) = report.cases[1].outcome else {
                Issue.record("the second case should fail")
                return
            }
            #expect(mismatches.map(\.field) == [.verdict(feature: "checkout-v2"), .rootCauses(feature: "checkout-v2"), .whyPlan(feature: "checkout-v2")])
            let lines = mismatches.map(PackTestRenderer(language: .english).line)
            #expect(lines == [
                Self.mini + "/tests/checkout.yaml:26:20: verdict of \"checkout-v2\": expected in-effect, got not-in-effect",
                Self.mini + "/tests/checkout.yaml:27:23: root causes of \"checkout-v2\": expected [], got [job-not-run sync-config]",
                Self.mini + "/tests/checkout.yaml:28:17: plan of \"checkout-v2\": expected to contain [wait, run-job sync-config] in this order, got [run-job sync-config]",
            ])
        }
    }

    @Test func theTextOutputMatchesItsGolden() throws {
        try inPackageRoot {
            let report = try run([Self.mini + "/tests"], rules: Self.mini)
            Golden.check(PackTestRenderer(language: .english).text(report), "pack-tests-mini.txt")
            Golden.check(PackTestRenderer(language: .brazilianPortuguese).text(try run([Self.mini + "/tests"], rules: Self.mini, language: .brazilianPortuguese)), "pack-tests-mini.pt-BR.txt")
        }
    }

    @Test func containsMatchesItemsInOrderWithOthersBetween() {
        let here = SourceLocation(file: "t.yaml", line: 1, column: 1)
        let actual = [ItemPattern(head: "enable", subject: "a"), ItemPattern(head: "run-job", subject: "j", channels: ["s1", "s2"]), ItemPattern(head: "wait")]
        func list(_ items: [ItemPattern], contains: Bool) -> ListExpectation { ListExpectation(items: items, contains: contains, location: here) }
        #expect(list([ItemPattern(head: "enable"), ItemPattern(head: "wait")], contains: true).isMet(by: actual))
        #expect(!list([ItemPattern(head: "wait"), ItemPattern(head: "enable")], contains: true).isMet(by: actual))
        #expect(!list([ItemPattern(head: "enable"), ItemPattern(head: "wait")], contains: false).isMet(by: actual))
        #expect(list([ItemPattern(head: "enable", subject: "a"), ItemPattern(head: "run-job", channels: ["s2", "s1"]), ItemPattern(head: "wait")], contains: false).isMet(by: actual))
        #expect(!list([ItemPattern(head: "enable", subject: "b"), ItemPattern(head: "run-job"), ItemPattern(head: "wait")], contains: false).isMet(by: actual))
        #expect(!list([ItemPattern(head: "enable"), ItemPattern(head: "run-job", channels: ["s1"]), ItemPattern(head: "wait")], contains: false).isMet(by: actual))
        #expect(list([], contains: false).isMet(by: []))
        #expect(!list([], contains: false).isMet(by: actual))
    }

    /// The short form `HEAD SUBJECT (CHANNEL, …)` reads as the mapping form does.
    @Test func theShortFormOfAnItemReadsAsTheMapping() throws {
        let text = """
            prereqTest: 1
            cases:
              - name: forms
                snapshot: s.yaml
                expect:
                  why:
                    f:
                      plan: ["run-job cdx-1070 (store-001, store-002)", wait, {action: enable, subject: g, channels: [store-001]}]
                  check:
                    findings: {contains: [{code: job-order, severity: error}, job-not-run cdx-1070]}
            """
        let file = YAMLLoader().load(bytes: Array(text.utf8), file: "folder/cases.yaml")
        let (cases, problems) = PackTestDecoder.decode(try #require(file.documents.first))
        #expect(problems.isEmpty, "\(problems.map(\.message))")
        let c = try #require(cases.first)
        #expect(c.why.first?.plan?.items == [
            ItemPattern(head: "run-job", subject: "cdx-1070", channels: ["store-001", "store-002"]), ItemPattern(head: "wait"),
            ItemPattern(head: "enable", subject: "g", channels: ["store-001"]),
        ])
        #expect(c.check?.findings?.contains == true)
        #expect(c.check?.findings?.items == [ItemPattern(head: "job-order", severity: .error), ItemPattern(head: "job-not-run", subject: "cdx-1070")])
        guard case .file(let path) = c.snapshot else {
            Issue.record("a path is a snapshot file")
            return
        }
        #expect(path.value == "folder/s.yaml")
    }

    /// Names and subjects come from input: the text output never passes a control character to
    /// the terminal.
    @Test func theTextOutputEscapesWhatComesFromInput() {
        let here = SourceLocation(file: "t\u{1B}[2J.yaml", line: 3, column: 5)
        let mismatch = PackTestReport.Mismatch(
            field: .rootCauses(feature: "f\u{1B}]0;x\u{7}"), location: here, expected: .items([ItemPattern(head: "feature-off", subject: "g\u{1B}[31m")]),
            actual: .items([]))
        let report = PackTestReport(
            cases: [.init(name: "red \u{1B}[31m", location: here, outcome: .failed([mismatch]))], language: .english)
        let text = PackTestRenderer(language: .english).text(report)
        #expect(!text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x7 })
        #expect(text.hasPrefix("FAIL red "))
    }

    // MARK: - Bad input

    func problems(_ file: String) -> [String] {
        inPackageRoot {
            PackTestRun.load(paths: [Self.bad + file], language: .english).diagnostics.filter { $0.severity == .error }
                .map { "\($0.location?.description ?? "-"): \($0.code): \($0.message)" }
        }
    }

    @Test func anUnknownKeyIsAnErrorAtItsPlace() {
        #expect(problems("unknown-key.yaml") == [
            Self.bad + "unknown-key.yaml:9:11: schema-unknown-key: unknown key \"rootCause\" in expect.why.checkout-v2 of the case \"A misspelt key\" (did you mean \"rootCauses\"?)"
        ])
    }

    @Test func brokenYAMLIsAnErrorAtItsPlace() {
        #expect(problems("bad-yaml.yaml") == [Self.bad + "bad-yaml.yaml:5:1: yaml-syntax: did not find expected ',' or ']' (while parsing a flow sequence at 4:15)"])
    }

    @Test func wrongValuesAreErrorsWithSuggestions() {
        let file = Self.bad + "wrong-values.yaml"
        #expect(problems("wrong-values.yaml") == [
            file + ":1:13: schema-version: pack test format 2 is not supported; this Prereq reads prereqTest: 1",
            file + ":7:32: schema-value: \"blockd\" is not a valid expect.why.checkout-v2.verdict of the case \"Wrong values\" (did you mean \"blocked\"?); expected one of enableable, blocked, in-effect, not-in-effect, unknown",
            file + ":7:47: schema-value: \"enabel\" is not a valid action of expect.why.checkout-v2.plan of the case \"Wrong values\" (did you mean \"enable\"?); expected one of upgrade, set, disable, enable, run-job, wait, provide-data, manual",
            file + ":9:27: schema-value: unknown finding code \"job-not-rn\" (did you mean \"job-not-run\"?)",
            file + ":12:13: schema-missing: the case \"Expects nothing\" expects nothing",
            file + ":13:11: schema-value: two cases of this file are named \"Wrong values\"",
        ])
    }

    @Test func aRuleFileInTheTestFolderIsAnError() {
        #expect(problems("not-a-test.yaml") == [Self.bad + "not-a-test.yaml:1:1: schema-missing: \(Self.bad)not-a-test.yaml is neither a pack test file nor a snapshot"])
    }

    @Test func aFolderWithoutCasesIsAnError() {
        inPackageRoot {
            let loaded = PackTestRun.load(paths: [Self.mini + "/tests/snapshots"], language: .english)
            #expect(!loaded.usable)
            #expect(loaded.diagnostics.map(\.message) == ["no pack test case in \(Self.mini)/tests/snapshots"])
        }
    }

    @Test func casesThatCannotRunAreErrorsAtTheCaseFilesPlaces() throws {
        try inPackageRoot {
            let report = try run([Self.bad + "cannot-run.yaml"], rules: Self.mini)
            #expect(report.exitCode == 2)
            let file = Self.bad + "cannot-run.yaml"
            let places: [[String]] = report.cases.map { c in
                guard case .error(let problems) = c.outcome else { return [] }
                return problems.map { d in ([d.location] + d.related.map(\.location)).compactMap { $0?.description }.joined(separator: " ") + " " + d.code }
            }
            #expect(places == [
                ["\(Self.bad)no-such-snapshot.yaml \(file):4:15 io-error"],
                ["\(file):10:9 unknown-feature"],
                ["\(file):13:14 bad-assumption"],
            ])
        }
    }
}
