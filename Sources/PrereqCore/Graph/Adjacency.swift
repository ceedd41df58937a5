/// Edges from each of a graph's nodes, stored flat ("compressed rows"): one array of targets
/// and one of where each node's row starts, instead of an array per node. Reading a row makes
/// no copy, and building or freeing the graph allocates a handful of arrays, not one per node.
public struct Adjacency: Sendable, RandomAccessCollection {
    /// `starts[n]..<starts[n + 1]` is node `n`'s row in `targets` (hot loops read these two
    /// arrays directly).
    private(set) var starts: [Int]
    private(set) var targets: [Int]

    public var startIndex: Int { 0 }
    public var endIndex: Int { starts.count - 1 }

    /// The targets of `node`'s edges, in the order they were added.
    public subscript(node: Int) -> Row {
        Row(targets: targets[starts[node]..<starts[node + 1]])
    }

    /// One node's targets, indexed from 0 like an array.
    public struct Row: RandomAccessCollection, Sendable {
        fileprivate let targets: ArraySlice<Int>

        public var startIndex: Int { 0 }
        public var endIndex: Int { targets.count }
        public subscript(position: Int) -> Int { targets[targets.startIndex + position] }
    }

    /// An empty graph, to be filled row by row with `addRow`.
    init(reservingRows rows: Int, edges: Int) {
        starts = [0]
        starts.reserveCapacity(rows + 1)
        targets = []
        targets.reserveCapacity(edges)
    }

    /// The rows given, in order.
    init(rows: [[Int]]) {
        self.init(reservingRows: rows.count, edges: rows.reduce(0) { $0 + $1.count })
        for row in rows {
            for target in row { targets.append(target) }
            starts.append(targets.count)
        }
    }

    /// Starts the next node's row.
    mutating func startRow() {
        starts.append(targets.count)
    }

    /// Adds an edge to the row started last, unless that row has it already (rows are short).
    mutating func addToLastRow(_ target: Int) {
        let rowStart = starts[starts.count - 2]
        if !targets[rowStart...].contains(target) { targets.append(target) }
        starts[starts.count - 1] = targets.count
    }

    /// The same edges pointing the other way; each row lists its sources in increasing order.
    func transposed() -> Adjacency {
        var counts = [Int](repeating: 0, count: count + 1)
        for target in targets { counts[target + 1] += 1 }
        for n in 0..<count { counts[n + 1] += counts[n] }
        var out = Adjacency(reservingRows: 0, edges: 0)
        out.starts = counts
        var fill = counts
        var reversed = [Int](repeating: 0, count: targets.count)
        for source in 0..<count {
            for target in self[source] {
                reversed[fill[target]] = source
                fill[target] += 1
            }
        }
        out.targets = reversed
        return out
    }
}
