import Testing

import PrereqBasics
import PrereqCore
@testable import PrereqGraph

/// The flat edge storage the rule graph is built on.
@Suite struct AdjacencyTests {
    @Test func rowsReadBackIndexedFromZero() {
        let edges = Adjacency(rows: [[1, 2], [], [0], [2, 1, 0]])
        #expect(edges.count == 4)
        #expect(Array(edges[0]) == [1, 2])
        #expect(edges[1].isEmpty)
        #expect(edges[3].count == 3)
        // Rows are indexed from 0 whatever their place in the flat storage.
        #expect(edges[3][0] == 2 && edges[3][2] == 0)
        #expect(edges.map(\.count) == [2, 0, 1, 3])
    }

    @Test func rowsBuiltOneByOneDropRepeatsWithinARow() {
        var edges = Adjacency(reservingRows: 3, edges: 4)
        edges.startRow()
        for t in [2, 1, 2, 1] { edges.addToLastRow(t) }
        edges.startRow()
        edges.startRow()
        edges.addToLastRow(1)
        edges.addToLastRow(1)
        #expect(edges.count == 3)
        #expect(Array(edges[0]) == [2, 1])
        #expect(edges[1].isEmpty)
        #expect(Array(edges[2]) == [1])
    }

    /// A feature that needs thousands of features: its row keeps a set past a few dozen edges,
    /// and still drops repeats, in order, with the next row starting afresh.
    @Test func longRowsDropRepeatsToo() {
        var edges = Adjacency(reservingRows: 2, edges: 300)
        edges.startRow()
        for t in 0..<200 { edges.addToLastRow(t % 150) }
        edges.startRow()
        for t in [5, 5, 149, 5] { edges.addToLastRow(t) }
        #expect(Array(edges[0]) == Array(0..<150))
        #expect(Array(edges[1]) == [5, 149])
    }

    @Test func transposedReversesEveryEdgeWithSourcesInOrder() {
        let edges = Adjacency(rows: [[1, 2], [2], [], [2, 0]])
        let back = edges.transposed()
        #expect(back.count == 4)
        #expect(Array(back[0]) == [3])
        #expect(Array(back[1]) == [0])
        #expect(Array(back[2]) == [0, 1, 3])
        #expect(back[3].isEmpty)
        #expect(Array(back.transposed().map { Array($0) }) == [[1, 2], [2], [], [0, 2]])
    }

    @Test func rowsAppendedAfterOthersKeepTheirTargets() {
        var first = Adjacency(rows: [[1, 2], []])
        first.append(rowsOf: Adjacency(rows: [[0], [3, 1, 0]]))
        #expect(first.map { Array($0) } == [[1, 2], [], [0], [3, 1, 0]])
    }

    /// A pack big enough that its requirements are read in two halves on two threads: every
    /// feature's edges, undefined references and tree form are those its own definition gives,
    /// across the join too.
    @Test func aPackReadInHalvesHasTheEdgesItsDefinitionsGive() {
        let n = 24_000
        var random = SeededRandom(seed: 11)
        var yaml = "prereq: 1\nfeatures:\n"
        for i in 0..<n {
            yaml += "  f\(i):\n"
            guard i > 0, random.chance(90) else { continue }
            // Mostly nearby features, some far, some undefined, some repeated; now and then an
            // alternative or a negation (references that are not mandatory).
            func ref() -> String {
                if random.chance(2) { return "missing-\(random.below(50))" }
                return "f\(random.chance(80) ? max(0, i - 1 - random.below(40)) : random.below(n))"
            }
            let plain = (0..<(1 + random.below(4))).map { _ in ref() }
            var items = plain
            if random.chance(10) { items.append("{anyOf: [\(ref()), \(ref())]}") }
            if random.chance(5) { items.append("{not: \(ref())}") }
            if random.chance(5) { items.append(plain[0]) }
            yaml += "    requires: [\(items.joined(separator: ", "))]\n"
        }
        let (p, _) = pack(yaml)
        #expect(p.features.count == n)
        let graph = RuleGraph(p)
        var index: [String: Int] = [:]
        for (i, f) in p.features.enumerated() where index[f.id.value] == nil { index[f.id.value] = i }
        func row(_ ids: [Located<String>]) -> [Int] {
            var out: [Int] = []
            for id in ids { if let j = index[id.value], !out.contains(j) { out.append(j) } }
            return out
        }
        var wrong: [Int] = []
        for (i, f) in p.features.enumerated() {
            let references = f.requires?.featureReferences ?? []
            let ok =
                Array(graph.mentions[i]) == row(references) && Array(graph.mandatory[i]) == row(f.requires?.mandatoryFeatures ?? [])
                && graph.unresolvedFeatureReferences.contains(i) == references.contains { index[$0.value] == nil }
                && graph.requiresOnlyMandatory[i] == (f.requires?.isAllOfFeatures ?? false)
                && graph.usesConstructs[i] == !(f.requires?.namesOnlyFeatures ?? true)
            if !ok { wrong.append(i) }
        }
        #expect(wrong.isEmpty, "features with other edges: \(wrong.prefix(10))")
        #expect(graph.mentions.count == n && graph.mandatory.count == n)
        #expect(graph.unresolvedFeatureReferences.contains { $0 >= n / 2 } && graph.unresolvedFeatureReferences.contains { $0 < n / 2 })
    }
}
