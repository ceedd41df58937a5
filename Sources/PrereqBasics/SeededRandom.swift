/// A small deterministic random source (SplitMix64), the same on every platform: what the
/// benchmark generates its packs with and the property tests their cases, so that a run names
/// the same inputs again.
package struct SeededRandom: Sendable {
    private var state: UInt64

    /// The sequence that starts from `seed` as it is.
    package init(state seed: UInt64) { state = seed }

    /// The sequence of `seed` spread over all bits first, so that seeds close together start far
    /// apart.
    package init(seed: UInt64) { state = seed &* 0x9E37_79B9_7F4A_7C15 &+ 1 }

    package mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A value in `0..<n` (0 when `n` is at most 1); each call takes one number of the sequence.
    package mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(n, 1))) }

    /// True with probability `percent` / 100.
    package mutating func chance(_ percent: Int) -> Bool { below(100) < percent }

    package mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
}
