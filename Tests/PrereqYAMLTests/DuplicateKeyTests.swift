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

@Suite struct DuplicateKeyEquivalenceTests {
    @Test func keysEqualUnderTheCoreSchemaAreDuplicates() {
        // 0x1 and 1 are the same int; ~ and null are both null.
        #expect(loadYAML("1: a\n0x1: b\n").codes == ["yaml-duplicate-key"])
        #expect(loadYAML("~: a\nnull: b\n").codes == ["yaml-duplicate-key"])
        #expect(loadYAML("true: a\nTrue: b\n").codes == ["yaml-duplicate-key"])
    }

    @Test func duplicateKeysInFlowAndNestedMappingsAreFound() {
        let file = loadYAML("outer:\n  inner: {k: 1, k: 2}\n")
        #expect(file.codes == ["yaml-duplicate-key"])
        #expect(file.position(of: "yaml-duplicate-key") == "2:17")
    }

    @Test func sameKeyInSiblingMappingsIsNotADuplicate() {
        let file = loadYAML("a: {k: 1}\nb: {k: 2}\n")
        #expect(file.diagnostics.isEmpty)
    }

    @Test func emptyKeysAreDuplicates() {
        // yaml-test-suite 2JQS: two empty keys; valid at the event level, but the same key twice.
        let file = loadYAML(": a\n: b\n")
        #expect(file.hasErrors)
    }

    @Test func aliasKeyEqualToAnotherKeyIsADuplicate() {
        let file = loadYAML("&k key: 1\n*k : 2\n")
        #expect(file.codes == ["yaml-duplicate-key"])
        #expect(file.position(of: "yaml-duplicate-key") == "2:1")
    }

    @Test func everyExtraRepeatIsReported() {
        let file = loadYAML("a: 1\na: 2\na: 3\n")
        #expect(file.codes == ["yaml-duplicate-key", "yaml-duplicate-key"])
        #expect(file.diagnostics.allSatisfy { $0.related.first?.location.line == 1 })
    }
}
