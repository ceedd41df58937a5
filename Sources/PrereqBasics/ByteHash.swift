/// A fast keyed hash of bytes, for tables that compare their entries as bytes (`HashSlots`
/// owners): eight bytes at a time, each folded into the state with a 128-bit multiplication.
/// The key is drawn at random once per process, so which inputs collide cannot be worked out
/// ahead of a run. It is not a cryptographic hash, and it is not `Hasher`: strings that Swift
/// counts as equal although their bytes differ hash differently here.
public enum ByteHash {
    /// The per-process key: the starting state and the (odd) multiplier.
    private static let key: (state: UInt64, multiplier: UInt64) = {
        var random = SystemRandomNumberGenerator()
        return (random.next(), random.next() | 1)
    }()

    /// The hash of `bytes`.
    public static func hash(_ bytes: UnsafeRawBufferPointer) -> Int {
        let (start, multiplier) = key
        var state = start ^ UInt64(truncatingIfNeeded: bytes.count)
        var offset = 0
        while offset + 8 <= bytes.count {
            state = fold(state ^ bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self), multiplier)
            offset += 8
        }
        if offset < bytes.count {
            // The last eight bytes, overlapping the words before (the length is in the state).
            var last: UInt64 = 0
            if bytes.count >= 8 {
                last = bytes.loadUnaligned(fromByteOffset: bytes.count - 8, as: UInt64.self)
            } else {
                for i in 0..<bytes.count { last |= UInt64(bytes[i]) << UInt64(8 * i) }
            }
            state = fold(state ^ last, multiplier)
        }
        // A last fold spreads the final word's bits over the low bits a table uses.
        return Int(truncatingIfNeeded: fold(state ^ (state >> 29), multiplier))
    }

    /// The high and low halves of the 128-bit product, combined.
    private static func fold(_ x: UInt64, _ multiplier: UInt64) -> UInt64 {
        let product = x.multipliedFullWidth(by: multiplier)
        return product.high ^ product.low
    }
}
