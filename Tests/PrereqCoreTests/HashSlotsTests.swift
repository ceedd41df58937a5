import PrereqBasics
import Testing

/// `HashSlots` finds what a dictionary finds, through collisions and growth.
@Suite struct HashSlotsTests {
    /// A set of strings over `HashSlots`, kept the way its owners keep entries.
    struct Table {
        var slots: HashSlots
        var keys: [String] = []
        let hash: (String) -> Int

        /// The entry of `key`, adding it when new; and whether it was new.
        mutating func insert(_ key: String) -> (entry: Int, added: Bool) {
            var probe = slots.probe(hash(key))
            while let k = slots.next(&probe) {
                if keys[k] == key { return (k, false) }
            }
            let added = slots.add(at: probe)
            #expect(added == keys.count)
            keys.append(key)
            return (keys.count - 1, true)
        }

        func find(_ key: String) -> Int? {
            var probe = slots.probe(hash(key))
            while let k = slots.next(&probe) {
                if keys[k] == key { return k }
            }
            return nil
        }
    }

    /// Deterministic pseudo-random numbers (SplitMix64), so a failure repeats.
    struct Numbers: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    @Test(arguments: [
        ("few hashes, many collisions", 7),
        ("negative hashes", -1),
        ("well spread", 0),
    ])
    func agreesWithADictionary(_ label: String, _ spread: Int) {
        let hash: (String) -> Int = { key in
            switch spread {
            case 0: key.hashValue
            case -1: -(key.count * 1_000_003) - 1
            default: key.count % spread
            }
        }
        for seed in UInt64(1)...20 {
            var numbers = Numbers(state: seed)
            var table = Table(slots: HashSlots(capacity: Int(seed % 4) * 10), hash: hash)
            var model: [String: Int] = [:]
            for _ in 0..<300 {
                let key = String(repeating: "k", count: Int.random(in: 0...40, using: &numbers))
                    + String(Int.random(in: 0...60, using: &numbers))
                if Bool.random(using: &numbers) {
                    let (entry, added) = table.insert(key)
                    if let known = model[key] {
                        #expect(!added && entry == known, "\(label) seed \(seed): \(key)")
                    } else {
                        #expect(added, "\(label) seed \(seed): \(key)")
                        model[key] = entry
                    }
                } else {
                    #expect(table.find(key) == model[key], "\(label) seed \(seed): \(key)")
                }
            }
            for (key, entry) in model { #expect(table.find(key) == entry, "\(label) seed \(seed)") }
        }
    }
}
