import Foundation
import PrereqYAML
import Testing

/// Every rule file and snapshot shipped in the repository matches the published JSON Schemas,
/// as Prereq's own YAML loader reads it.
@Suite struct ShippedFilesTests {
    @Test func shippedFilesAreFound() {
        let files = Package.shippedYAMLFiles()
        #expect(files.contains("rules/async-customer-mode.yaml"), "found: \(files)")
    }

    @Test(arguments: Package.shippedYAMLFiles())
    func shippedFileMatchesItsSchema(_ file: String) throws {
        let schemas = try Schemas()
        let loaded = YAMLLoader().load(path: Package.path(file))
        for d in loaded.diagnostics where d.severity == .error {
            Issue.record("\(file): YAML error \(d.code): \(d.message)")
        }
        var checked = 0
        for document in loaded.documents {
            guard let kind = schemaKind(of: document, inRulesFolder: file.hasPrefix("rules/")) else { continue }
            checked += 1
            for v in schemas.validator(for: kind).validate(JSONInstance(document.root)) {
                Issue.record("\(file):\(v.line):\(v.column): [\(kind.rawValue) schema] \(v.path): \(v.message)")
            }
            // A case's snapshot written in place is a snapshot document of its own.
            for snapshot in kind == .packTest ? inlineSnapshots(of: document) : [] {
                for v in schemas.snapshot.validate(JSONInstance(snapshot)) {
                    Issue.record("\(file):\(v.line):\(v.column): [snapshot schema] \(v.path): \(v.message)")
                }
            }
        }
        if file.hasPrefix("rules/") && !file.hasPrefix("rules/tests/") {
            #expect(checked > 0, "\(file) holds no rule document")
        }
    }

    /// The shipped pack's tests are found (and so checked above).
    @Test func shippedPackTestsAreFound() {
        #expect(Package.shippedYAMLFiles().filter { $0.hasPrefix("rules/tests/") }.count == 3)
    }

    /// The `snapshot:` mappings of a pack test file's cases.
    func inlineSnapshots(of document: YAMLDocument) -> [YAMLNode] {
        let root = document.root.resolved
        guard root.kind == .mapping, let cases = root.entries.first(where: { $0.key.scalarText == "cases" })?.value.resolved, cases.kind == .sequence
        else { return [] }
        return cases.elements.compactMap { c in
            let c = c.resolved
            guard c.kind == .mapping, let s = c.entries.first(where: { $0.key.scalarText == "snapshot" })?.value.resolved, s.kind == .mapping else { return nil }
            return s
        }
    }

    @Test func bothSchemasLoadAndUseOnlySupportedKeywords() throws {
        // JSONSchemaValidator refuses a schema with a keyword it does not implement, so a schema
        // edit can never make this check pass by being ignored.
        _ = try Schemas()
    }

    @Test func shippedPackIsFullyTranslated() throws {
        // The pack promises en and pt-BR: every name, note, title and question text has both.
        let loaded = YAMLLoader().load(path: Package.path("rules/async-customer-mode.yaml"))
        let root = try #require(loaded.documents.first).root
        var missing: [String] = []
        func walk(_ node: YAMLNode, _ path: String) {
            let n = node.resolved
            switch n.kind {
            case .mapping:
                for (k, v) in n.entries {
                    let key = k.resolved.scalarText ?? ""
                    let childPath = path.isEmpty ? key : "\(path).\(key)"
                    if ["name", "note", "title", "text", "whereToFind"].contains(key) {
                        let value = v.resolved
                        let languages = value.kind == .mapping ? value.entries.compactMap { $0.key.resolved.scalarText } : []
                        if !(languages.contains("en") && languages.contains("pt-BR")) { missing.append(childPath) }
                    } else {
                        walk(v, childPath)
                    }
                }
            case .sequence:
                for (i, e) in n.elements.enumerated() { walk(e, "\(path)[\(i)]") }
            default:
                break
            }
        }
        walk(root, "")
        #expect(missing.isEmpty, "texts without both en and pt-BR: \(missing)")
    }
}
