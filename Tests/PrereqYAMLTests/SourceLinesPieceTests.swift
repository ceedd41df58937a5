import Foundation
import PrereqBasics
import Testing

@testable import PrereqYAML

/// Big files read for some lines give the lines a whole reading gives, whatever their pieces
/// hold: comment blocks, CR breaks, lines that span pieces, long runs of lines not asked for.
@Suite struct SourceLinesPieceTests {
    /// A file of about `bytes` bytes of random lines: pieces with comments, one with CRLF
    /// breaks, now and then a line longer than a piece.
    static func text(_ random: inout SeededRandom, bytes: Int) -> [UInt8] {
        var out: [UInt8] = []
        var line = 0
        while out.count < bytes {
            let piece = out.count / SourceLines.piece
            let body: String
            switch random.below(100) {
            case 0..<8 where piece % 2 == 1: body = String(repeating: " ", count: random.below(4)) + "# note \(line)"
            case 8 where random.chance(2): body = "long: " + String(repeating: "x", count: SourceLines.piece + random.below(1000))
            case 9..<12: body = ""
            default: body = "  key-\(line): " + String(repeating: "v", count: random.below(90))
            }
            out += Array(body.utf8)
            out += piece == 2 ? [0x0D, 0x0A] : [0x0A]
            line += 1
        }
        return out
    }

    /// What `init(path:wanted:)` promises, from every line: the lines asked for and the
    /// comment-only lines right above each.
    static func expected(_ all: SourceLines, wanted: Set<Int>) -> [Int: String] {
        var out: [Int: String] = [:]
        for w in wanted {
            guard let text = all.line(w) else { continue }
            out[w] = text
            var above = w - 1
            while above >= 1, let t = all.line(above), SourceLines.isCommentOnly(t) {
                out[above] = t
                above -= 1
            }
        }
        return out
    }

    @Test func linesReadInPiecesAreTheLinesOfTheWholeFile() throws {
        for seed in UInt64(1)...4 {
            var random = SeededRandom(seed: seed)
            let bytes = Self.text(&random, bytes: 3 * SourceLines.piece + random.below(SourceLines.piece))
            let all = SourceLines(bytes: bytes)
            var count = 1
            while all.line(count + 1) != nil { count += 1 }
            // Few lines asked for (most are passed over) or many; sometimes the last line.
            var wanted = Set((0..<(random.chance(50) ? 20 : 2_000)).map { _ in 1 + random.below(count) })
            if random.chance(50) { wanted.insert(count) }
            let file = try TemporaryFile(bytes: bytes)
            defer { file.remove() }
            let read = SourceLines(path: file.path, wanted: wanted, maxBytes: 1 << 26)
            let expected = Self.expected(all, wanted: wanted)
            for n in 1...count + 1 {
                #expect(read.line(n) == expected[n], "seed \(seed), line \(n)")
            }
        }
    }

    /// `skipBreaks` passes exactly the line feeds asked for, eight bytes at a time or one.
    @Test func skippingPassesTheLineFeedsAskedFor() {
        var random = SeededRandom(seed: 7)
        for _ in 0..<300 {
            let bytes = (0..<random.below(80)).map { _ in random.chance(30) ? UInt8(ascii: "\n") : UInt8(ascii: "a") }
            let breaks = bytes.indices.filter { bytes[$0] == UInt8(ascii: "\n") }
            let from = random.below(bytes.count + 1)
            let ask = random.below(breaks.count + 2)
            bytes.withUnsafeBufferPointer { buffer in
                var i = from
                let passed = LineSplitter.skipBreaks(ask, in: buffer, from: &i)
                let after = breaks.filter { $0 >= from }
                #expect(passed == min(ask, after.count))
                #expect(i == (passed == 0 ? from : after[passed - 1] + 1))
            }
        }
    }
}
