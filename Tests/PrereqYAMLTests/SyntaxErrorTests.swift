import Diagnostics
import PrereqYAML
import Testing

@Suite struct SyntaxErrorTests {
    @Test func misindentedMappingValueIsASyntaxErrorAtTheColon() throws {
        let file = loadYAML("key: value\n  bad: indent\n")
        #expect(file.codes == ["yaml-syntax"])
        #expect(file.position(of: "yaml-syntax") == "2:6")
        #expect(file.documents.isEmpty)
        let d = try #require(file.diagnostics.first)
        #expect(d.severity == .error)
        #expect(d.location?.file == "test.yaml")
        #expect(d.message.contains("mapping values are not allowed"))
    }

    @Test func unclosedFlowSequenceNamesWhereItStarted() throws {
        let file = loadYAML("a: 1\nlist: [1, 2\nb: 3\n")
        #expect(file.codes == ["yaml-syntax"])
        let d = try #require(file.diagnostics.first)
        // The problem is found on line 3; the flow sequence opened at 2:7 is the context.
        #expect(d.location?.line == 3)
        #expect(d.related.first?.location.line == 2)
        #expect(d.related.first?.location.column == 7)
    }

    @Test func tabIndentationIsASyntaxErrorAtTheTab() {
        let file = loadYAML("a:\n\tb: 1\n")
        #expect(file.codes == ["yaml-syntax"])
        #expect(file.position(of: "yaml-syntax") == "2:1")
    }

    @Test func unterminatedQuotedScalarPointsAtTheEndOfTheStream() throws {
        let file = loadYAML("a: 1\nb: 'open\n")
        #expect(file.codes == ["yaml-syntax"])
        let d = try #require(file.diagnostics.first)
        #expect(d.location?.line == 3 && d.location?.column == 1)
        #expect(d.related.first.map { "\($0.location.line):\($0.location.column)" } == "2:4")
    }

    @Test func columnsCountCodePointsNotBytes() {
        // "é" is two bytes in UTF-8 but one column; the second ":" sits at column 5 (byte 6).
        let file = loadYAML("k: v\né: x: y\n")
        #expect(file.codes == ["yaml-syntax"])
        #expect(file.position(of: "yaml-syntax") == "2:5")
    }
}
