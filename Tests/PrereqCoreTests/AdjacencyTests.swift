import Testing

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
}
