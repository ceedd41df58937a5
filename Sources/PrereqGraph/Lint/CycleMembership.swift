
/// Which nodes of a directed graph lie on a cycle: those in a strongly connected component of
/// two or more nodes, or with an edge to themselves. One pass of Tarjan's algorithm, iterative
/// (a long chain cannot overflow the call stack), linear in nodes and edges.
enum CycleMembership {
    static func onCycle(nodeCount: Int, edges: Adjacency) -> [Bool] {
        var index = [Int](repeating: -1, count: nodeCount)
        var low = [Int](repeating: 0, count: nodeCount)
        var onStack = [Bool](repeating: false, count: nodeCount)
        var result = [Bool](repeating: false, count: nodeCount)
        var component: [Int] = []
        var calls: [(node: Int, next: Int)] = []
        var counter = 0
        for root in 0..<nodeCount where index[root] < 0 {
            index[root] = counter; low[root] = counter; counter += 1
            component.append(root); onStack[root] = true
            calls.append((root, 0))
            while let top = calls.last {
                let row = edges[top.node]
                if top.next < row.count {
                    calls[calls.count - 1].next += 1
                    let t = row[top.next]
                    if t == top.node { result[t] = true }
                    if index[t] < 0 {
                        index[t] = counter; low[t] = counter; counter += 1
                        component.append(t); onStack[t] = true
                        calls.append((t, 0))
                    } else if onStack[t] {
                        low[top.node] = min(low[top.node], index[t])
                    }
                    continue
                }
                calls.removeLast()
                if let parent = calls.last { low[parent.node] = min(low[parent.node], low[top.node]) }
                guard low[top.node] == index[top.node] else { continue }
                var members = 0
                var last = component.count
                repeat {
                    last -= 1
                    onStack[component[last]] = false
                    members += 1
                } while component[last] != top.node
                if members > 1 { for k in last..<component.count { result[component[k]] = true } }
                component.removeSubrange(last...)
            }
        }
        return result
    }
}
