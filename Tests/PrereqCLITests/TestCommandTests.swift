import Foundation
import Testing

/// `prereq test` as a user runs it: exit 0 when every case passes, 1 when one fails, 2 when a
/// case file cannot be read or a case cannot run; the three formats.
@Suite struct TestCommandTests {
    static let root = EvaluationCommandTests.root
    static let fixtures = "Tests/PrereqCoreTests/Fixtures/pack-tests"

    func prereq(_ arguments: String...) throws -> PrereqBinary.Result {
        try PrereqBinary.run(arguments, in: Self.root)
    }

    @Test func theShippedPackPassesWithTheDefaultFolder() throws {
        let r = try prereq("test", "--rules", "rules")
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.hasPrefix("PASS "))
        #expect(r.stdout.hasSuffix(" passed, 0 failed\n"))
        #expect(!r.stdout.contains("FAIL"))
        #expect(r.stderr.isEmpty)
    }

    @Test func theSummaryFollowsTheLanguage() throws {
        let r = try prereq("test", "--rules", "rules", "--lang", "pt-BR")
        #expect(r.status == 0)
        #expect(r.stdout.hasSuffix(" passaram, 0 falharam\n"))
    }

    @Test func aFailingCaseExitsOne() throws {
        let r = try prereq("test", "--rules", "\(Self.fixtures)/mini")
        #expect(r.status == 1)
        #expect(r.stdout.contains("FAIL Switched on before the sync ran\n  \(Self.fixtures)/mini/tests/checkout.yaml:26:20: verdict of \"checkout-v2\": expected in-effect, got not-in-effect\n"))
        #expect(r.stdout.hasSuffix("\n2 cases, 1 passed, 1 failed\n"))
        let json = try prereq("test", "--rules", "\(Self.fixtures)/mini", "--format", "json")
        #expect(json.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["summary"] as? [String: Int] == ["cases": 2, "passed": 1, "failed": 1, "errors": 0])
        let junit = try prereq("test", "--rules", "\(Self.fixtures)/mini", "--format", "junit")
        #expect(junit.status == 1)
        #expect(junit.stdout.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"prereq test\" tests=\"2\" failures=\"1\" errors=\"0\">"))
    }

    @Test func aBadCaseFileExitsTwoWithItsPlace() throws {
        let r = try prereq("test", "\(Self.fixtures)/bad/unknown-key.yaml", "--rules", "\(Self.fixtures)/mini")
        #expect(r.status == 2)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("\(Self.fixtures)/bad/unknown-key.yaml:9:11: error[schema-unknown-key]: unknown key \"rootCause\""))
        let json = try prereq("test", "\(Self.fixtures)/bad/bad-yaml.yaml", "--rules", "\(Self.fixtures)/mini", "--format", "json")
        #expect(json.status == 2)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["error"] as? String == "the pack test cases cannot be used")
    }

    @Test func aCaseThatCannotRunExitsTwo() throws {
        let r = try prereq("test", "\(Self.fixtures)/bad/cannot-run.yaml", "--rules", "\(Self.fixtures)/mini")
        #expect(r.status == 2)
        #expect(r.stdout.contains("ERROR A feature the pack does not define\n  \(Self.fixtures)/bad/cannot-run.yaml:10:9: error[unknown-feature]"))
        #expect(r.stdout.hasSuffix("\n3 cases, 0 passed, 0 failed, 3 errors\n"))
    }

    @Test func aMissingFolderExitsTwo() throws {
        let r = try prereq("test", "\(Self.fixtures)/mini/checks", "--rules", "\(Self.fixtures)/mini")
        #expect(r.status == 2)
        #expect(r.stderr.contains("no such file or folder: \(Self.fixtures)/mini/checks"))
    }

    @Test func helpHasExamples() throws {
        let r = try prereq("test", "--help")
        #expect(r.status == 0)
        #expect(r.stdout.contains("Examples:\n"))
        #expect(r.stdout.contains("prereq test --rules rules --format junit"))
    }
}
