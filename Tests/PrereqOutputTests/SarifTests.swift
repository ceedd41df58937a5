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
