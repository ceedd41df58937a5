import Foundation
import PrereqBasics
import Testing

@testable import PrereqYAML

/// Reading some lines of a file a piece at a time gives each line as splitting the whole text
/// does, and the whole comment block above each: over generated texts with every kind of line
/// break, some of them cut exactly where one piece of the file ends.
@Suite struct SourceLinesReadingTests {
    /// The size of the pieces the file is split in.
    static let piece = SourceLines.piece

    static func text(seed: UInt64) -> [UInt8] {
        var random = SeededRandom(seed: seed)
        var bytes: [UInt8] = []
        let breaks: [[UInt8]] = [[0x0A], [0x0D, 0x0A], [0x0D]]
        func line() -> [UInt8] {
            switch random.below(6) {
            case 0: return Array("# comment \(random.below(100))".utf8)
            case 5: return Array("\t  # tabbed".utf8)
            case 1: return Array(" \u{A0}# spaced".utf8)
            case 2: return []
            case 3: return Array("key\(random.below(1000)): v  # trailing".utf8)
            default: return Array("ação: \(random.below(1000))".utf8)
            }
        }
        if random.chance(50) {
            // Up to one byte before a piece ends, then a break that the piece's end may cut.
            while bytes.count < piece - 200 { bytes += line() + random.pick(breaks) }
            bytes += [UInt8](repeating: UInt8(ascii: "y"), count: piece - 1 - bytes.count)
            bytes += random.pick(breaks)
        }
        for _ in 0..<random.below(300) { bytes += line() + random.pick(breaks) }
        if random.chance(50) { bytes += line() }
        return bytes
    }

    @Test(arguments: 0..<12) func someLinesReadInPiecesAreTheLinesOfTheWholeText(_ seed: Int) {
        let bytes = Self.text(seed: UInt64(seed))
        let whole = SourceLines(bytes: bytes)
        var count = 1
        while whole.line(count + 1) != nil { count += 1 }
        var random = SeededRandom(seed: UInt64(seed) ^ 0xFEED)
        let wanted = Set((0..<20).map { _ in 1 + random.below(count + 2) } + [count])
        withScratchFiles([("text.yaml", String(decoding: bytes, as: UTF8.self))]) { paths in
            let read = SourceLines(path: paths[0], wanted: wanted, maxBytes: bytes.count)
            Self.expectSameLines(read, whole, wanted: wanted, seed: seed)
        }
    }

    static func expectSameLines(_ read: SourceLines, _ whole: SourceLines, wanted: Set<Int>, seed: Int) {
        for number in wanted.sorted() {
            #expect(read.line(number) == whole.line(number), "line \(number), seed \(seed)")
            var above = number - 1
            while above >= 1, let text = whole.line(above), SourceLines.isCommentOnly(text) {
                #expect(read.line(above) == text, "comment line \(above) above \(number), seed \(seed)")
                above -= 1
            }
        }
    }
}
