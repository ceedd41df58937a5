import Diagnostics

/// Finds cycles in a directed graph with an iterative depth-first search: every back edge closes
/// one cycle, reported with its full path. Linear in nodes and edges (plus the paths printed).
struct CycleFinder {
    /// One cycle: the nodes in order, the first repeated at the end implicitly; `closingEdge` is
    /// the edge (from the last node back to the first) that closes it.
    struct Cycle {
        var path: [Int]
    }

    static func cycles(nodeCount: Int, edges: [[Int]]) -> [Cycle] {
        var state = [UInt8](repeating: 0, count: nodeCount)  // 0 new, 1 on stack, 2 done
        var positionOnStack = [Int](repeating: -1, count: nodeCount)
        var out: [Cycle] = []
        var stack: [(node: Int, next: Int)] = []
        for start in 0..<nodeCount where state[start] == 0 {
            stack.append((start, 0))
            state[start] = 1
            positionOnStack[start] = 0
            while let top = stack.last {
                let targets = edges[top.node]
                if top.next < targets.count {
                    stack[stack.count - 1].next += 1
                    let t = targets[top.next]
                    switch state[t] {
                    case 0:
                        state[t] = 1
                        positionOnStack[t] = stack.count
                        stack.append((t, 0))
                    case 1:
                        out.append(Cycle(path: stack[positionOnStack[t]...].map(\.node)))
                    default:
                        break
                    }
                } else {
                    state[top.node] = 2
                    positionOnStack[top.node] = -1
                    stack.removeLast()
                }
            }
        }
        return out
    }
}

/// `requires-cycle`: features that (through all-of requirements) need themselves.
/// `after-cycle`: jobs whose `after` constraints can never all be met.
enum CycleCheck {
    static func run(_ graph: RuleGraph, _ messages: Messages) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let features = graph.pack.features
        for cycle in CycleFinder.cycles(nodeCount: features.count, edges: graph.mandatory) {
            let names = (cycle.path + [cycle.path[0]]).map { features[$0].id.value }
            let last = features[cycle.path[cycle.path.count - 1]]
            let target = features[cycle.path[0]].id.value
            let reference = last.requires?.mandatoryFeatures.first { $0.value == target }
            out.append(
                Diagnostic(
                    code: "requires-cycle", severity: .error,
                    message: messages.requiresCycle(names),
                    location: reference?.location ?? last.location,
                    related: cycle.path.dropLast().map { RelatedLocation(features[$0].location, messages.inTheCycle(features[$0].id.value)) },
                    help: messages.requiresCycleHelp,
                    subject: last.id.value))
        }
        let jobs = graph.pack.jobs
        for cycle in CycleFinder.cycles(nodeCount: jobs.count, edges: graph.jobAfter) {
            let names = (cycle.path + [cycle.path[0]]).map { jobs[$0].id.value }
            let last = jobs[cycle.path[cycle.path.count - 1]]
            let target = jobs[cycle.path[0]].id.value
            let reference = last.after.first { $0.value == target }
            out.append(
                Diagnostic(
                    code: "after-cycle", severity: .error,
                    message: messages.afterCycle(names),
                    location: reference?.location ?? last.location,
                    related: cycle.path.dropLast().map { RelatedLocation(jobs[$0].location, messages.inTheCycle(jobs[$0].id.value)) },
                    help: messages.afterCycleHelp,
                    subject: last.id.value))
        }
        return out
    }
}
