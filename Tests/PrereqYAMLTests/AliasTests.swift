import Diagnostics
import PrereqYAML
import Testing

@Suite struct AliasTests {
    @Test func aliasResolvesToTheAnchoredNodeItself() throws {
        let file = loadYAML("base: &b {x: 1}\ncopy: *b\nother: {x: 1}\n")
        #expect(file.diagnostics.isEmpty)
        let root = try #require(file.documents.first).root
        let entries = root.entries
        #expect(entries.count == 3)
        let anchored = entries[0].value
        let alias = entries[1].value
        #expect(anchored.kind == .mapping)
        #expect(anchored.anchor == "b")
        #expect(alias.kind == .alias)
        #expect(alias.anchor == "b")
        #expect(alias.location.line == 2 && alias.location.column == 7)
        // Same identity: the alias points at the anchored node, not at a copy of it.
        #expect(alias.resolved.identity == anchored.identity)
        #expect(alias.resolved.location == anchored.location)
        #expect(entries[2].value.identity != anchored.identity)
        // No copy was made: root, 3 keys, 2 mappings with one entry each (4 scalars), 1 alias.
        #expect(try #require(file.documents.first).nodeCount == 1 + 3 + 2 + 4 + 1)
    }

    @Test func aliasUsesTheMostRecentDefinitionOfAnAnchor() throws {
        let file = loadYAML("- &a first\n- *a\n- &a second\n- *a\n")
        #expect(file.diagnostics.isEmpty)
        let items = try #require(file.documents.first).root.elements
        #expect(items[1].resolved.scalarText == "first")
        #expect(items[3].resolved.scalarText == "second")
        #expect(items[1].resolved.identity == items[0].identity)
        #expect(items[3].resolved.identity == items[2].identity)
    }

    @Test func undefinedAliasIsAnError() {
        let file = loadYAML("a: 1\nb: *missing\n")
        #expect(file.codes == ["yaml-undefined-alias"])
        #expect(file.position(of: "yaml-undefined-alias") == "2:4")
        #expect(file.documents.isEmpty)
    }

    @Test func aliasToAnAnchorInAnEarlierDocumentIsUndefined() {
        let file = loadYAML("--- &a x\n--- *a\n")
        #expect(file.codes == ["yaml-undefined-alias"])
    }

    @Test func aliasUsedBeforeItsAnchorIsUndefined() {
        let file = loadYAML("- *a\n- &a x\n")
        #expect(file.codes == ["yaml-undefined-alias"])
    }

    @Test func recursiveAliasIsAnError() throws {
        let file = loadYAML("&a [*a]\n")
        #expect(file.codes == ["yaml-recursive-alias"])
        #expect(file.position(of: "yaml-recursive-alias") == "1:5")
        #expect(file.documents.isEmpty)
        let d = try #require(file.diagnostics.first)
        #expect(d.related.first?.location.line == 1)
    }

    @Test func recursiveAliasInsideANestedMappingIsAnError() {
        let file = loadYAML("top: &t\n  child:\n    again: *t\n")
        #expect(file.codes == ["yaml-recursive-alias"])
        #expect(file.position(of: "yaml-recursive-alias") == "3:12")
    }

    @Test func billionLaughsLoadsWithALinearNodeCount() throws {
        // Ten levels, each a list of ten aliases to the level below: 10^10 strings if expanded.
        var text = "l0: &l0 [" + Array(repeating: "\"lol\"", count: 10).joined(separator: ", ") + "]\n"
        for level in 1..<10 {
            text += "l\(level): &l\(level) [" + Array(repeating: "*l\(level - 1)", count: 10).joined(separator: ", ")
                + "]\n"
        }
        let file = loadYAML(text)
        #expect(file.diagnostics.isEmpty)
        let document = try #require(file.documents.first)
        // root + 10 keys + 10 sequences + 10 strings + 90 aliases.
        #expect(document.nodeCount == 121)
        #expect(document.nodeCount < 200)
        // Walking the tree visits each stored node once: aliases are leaves, never followed.
        var visited = 0
        YAMLWalker.walk(document.root) { event in
            if case .enter = event { visited += 1 }
        }
        #expect(visited == document.nodeCount)
        let top = try #require(document.root.entries.last?.value)
        #expect(top.elements.allSatisfy { $0.kind == .alias && $0.anchor == "l8" })
    }
}
