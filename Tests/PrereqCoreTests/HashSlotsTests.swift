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
            var random = SeededRandom(seed: seed)
            var table = Table(slots: HashSlots(capacity: Int(seed % 4) * 10), hash: hash)
            var model: [String: Int] = [:]
            for _ in 0..<300 {
                let key = String(repeating: "k", count: random.below(41))
                    + String(random.below(61))
                if random.chance(50) {
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
