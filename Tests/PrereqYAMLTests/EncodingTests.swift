import Diagnostics
import PrereqYAML
import Testing

@Suite struct EncodingTests {
    @Test func invalidUTF8IsAnEncodingErrorAtTheFirstBadByte() throws {
        // Line 3 is "cé: <0xFF>": c, é (two bytes, one column), ':', ' ', then the bad byte at column 5.
        var bytes = Array("a: 1\nb: 2\nc\u{E9}: ".utf8)
        bytes.append(0xFF)
        bytes += Array("\nd: 4\n".utf8)
        let file = loadYAML(bytes: bytes)
        #expect(file.codes == ["yaml-encoding"])
        #expect(file.position(of: "yaml-encoding") == "3:5")
        let d = try #require(file.diagnostics.first)
        #expect(d.severity == .error)
        #expect(d.message.contains("0xFF"))
        #expect(d.message.contains("byte offset 15"))
        #expect(file.documents.isEmpty)
    }

    @Test func nulByteInPlainTextIsAnEncodingError() {
        var bytes = Array("key: ab".utf8)
        bytes.append(0)
        bytes += Array("cd\n".utf8)
        let file = loadYAML(bytes: bytes)
        #expect(file.codes == ["yaml-encoding"])
        #expect(file.position(of: "yaml-encoding") == "1:8")
    }

    @Test func pngHeaderIsAnEncodingErrorAtTheFirstByte() {
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52]
        let file = loadYAML(bytes: png)
        #expect(file.codes == ["yaml-encoding"])
        #expect(file.position(of: "yaml-encoding") == "1:1")
        #expect(file.documents.isEmpty)
    }

    @Test func truncatedMultiByteSequenceAtTheEndIsAnEncodingError() {
        var bytes = Array("a: b\nc: ".utf8)
        bytes.append(0xE2)  // first byte of a three-byte sequence, then the input ends
        let file = loadYAML(bytes: bytes)
        #expect(file.codes == ["yaml-encoding"])
        #expect(file.position(of: "yaml-encoding") == "2:4")
    }

    @Test func byteOrderMarkIsNotAColumn() {
        // A UTF-8 BOM is not part of the text: the bad byte is still at line 1, column 4.
        var bytes: [UInt8] = [0xEF, 0xBB, 0xBF]
        bytes += Array("a: ".utf8)
        bytes.append(0xC0)
        let file = loadYAML(bytes: bytes)
        #expect(file.codes == ["yaml-encoding"])
        #expect(file.position(of: "yaml-encoding") == "1:4")
    }

    @Test func utf16InputIsPlacedInCodeUnits() {
        // libyaml reads UTF-16 with a byte order mark; an unpaired low surrogate on line 2 at
        // column 4 is reported at its byte offset (2 + 2 * 8), which must map back to 2:4.
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in Array("a: b\nc: ".utf16) + [0xDC00] { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let file = loadYAML(bytes: bytes)
        #expect(file.codes == ["yaml-encoding"])
        #expect(file.position(of: "yaml-encoding") == "2:4")
    }

    @Test func carriageReturnLineBreaksCountAsLines() {
        var bytes = Array("a: 1\r\nb: 2\rc: ".utf8)
        bytes.append(0xFF)
        let file = loadYAML(bytes: bytes)
        #expect(file.position(of: "yaml-encoding") == "3:4")
    }

    @Test func escapedNulInADoubleQuotedScalarLoadsAsAnEmbeddedNul() throws {
        let file = loadYAML(#"key: "a\0b""# + "\n")
        #expect(file.diagnostics.isEmpty)
        let document = try #require(file.documents.first)
        let value = try #require(document.root.entries.first?.value)
        #expect(value.scalarText == "a\u{0}b")
        #expect(value.scalarText?.utf8.count == 3)
        #expect(value.value == .string("a\u{0}b"))
    }

    @Test func nonASCIITextLoadsUnchanged() throws {
        let file = loadYAML("nome: Habilitar edição de clientes no modo assíncrono\n")
        #expect(file.diagnostics.isEmpty)
        let value = try #require(file.documents.first?.root.entries.first?.value)
        #expect(value.scalarText == "Habilitar edição de clientes no modo assíncrono")
    }
}
