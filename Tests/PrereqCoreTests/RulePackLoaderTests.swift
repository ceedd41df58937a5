import Diagnostics
import Foundation
import PrereqCore
import Testing

/// Packs of several files, read one file at a time.
@Suite struct RulePackLoaderTests {
    /// Writes `files` (name to text) into a new folder and loads it as a pack.
    static func loadFolder(_ files: [(String, String)]) throws -> RulePackLoader.Result {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("prereq-pack-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, text) in files { try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        return RulePackLoader().load(paths: [folder.path])
    }

    @Test func aDefaultLanguageDeclaredInALaterFileAppliesToEarlierFiles() throws {
        let result = try Self.loadFolder([
            ("a.yaml", "prereq: 1\nfeatures:\n  first: {name: Primeiro recurso}\n"),
            ("b.yaml", "prereq: 1\npack: {id: late, defaultLanguage: pt-BR}\nfeatures:\n  second: {name: Segundo recurso}\n"),
        ])
        #expect(result.diagnostics.filter { $0.severity == .error }.isEmpty, "\(result.diagnostics)")
        #expect(result.pack.features.map(\.id.value) == ["first", "second"])
        #expect(result.pack.features.allSatisfy { $0.name?.has("pt-BR") == true && $0.name?.has("en") == false })
    }

    @Test func aDefaultLanguageDeclaredAfterTheFeaturesAppliesToThem() throws {
        let text = "prereq: 1\nfeatures:\n  first: {name: Primeiro recurso}\npack: {id: late, defaultLanguage: pt-BR}\n"
        let result = try Self.loadFolder([("a.yaml", text)])
        #expect(result.diagnostics.filter { $0.severity == .error }.isEmpty, "\(result.diagnostics)")
        #expect(result.pack.features.first?.name?.has("pt-BR") == true)
        expectReadingInPiecesAgrees([("a.yaml", text)])
    }

    @Test func aSnapshotBesideTheRulesWhoseFeaturesComeFirstKeepsThem() throws {
        let snapshot = "features:\n  first: {enabled: true}\n  second: {enabled: false}\nprereq: 1\nsnapshot: {environment: test, takenAt: 2026-01-01T00:00:00Z}\n"
        let files = [("rules.yaml", "prereq: 1\nfeatures:\n  first: {}\n  second: {}\n"), ("snap.yaml", snapshot)]
        let result = try Self.loadFolder(files)
        let document = try #require(result.snapshotDocuments.first)
        let features = try #require(document.root.entries.first?.value)
        #expect(!features.isStreamed && features.count == 2)
        #expect(SnapshotDecoder.decode(document).0.features.map(\.name.value) == ["first", "second"])
        expectReadingInPiecesAgrees(files)
    }

    @Test func sectionsOfManyPiecesAgreeWithWholeTreesFindingsIncluded() {
        var text = "prereq: 1\nfeatures:\n"
        for i in 0..<5_000 { text += "  f\(i): {name: F\(i), requires: [f\(max(0, i - 1))]\(i % 2_500 == 7 ? ", colour: red" : "")}\n" }
        text += "settings:\n"
        for i in 0..<4_500 { text += "  s\(i): {name: S\(i)\(i == 4_499 ? ", scope: nowhere" : "")}\n" }
        expectReadingInPiecesAgrees([("big.yaml", text)])
        let (pack, diagnostics) = PrereqCoreTests.pack(text)
        #expect(pack.features.count == 5_000 && pack.settings.count == 4_500)
        #expect(diagnostics.filter { $0.code == "schema-unknown-key" }.count == 2)
    }

    @Test func filesMergeInOrderWithDuplicatesReportedAcrossFiles() throws {
        var files: [(String, String)] = []
        for f in 0..<4 {
            var text = "prereq: 1\nfeatures:\n"
            for i in 0..<50 { text += "  f\(f)-\(i): {name: Feature \(f) \(i)}\n" }
            if f == 3 { text += "  f0-7: {name: Again}\n" }
            files.append(("part-\(f).yaml", text))
        }
        let result = try Self.loadFolder(files)
        #expect(result.pack.features.count == 200)
        #expect(result.pack.features.first?.id.value == "f0-0")
        #expect(result.pack.features.last?.id.value == "f3-49")
        let duplicates = result.diagnostics.filter { $0.code == "duplicate-id" }
        #expect(duplicates.count == 1)
        #expect(duplicates.first?.location?.file.hasSuffix("part-3.yaml") == true)
        #expect(duplicates.first?.related.first?.location.file.hasSuffix("part-0.yaml") == true)
    }
}

/// A section of more definitions than one decoding piece holds.
@Suite struct BigSectionDecodingTests {
    @Test func definitionsAndFindingsComeInWrittenOrder() throws {
        var yaml = "prereq: 1\nfeatures:\n"
        for i in 0..<10_000 {
            switch i {
            case 4_500: yaml += "  f\(i): {name: F, colour: red}\n"
            case 7_000: yaml += "  f\(i): {name: F, minVersion: ten}\n"
            case 9_999: yaml += "  f\(i): {name: F, requires: [{oneOf: [f1]}]}\n"
            default: yaml += "  f\(i): {name: F\(i), requires: [f\(max(0, i - 1))]}\n"
            }
        }
        let (pack, diagnostics) = PrereqCoreTests.pack(yaml)
        #expect(pack.features.count == 10_000)
        #expect(pack.features.map(\.id.value) == (0..<10_000).map { "f\($0)" })
        #expect(diagnostics.map(\.code) == ["schema-unknown-key", "schema-value", "schema-unknown-key"])
        #expect(diagnostics.map { $0.location?.line ?? 0 } == [4_503, 7_003, 10_002])
        #expect(pack.features[9_998].requires?.featureReferences.map(\.value) == ["f9997"])
    }
}
