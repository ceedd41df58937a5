import Diagnostics
import Foundation
import PrereqCore
import Testing

@Suite struct SarifTests {
    static let schemaPath = schemaFolder + "/sarif-2.1.0.json"

    func sarifObject(_ report: FindingsReport) throws -> [String: Any] {
        let text = SarifRenderer(paths: fixedPaths).render(report)
        return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test(arguments: ["broken", "hostile", "shipped"])
    func sarifOfLintResultsValidatesAgainstTheSchema(_ pack: String) throws {
        let validator = try JSONSchemaCheck(path: Self.schemaPath)
        let report = pack == "shipped" ? lintShippedRules() : lintFixture(pack)
        let violations = validator.validate(try sarifObject(report))
        #expect(violations.isEmpty, "\(violations.prefix(20))")
    }

    @Test func validatorRejectsABrokenLog() throws {
        // The check the schema README describes: a broken log must fail, or the validator proves nothing.
        let validator = try JSONSchemaCheck(path: Self.schemaPath)
        var log = try sarifObject(lintFixture("broken"))
        log["version"] = "2.0.0"
        var runs = try #require(log["runs"] as? [[String: Any]])
        var results = try #require(runs[0]["results"] as? [[String: Any]])
        results[0]["level"] = "fatal"
        var locations = try #require(results[0]["locations"] as? [[String: Any]])
        var physical = try #require(locations[0]["physicalLocation"] as? [String: Any])
        var region = try #require(physical["region"] as? [String: Any])
        region["startLine"] = 0
        physical["region"] = region
        locations[0]["physicalLocation"] = physical
        results[0]["locations"] = locations
        runs[0]["results"] = results
        var tool = try #require(runs[0]["tool"] as? [String: Any])
        var driver = try #require(tool["driver"] as? [String: Any])
        driver.removeValue(forKey: "name")
        tool["driver"] = driver
        runs[0]["tool"] = tool
        log["runs"] = runs
        let violations = validator.validate(log)
        #expect(violations.contains { $0.hasPrefix("$.version") })
        #expect(violations.contains { $0.contains("level") })
        #expect(violations.contains { $0.contains("startLine") })
        #expect(violations.contains { $0.contains("\"name\"") })
    }

    @Test func resultsPointAtTheirRulesWithRelativeLocationsAndFingerprints() throws {
        let report = lintFixture("broken")
        let log = try sarifObject(report)
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        #expect(run["columnKind"] as? String == "unicodeCodePoints")
        let bases = try #require(run["originalUriBaseIds"] as? [String: Any])
        #expect((bases["%SRCROOT%"] as? [String: Any])?["uri"] as? String == "file:///repo/")
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "prereq")
        #expect(driver["version"] as? String == PrereqVersion.current)
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.map { $0["id"] as? String } == FindingCatalog.all.map(\.code))
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == report.findings.count)
        var fingerprints = Set<String>()
        for (result, finding) in zip(results, report.findings) {
            let index = try #require(result["ruleIndex"] as? Int)
            #expect(rules[index]["id"] as? String == result["ruleId"] as? String)
            #expect(result["ruleId"] as? String == finding.code)
            #expect(result["level"] as? String == finding.severity.rawValue)
            let artifact = try #require(
                ((result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?["artifactLocation"]
                    as? [String: Any])
            #expect(artifact["uriBaseId"] as? String == "%SRCROOT%")
            #expect((artifact["uri"] as? String)?.hasPrefix("Tests/PrereqOutputTests/Fixtures/packs/broken/") == true)
            let fingerprint = try #require((result["partialFingerprints"] as? [String: String])?[SarifRenderer.fingerprintKey])
            #expect(fingerprints.insert(fingerprint).inserted)
        }
        let duplicate = try #require(results.first { $0["ruleId"] as? String == "duplicate-id" })
        let related = try #require(duplicate["relatedLocations"] as? [[String: Any]])
        #expect((related.first?["message"] as? [String: Any])?["text"] as? String == "first defined here")
    }

    @Test func regionIsLeftOutWhenThereIsNoLine() throws {
        let report = FindingsReport(
            findings: [.error("io-error", "no such file or folder: rules/missing.yaml", at: .wholeFile("rules/missing.yaml"))],
            unreadable: true)
        let log = try sarifObject(report)
        let result = try #require(((log["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]])?.first)
        let physical = try #require((result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
        #expect(physical["region"] == nil)
        #expect((physical["artifactLocation"] as? [String: Any])?["uri"] as? String == "rules/missing.yaml")
    }

    @Test func filesOutsideTheRepositoryGetAbsoluteURIsAndNamesAreEncoded() throws {
        let report = FindingsReport(
            findings: [
                .warning("empty-folder", "x", at: .wholeFile("/elsewhere/a b#1.yaml")),
                .warning("empty-folder", "y", at: .wholeFile("rules/ação %.yaml")),
            ], unreadable: false)
        let text = SarifRenderer(paths: fixedPaths).render(report)
        #expect(text.contains("\"uri\": \"file:///elsewhere/a%20b%231.yaml\""))
        #expect(text.contains("\"uri\": \"rules/a%C3%A7%C3%A3o%20%25.yaml\""))
        #expect(try JSONSchemaCheck(path: Self.schemaPath).validate(try sarifObject(report)).isEmpty)
    }

    @Test func sarifOfTheBrokenPackMatchesItsGoldenFile() throws {
        try expectGolden(SarifRenderer(paths: fixedPaths).render(lintFixture("broken")), "broken.sarif")
    }

    @Test func everyFormatIsByteForByteTheSameAcrossRuns() {
        for format in ReportFormat.allCases {
            let context = ReportContext(paths: fixedPaths, command: "lint")
            let a = format.render(lintFixture("broken"), context: context)
            let b = format.render(lintFixture("broken"), context: context)
            #expect(a == b, "\(format)")
        }
    }
}

/// Fails the test when `sarif` does not validate against the SARIF 2.1.0 schema.
func expectValidSarif(_ sarif: String, sourceLocation: SourceLocation_ = #_sourceLocation) throws {
    let validator = try JSONSchemaCheck(path: SarifTests.schemaPath)
    let violations = validator.validate(try JSONSerialization.jsonObject(with: Data(sarif.utf8)))
    #expect(violations.isEmpty, "\(violations.prefix(20))", sourceLocation: sourceLocation)
}

/// What code scanning reads besides results: rule help links, the tool's home, whether the run
/// read all its input, links from messages to related places, and text that cannot act.
@Suite struct SarifRunTests {
    func run(_ text: String) throws -> [String: Any] {
        let log = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        return try #require((log["runs"] as? [[String: Any]])?.first)
    }

    @Test func everyCatalogRuleLinksToItsSectionOfTheFindingsDoc() throws {
        let run = try run(SarifRenderer(paths: fixedPaths).render(FindingsReport(findings: [], unreadable: false)))
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["informationUri"] as? String == SarifRenderer.defaultInformationURI)
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.count == FindingCatalog.all.count)
        let doc = try String(contentsOfFile: packageRoot + "/docs/findings.md", encoding: .utf8)
        for rule in rules {
            let code = try #require(rule["id"] as? String)
            let uri = try #require(rule["helpUri"] as? String)
            #expect(uri == "\(SarifRenderer.defaultInformationURI)/blob/v\(PrereqVersion.current)/docs/findings.md#\(code)")
            // The anchor is a heading of the doc (GitHub makes `## code` into `#code`).
            #expect(doc.contains("\n## \(code)\n"))
        }
    }

    @Test func informationUriComesFromTheConfig() throws {
        let config = ProjectConfig.parse("informationUri: https://git.example.com/tools/prereq/\n", file: ".prereq.yml", workingDirectory: "/repo")
        #expect(config.diagnostics.isEmpty)
        let gate = ReportGate(config: config, command: "lint", format: .sarif, failOn: nil, baseline: nil)
        let text = ReportFormat.sarif.render(FindingsReport(findings: [], unreadable: false), context: gate.context)
        let driver = try #require((try run(text)["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["informationUri"] as? String == "https://git.example.com/tools/prereq")
        let first = try #require((driver["rules"] as? [[String: Any]])?.first)
        #expect((first["helpUri"] as? String)?.hasPrefix("https://git.example.com/tools/prereq/blob/v") == true)
    }

    @Test func invocationSaysWhetherEveryInputCouldBeRead() throws {
        let clean = try run(SarifRenderer(paths: fixedPaths).render(FindingsReport(findings: [], unreadable: false)))
        let ok = try #require((clean["invocations"] as? [[String: Any]])?.first)
        #expect(ok["executionSuccessful"] as? Bool == true)
        #expect(ok["toolExecutionNotifications"] == nil)
        let missing = Diagnostic.error("io-error", "no such file: rules/gone.yaml", at: .wholeFile("rules/gone.yaml"))
        let lint = Diagnostic.warning("unused-job", "job x", at: .init(file: "rules/a.yaml", line: 1, column: 1))
        let text = SarifRenderer(paths: fixedPaths).render(FindingsReport(findings: [missing, lint], unreadable: true))
        try expectValidSarif(text)
        let failed = try #require((try run(text)["invocations"] as? [[String: Any]])?.first)
        #expect(failed["executionSuccessful"] as? Bool == false)
        let notes = try #require(failed["toolExecutionNotifications"] as? [[String: Any]])
        #expect(notes.count == 1)
        #expect((notes[0]["descriptor"] as? [String: Any])?["id"] as? String == "io-error")
        #expect((notes[0]["message"] as? [String: Any])?["text"] as? String == "no such file: rules/gone.yaml")
    }

    @Test func suppressedAndReportedCopiesOfAFindingKeepDistinctFingerprints() throws {
        let d = Diagnostic.warning("unused-job", "job a", at: .init(file: "p.yaml", line: 1, column: 1))
        var report = FindingsReport(findings: [d], unreadable: false)
        report.suppressed = [SuppressedFinding(finding: d, justification: "why", comment: .init(file: "p.yaml", line: 1, column: 9))]
        let results = try #require(try run(SarifRenderer(paths: fixedPaths).render(report))["results"] as? [[String: Any]])
        let prints = results.compactMap { ($0["partialFingerprints"] as? [String: Any])?[SarifRenderer.fingerprintKey] as? String }
        #expect(prints.count == 2 && Set(prints).count == 2)
    }

    @Test func messageLinksToEachRelatedLocationById() throws {
        let d = Diagnostic.error(
            "duplicate-id", "feature \"a\" is defined twice", at: .init(file: "rules/b.yaml", line: 4, column: 3),
            related: [RelatedLocation(.init(file: "rules/a.yaml", line: 2, column: 3), "first defined here")])
        let text = SarifRenderer(paths: fixedPaths).render(FindingsReport(findings: [d], unreadable: false))
        try expectValidSarif(text)
        let result = try #require((try run(text)["results"] as? [[String: Any]])?.first)
        #expect((result["message"] as? [String: Any])?["text"] as? String == "feature \"a\" is defined twice ([first defined here](1))")
        let related = try #require(result["relatedLocations"] as? [[String: Any]])
        #expect(related.map { $0["id"] as? Int } == [1])
    }

    @Test func inputCannotFormLinksOrPlaceholdersOrHideText() throws {
        #expect(SarifRenderer.escapedText("see [docs](https://evil.example) {0}") == "see \\[docs\\](https://evil.example) {{0}}")
        #expect(SarifRenderer.escapedText("a\\[b]") == "a\\\\\\[b\\]")
        #expect(SarifRenderer.escapedText("admin\u{202E}nimda\u{200B}") == "admin\\\\u{{202E}}nimda\\\\u{{200B}}")
        let d = Diagnostic.error(
            "unknown-reference", "feature [x](1) refers to y", at: .init(file: "rules/a.yaml", line: 1, column: 1),
            related: [RelatedLocation(.init(file: "rules/a.yaml", line: 2, column: 1), "[click](2)")])
        let result = try #require((try run(SarifRenderer(paths: fixedPaths).render(FindingsReport(findings: [d], unreadable: false)))["results"]
            as? [[String: Any]])?.first)
        #expect((result["message"] as? [String: Any])?["text"] as? String == "feature \\[x\\](1) refers to y ([\\[click\\](2)](1))")
    }
}

@Suite struct FindingsDocTests {
    /// docs/findings.md is the catalog as Markdown; `PREREQ_RECORD=1` writes it again.
    @Test func findingsDocIsUpToDateWithTheCatalog() throws {
        let path = packageRoot + "/docs/findings.md"
        let expected = FindingCatalog.markdownReference()
        if ProcessInfo.processInfo.environment["PREREQ_RECORD"] == "1" {
            try Data(expected.utf8).write(to: URL(fileURLWithPath: path))
        }
        let actual = try String(contentsOfFile: path, encoding: .utf8)
        #expect(actual == expected, "docs/findings.md is out of date: run PREREQ_RECORD=1 swift test --filter FindingsDocTests")
    }
}
