import PrereqModel

extension RuleGraph {
    /// Each component's place in the documented update order: after every component its
    /// `updatedAfter` names, otherwise in the order the pack declares them (components on a
    /// cycle of `updatedAfter`, which lint reports, come last in declared order).
    static func updateRank(_ pack: RulePack, _ index: IdIndex) -> (after: Adjacency, rank: [Int]) {
        let rows = pack.components.map { c in c.updatedAfter.compactMap { index[$0.value] } }
        var rank = [Int](repeating: .max, count: rows.count)
        var next = 0
        var progressed = true
        while progressed {
            progressed = false
            for c in rows.indices where rank[c] == .max && rows[c].allSatisfy({ rank[$0] != .max && $0 != c }) {
                rank[c] = next
                next += 1
                progressed = true
                break
            }
        }
        for c in rows.indices where rank[c] == .max {
            rank[c] = next
            next += 1
        }
        return (Adjacency(rows: rows), rank)
    }
}
