import Foundation
import PrereqCore
import Testing

/// `prereq test --format json`, produced by the library as the command produces it, matches
/// schemas/prereq-test-output.schema.json: for the shipped pack's passing cases, a fixture with a
/// failing case (every kind of difference), and cases that cannot run.
@Suite struct PackTestOutputSchemaTests {
    static let fixtures = Package.path("Tests/PrereqCoreTests/Fixtures/pack-tests")

    static func json(tests: [String], rules: String) throws -> String {
        let loaded = PackTestRun.load(paths: tests, language: .english)
        try #require(loaded.usable, "\(loaded.diagnostics.map(\.message))")
        let rules = LoadedRules.load(paths: [rules])
        try #require(rules.usable)
        return PackTestRenderer(language: .english).json(PackTestRun.run(loaded.cases, rules: rules, language: .english))
    }

    @Test func theShippedPacksRunIsValid() throws {
        let json = try Self.json(tests: [Package.path("rules/tests")], rules: Package.path("rules"))
        #expect(json.hasPrefix("{\n  \"formatVersion\": 1,"))
        #expect(!json.contains("\"status\": \"failed\""))
        try OutputSchemas.expectValid(json, against: "test")
    }

    @Test func aFailingCaseIsValid() throws {
        let json = try Self.json(tests: [Self.fixtures + "/mini/tests"], rules: Self.fixtures + "/mini")
        for part in ["\"status\": \"failed\"", "\"field\": \"verdict\"", "\"field\": \"rootCauses\"", "\"match\": \"contains\""] {
            #expect(json.contains(part), "\(part) missing in \(json)")
        }
        try OutputSchemas.expectValid(json, against: "test")
    }

    @Test func everyKindOfDifferenceIsValid() throws {
        // The shipped cases with every expectation turned around: verdicts, channels, steps and findings differ.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("prereq-pack-test-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let snapshot = Package.path("examples/snapshots/not-in-effect-one-channel.yaml")
        let cases = """
            prereqTest: 1
            cases:
              - name: everything differs
                snapshot: \(snapshot)
                expect:
                  why:
                    async-customer-editing:
                      verdict: blocked
                      rootCauses: [feature-off async-customer-address-creation]
                      plan: {contains: [enable async-customer-editing]}
                      channels: {store-001: blocked}
                  plan:
                    features: [async-customer-editing, enhanced-async-customer-creation]
                    steps: []
                  check:
                    findings: [{code: job-order, severity: error}]
              - name: cannot run
                snapshot: \(folder)/missing.yaml
                expect: {check: {findings: []}}
            """
        try Data(cases.utf8).write(to: URL(fileURLWithPath: folder + "/cases.yaml"))
        let json = try Self.json(tests: [folder], rules: Package.path("rules"))
        for part in ["\"field\": \"channels\"", "\"field\": \"steps\"", "\"field\": \"findings\"", "\"status\": \"error\"", "\"severity\": \"error\""] {
            #expect(json.contains(part), "\(part) missing in \(json)")
        }
        try OutputSchemas.expectValid(json, against: "test")
    }
}

/// The case file schema (schemas/prereq-test.schema.json) for editors refuses what `prereq test`
/// refuses, and reads the forms it reads.
@Suite struct PackTestFileSchemaTests {
    func violations(_ yaml: String) throws -> [String] {
        let (documents, errors) = instances(ofYAML: yaml)
        try #require(errors.isEmpty && documents.count == 1, "\(errors)")
        return try JSONSchemaValidator(path: Package.packTestSchema).validate(documents[0]).map(\.message)
    }

    @Test func theFormsOfTheFormatAreValid() throws {
        let yaml = """
            prereqTest: 1
            cases:
              - name: every form
                snapshot: {prereq: 1, snapshot: {environment: e, takenAt: 2026-11-20T10:00:00Z}}
                assume: job 1070 ran
                expect:
                  why:
                    f: {verdict: blocked, rootCauses: [feature-off g], plan: {contains: [enable g, {action: run-job, subject: j, channels: s1}]}, channels: {s1: blocked}}
                  plan: {features: f, steps: []}
                  check: {findings: [job-order, {code: settling, severity: note}]}
            """
        #expect(try violations(yaml).isEmpty)
    }

    @Test func unknownKeysAndValuesAreRefused() throws {
        #expect(try !violations("prereqTest: 1\ncases: [{name: x, snapshot: s.yaml, expect: {why: {f: {rootCause: []}}}}]\n").isEmpty)
        #expect(try !violations("prereqTest: 1\ncases: [{name: x, snapshot: s.yaml, expect: {why: {f: {verdict: blockd}}}}]\n").isEmpty)
        #expect(try !violations("prereqTest: 1\ncases: [{name: x, snapshot: s.yaml, expect: {why: {f: {plan: [enabel g]}}}}]\n").isEmpty)
        #expect(try !violations("prereqTest: 2\ncases: []\n").isEmpty)
        #expect(try !violations("prereqTest: 1\ncases: [{name: x, snapshot: s.yaml}]\n").isEmpty)
    }
}
