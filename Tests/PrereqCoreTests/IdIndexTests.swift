import PrereqBasics
import PrereqCore
import Testing

/// `IdIndex` answers what the dictionary of first definitions by id answers.
@Suite struct IdIndexTests {
    @Test func findsTheFirstDefinitionOfEachIdAsADictionaryWould() {
        for seed in UInt64(1)...30 {
            var random = SeededRandom(seed: seed)
            // Few distinct ids, so that many repeat; some equal only as Unicode text, ASCII ones
            // among them (Kelvin sign and K, Greek question mark and `;`, varia and a backtick).
            let alphabet = [
                "a", "b", "-", "é", "e\u{0301}", "Ä", "long-identifier-of-a-feature-", "K", "\u{212A}", ";", "\u{037E}", "`",
                "\u{1FEF}", "-eight--",
            ]
            let ids = (0..<random.below(400)).map { _ in
                (0..<(1 + random.below(4))).map { _ in alphabet[random.below(alphabet.count)] }.joined()
            }
            var model: [String: Int] = [:]
            for (i, id) in ids.enumerated() where model[id] == nil { model[id] = i }
            let index = IdIndex(ids)
            #expect(index.count == model.count, "seed \(seed)")
            #expect(index.distinctIds == model.sorted { $0.value < $1.value }.map(\.key), "seed \(seed)")
            for (id, first) in model { #expect(index[id] == first, "seed \(seed): \(id)") }
            for probe in ["", "zz", "A", "é-é-é-é-é", "\u{212A}\u{212A}\u{212A}", "-eight--K"] where model[probe] == nil {
                #expect(index[probe] == nil, "seed \(seed): \(probe)")
            }
        }
    }

    @Test func anEmptyIndexFindsNothing() {
        let index = IdIndex([])
        #expect(index.count == 0)
        #expect(index[""] == nil && index["a"] == nil)
    }
}
