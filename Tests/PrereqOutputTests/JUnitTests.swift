import Diagnostics
import Foundation
import PrereqCore
import Testing

@Suite struct JUnitTests {
    /// Validates XML against the JUnit schema (Tests/Data/schemas/junit.xsd) with xmllint (Debian's libxml2-utils;
    /// .ci/install-deps installs it). Fails, never skips, when xmllint is missing.
    func validate(_ xml: String) throws -> (ok: Bool, message: String) {
        let xmllint = try #require(executableOnPath("xmllint"), "xmllint not found on PATH: install libxml2-utils (.ci/install-deps)")
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = folder + "/report.xml"
        try Data(xml.utf8).write(to: URL(fileURLWithPath: file))
        let result = try runProgram(xmllint, ["--noout", "--schema", schemaFolder + "/junit.xsd", file])
        return (result.status == 0, result.stderr)
    }

    func junit(_ report: FindingsReport, failOn: Severity = .error) -> String {
        JUnitRenderer(paths: fixedPaths, command: "lint", failOn: failOn).render(report)
    }

    @Test(arguments: ["broken", "hostile", "shipped"])
    func junitOfLintResultsValidatesAgainstTheSchema(_ pack: String) throws {
        let report = pack == "shipped" ? lintShippedRules() : lintFixture(pack)
        for failOn in Severity.allCases {
            let result = try validate(junit(report, failOn: failOn))
            #expect(result.ok, "\(result.message)")
        }
    }

    @Test func validationCatchesAnInvalidReport() throws {
        // Proves the validator runs: a suite without its required attributes must fail.
        let result = try validate("<testsuites><testsuite name=\"x\"/></testsuites>\n")
        #expect(!result.ok)
    }

    @Test func emptyReportIsOnePassingTestCase() throws {
        let xml = junit(FindingsReport(findings: [], unreadable: false))
        #expect(xml.contains("<testcase name=\"prereq lint\" classname=\"prereq.lint\"/>"))
        #expect(try validate(xml).ok)
    }

    @Test func eachCheckedFileIsATestCaseAndFindingsAreItsFailures() throws {
        let report = lintFixture("broken")
        let xml = junit(report)
        #expect(xml.contains("tests=\"2\" failures=\"2\""))
        #expect(xml.components(separatedBy: "<testcase ").count - 1 == 2)
        #expect(xml.components(separatedBy: "<failure ").count - 1 == report.findings.filter { $0.severity == .error }.count)
        // Warnings are below the fail level: they are in system-out, not failures.
        #expect(xml.contains("<system-out>warning[missing-translation]"))
        #expect(!xml.contains("<failure type=\"unused-job\""))
        let strict = junit(report, failOn: .warning)
        #expect(strict.components(separatedBy: "<failure ").count - 1 == report.findings.count)
    }

    @Test func textFromInputIsEscapedAndForbiddenCharactersAreDropped() throws {
        let nasty = "a <b> & \"c\" 'd' ]]> \u{0}\u{1}\u{8}\u{B}\u{C}\u{1B}[31m\u{FFFE}\u{FFFF} tab\tend\r\nline"
        let report = FindingsReport(
            findings: [
                Diagnostic(
                    code: "unknown-reference", severity: .error, message: nasty,
                    location: .init(file: "rules/<x>&\"y\".yaml", line: 2, column: 3),
                    related: [RelatedLocation(.init(file: "rules/z.yaml", line: 1, column: 1), nasty)], help: nasty)
            ], unreadable: false, inputs: ["rules/clean & fine.yaml"])
        let xml = junit(report)
        #expect(!xml.unicodeScalars.contains { [0, 1, 8, 0xB, 0xC, 0x1B, 0xFFFE, 0xFFFF].contains($0.value) })
        #expect(xml.contains("name=\"rules/&lt;x&gt;&amp;&quot;y&quot;.yaml\""))
        #expect(xml.contains("]]&gt;"))
        let result = try validate(xml)
        #expect(result.ok, "\(result.message)")
    }
}
