import PrereqCore
import Testing

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
