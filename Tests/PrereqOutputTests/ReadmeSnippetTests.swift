import Diagnostics
import Foundation
import PrereqCore
import Testing

/// The README's "Writing a pack of your own" example is a pack a reader copies first: it must
/// lint clean exactly as printed.
@Suite struct ReadmeSnippetTests {
    /// The first fenced `yaml` block after the heading `heading` in README.md.
    static func yamlBlock(after heading: String) throws -> String {
        let readme = try String(contentsOfFile: packageRoot + "/README.md", encoding: .utf8)
        let section = try #require(readme.range(of: "\n## " + heading + "\n"), "README has no section \(heading)")
        let open = try #require(readme.range(of: "```yaml\n", range: section.upperBound..<readme.endIndex))
        let close = try #require(readme.range(of: "\n```", range: open.upperBound..<readme.endIndex))
        return String(readme[open.upperBound..<close.lowerBound]) + "\n"
    }

    @Test func writeYourOwnPackSnippetLintsClean() throws {
        let snippet = try Self.yamlBlock(after: "Writing a pack of your own")
        #expect(snippet.contains("features:"))
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = folder + "/pack.yaml"
        try Data(snippet.utf8).write(to: URL(fileURLWithPath: file))
        let report = LintRun.run(paths: [file])
        #expect(!report.unreadable)
        #expect(report.findings.isEmpty, "\(report.findings.map { "\($0.code): \($0.message)" })")
    }
}
