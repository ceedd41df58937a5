import Diagnostics
import PrereqYAML
import Testing

@Suite struct DuplicateKeyTests {
    @Test func duplicateKeyNamesBothLocations() throws {
        let file = YAMLLoader().load(bytes: Array("a: 1\nb: 2\na: 3\n".utf8), file: "dup.yaml")
        #expect(file.hasErrors)
        let d = try #require(file.diagnostics.first)
        #expect(d.code == "yaml-duplicate-key")
        #expect(d.location?.line == 3 && d.location?.column == 1)
        #expect(d.related.first?.location.line == 1)
        #expect(file.documents.isEmpty)
    }

    @Test func quotedAndPlainKeysWithTheSameTextAreDuplicates() {
        let file = YAMLLoader().load(bytes: Array("a: 1\n'a': 2\n".utf8), file: "dup.yaml")
        #expect(file.diagnostics.map(\.code) == ["yaml-duplicate-key"])
    }

    @Test func intAndStringKeysDiffer() {
        let file = YAMLLoader().load(bytes: Array("1: x\n'1': y\n".utf8), file: "keys.yaml")
        #expect(file.diagnostics.isEmpty)
        #expect(file.documents.count == 1)
    }
}
