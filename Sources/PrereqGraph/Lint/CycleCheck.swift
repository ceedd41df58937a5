import Diagnostics
import PrereqMessages
import PrereqModel

/// Finds cycles in a directed graph with an iterative depth-first search: every back edge closes
/// one cycle, reported with its full path. Linear in nodes and edges (plus the paths printed).
struct CycleFinder {
    /// One cycle: the nodes in order, the first repeated at the end implicitly; `closingEdge` is
    /// the edge (from the last node back to the first) that closes it.
    struct Cycle {
        var path: [Int]
    }

    static func cycles(nodeCount: Int, edges: Adjacency) -> [Cycle] {
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
/// `update-order-cycle`: components whose `updatedAfter` order can never be followed.
/// `created-by-cycle`: jobs that (through `createdBy`) create themselves, so none can exist.
package enum CycleCheck {
    package static func run(_ graph: RuleGraph, _ messages: Messages) -> [Diagnostic] {
        let features = graph.pack.features
        let jobs = graph.pack.jobs
        let requires = report(
            CycleFinder.cycles(nodeCount: features.count, edges: graph.mandatory), code: "requires-cycle",
            id: { features[$0].id },
            reference: { from, to in features[from].requires?.mandatoryFeatures.first { $0.value == to }?.location },
            message: messages.requiresCycle, help: messages.requiresCycleHelp, messages)
        let after = report(
            CycleFinder.cycles(nodeCount: jobs.count, edges: graph.jobAfter), code: "after-cycle",
            id: { jobs[$0].id }, reference: { from, to in jobs[from].after.first { $0.value == to }?.location },
            message: messages.afterCycle, help: messages.afterCycleHelp, messages)
        let components = graph.pack.components
        let updates = report(
            CycleFinder.cycles(nodeCount: components.count, edges: graph.componentUpdatedAfter), code: "update-order-cycle",
            id: { components[$0].id }, reference: { from, to in components[from].updatedAfter.first { $0.value == to }?.location },
            message: messages.updateOrderCycle, help: messages.updateOrderCycleHelp, messages)
        let created = report(
            CycleFinder.cycles(nodeCount: jobs.count, edges: graph.jobCreatedBy), code: "created-by-cycle",
            id: { jobs[$0].id }, reference: { from, _ in jobs[from].createdBy?.location },
            message: messages.createdByCycle, help: messages.createdByCycleHelp, messages)
        return requires + after + created + updates
    }

    /// One finding per cycle, at the reference that closes it (from the last element back to
    /// the first), with every other element of the cycle as a related location.
    private static func report(
        _ cycles: [CycleFinder.Cycle], code: String, id: (Int) -> Located<String>,
        reference: (_ from: Int, _ to: String) -> SourceLocation?, message: ([String]) -> String, help: String,
        _ messages: Messages
    ) -> [Diagnostic] {
        cycles.map { cycle in
            let last = cycle.path[cycle.path.count - 1]
            return Diagnostic(
                code: code, severity: .error, message: message((cycle.path + [cycle.path[0]]).map { id($0).value }),
                location: reference(last, id(cycle.path[0]).value) ?? id(last).location,
                related: cycle.path.dropLast().map { RelatedLocation(id($0).location, messages.inTheCycle(id($0).value)) },
                help: help, subject: id(last).value)
        }
    }
}
