import Foundation
import Testing

/// docs/library.md's example is this target's `whyCannotEnable`, and it answers as `prereq why` does.
@Suite struct LibraryExampleTests {
    @Test func theExampleAnswersWhyForTheShippedPack() {
        let text = whyCannotEnable(
            "async-customer-editing", rulePaths: [packageRoot + "/rules"],
            snapshotPath: packageRoot + "/examples/snapshots/blocked-prerequisite.yaml")
        #expect(text.hasPrefix("0 lint warnings\n"))
        #expect(text.contains("cannot be switched on yet"))
        #expect(text.contains("What to do:\n  1. Switch on"))
    }

    @Test func theExampleSaysWhatIsWrongWithABrokenPack() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("library-example-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let pack = folder.appendingPathComponent("pack.yaml").path
        try "prereq: 1\nfeatures:\n  a: {requires: [b]}\n".write(toFile: pack, atomically: true, encoding: .utf8)
        let text = whyCannotEnable("a", rulePaths: [pack], snapshotPath: pack)
        #expect(text.contains("error[unknown-reference]"))
    }

    @Test func theDocumentationShowsTheCompiledExample() throws {
        let source = try String(contentsOfFile: packageRoot + "/Tests/PrereqCoreTests/LibraryExample.swift", encoding: .utf8)
        let page = try String(contentsOfFile: packageRoot + "/docs/library.md", encoding: .utf8)
        let example = try #require(source.components(separatedBy: "// example:begin\n").last?.components(separatedBy: "// example:end").first)
        #expect(page.contains("```swift\nimport PrereqCore\n\n" + example + "```"))
    }
}
