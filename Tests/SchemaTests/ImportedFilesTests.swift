import Foundation
import PrereqYAML
import Testing

/// What `prereq import` writes (the goldens under Tests/PrereqCoreTests/Fixtures/Import) matches
/// the published schemas, so an editor validates imported files like hand-written ones.
@Suite struct ImportedFilesTests {
    static func goldens() -> [String] {
        let top = "Tests/PrereqCoreTests/Fixtures/Import"
        guard let e = FileManager.default.enumerator(atPath: Package.path(top)) else { return [] }
        var out: [String] = []
        while let relative = e.nextObject() as? String {
            if relative.contains("/expected/") && relative.hasSuffix(".yaml") { out.append(top + "/" + relative) }
        }
        return out.sorted()
    }

    @Test func goldensAreFound() {
        #expect(Self.goldens().count >= 11)
    }

    @Test(arguments: goldens())
    func importedFileMatchesItsSchema(_ file: String) throws {
        let schemas = try Schemas()
        let loaded = YAMLLoader().load(path: Package.path(file))
        #expect(loaded.diagnostics.filter { $0.severity == .error }.isEmpty)
        for document in loaded.documents {
            let kind = try #require(schemaKind(of: document, inRulesFolder: false))
            for v in schemas.validator(for: kind).validate(JSONInstance(document.root)) {
                Issue.record("\(file):\(v.line):\(v.column): [\(kind.rawValue) schema] \(v.path): \(v.message)")
            }
        }
    }
}
