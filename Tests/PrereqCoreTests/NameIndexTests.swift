import PrereqBasics
import PrereqCore
import Testing

@testable import PrereqGraph

@Suite struct NameIndexTests {
    @Test func namesMatchIgnoringCaseAndSurroundingSpace() {
        var index = NameIndex()
        index.add("async-customer-mode", 0)
        index.add("Async Customer Mode", 0)
        index.add("Other Feature", 1)
        #expect(index.lookup("ASYNC-customer-MODE") == [0])
        #expect(index.lookup("  async customer mode\n") == [0])
        #expect(index.lookup("other feature") == [1])
        #expect(index.lookup("missing").isEmpty)
        // The same element claiming a name twice is not ambiguous, and the name is listed once.
        #expect(index.ambiguous.isEmpty)
        #expect(index.names == ["async-customer-mode", "Async Customer Mode", "Other Feature"])
    }

    @Test func ambiguousNamesComeInTheOrderTheyWereFirstAdded() {
        var index = NameIndex()
        index.add("Shared B", 0)
        index.add("Shared A", 1)
        index.add("shared a", 2)
        index.add("SHARED B", 3)
        index.add("shared b", 4)
        index.add("shared b", 3)
        #expect(index.lookup("shared b") == [0, 3, 4])
        #expect(index.lookup("Shared A") == [1, 2])
        let ambiguous = index.ambiguous
        #expect(ambiguous.map(\.name) == ["Shared B", "Shared A"])
        #expect(ambiguous.map(\.elements) == [[0, 3, 4], [1, 2]])
    }

    /// Names whose keys Swift counts as equal are one name, whichever way they are hashed and
    /// compared: over generated names (short and long) spelled with capitals, surrounding
    /// space, decomposed accents and the characters canonically equivalent to ASCII ones, a
    /// lookup finds exactly the names with its key.
    @Test func aLookupFindsExactlyTheNamesWithItsKey() {
        // Each letter with the spellings Swift (or the key's case folding) counts as the same.
        let letters = [["a", "A"], ["b", "B"], ["k", "K", "\u{212A}"], [";", "\u{037E}"], ["`", "\u{1FEF}"], ["\u{E9}", "e\u{301}", "\u{C9}"], ["-"], ["z", "Z"], ["\u{4E2D}"], ["x"]]
        var random = SeededRandom(seed: 11)
        func spelling(of base: [Int]) -> String {
            let core = base.map { random.pick(letters[$0]) }.joined()
            return (random.chance(20) ? " " : "") + core + (random.chance(20) ? "\n" : "")
        }
        var matched = 0, long = 0
        for _ in 0..<300 {
            let bases = (0..<5).map { _ in (0..<(1 + random.below(random.chance(50) ? 4 : 20))).map { _ in random.below(letters.count) } }
            let names = (0..<12).map { _ in spelling(of: random.pick(bases)) }
            var index = NameIndex()
            for (i, n) in names.enumerated() { index.add(n, i) }
            for query in names + (0..<6).map({ _ in spelling(of: random.pick(bases)) }) {
                let expected = names.indices.filter { NameIndex.key(names[$0]) == NameIndex.key(query) }
                #expect(index.lookup(query) == expected, "\(query.unicodeScalars.map(\.value)) in \(names.map { $0.unicodeScalars.map(\.value) })")
                if expected.count > 1 { matched += 1 }
                if expected.count > 1, query.utf8.count >= 16 { long += 1 }
            }
        }
        // Names that differ in their bytes but not their keys were met often, long ones too.
        #expect(matched > 1_000 && long > 300, "\(matched), \(long) long")
    }

    /// The characters taken as their ASCII equivalents are exactly those Swift counts as equal
    /// to an ASCII character: every Unicode scalar is checked.
    @Test func onlyThreeCharactersAreCanonicallyASCII() {
        let ascii = Dictionary(uniqueKeysWithValues: (0..<128).compactMap(Unicode.Scalar.init).map { (String($0), $0) })
        var found: [Unicode.Scalar: Unicode.Scalar] = [:]
        for value in UInt32(0x80)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value), let equal = ascii[String(scalar)] else { continue }
            found[scalar] = equal
        }
        #expect(found == CanonicalASCII.singletons)
    }

    @Test func keysAreLowercaseAndTrimmed() {
        #expect(NameIndex.key("already-lowercase-1") == "already-lowercase-1")
        #expect(NameIndex.key("Mixed Case") == "mixed case")
        #expect(NameIndex.key("  Édition  ") == "édition")
        #expect(NameIndex.key("   ").isEmpty)
    }
}

@Suite struct GraphNameTests {
    static let yaml = """
        prereq: 1
        features:
          a: {name: {en: Customer sync, pt-BR: Sincronizar}}
          b: {name: customer SYNC }
          c: {name: Other, aliases: [Sincronizar]}
        jobs:
          j: {name: Nightly sync, code: "1110"}
        settings:
          s: {name: Sync mode}
        """

    /// Lint builds the graph without keeping its name indices: the clashes are the same, and a
    /// question asked of that graph afterwards gets the same answers.
    @Test func aGraphThatDropsItsNamesAnswersAsOneThatKeepsThem() {
        let (rules, diagnostics) = pack(Self.yaml)
        #expect(diagnostics.isEmpty)
        let kept = RuleGraph(rules)
        let dropped = RuleGraph(rules, keepingNames: false)
        #expect(kept.featureNameClashes.map(\.name) == ["Customer sync", "Sincronizar"])
        #expect(kept.featureNameClashes.map(\.elements) == [[0, 1], [0, 2]])
        #expect(dropped.featureNameClashes.map(\.name) == kept.featureNameClashes.map(\.name))
        #expect(dropped.featureNameClashes.map(\.elements) == kept.featureNameClashes.map(\.elements))
        for name in ["customer sync", "Other", "c", "sincronizar", "missing"] {
            #expect(dropped.featureNames.lookup(name) == kept.featureNames.lookup(name))
        }
        #expect(dropped.jobNames.lookup("1110") == [0] && kept.jobNames.lookup("nightly sync") == [0])
        #expect(dropped.settingNames.lookup("sync mode") == [0])
        #expect(dropped.featureNames.names == kept.featureNames.names)
    }
}
