import PrereqBasics
import Testing

/// `ByteHash` gives equal bytes equal hashes, tells apart what differs in a byte or a length,
/// and spreads ids like a pack's over the low bits a table uses about as a random function
/// would.
@Suite struct ByteHashTests {
    static func hash(_ text: String) -> Int {
        Array(text.utf8).withUnsafeBytes { ByteHash.hash($0) }
    }

    @Test func equalBytesHashEqualAndNearMissesDiffer() {
        #expect(Self.hash("retail-async-customer-mode") == Self.hash("retail-async-" + "customer-mode"))
        let near = ["", "a", "a\u{0}", "\u{0}a", "ab", "ba", "abcdefgh", "abcdefgh\u{0}", "abcdefgi", "bbcdefgh", "abcdefghabcdefgh"]
        #expect(Set(near.map(Self.hash)).count == near.count)
        // Bytes, not Swift's string equality: the two spellings of é are different keys.
        #expect(Self.hash("caf\u{E9}") != Self.hash("cafe\u{301}"))
    }

    @Test func idsSpreadOverTheLowBitsAsARandomFunctionWould() {
        // 100,000 ids in 2^20 buckets: under a random function about 4,600 of them land in a
        // bucket already taken (n - m(1 - e^(-n/m))), give or take 70; far more would mean the
        // low bits carry too little of the input.
        let ids = (0..<100_000).map { "feature-\($0)-of-the-pack" }
        var buckets = Set<Int>()
        var full = Set<Int>()
        for id in ids {
            let h = Self.hash(id)
            buckets.insert(h & ((1 << 20) - 1))
            full.insert(h)
        }
        #expect(full.count == ids.count)
        let collisions = ids.count - buckets.count
        #expect(collisions < 2 * 4_600, "\(collisions) ids share a bucket")
        #expect(collisions > 4_600 / 2, "\(collisions) ids share a bucket: fewer than chance, so not spread at random")
    }
}
