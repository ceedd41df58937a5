import Foundation
import PrereqYAML

/// Paths of the package, found from this file's place (Tests/SchemaTests/…).
enum Package {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    static func path(_ relative: String) -> String { root + "/" + relative }

    static let rulesSchema = path("schemas/prereq-rules.schema.json")
    static let snapshotSchema = path("schemas/prereq-snapshot.schema.json")
    static let packTestSchema = path("schemas/prereq-test.schema.json")

    /// Every shipped YAML file under `rules/` and `examples/`, relative to the root and sorted.
    /// Hidden files and folders are skipped (as the rule loader does), and so is any folder
    /// named `invalid`: examples of bad input live there and are meant to fail.
    static func shippedYAMLFiles() -> [String] {
        var out: [String] = []
        let fm = FileManager.default
        for top in ["rules", "examples"] {
            guard let e = fm.enumerator(atPath: path(top)) else { continue }
            while let relative = e.nextObject() as? String {
                let name = (relative as NSString).lastPathComponent
                if name.hasPrefix(".") || name == "invalid" {
                    e.skipDescendants()
                    continue
                }
                if name.hasSuffix(".yaml") || name.hasSuffix(".yml") { out.append(top + "/" + relative) }
            }
        }
        return out.sorted()
    }
}

/// Which schema a document answers to.
enum DocumentSchema: String, Sendable {
    case rules, snapshot
    /// A pack test file (`prereqTest: 1`).
    case packTest
}

/// Validators are built once per test from the shipped schema files.
struct Schemas {
    let rules: JSONSchemaValidator
    let snapshot: JSONSchemaValidator
    let packTest: JSONSchemaValidator

    init() throws {
        rules = try JSONSchemaValidator(path: Package.rulesSchema)
        snapshot = try JSONSchemaValidator(path: Package.snapshotSchema)
        packTest = try JSONSchemaValidator(path: Package.packTestSchema)
    }

    func validator(for kind: DocumentSchema) -> JSONSchemaValidator {
        switch kind {
        case .rules: rules
        case .snapshot: snapshot
        case .packTest: packTest
        }
    }
}

/// The schema a document is checked against: a top-level `prereqTest:` key makes a pack test
/// file; a `snapshot:` key a snapshot; a `prereq:` key (or a place under `rules/`) a rule
/// document; anything else in `examples/` (a CI workflow, a config file) is not a Prereq
/// document and gets nil.
func schemaKind(of document: YAMLDocument, inRulesFolder: Bool) -> DocumentSchema? {
    let root = document.root.resolved
    let keys = root.kind == .mapping ? root.entries.compactMap { $0.key.resolved.scalarText } : []
    if keys.contains("prereqTest") { return .packTest }
    if keys.contains("snapshot") { return .snapshot }
    if keys.contains("prereq") || inRulesFolder { return .rules }
    return nil
}

/// Loads YAML text from memory and returns its documents as JSON instances (failing the
/// caller's expectation through the returned diagnostics when the YAML itself is bad).
func instances(ofYAML text: String, file: String = "inline.yaml") -> (documents: [JSONInstance], errors: [String]) {
    let loaded = YAMLLoader().load(bytes: Array(text.utf8), file: file)
    let errors = loaded.diagnostics.filter { $0.severity == .error }.map { "\($0.code): \($0.message)" }
    return (loaded.documents.map { JSONInstance($0.root) }, errors)
}
