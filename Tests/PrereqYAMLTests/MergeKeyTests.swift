import Diagnostics
import PrereqYAML
import Testing

/// Merge keys (`<<`) are a YAML 1.1 extension, not part of YAML 1.2. Prereq refuses them
/// rather than silently treating `<<` as an ordinary key.
@Suite struct MergeKeyTests {
    @Test func mergeKeyIsAnError() throws {
        let file = loadYAML("base: &b {x: 1}\nderived:\n  <<: *b\n  y: 2\n")
        #expect(file.codes == ["yaml-merge-key"])
        #expect(file.position(of: "yaml-merge-key") == "3:3")
        #expect(file.documents.isEmpty)
        #expect(try #require(file.diagnostics.first).severity == .error)
    }

    @Test func mergeKeyWithAListOfAliasesIsAnError() {
        let file = loadYAML("a: &a {x: 1}\nb: &b {y: 2}\nc: {<<: [*a, *b], z: 3}\n")
        #expect(file.codes == ["yaml-merge-key"])
        #expect(file.position(of: "yaml-merge-key") == "3:5")
    }

    @Test func quotedLessThanLessThanIsAnOrdinaryKey() throws {
        let file = loadYAML("'<<': literal\n")
        #expect(file.diagnostics.isEmpty)
        #expect(file.documents.first?.root.entries.first?.key.scalarText == "<<")
    }
}
