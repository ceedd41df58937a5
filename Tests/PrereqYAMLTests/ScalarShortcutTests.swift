import PrereqYAML
import Testing

/// `isNull` and `isBool` answer from the raw bytes when a scalar has no tag; they must agree
/// with the full core-schema reading (`value`) on every kind of scalar.
@Suite struct ScalarShortcutTests {
    static let samples = [
        "~", "null", "Null", "NULL", "nULL", "''", "\"\"", "'null'", "\"~\"", "!!null ''", "!!null null", "!!str null",
        "true", "True", "TRUE", "tRUE", "false", "False", "FALSE", "'true'", "\"false\"", "!!bool true", "!!str true",
        "yes", "on", "truex", "fals", "0", "1.5", "word", "a-much-longer-identifier-0", "*ref",
    ]

    @Test(arguments: samples) func shortcutsAgreeWithTheCoreSchema(_ sample: String) throws {
        let file = loadYAML("anchor: &ref true\nvalue: \(sample)\n")
        let root = try #require(file.documents.first?.root)
        let node = try #require(root.entries.last?.value)
        let value = node.resolved.value
        var null = false, bool = false
        if case .null? = value { null = true }
        if case .bool? = value { bool = true }
        #expect(node.isNull == null, "isNull of \(sample)")
        #expect(node.isBool == bool, "isBool of \(sample)")
    }

    @Test func emptyValueIsNullAndCollectionsAreNeither() throws {
        let root = try #require(loadYAML("a:\nb: [x]\nc: {d: e}\n").documents.first?.root)
        let values = root.entries.map(\.value)
        #expect(values.map(\.isNull) == [true, false, false])
        #expect(values.map(\.isBool) == [false, false, false])
    }
}
