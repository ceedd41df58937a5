import Diagnostics
import Foundation
import PrereqCore
import Testing

/// The example configuration repository (examples/config-repo): its config is clean, and the
/// SARIF and JUnit of linting its pack and checking every example snapshot validate.
@Suite struct ExampleRepositoryTests {
    func config() -> ProjectConfig {
        ProjectConfig.load(path: "examples/config-repo/.prereq.yml", workingDirectory: packageRoot)
    }

    func absolute(_ path: String) -> String { packageRoot + "/" + path }

    @Test func exampleConfigIsCleanAndNamesThePackAndEverySnapshot() throws {
        let config = config()
        #expect(config.diagnostics.isEmpty, "\(config.diagnostics)")
        #expect(config.rulePaths() == ["rules"])
        let snapshots = config.snapshotFiles()
        let shipped = try FileManager.default.contentsOfDirectory(atPath: absolute("examples/snapshots"))
            .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".json") }.sorted().map { "examples/snapshots/" + $0 }
        #expect(!snapshots.isEmpty)
        #expect(snapshots == shipped)
    }

    func reports() -> [(String, FindingsReport)] {
        let config = config()
        let rulePaths = config.rulePaths().map(absolute)
        let lint = config.apply(to: relativized(LintRun.run(paths: rulePaths), inputs: RulePackLoader.files(in: rulePaths)))
        let rules = LoadedRules.load(paths: rulePaths)
        let snapshots = config.snapshotFiles().map(absolute)
        let check = config.apply(
            to: relativized(CheckRun.run(snapshots: snapshots, rules: rules, language: .english), inputs: snapshots))
        return [("lint", lint), ("check", check)]
    }

    @Test func sarifOfTheExampleValidates() throws {
        let validator = try JSONSchemaCheck(path: schemaFolder + "/sarif-2.1.0.json")
        for (command, report) in reports() {
            let text = SarifRenderer(paths: fixedPaths).render(report)
            let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
            let violations = validator.validate(object)
            #expect(violations.isEmpty, "\(command): \(violations.prefix(10))")
            if command == "check" {
                #expect(!report.findings.isEmpty)
                #expect(text.contains("\"uri\": \"examples/snapshots/"))
            }
        }
    }

    @Test func junitOfTheExampleValidates() throws {
        let xmllint = try #require(executableOnPath("xmllint"), "xmllint not found on PATH: install libxml2-utils (.ci/install-deps)")
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for (command, report) in reports() {
            let xml = JUnitRenderer(paths: fixedPaths, command: command).render(report)
            let file = folder + "/\(command).xml"
            try Data(xml.utf8).write(to: URL(fileURLWithPath: file))
            let result = try runProgram(xmllint, ["--noout", "--schema", schemaFolder + "/junit.xsd", file])
            #expect(result.status == 0, "\(command): \(result.stderr)")
            // One case per finding, plus one per file without findings.
            let clean = report.inputs.filter { input in !report.findings.contains { $0.location?.file == input } }
            #expect(xml.components(separatedBy: "<testcase ").count - 1 == max(1, report.findings.count + clean.count))
        }
    }

    @Test func githubAnnotationsOfTheExampleAreOneLinePerFinding() {
        for (_, report) in reports() {
            let lines = GitHubAnnotationsRenderer(paths: fixedPaths).render(report).split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines.count == report.findings.count + 1)
        }
    }
}
