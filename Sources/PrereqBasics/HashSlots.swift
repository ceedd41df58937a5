/// The slots of an open-addressing hash table whose owner keeps the entries in arrays of its
/// own (numbered 0, 1, … in the order added): linear probing over a power of two of `Int32`
/// slots, at least twice the entries, with each entry's hash kept (its low 32 bits: the slots
/// are never more than 2³² and the owner compares the entries anyway) to place it again when the
/// slots grow. A lookup walks the entries with its hash (`probe`, then `next`) and the owner
/// compares each with what it looks for. Much smaller than a `Dictionary` keyed by the entries'
/// values, which would store each key again.
public struct HashSlots: Sendable {
    /// Entry numbers, -1 where empty.
    private var slots: [Int32]
    private var hashes: [UInt32] = []

    /// Slots for about `capacity` entries (they grow past that).
    public init(capacity: Int = 0) {
        var n = 16
        while n / 2 < capacity { n *= 2 }
        slots = Array(repeating: -1, count: n)
        hashes.reserveCapacity(capacity)
    }

    /// A walk over the entries with one hash, from where it would be placed.
    public struct Probe: Sendable {
        fileprivate var slot: Int
        fileprivate let hash: Int
    }

    /// Starts a walk over the entries with `hash`: `next` gives them, the owner compares each.
    public func probe(_ hash: Int) -> Probe {
        Probe(slot: hash & (slots.count - 1), hash: hash)
    }

    /// The next entry with the probe's hash; nil at the empty slot that ends the walk, where
    /// `add(at:)` puts a new entry.
    public func next(_ probe: inout Probe) -> Int? {
        let mask = slots.count - 1
        while slots[probe.slot] >= 0 {
            let entry = Int(slots[probe.slot])
            probe.slot = (probe.slot + 1) & mask
            if hashes[entry] == UInt32(truncatingIfNeeded: probe.hash) { return entry }
        }
        return nil
    }

    /// Adds entry number `count` (which the owner then appends to its arrays) where a walk that
    /// found no match ended; nil when the table is full.
    public mutating func add(at probe: Probe) -> Int? {
        guard hashes.count < Int(Int32.max), slots[probe.slot] < 0 else { return nil }
        slots[probe.slot] = Int32(hashes.count)
        hashes.append(UInt32(truncatingIfNeeded: probe.hash))
        if hashes.count * 2 > slots.count { grow() }
        return hashes.count - 1
    }

    /// Twice the slots, every entry placed again by its hash.
    private mutating func grow() {
        slots = Array(repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for (entry, hash) in hashes.enumerated() {
            var i = Int(hash) & mask
            while slots[i] >= 0 { i = (i + 1) & mask }
            slots[i] = Int32(entry)
        }
    }
}
