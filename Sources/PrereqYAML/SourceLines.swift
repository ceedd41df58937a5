import Foundation

/// Lines of a source file as the loader counts them, for showing the line a finding points at.
///
/// The bytes are decoded as the loader decodes them: UTF-16 (either byte order) when they
/// start with a UTF-16 byte order mark, else UTF-8; a byte order mark is not part of the first
/// line (libyaml does not count it as a column). Line breaks are LF, CRLF or CR.
///
/// It holds either every line (`init(bytes:)`) or only the lines asked for
/// (`init(path:wanted:maxBytes:)`), which reads the file a piece at a time: findings in a big
/// pack need a few of its lines, not a copy of the whole file.
public struct SourceLines: Sendable {
    private var kept: [Int: String] = [:]

    /// Every line of `bytes`.
    public init(bytes: [UInt8]) {
        var splitter = LineSplitter()
        var kept: [Int: String] = [:]
        Self.decodedAsUTF8(bytes).withUnsafeBufferPointer { splitter.split($0) { kept[$0] = String(decoding: $1, as: UTF8.self) } }
        splitter.finish { kept[$0] = String(decoding: $1, as: UTF8.self) }
        self.kept = kept
    }

    /// The lines numbered in `wanted` of the regular file at `path`, and above each the
    /// unbroken run of comment-only lines (`isCommentOnly`): the comment block over a finding's
    /// line. None when the file cannot be read or is bigger than `maxBytes`.
    public init(path: String, wanted: Set<Int>, maxBytes: Int) {
        guard !wanted.isEmpty else { return }
        var kept: [Int: String] = [:]
        var run: [(Int, String)] = []
        let take = { (number: Int, bytes: UnsafeBufferPointer<UInt8>) in
            let isWanted = wanted.contains(number)
            // A line without `#` is not a comment; most lines are told apart so.
            let mayBeComment = bytes.contains(UInt8(ascii: "#"))
            guard isWanted || mayBeComment else {
                run.removeAll(keepingCapacity: true)
                return
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
        }
        guard Self.forEachLine(ofFileAt: path, maxBytes: maxBytes, take) else { return }
        self.kept = kept
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

    /// Calls `body` with each line of the file, read in pieces (a UTF-16 file is read whole, to
    /// be decoded); false when it is not a regular file that can be read within `maxBytes`.
    private static func forEachLine(
        ofFileAt path: String, maxBytes: Int, _ body: (Int, UnsafeBufferPointer<UInt8>) -> Void
    ) -> Bool {
        // Without blocking, and only a regular file: a FIFO or device could block for ever.
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG, Int(status.st_size) <= maxBytes else {
            return false
        }
        var splitter = LineSplitter()
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        // The first bytes are held until they tell the encoding; UTF-16 is then read whole.
        var start: [UInt8] = []
        var inPieces = false
        var total = 0
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return false
            }
            total += count
            if total > maxBytes { return false }
            if count == 0 { break }
            if inPieces {
                chunk.withUnsafeBufferPointer { splitter.split(UnsafeBufferPointer(rebasing: $0[0..<count]), body) }
                continue
            }
            start += chunk[0..<count]
            if start.count < 3 || start[0] == 0xFF && start[1] == 0xFE || start[0] == 0xFE && start[1] == 0xFF { continue }
            let skip = start.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            start.withUnsafeBufferPointer { splitter.split(UnsafeBufferPointer(rebasing: $0[skip...]), body) }
            start = []
            inPieces = true
        }
        if !inPieces {
            decodedAsUTF8(start).withUnsafeBufferPointer { splitter.split($0, body) }
        }
        splitter.finish(body)
        return true
    }

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
struct LineSplitter {
    private var number = 1
    /// The start of a line that began in an earlier piece.
    private var carried: [UInt8] = []
    /// The last piece ended with CR: a LF starting the next piece is part of that break.
    private var afterCR = false

    mutating func split(_ piece: UnsafeBufferPointer<UInt8>, _ body: (Int, UnsafeBufferPointer<UInt8>) -> Void) {
        guard !piece.isEmpty else { return }
        let (lf, cr) = (UInt8(ascii: "\n"), UInt8(ascii: "\r"))
        var start = afterCR && piece[0] == lf ? 1 : 0
        afterCR = false
        var i = start
        while i < piece.count {
            let b = piece[i]
            // Most bytes (above `\r`) are passed with one comparison.
            guard b <= cr, b == lf || b == cr else {
                i += 1
                continue
            }
            let line = UnsafeBufferPointer(rebasing: piece[start..<i])
            if carried.isEmpty {
                body(number, line)
            } else {
                carried.append(contentsOf: line)
                carried.withUnsafeBufferPointer { body(number, $0) }
                carried.removeAll(keepingCapacity: true)
            }
            number += 1
            i += 1
            if b == cr {
                if i == piece.count {
                    afterCR = true
                } else if piece[i] == lf {
                    i += 1
                }
            }
            start = i
        }
        carried.append(contentsOf: UnsafeBufferPointer(rebasing: piece[start...]))
    }

    mutating func finish(_ body: (Int, UnsafeBufferPointer<UInt8>) -> Void) {
        carried.withUnsafeBufferPointer { body(number, $0) }
        carried = []
    }
}
