import Diagnostics
import PrereqMessages

/// `redundant-requirement` (a note): a feature requires B directly although another of its
/// direct requirements already needs B. The search from each requirement is bounded
/// (`searchBudget` features) so that huge packs stay linear; deeper implications go unreported.
/// It enters only features that can lead to one of the other direct requirements (by
/// `RuleGraph.mandatoryRank`), so the budget goes to paths that matter and most searches end
/// after a few steps.
enum RedundancyCheck {
    static let searchBudget = 64

    /// The notes for the features in `range`, in feature order.
    package static func run(_ graph: RuleGraph, _ messages: Messages, features range: Range<Int>) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let n = graph.pack.features.count
        // The searches below visit millions of features at random: what they read per feature
        // is kept small and together (rank and stamp side by side, edges in 32 bits).
        let starts = graph.mandatory.starts, targets = graph.mandatory.targets
        var visitStorage = graph.mandatoryRank.map { Visit(rank: Int32(clamping: $0), stamp: -1) }
        var isDirectStorage = [Int32](repeating: -1, count: n)
        var reportedStorage = [Int32](repeating: -1, count: n)
        // A feature is queued at most once per search (it is stamped when queued), so the stack
        // never holds more than every feature.
        var stackStorage = [Int32](repeating: 0, count: n)
        // Spans, so that the millions of writes below check no array's uniqueness.
        var visit = visitStorage.mutableSpan, isDirect = isDirectStorage.mutableSpan
        var reported = reportedStorage.mutableSpan, stack = stackStorage.mutableSpan
        var round: Int32 = 0
        for i in range where starts[i + 1] - starts[i] >= 2 {
            let mark = Int32(i)
            let direct = Int(starts[i])..<Int(starts[i + 1])
            for k in direct { isDirect[Int(targets[k])] = mark }
            for dk in direct {
                let d = Int(targets[dk])
                // The lowest rank among the targets this search may find; nothing ranked below
                // it can lead to one (and from a feature outside every cycle, no cycle is reached).
                var lowest = Int32.max
                var remaining = 0
                for k in direct {
                    let x = Int(targets[k])
                    guard x != d, x != i, reported[x] != mark, graph.mayNeed(d, x) else { continue }
                    remaining += 1
                    lowest = min(lowest, visit[x].rank)
                }
                guard remaining > 0 else { continue }
                round += 1
                var top = 0
                // Features are stamped when pushed, so none is queued twice; the search ends
                // once every target is found, or after `searchBudget` features.
                var next = d
                var visited = -1
                while true {
                    if visited >= 0 {
                        if isDirect[next] == mark, next != d, next != i, reported[next] != mark {
                            reported[next] = mark
                            remaining -= 1
                            out.append(finding(i, requires: next, alreadyBy: d, graph, messages))
                        }
                    }
                    visited += 1
                    guard remaining > 0, visited < searchBudget else { break }
                    for k in Int(starts[next])..<Int(starts[next + 1]) {
                        let y = Int(targets[k])
                        if visit[y].stamp != round, visit[y].rank == .max || visit[y].rank >= lowest {
                            visit[y].stamp = round
                            stack[top] = Int32(y)
                            top += 1
                        }
                    }
                    guard top > 0 else { break }
                    top -= 1
                    next = Int(stack[top])
                }
            }
        }
        return out
    }

    /// What a search reads of each feature it meets: its dependency rank (`Int32.max` in or
    /// behind a cycle) and the search that last queued it.
    private struct Visit {
        var rank: Int32
        var stamp: Int32
    }

    /// The note for feature `i`, which requires `x` directly although `d` already requires it;
    /// it points at the reference to `x` (the references are looked up only for a finding).
    private static func finding(_ i: Int, requires x: Int, alreadyBy d: Int, _ graph: RuleGraph, _ messages: Messages) -> Diagnostic {
        let features = graph.pack.features
        let feature = features[i]
        let direct = feature.requires?.mandatoryFeatures ?? []
        let (xId, dId) = (features[x].id.value, features[d].id.value)
        return Diagnostic(
            code: "redundant-requirement", severity: .note,
            message: messages.redundantRequirement(feature.id.value, requires: xId, alreadyBy: dId),
            location: direct.first { $0.value == xId }?.location ?? feature.location,
            related: [RelatedLocation(direct.first { $0.value == dId }?.location ?? feature.location, messages.requiredHere(by: dId))],
            help: messages.redundantRequirementHelp, subject: feature.id.value)
    }
}
