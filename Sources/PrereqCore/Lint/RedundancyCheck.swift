import Diagnostics

/// `redundant-requirement` (a note): a feature requires B directly although another of its
/// direct requirements already needs B. The search from each requirement is bounded
/// (`searchBudget` features) so that huge packs stay linear; deeper implications go unreported.
/// It enters only features that can lead to one of the other direct requirements (by
/// `RuleGraph.mandatoryRank`), so the budget goes to paths that matter and most searches end
/// after a few steps.
enum RedundancyCheck {
    static let searchBudget = 64

    static func run(_ graph: RuleGraph, _ messages: Messages) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let features = graph.pack.features
        let rank = graph.mandatoryRank
        var stamp = [Int](repeating: -1, count: features.count)
        var isDirect = [Int](repeating: -1, count: features.count)
        var reported = [Int](repeating: -1, count: features.count)
        var stack: [Int] = []
        var round = 0
        for i in features.indices where graph.mandatory[i].count >= 2 {
            let directIndices = graph.mandatory[i]
            for x in directIndices { isDirect[x] = i }
            for d in directIndices {
                // The lowest rank among the targets this search may find; nothing ranked below
                // it can lead to one (and from a feature outside every cycle, no cycle is reached).
                var lowest = Int.max
                var targets = 0
                for x in directIndices where x != d && x != i && reported[x] != i && graph.mayNeed(d, x) {
                    targets += 1
                    lowest = min(lowest, rank[x])
                }
                guard targets > 0 else { continue }
                round += 1
                stack.removeAll(keepingCapacity: true)
                // Features are stamped when pushed, so none is queued twice; the search ends
                // once every target is found, or after `searchBudget` features.
                func push(_ x: Int) {
                    guard stamp[x] != round, rank[x] == .max || rank[x] >= lowest else { return }
                    stamp[x] = round
                    stack.append(x)
                }
                for x in graph.mandatory[d] { push(x) }
                var visited = 0
                while targets > 0, visited < searchBudget, let x = stack.popLast() {
                    visited += 1
                    if isDirect[x] == i, x != d, x != i, reported[x] != i {
                        reported[x] = i
                        targets -= 1
                        out.append(finding(i, requires: x, alreadyBy: d, graph, messages))
                    }
                    for y in graph.mandatory[x] { push(y) }
                }
            }
        }
        return out
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
