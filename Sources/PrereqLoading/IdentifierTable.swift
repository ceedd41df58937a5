import Foundation

/// One copy of each long identifier a document names. A pack names a feature's id where it
/// defines the feature and again in every requirement on it; decoded separately, each of those
/// would be a string of its own. The copies of a decoder that decode a document's pieces in
/// parallel share one table, locked per shard.
final class IdentifierTable: Sendable {
    private final class Shard: @unchecked Sendable {
        let lock = NSLock()
        var texts: Set<String> = []
    }

    private let shards = (0..<16).map { _ in Shard() }

    /// `text`, or the equal text seen before.
    func intern(_ text: String) -> String {
        let length = text.utf8.count
        // Strings of up to 15 bytes are stored inline: there is nothing to share.
        guard length > 15 else { return text }
        let shard = shards[length & 15]
        shard.lock.lock()
        defer { shard.lock.unlock() }
        return shard.texts.insert(text).memberAfterInsert
    }
}
