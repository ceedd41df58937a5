
/// Edges from each of a graph's nodes, stored flat ("compressed rows"): one array of targets
/// and one of where each node's row starts, instead of an array per node. Reading a row makes
/// no copy, and building or freeing the graph allocates a handful of arrays, not one per node.
public struct Adjacency: Sendable, RandomAccessCollection {
    /// `starts[n]..<starts[n + 1]` is node `n`'s row in `targets` (hot loops read these two
    /// arrays directly). 32-bit, so that twice as much of a big graph stays in the caches.
    private(set) var starts: [Int32]
    private(set) var targets: [Int32]
    /// The targets of the row being filled, once it is too long to search (`addToLastRow`).
    private var lastRowTargets: Set<Int32> = []

    public var startIndex: Int { 0 }
    public var endIndex: Int { starts.count - 1 }

    /// The targets of `node`'s edges, in the order they were added.
    public subscript(node: Int) -> Row {
        Row(targets: targets[Int(starts[node])..<Int(starts[node + 1])])
    }

    /// One node's targets, indexed from 0 like an array.
    public struct Row: RandomAccessCollection, Sendable {
        fileprivate let targets: ArraySlice<Int32>

        public var startIndex: Int { 0 }
        public var endIndex: Int { targets.count }
        public subscript(position: Int) -> Int { Int(targets[targets.startIndex + position]) }
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
            for target in row { targets.append(Int32(target)) }
            starts.append(Int32(targets.count))
        }
    }

    /// Starts the next node's row.
    mutating func startRow() {
        starts.append(Int32(targets.count))
        if !lastRowTargets.isEmpty { lastRowTargets.removeAll(keepingCapacity: true) }
    }

    /// Rows up to this long are searched for a duplicate; longer ones (a feature that needs
    /// thousands) keep a set, so that filling a row stays linear in its length.
    private static let searchedRowLength = 32

    /// Adds an edge to the row started last, unless that row has it already.
    mutating func addToLastRow(_ target: Int) {
        let rowStart = Int(starts[starts.count - 2])
        let t = Int32(target)
        let length = targets.count - rowStart
        if length < Self.searchedRowLength {
            if !targets[rowStart...].contains(t) { targets.append(t) }
        } else {
            if lastRowTargets.isEmpty { lastRowTargets = Set(targets[rowStart...]) }
            if lastRowTargets.insert(t).inserted { targets.append(t) }
        }
        starts[starts.count - 1] = Int32(targets.count)
    }

    /// This graph's rows followed by `other`'s (whose targets number the same nodes).
    mutating func append(rowsOf other: Adjacency) {
        let offset = Int32(targets.count)
        starts += other.starts.dropFirst().map { $0 + offset }
        targets += other.targets
        lastRowTargets = []
    }

    /// The same edges pointing the other way; each row lists its sources in increasing order.
    func transposed() -> Adjacency {
        var counts = [Int32](repeating: 0, count: count + 1)
        for target in targets { counts[Int(target) + 1] += 1 }
        for n in 0..<count { counts[n + 1] += counts[n] }
        var out = Adjacency(reservingRows: 0, edges: 0)
        out.starts = counts
        var fill = counts
        var reversed = [Int32](repeating: 0, count: targets.count)
        for source in 0..<count {
            for target in self[source] {
                reversed[Int(fill[target])] = Int32(source)
                fill[target] += 1
            }
        }
        out.targets = reversed
        return out
    }
}
