import Foundation
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

    /// The lines asked for are read from the file in pieces, with the comment lines right above.
    @Test func aFileReadForSomeLinesKeepsThemAndTheCommentsAboveThem() throws {
        let text = "a: 1\n# one\n  # two\nb: 2\n# lone\nc: 3\r\n\u{A0}# spaced\r\nd: 4\re: 5\n"
        let file = try TemporaryFile(bytes: Array(text.utf8))
        defer { file.remove() }
        let lines = SourceLines(path: file.path, wanted: [4, 8, 9], maxBytes: 1 << 20)
        #expect(lines.line(4) == "b: 2")
        #expect(lines.line(3) == "  # two")
        #expect(lines.line(2) == "# one")
        #expect(lines.line(1) == nil, "not asked for and not a comment")
        #expect(lines.line(5) == nil, "a comment with a line between it and the next asked for")
        #expect(lines.line(8) == "d: 4")
        #expect(lines.line(7) == "\u{A0}# spaced", "white space of any kind before `#`")
        #expect(lines.line(9) == "e: 5")
        #expect(lines.line(10) == nil)
    }

    @Test func theLastLineOfAFileIsThereEvenWhenEmpty() throws {
        let file = try TemporaryFile(bytes: Array("a: 1\n".utf8))
        defer { file.remove() }
        #expect(SourceLines(path: file.path, wanted: [1, 2, 3], maxBytes: 100).line(2) == "")
        #expect(SourceLines(path: file.path, wanted: [3], maxBytes: 100).line(3) == nil)
        #expect(SourceLines(path: file.path, wanted: [1], maxBytes: 3).line(1) == nil, "bigger than allowed")
    }

    @Test(arguments: [true, false]) func aUTF16FileIsReadForSomeLines(_ littleEndian: Bool) throws {
        let file = try TemporaryFile(bytes: Self.utf16("x: 1\n# note\r\n  ação: {colour: 😀}\n", littleEndian: littleEndian))
        defer { file.remove() }
        let lines = SourceLines(path: file.path, wanted: [3], maxBytes: 1 << 20)
        #expect(lines.line(3) == "  ação: {colour: 😀}")
        #expect(lines.line(2) == "# note")
    }

    @Test func aByteOrderMarkIsNotPartOfTheFirstLineReadFromAFile() throws {
        let file = try TemporaryFile(bytes: [0xEF, 0xBB, 0xBF] + Array("a: 1".utf8))
        defer { file.remove() }
        #expect(SourceLines(path: file.path, wanted: [1], maxBytes: 100).line(1) == "a: 1")
    }

    @Test func onlyRegularFilesAreRead() throws {
        let file = try TemporaryFile(bytes: Array("a: 1\n".utf8))
        defer { file.remove() }
        let folder = (file.path as NSString).deletingLastPathComponent
        #expect(SourceLines(path: folder, wanted: [1], maxBytes: 100).line(1) == nil)
        #expect(SourceLines(path: folder + "/missing.yaml", wanted: [1], maxBytes: 100).line(1) == nil)
        let fifo = folder + "/fifo.yaml"
        #expect(mkfifo(fifo, 0o600) == 0)
        #expect(SourceLines(path: fifo, wanted: [1], maxBytes: 100).line(1) == nil, "a FIFO without a writer does not block")
    }
}
