import Diagnostics

/// `redundant-requirement` (a note): a feature requires B directly although another of its
/// direct requirements already needs B. The search from each requirement is bounded
/// (`searchBudget` features) so that huge packs stay linear; deeper implications go unreported.
enum RedundancyCheck {
    static let searchBudget = 512

    static func run(_ graph: RuleGraph) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let features = graph.pack.features
        var stamp = [Int](repeating: -1, count: features.count)
        var round = 0
        for (i, feature) in features.enumerated() {
            let direct = feature.requires?.mandatoryFeatures ?? []
            guard direct.count >= 2 else { continue }
            let directIndices = direct.compactMap { graph.featureIndex[$0.value] }
            let directSet = Set(directIndices)
            var reported = Set<Int>()
            for d in directIndices {
                round += 1
                var stack = graph.mandatory[d]
                var visited = 0
                while let x = stack.popLast(), visited < searchBudget {
                    guard stamp[x] != round else { continue }
                    stamp[x] = round
                    visited += 1
                    if directSet.contains(x), x != d, x != i, !reported.contains(x) {
                        reported.insert(x)
                        let ref = direct.first { graph.featureIndex[$0.value] == x }
                        out.append(
                            Diagnostic(
                                code: "redundant-requirement", severity: .note,
                                message: "feature \(feature.id.value) requires \(features[x].id.value), which \(features[d].id.value) already requires",
                                location: ref?.location ?? feature.location,
                                related: [RelatedLocation(direct.first { $0.value == features[d].id.value }?.location ?? feature.location, "\(features[d].id.value) is required here")],
                                help: "you may drop the direct requirement; keep it only if you want it stated",
                                subject: feature.id.value))
                    }
                    stack += graph.mandatory[x]
                }
            }
        }
        return out
    }
}
