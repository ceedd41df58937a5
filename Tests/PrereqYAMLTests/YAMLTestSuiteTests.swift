import Diagnostics
import Foundation
import PrereqYAML
import Testing

/// Runs every case of the YAML Test Suite (inputs and `error` markers, kept in
/// `Tests/Data/yaml-test-suite`, see its README) through `YAMLLoader`.
///
/// A case agrees when the loader rejects it (`hasErrors`) exactly when the suite marks it as an
/// error. The cases where Prereq knowingly disagrees, mostly because libyaml implements YAML 1.1,
/// are listed with a reason in `Fixtures/yaml-test-suite-deviations.txt`. The test fails on any
/// disagreement missing from that list and on any listed case that no longer disagrees.
@Suite struct YAMLTestSuiteTests {
    struct Case {
        var id: String
        var path: String
        var mustFail: Bool
    }

    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // PrereqYAMLTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()

    static var suiteFolder: URL {
        if let override = ProcessInfo.processInfo.environment["PREREQ_YAML_TEST_SUITE"] {
            return URL(fileURLWithPath: override)
        }
        return packageRoot.appendingPathComponent("Tests/Data/yaml-test-suite")
    }

    static let deviationsFile = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/yaml-test-suite-deviations.txt")

    static func cases() throws -> [Case] {
        let folder = suiteFolder
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        return names.sorted().compactMap { name -> Case? in
            let input = folder.appendingPathComponent(name).appendingPathComponent("in.yaml").path
            guard FileManager.default.fileExists(atPath: input) else { return nil }
            let marker = folder.appendingPathComponent(name).appendingPathComponent("error").path
            return Case(id: name, path: input, mustFail: FileManager.default.fileExists(atPath: marker))
        }
    }

    /// Case id to reason, from the fixture: one `ID  reason` per line; `#` starts a comment line.
    static func deviations() throws -> [String: String] {
        let text = try String(contentsOf: deviationsFile, encoding: .utf8)
        var result: [String: String] = [:]
        for line in text.split(separator: "\n") {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let parts = trimmed.split(separator: " ", maxSplits: 1)
            let id = String(parts[0])
            let reason = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : ""
            #expect(!reason.isEmpty, "deviation \(id) has no reason")
            #expect(result[id] == nil, "deviation \(id) is listed twice")
            result[id] = reason
        }
        return result
    }

    @Test func suiteIsPresentAndComplete() throws {
        let all = try Self.cases()
        #expect(all.count == 402, "expected the 402 cases of data-2022-01-17 in \(Self.suiteFolder.path)")
        #expect(all.filter(\.mustFail).count == 94)
    }

    @Test func loaderAgreesWithTheSuiteExceptForListedDeviations() throws {
        let all = try Self.cases()
        try #require(!all.isEmpty, "no YAML Test Suite cases in \(Self.suiteFolder.path)")
        let listed = try Self.deviations()
        let loader = YAMLLoader()

        var disagreements: [String: String] = [:]
        var agreements = 0
        for testCase in all {
            let file = loader.load(path: testCase.path)
            let rejected = file.hasErrors
            if rejected {
                #expect(file.documents.isEmpty, "\(testCase.id): rejected but kept documents")
                for d in file.diagnostics where d.severity == .error {
                    let line = d.location?.line ?? 0, column = d.location?.column ?? 0
                    #expect(
                        line >= 1 && column >= 1,
                        "\(testCase.id): \(d.code) has no line and column: \(d.message)")
                }
            }
            if rejected == testCase.mustFail {
                agreements += 1
            } else if rejected {
                let first = file.diagnostics.first { $0.severity == .error }
                disagreements[testCase.id] =
                    "valid, rejected: \(first.map { "\($0.code) at \($0.location?.line ?? 0):\($0.location?.column ?? 0): \($0.message)" } ?? "?")"
            } else {
                disagreements[testCase.id] = "invalid, accepted"
            }
        }

        print("yaml-test-suite: YAMLLoader agrees on \(agreements) of \(all.count) cases; \(listed.count) listed deviations")

        let unlisted = disagreements.keys.filter { listed[$0] == nil }.sorted()
        #expect(
            unlisted.isEmpty,
            "disagreements not in the deviations list:\n\(unlisted.map { "\($0)  \(disagreements[$0]!)" }.joined(separator: "\n"))"
        )
        let stale = listed.keys.filter { disagreements[$0] == nil }.sorted()
        #expect(stale.isEmpty, "listed deviations the loader now gets right (remove them): \(stale)")
        let unknown = listed.keys.filter { id in !all.contains { $0.id == id } }.sorted()
        #expect(unknown.isEmpty, "listed deviations that are not suite cases: \(unknown)")
        #expect(agreements + disagreements.count == all.count)
    }
}
