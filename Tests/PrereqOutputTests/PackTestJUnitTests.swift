import Diagnostics
import Foundation
import PrereqCore
import Testing

/// `prereq test --format junit`: one test suite per case file, one test case per case, valid
/// against the JUnit schema and read by junitparser as CI dashboards read it.
extension JUnitTests {
    static let packTests = packageRoot + "/Tests/PrereqCoreTests/Fixtures/pack-tests"

    func packTestJUnit(_ tests: String, rules: String) throws -> String {
        let loaded = PackTestRun.load(paths: [tests], language: .english)
        try #require(loaded.usable, "\(loaded.diagnostics.map(\.message))")
        let report = PackTestRun.run(loaded.cases, rules: LoadedRules.load(paths: [rules]), language: .english)
        return PackTestRenderer(language: .english).junit(report, paths: RepositoryPaths(root: packageRoot, workingDirectory: packageRoot))
    }

    @Test func packTestsAreOneTestCaseEachWithTheDifferencesInTheFailure() throws {
        let xml = try packTestJUnit(Self.packTests + "/mini/tests", rules: Self.packTests + "/mini")
        let checked = try validate(xml)
        #expect(checked.ok, "\(checked.message)")
        let consumed = try consume(xml)
        #expect(consumed.totals == [2, 1, 0, 0])
        let file = "Tests/PrereqCoreTests/Fixtures/pack-tests/mini/tests/checkout.yaml"
        #expect(consumed.cases == ["\(file)|New checkout waits for the payments API|passed", "\(file)|Switched on before the sync ran|failure"])
        #expect(xml.contains("<failure type=\"pack-test\" message=\"\(file):26:20: verdict of &quot;checkout-v2&quot;: expected in-effect, got not-in-effect\">"))
        #expect(xml.contains("\(file):28:17: plan of \"checkout-v2\": expected to contain [wait, run-job sync-config] in this order, got [run-job sync-config]</failure>"))
    }

    @Test func packTestsThatCannotRunAreErrors() throws {
        let xml = try packTestJUnit(Self.packTests + "/bad/cannot-run.yaml", rules: Self.packTests + "/mini")
        let checked = try validate(xml)
        #expect(checked.ok, "\(checked.message)")
        #expect(try consume(xml).totals == [3, 0, 3, 0])
        #expect(xml.contains("<error type=\"unknown-feature\""))
    }

    @Test func packTestNamesFromInputAreEscaped() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let cases = """
            prereqTest: 1
            cases:
              - name: "a <b> & \\"c\\" 'd' ]]> \\e[31m \\u0001 end"
                snapshot: \(Self.packTests)/mini/tests/snapshots/payments-off.yaml
                expect: {why: {checkout-v2: {verdict: in-effect}}}
            """
        try Data(cases.utf8).write(to: URL(fileURLWithPath: folder + "/cases.yaml"))
        let xml = try packTestJUnit(folder, rules: Self.packTests + "/mini")
        #expect(!xml.unicodeScalars.contains { [0x1, 0x1B].contains($0.value) })
        #expect(xml.contains("name=\"a &lt;b&gt; &amp; &quot;c&quot; &apos;d&apos; ]]&gt; "))
        let checked = try validate(xml)
        #expect(checked.ok, "\(checked.message)")
    }
}
