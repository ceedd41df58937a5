import Foundation
import PrereqBasics
import Synchronization

/// One copy of each long identifier a document names. A pack names a feature's id where it
/// defines the feature and again in every requirement on it; decoded separately, each of those
/// would be a string of its own. A text met before is found by its bytes, so that no string is
/// made for it. The copies of a decoder that decode a document's pieces in parallel share one
/// table, locked per shard.
final class IdentifierTable: Sendable {
    private final class Shard: Sendable {
        let entries = Mutex(Entries())
    }

    private struct Entries {
        var texts: [String] = []
        var slots = HashSlots()

        mutating func text(of bytes: UnsafeBufferPointer<UInt8>, hash: Int) -> String {
            var probe = slots.probe(hash)
            while let k = slots.next(&probe) {
                if IdentifierTable.equals(texts[k], bytes) { return texts[k] }
            }
            let text = String(decoding: bytes, as: UTF8.self)
            // A full table (2³¹ texts) keeps no more: the text is still right, only not shared.
            if slots.add(at: probe) != nil { texts.append(text) }
            return text
        }
    }

    private let shards = (0..<16).map { _ in Shard() }

    /// The text of `bytes` (UTF-8 as the loader decoded it), the string made for the same bytes
    /// before when there is one.
    func text(of bytes: UnsafeBufferPointer<UInt8>) -> String {
        // Strings of up to 15 bytes are stored inline: there is nothing to share.
        guard bytes.count > 15 else { return String(decoding: bytes, as: UTF8.self) }
        let hash = ByteHash.hash(UnsafeRawBufferPointer(bytes))
        return shards[bytes.count & 15].entries.withLock { $0.text(of: bytes, hash: hash) }
    }

    fileprivate static func equals(_ text: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let utf8 = text.utf8
        guard utf8.count == bytes.count else { return false }
        return utf8.withContiguousStorageIfAvailable { kept in
            guard let a = kept.baseAddress, let b = bytes.baseAddress else { return bytes.isEmpty }
            return memcmp(a, b, bytes.count) == 0
        } ?? utf8.elementsEqual(bytes)
    }
}
