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

    /// Reads the XML with junitparser (PyPI), as CI dashboards read JUnit: total tests, failures,
    /// errors and skipped cases, and every case's name and result. Fails, never skips, when
    /// python3 or junitparser is missing (.ci/install-deps installs it).
    func consume(_ xml: String) throws -> (totals: [Int], cases: [String]) {
        let python = try #require(executableOnPath("python3"), "python3 not found on PATH")
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = folder + "/report.xml"
        try Data(xml.utf8).write(to: URL(fileURLWithPath: file))
        let script = """
            import sys
            from junitparser import JUnitXml, Failure, Error, Skipped
            xml = JUnitXml.fromfile(sys.argv[1])
            tests = failures = errors = skipped = 0
            cases = []
            for suite in xml:
                for case in suite:
                    tests += 1
                    kinds = [type(r).__name__.lower() for r in case.result]
                    failures += 'failure' in kinds
                    errors += 'error' in kinds
                    skipped += 'skipped' in kinds
                    cases.append(suite.name + '|' + case.name + '|' + (','.join(kinds) or 'passed'))
            print(tests, failures, errors, skipped)
            print(xml.tests, xml.failures, xml.errors)
            for c in cases: print(c)
            """
        let result = try runProgram(python, ["-c", script, file])
        try #require(result.status == 0, "junitparser could not read the report: \(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        let counted = lines[0].split(separator: " ").compactMap { Int($0) }
        let declared = lines[1].split(separator: " ").compactMap { Int($0) }
        #expect(Array(counted.prefix(3)) == declared, "the declared totals differ from the cases junitparser counts")
        return (counted, Array(lines.dropFirst(2)))
    }

    @Test func eachFindingIsATestCaseAndEachCleanFileOnePassingCase() throws {
        let report = FindingsReport(
            findings: [
                Diagnostic(code: "unknown-reference", severity: .error, message: "feature a refers to b", location: .init(file: "rules/a.yaml", line: 3, column: 5), subject: "a"),
                Diagnostic(code: "requires-cycle", severity: .error, message: "cycle", location: .init(file: "rules/a.yaml", line: 7, column: 1), subject: "c"),
                Diagnostic(code: "unused-job", severity: .warning, message: "job j unused", location: .init(file: "rules/a.yaml", line: 9, column: 3), subject: "j"),
            ], unreadable: false, inputs: ["rules/a.yaml", "rules/clean.yaml"])
        let consumed = try consume(junit(report))
        #expect(consumed.totals == [4, 2, 0, 0])
        #expect(consumed.cases == [
            "rules/a.yaml|unknown-reference 3:5: a|failure",
            "rules/a.yaml|requires-cycle 7:1: c|failure",
            "rules/a.yaml|unused-job 9:3: j|passed",
            "rules/clean.yaml|rules/clean.yaml|passed",
        ])
        // With the fail level at warning, the warning is a failing case too.
        #expect(try consume(junit(report, failOn: .warning)).totals == [4, 3, 0, 0])
        #expect(try validate(junit(report)).ok)
    }

    @Test func inputThatCouldNotBeReadIsAnError() throws {
        let report = FindingsReport(
            findings: [
                Diagnostic(code: "yaml-syntax", severity: .error, message: "mapping values are not allowed", location: .init(file: "rules/broken.yaml", line: 2, column: 4)),
                Diagnostic(code: "io-error", severity: .error, message: "no such file", location: .init(file: "rules/missing.yaml", line: 0, column: 0)),
            ], unreadable: true, inputs: ["rules/broken.yaml", "rules/missing.yaml", "rules/ok.yaml"])
        let xml = junit(report)
        let consumed = try consume(xml)
        #expect(consumed.totals == [3, 0, 2, 0])
        #expect(consumed.cases.filter { $0.hasSuffix("|error") }.count == 2)
        #expect(xml.contains("<error type=\"yaml-syntax\" message=\"rules/broken.yaml:2:4: mapping values are not allowed\">"))
        let checked = try validate(xml)
        #expect(checked.ok, "\(checked.message)")
    }

    @Test func lintOfTheBrokenFixtureCountsOneCasePerFinding() throws {
        let report = lintFixture("broken")
        let consumed = try consume(junit(report))
        let errors = report.findings.filter { $0.severity == .error }.count
        #expect(consumed.totals[0] == report.findings.count)
        #expect(consumed.totals[1] + consumed.totals[2] == errors)
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
