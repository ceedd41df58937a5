import Foundation
import PrereqYAML
import Testing

/// The YAML examples of docs/rule-language.md match the schemas, so the reference cannot drift
/// from the formats it describes. Whole documents are checked (a block whose top-level keys are
/// rule-file keys gets `prereq: 1` when it leaves it out); fragments of a feature or job are not.
@Suite struct DocsExamplesTests {
    static let ruleKeys: Set<String> = ["prereq", "pack", "features", "settings", "jobs", "records", "questions", "attributes", "manualSteps", "components", "releases"]

    /// The fenced ```yaml blocks of a Markdown file, with the line each starts on.
    static func yamlBlocks(in path: String) throws -> [(line: Int, text: String)] {
        let lines = try String(contentsOfFile: path, encoding: .utf8).components(separatedBy: "\n")
        var blocks: [(Int, String)] = []
        var current: [String]?
        var start = 0
        for (i, line) in lines.enumerated() {
            if current == nil, line.trimmingCharacters(in: .whitespaces) == "```yaml" {
                current = []
                start = i + 2
            } else if current != nil, line.trimmingCharacters(in: .whitespaces) == "```" {
                blocks.append((start, current!.joined(separator: "\n")))
                current = nil
            } else {
                current?.append(line)
            }
        }
        return blocks
    }

    @Test func referenceExamplesMatchTheSchemas() throws {
        let schemas = try Schemas()
        let blocks = try Self.yamlBlocks(in: Package.path("docs/rule-language.md"))
        var checked: [String] = []
        for (line, text) in blocks {
            let loaded = YAMLLoader().load(bytes: Array(text.utf8), file: "docs/rule-language.md:\(line)")
            for d in loaded.diagnostics where d.severity == .error {
                Issue.record("docs/rule-language.md block at line \(line): YAML error \(d.code): \(d.message)")
            }
            guard let document = loaded.documents.first else { continue }
            let root = document.root.resolved
            let keys = Set(root.kind == .mapping ? root.entries.compactMap { $0.key.resolved.scalarText } : [])
            var instance: JSONInstance
            let validator: JSONSchemaValidator
            if keys.contains("snapshot") {
                validator = schemas.snapshot
                instance = JSONInstance(document.root)
            } else if !keys.isEmpty, keys.isSubset(of: Self.ruleKeys) {
                validator = schemas.rules
                let whole = keys.contains("prereq") ? text : "prereq: 1\n" + text
                let reloaded = YAMLLoader().load(bytes: Array(whole.utf8), file: "docs")
                instance = JSONInstance(try #require(reloaded.documents.first).root)
            } else {
                continue
            }
            checked.append("\(line)")
            for v in validator.validate(instance) {
                Issue.record("docs/rule-language.md block at line \(line): \(v.path): \(v.message)")
            }
        }
        // The pack, features, settings, jobs, records, questions and snapshot examples at least.
        #expect(checked.count >= 7, "checked blocks at lines \(checked)")
    }
}
