/// What Swift's string equality (canonical equivalence) makes of ASCII: a text equals an ASCII
/// text only when each of its characters is ASCII or one of three characters whose canonical
/// form is an ASCII character. Tables that hash texts by their bytes use the ASCII form, so
/// that texts Swift counts as equal hash alike.
package enum CanonicalASCII {
    /// The non-ASCII characters canonically equivalent to an ASCII one (their decomposition
    /// is that character alone): Greek question mark, Greek varia, Kelvin sign. No other
    /// character's canonical form is ASCII (a test checks every Unicode scalar).
    package static let singletons: [Unicode.Scalar: Unicode.Scalar] = ["\u{037E}": ";", "\u{1FEF}": "`", "\u{212A}": "K"]

    /// The ASCII text canonically equivalent to `text`, if there is one.
    package static func equivalent(_ text: String) -> String? {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            guard let ascii = scalar.isASCII ? scalar : singletons[scalar] else { return nil }
            out.append(ascii)
        }
        return String(out)
    }

    /// `ByteHash` of `text`'s bytes when they are all ASCII (read eight at a time); nil
    /// otherwise.
    package static func byteHash(_ text: String) -> Int? {
        let hash = text.utf8.withContiguousStorageIfAvailable { bytes -> Int? in
            guard let base = bytes.baseAddress else { return ByteHash.hash(UnsafeRawBufferPointer(bytes)) }
            var i = 0
            while i + 8 <= bytes.count {
                guard UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 else { return nil }
                i += 8
            }
            while i < bytes.count {
                guard base[i] < 0x80 else { return nil }
                i += 1
            }
            return ByteHash.hash(UnsafeRawBufferPointer(bytes))
        }
        return hash ?? nil
    }

    /// A hash of `text` that texts Swift counts as equal share: `ByteHash` of its ASCII form
    /// when it has one, else Swift's own. Nearly every id is ASCII, and hashes faster so than
    /// through `Hasher`.
    package static func hash(_ text: String) -> Int {
        if let hash = byteHash(text) { return hash }
        if let ascii = equivalent(text), let hash = byteHash(ascii) { return hash }
        return text.hashValue
    }
}
