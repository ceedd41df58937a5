import Foundation

/// Lines of a source file as the loader counts them, for showing the line a finding points at.
///
/// The bytes are decoded as the loader decodes them: UTF-16 (either byte order) when they
/// start with a UTF-16 byte order mark, else UTF-8; a byte order mark is not part of the first
/// line (libyaml does not count it as a column). Line breaks are LF, CRLF or CR.
///
/// It holds either every line (`init(bytes:)`) or only the lines asked for
/// (`init(path:wanted:maxBytes:)`), which splits the file a piece at a time: findings in a big
/// pack need a few of its lines, not a copy of the whole file.
public struct SourceLines: Sendable {
    private var kept: [Int: String] = [:]

    /// Every line of `bytes`.
    public init(bytes: [UInt8]) {
        var splitter = LineSplitter()
        var kept: [Int: String] = [:]
        Self.decodedAsUTF8(bytes).withUnsafeBufferPointer { splitter.split($0) { kept[$0] = String(decoding: $1, as: UTF8.self); return true } }
        splitter.finish { kept[$0] = String(decoding: $1, as: UTF8.self); return true }
        self.kept = kept
    }

    /// The lines numbered in `wanted` of the regular file at `path`, and above each the
    /// unbroken run of comment-only lines (`isCommentOnly`): the comment block over a finding's
    /// line. None when the file cannot be read or is bigger than `maxBytes`. Reading stops
    /// after the last line asked for.
    public init(path: String, wanted: Set<Int>, maxBytes: Int) {
        guard let last = wanted.max() else { return }
        // The lines come in order: the next one asked for is found by walking a sorted list.
        let asked = wanted.sorted()
        var next = 0
        var kept: [Int: String] = [:]
        var run: [(Int, String)] = []
        var previous = 0
        /// The first line asked for from `number` on (past the last when there is none).
        func nextAsked(from number: Int) -> Int {
            while next < asked.count, asked[next] < number { next += 1 }
            return next < asked.count ? asked[next] : last + 1
        }
        // The closures are written in the call, not kept in constants: kept, they would escape,
        // and every line's use of the variables above would be checked for exclusive access.
        // Where no line can be comment-only, the next line asked for is the next one needed.
        let read = Self.forEachLine(ofFileAt: path, maxBytes: maxBytes, from: { nextAsked(from: $0) }) {
            (number: Int, bytes: UnsafeBufferPointer<UInt8>) -> Bool in
            // Lines passed over hold no comment: they end the comment block.
            if number != previous + 1 { run.removeAll(keepingCapacity: true) }
            previous = number
            let isWanted = nextAsked(from: number) == number
            let mayBeComment = Self.mayBeCommentOnly(bytes)
            guard isWanted || mayBeComment else {
                run.removeAll(keepingCapacity: true)
                return true
            }
            let text = String(decoding: bytes, as: UTF8.self)
            if isWanted {
                for (n, t) in run { kept[n] = t }
                kept[number] = text
            }
            if mayBeComment && Self.isCommentOnly(text) {
                run.append((number, text))
            } else {
                run.removeAll(keepingCapacity: true)
            }
            return number < last
        }
        guard read else { return }
        self.kept = kept
    }

    /// False only when the line cannot be comment-only: after its ASCII blanks comes something
    /// other than `#` that is ASCII too (other white space is not ASCII, and is looked at whole).
    private static func mayBeCommentOnly(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for b in bytes where b != UInt8(ascii: " ") && b != UInt8(ascii: "\t") {
            return b == UInt8(ascii: "#") || b >= 0x80
        }
        return false
    }

    /// Whether nothing but white space stands before a `#` on the line.
    public static func isCommentOnly(_ text: String) -> Bool {
        text.utf8.contains(UInt8(ascii: "#")) && text.trimmingCharacters(in: .whitespaces).hasPrefix("#")
    }

    /// The text of a 1-based line without its line break; nil past the end, or when the line
    /// was not kept.
    public func line(_ number: Int) -> String? {
        kept[number]
    }

    /// Calls `body` with each line of the file until it returns false: a big file is mapped and
    /// split a piece at a time, its pages let go behind (a UTF-16 file is decoded whole). In a
    /// piece with no `#` and no CR, the lines before `firstNeeded(number)` are only counted. False
    /// when it is not a regular file that can be read within `maxBytes`.
    private static func forEachLine(
        ofFileAt path: String, maxBytes: Int, from firstNeeded: (Int) -> Int, _ body: (Int, UnsafeBufferPointer<UInt8>) -> Bool
    ) -> Bool {
        guard path != "-", case .success(let contents) = SourceFileReader.contents(path: path, maxBytes: maxBytes, mappingFrom: piece) else {
            return false
        }
        var splitter = LineSplitter()
        // UTF-16 is decoded whole; UTF-8 is split a piece at a time, letting go behind.
        func split(_ bytes: UnsafeBufferPointer<UInt8>, releasing release: (Range<Int>) -> Void) {
            if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
                decodedAsUTF8(Array(bytes)).withUnsafeBufferPointer { splitter.split($0, body) }
                return
            }
            let skip = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            for start in stride(from: 0, to: bytes.count, by: piece) where !splitter.stopped {
                let end = min(start + piece, bytes.count)
                let part = UnsafeBufferPointer(rebasing: bytes[max(start, skip)..<end])
                // Lines are only counted where none can be comment-only and every break is a LF.
                let plain = part.baseAddress.map {
                    memchr($0, Int32(UInt8(ascii: "#")), part.count) == nil && memchr($0, Int32(UInt8(ascii: "\r")), part.count) == nil
                } ?? false
                splitter.split(part, skipping: plain, to: firstNeeded, body)
                release(0..<end)
            }
        }
        switch contents {
        case .bytes(let bytes):
            bytes.withUnsafeBufferPointer { split($0, releasing: { _ in }) }
        case .mapped(let file):
            defer { file.unmap() }
            split(file.buffer, releasing: file.release)
        }
        splitter.finish(body)
        return true
    }

    /// The size of the pieces a big file is split in (and the size from which it is mapped).
    static let piece = 1 << 20

    /// The bytes as UTF-8 without a byte order mark (ill-formed sequences become U+FFFD).
    static func decodedAsUTF8(_ bytes: [UInt8]) -> [UInt8] {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return Array(bytes.dropFirst(3)) }
        guard bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) else {
            return bytes
        }
        let littleEndian = bytes[0] == 0xFF
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var i = 2
        while i + 1 < bytes.count {
            units.append(littleEndian ? UInt16(bytes[i]) | UInt16(bytes[i + 1]) << 8 : UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1]))
            i += 2
        }
        return Array(String(decoding: units, as: UTF16.self).utf8)
    }
}

/// Cuts UTF-8 text given in pieces into numbered lines (LF, CRLF or CR end a line, also when a
/// CRLF is split between two pieces). After the last piece, `finish` gives the last line,
/// empty when the text ends with a break or is empty: a file's line count is its breaks + 1.
/// Once `body` returns false no more lines are given (`stopped`).
struct LineSplitter {
    private var number = 1
    /// The start of a line that began in an earlier piece.
    private var carried: [UInt8] = []
    /// The last piece ended with CR: a LF starting the next piece is part of that break.
    private var afterCR = false
    private(set) var stopped = false

    /// Gives `body` each line that ends in `piece`.
    mutating func split(_ piece: UnsafeBufferPointer<UInt8>, _ body: (Int, UnsafeBufferPointer<UInt8>) -> Bool) {
        split(piece, skipping: false, to: { $0 }, body)
    }

    /// Gives `body` each line that ends in `piece`; with `skipping` (for a piece without CR),
    /// the lines before `firstNeeded(number)` that begin in the piece are only counted.
    mutating func split(
        _ piece: UnsafeBufferPointer<UInt8>, skipping: Bool, to firstNeeded: (Int) -> Int,
        _ body: (Int, UnsafeBufferPointer<UInt8>) -> Bool
    ) {
        guard let base = piece.baseAddress, !piece.isEmpty, !stopped else { return }
        let (lf, cr) = (UInt8(ascii: "\n"), UInt8(ascii: "\r"))
        let count = piece.count
        /// Where the next `byte` is at or after `from` (`count` when there is none), found by
        /// the C library's vectorised search.
        func next(_ byte: UInt8, from: Int) -> Int {
            guard let found = memchr(base + from, Int32(byte), count - from) else { return count }
            return UnsafeRawPointer(found) - UnsafeRawPointer(base)
        }
        var start = afterCR && piece[0] == lf ? 1 : 0
        afterCR = false
        // Most files have no CR: it is looked for again only once the last one found is passed.
        var nextCR = -1
        var i = start
        while i < count {
            if skipping, carried.isEmpty {
                let skipped = Self.skipBreaks(firstNeeded(number) - number, in: piece, from: &i)
                number += skipped
                start = i
                guard i < count else { break }
            }
            if nextCR < i { nextCR = next(cr, from: i) }
            let end = min(next(lf, from: i), nextCR)
            guard end < count else { break }
            let line = UnsafeBufferPointer(rebasing: piece[start..<end])
            let goOn: Bool
            if carried.isEmpty {
                goOn = body(number, line)
            } else {
                carried.append(contentsOf: line)
                goOn = carried.withUnsafeBufferPointer { body(number, $0) }
                carried.removeAll(keepingCapacity: true)
            }
            guard goOn else {
                stopped = true
                return
            }
            number += 1
            i = end + 1
            if piece[end] == cr {
                if i == count {
                    afterCR = true
                } else if piece[i] == lf {
                    i += 1
                }
            }
            start = i
        }
        carried.append(contentsOf: UnsafeBufferPointer(rebasing: piece[start...]))
    }

    /// Moves `i` past up to `lines` line feeds in `piece`, 32 bytes at a time where it can, to
    /// the start of the line after the last one passed; returns how many it passed (fewer when
    /// the piece ends first: the line the piece ends in is left to be carried over).
    static func skipBreaks(_ lines: Int, in piece: UnsafeBufferPointer<UInt8>, from i: inout Int) -> Int {
        guard lines > 0, let base = piece.baseAddress else { return 0 }
        let raw = UnsafeRawPointer(base)
        var passed = 0
        var at = i
        while at + 32 <= piece.count {
            let n = breaks(raw, at) + breaks(raw, at + 8) + breaks(raw, at + 16) + breaks(raw, at + 24)
            // The block that holds the last break to pass is read a byte at a time.
            guard passed + n < lines else { break }
            passed += n
            at += 32
        }
        while passed < lines, at < piece.count {
            if base[at] == UInt8(ascii: "\n") { passed += 1 }
            at += 1
        }
        // The piece ended first: back to the start of the line it ends in.
        if passed < lines {
            at = UnsafeBufferPointer(rebasing: piece[i..<at]).lastIndex(of: UInt8(ascii: "\n")).map { i + $0 + 1 } ?? i
        }
        i = at
        return passed
    }

    /// How many line feeds the eight bytes at `offset` hold: a byte of `x` is zero where there
    /// is one, and the high bit of exactly those bytes is left set (no carry crosses a byte).
    @inline(__always)
    private static func breaks(_ raw: UnsafeRawPointer, _ offset: Int) -> Int {
        let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        let x = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self) ^ 0x0A0A_0A0A_0A0A_0A0A
        return (~(((x & low) &+ low) | x | low)).nonzeroBitCount
    }

    mutating func finish(_ body: (Int, UnsafeBufferPointer<UInt8>) -> Bool) {
        if !stopped { _ = carried.withUnsafeBufferPointer { body(number, $0) } }
        carried = []
    }
}
