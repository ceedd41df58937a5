import Testing

@testable import PrereqYAML

/// The lines shown with findings are the lines the loader read, in the file's own encoding.
@Suite struct SourceLinesTests {
    static func utf16(_ text: String, littleEndian: Bool) -> [UInt8] {
        var bytes: [UInt8] = littleEndian ? [0xFF, 0xFE] : [0xFE, 0xFF]
        for unit in text.utf16 {
            let pair = [UInt8(unit & 0xFF), UInt8(unit >> 8)]
            bytes += littleEndian ? pair : pair.reversed()
        }
        return bytes
    }

    @Test(arguments: [true, false]) func utf16LinesAreDecodedAsUTF16(_ littleEndian: Bool) {
        let lines = SourceLines(bytes: Self.utf16("prereq: 1\nfeatures:\n  ação: {colour: 😀}\r\nend\n", littleEndian: littleEndian))
        #expect(lines.line(1) == "prereq: 1")
        #expect(lines.line(3) == "  ação: {colour: 😀}")
        #expect(lines.line(4) == "end")
        #expect(lines.line(6) == nil)
    }

    @Test func aUTF8ByteOrderMarkIsNotPartOfTheFirstLine() {
        let lines = SourceLines(bytes: [0xEF, 0xBB, 0xBF] + Array("a: 1\nb: 2".utf8))
        #expect(lines.line(1) == "a: 1")
        #expect(lines.line(2) == "b: 2")
    }

    @Test func aUTF16FindingsColumnMatchesTheShownLine() throws {
        // The loader's column for `colour` and the column of `colour` in the shown line agree.
        let bytes = Self.utf16("prereq: 1\nfeatures:\n  ação: {colour: red}\n", littleEndian: true)
        let file = YAMLLoader().load(bytes: bytes, file: "u16.yaml")
        let document = try #require(file.documents.first)
        let features = try #require(document.root.entries.last?.value)
        let key = try #require(features.entries.first?.value.entries.first?.key)
        let shown = try #require(SourceLines(bytes: bytes).line(key.location.line))
        #expect(Array(shown.unicodeScalars)[(key.location.column - 1)...].starts(with: "colour".unicodeScalars))
    }
}
