import Diagnostics
import PrereqYAML
import Testing

/// YAML 1.2 rules libyaml 0.2.5 does not enforce, checked by the loader (YAMLSpecChecks), and
/// the valid look-alikes that must still load.
@Suite struct SpecStrictnessTests {
    @Test func commentRightAfterAQuotedScalarIsAnError() {
        let file = loadYAML("key: \"value\"# comment\n")
        #expect(file.codes == ["yaml-syntax"])
        #expect(file.position(of: "yaml-syntax") == "1:13")
        #expect(file.documents.isEmpty)
    }

    @Test func commentRightAfterAFlowCollectionOrCommaIsAnError() {
        #expect(loadYAML("[a, b]#c\n").position(of: "yaml-syntax") == "1:7")
        #expect(loadYAML("k: [a, b,#c\n  ]\n").position(of: "yaml-syntax") == "1:10")
        #expect(loadYAML("k: {a: 'b'#c\n  }\n").codes == ["yaml-syntax"])
    }

    @Test func commentRightAfterABlockScalarHeaderIsAnError() {
        #expect(loadYAML("k: >#c\n  text\n").position(of: "yaml-syntax") == "1:5")
        #expect(loadYAML("k: |-2#c\n   text\n").position(of: "yaml-syntax") == "1:7")
    }

    @Test func commentTouchingTheYAMLVersionIsAnError() {
        let file = loadYAML("# lead\n%YAML 1.1#...\n---\na: 1\n")
        #expect(file.codes == ["yaml-syntax"])
        #expect(file.position(of: "yaml-syntax") == "2:10")
        #expect(loadYAML("%YAML 1.1  # comment\n%TAG !e! tag:example.com,2000:app/ # c\n---\na: 1\n").diagnostics.isEmpty)
    }

    @Test func hashInsidePlainOrQuotedTextAndSpacedCommentsAreFine() throws {
        let file = loadYAML(
            "a: b#c\nd: 'e#f' # comment\ng: [h#i, 'j'] # comment\nk: \"x\" #c\nl: >- # c\n  t\nm: [n, o , #c\n  p]\n")
        #expect(file.diagnostics.isEmpty, "\(file.diagnostics)")
        let entries = try #require(file.documents.first).root.entries
        #expect(entries[0].value.scalarText == "b#c")
        #expect(entries[2].value.elements.first?.scalarText == "h#i")
    }

    @Test func flowLinesLessIndentedThanTheirBlockParentAreAnError() {
        let file = loadYAML("flow: [a,\nb,\nc]\n")
        #expect(file.codes == ["yaml-syntax", "yaml-syntax"])
        #expect(file.position(of: "yaml-syntax") == "2:1")
    }

    @Test func tabIsNotIndentationInsideAFlowCollection() {
        let file = loadYAML("- [\n\tfoo,\n foo\n ]\n")
        #expect(file.codes == ["yaml-syntax"])
        #expect(file.position(of: "yaml-syntax") == "2:1")
    }

    @Test func indentedFlowLinesAndClosingBracketAtTheMarginLoad() throws {
        let text = """
            requires: [
              a, b,
              c]
            list:
            - [x,
             y]
            - k: {p: 1,
                q: 2}
            top: [
              1,
            ]

            """
        let file = loadYAML(text)
        #expect(file.diagnostics.isEmpty, "\(file.diagnostics)")
        #expect(try #require(file.documents.first).root.entries[0].value.count == 3)
    }

    @Test func topLevelFlowCollectionMayStartLinesAnywhere() {
        #expect(loadYAML("[a,\nb,\nc]\n").diagnostics.isEmpty)
        #expect(loadYAML("{a: 1,\nb: 2}\n").diagnostics.isEmpty)
    }

    @Test func quotedContinuationLinesMustBeIndentedPastTheKey() {
        #expect(loadYAML("quoted: \"a\nb\nc\"\n").position(of: "yaml-syntax") == "2:1")
        #expect(loadYAML("foo: \"bar\n\tbaz\"\n").position(of: "yaml-syntax") == "2:1")
        #expect(loadYAML("- k: 'a\n  b'\n").position(of: "yaml-syntax") == "2:3")
    }

    @Test func indentedQuotedContinuationLinesAndBlankLinesLoad() throws {
        let file = loadYAML("quoted: \"a\n b\n\n c\"\nseq:\n- 'x\n y'\n- k: \"p\n     q\"\n")
        #expect(file.diagnostics.isEmpty, "\(file.diagnostics)")
        let entries = try #require(file.documents.first).root.entries
        #expect(entries[0].value.scalarText == "a b\nc")
    }

    @Test func topLevelQuotedScalarMayContinueAtTheMargin() {
        #expect(loadYAML("\"a\nb\n\tc\"\n").diagnostics.isEmpty)
    }

    @Test func blockCollectionWithATagTakesItsColumnFromItsFirstChild() {
        // The mapping's tag sits at column 5, but the mapping itself is at column 1: a plain
        // scalar continuing at column 5 is fine (yaml-test-suite UGM3).
        let file = loadYAML("--- !!map\nkey: first\n    second\nseq: !!seq\n- [a,\n  b]\n")
        #expect(file.diagnostics.isEmpty, "\(file.diagnostics)")
    }

    @Test func loneDashInAFlowCollectionIsAnError() {
        #expect(loadYAML("[-]\n").position(of: "yaml-syntax") == "1:2")
        #expect(loadYAML("- [-, -]\n").codes == ["yaml-syntax", "yaml-syntax"])
        #expect(loadYAML("[-a, '-', --, \"-\"]\n").diagnostics.isEmpty)
    }

    @Test func directiveAfterADocumentWithoutEndMarkerIsAnError() {
        let file = loadYAML("---\nkey: value\n%YAML 1.2\n---\nnext: 1\n")
        #expect(file.codes == ["yaml-syntax"])
        #expect(file.position(of: "yaml-syntax") == "3:1")
    }

    @Test func directiveAfterAnEndMarkerLoads() {
        let file = loadYAML("%YAML 1.2\n---\nkey: value\n...\n%YAML 1.2\n---\nnext: 1\n")
        #expect(file.diagnostics.isEmpty, "\(file.diagnostics)")
        #expect(file.documents.count == 2)
    }

    @Test func libyamlErrorIsReportedAloneWithoutStrictnessNoise() {
        // Line 3 is also a badly indented flow line, but libyaml's error is the one that counts.
        let file = loadYAML("a: 1\nlist: [1, 2\nb: 3\n")
        #expect(file.codes == ["yaml-syntax"])
        #expect(file.diagnostics.first?.related.isEmpty == false)
    }

    @Test func positionsAfterMultiByteTextAndCRLFAreRight() {
        let file = loadYAML("n\u{E9}m\u{E9}: 'caf\u{E9}'\r\nk: \"\u{1F600}\"# c\r\n")
        #expect(file.codes == ["yaml-syntax"])
        #expect(file.position(of: "yaml-syntax") == "2:7")
    }
}
