/// A source file's lines as the loader counts them, for showing the line a finding points at.
///
/// The bytes are decoded as the loader decodes them: UTF-16 (either byte order) when they
/// start with a UTF-16 byte order mark, else UTF-8; a byte order mark is not part of the first
/// line (libyaml does not count it as a column). Line breaks are LF, CRLF or CR.
public struct SourceLines: Sendable {
    private let utf8: [UInt8]
    private let starts: [Int]

    public init(bytes: [UInt8]) {
        utf8 = Self.decodedAsUTF8(bytes)
        starts = utf8.withUnsafeBufferPointer(Self.lineStarts)
    }

    /// Where each line starts. Shown findings read the lines of whole packs, so the bytes are
    /// scanned without bounds checks, most of them (above `\r`) with one comparison.
    private static func lineStarts(_ utf8: UnsafeBufferPointer<UInt8>) -> [Int] {
        var starts = [0]
        let (lf, cr) = (UInt8(ascii: "\n"), UInt8(ascii: "\r"))
        var i = 0
        while i < utf8.count {
            let b = utf8[i]
            i += 1
            guard b <= cr, b == lf || b == cr else { continue }
            if b == cr, i < utf8.count, utf8[i] == lf { i += 1 }
            starts.append(i)
        }
        return starts
    }

    /// The text of a 1-based line without its line break; nil past the end.
    public func line(_ number: Int) -> String? {
        guard number >= 1, number <= starts.count else { return nil }
        let start = starts[number - 1]
        var end = number < starts.count ? starts[number] : utf8.count
        while end > start, utf8[end - 1] == UInt8(ascii: "\n") || utf8[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return String(decoding: utf8[start..<end], as: UTF8.self)
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
