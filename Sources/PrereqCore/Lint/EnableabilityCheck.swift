import Diagnostics

/// `never-enableable`: features no environment can ever switch on — a conflict inside their own
/// requirements, a version window that is empty, every alternative impossible, or a
/// requirement that is itself impossible (cycles are reported by `CycleCheck`).
enum EnableabilityCheck {
    struct Analysis {
        /// Whether some environment can switch the feature on.
        var possible: [Bool]
        /// Why a feature is impossible on its own account, before propagation.
        var localReason: [String?]
        /// Related places for the local reason.
        var localRelated: [[RelatedLocation]]
        /// Features in (or behind) a requirements cycle.
        var cyclic: [Bool]
        /// Effective lowest version (from the feature and everything it needs), when known.
        var effectiveMinimum: [ProductVersion?]
        /// Which feature sets `effectiveMinimum`.
        var minimumSource: [Int]
    }

    static func run(_ graph: RuleGraph, _ analysis: Analysis) -> [Diagnostic] {
        let features = graph.pack.features
        var out: [Diagnostic] = []
        for (i, feature) in features.enumerated() where !analysis.possible[i] {
            if analysis.cyclic[i] && analysis.localReason[i] == nil && isOnCycle(i, graph) { continue }
            let (reason, related) = explain(i, graph, analysis)
            out.append(
                Diagnostic(
                    code: "never-enableable", severity: .error,
                    message: "feature \(feature.id.value) can never be enabled: \(reason)", location: feature.location,
                    related: related, help: "remove the contradiction from its requirements (or the feature itself)",
                    subject: feature.id.value))
        }
        return out
    }

    static func analyse(_ graph: RuleGraph) -> Analysis {
        let features = graph.pack.features
        let n = features.count
        var localReason = [String?](repeating: nil, count: n)
        var localRelated = [[RelatedLocation]](repeating: [], count: n)

        // Version windows along all-of requirements, in dependency order (Kahn's algorithm).
        var lo = features.map { f -> ProductVersion? in
            [f.introducedIn?.value, f.minVersion?.value].compactMap { $0 }.max()
        }
        var loSource = Array(0..<n)
        var hi = features.map { $0.removedIn?.value }
        var hiSource = Array(0..<n)
        var pendingDeps = graph.mandatory.map(\.count)
        var ready = (0..<n).filter { pendingDeps[$0] == 0 }
        var processed = [Bool](repeating: false, count: n)
        while let g = ready.popLast() {
            processed[g] = true
            for f in graph.mandatoryFor[g] {
                if let l = lo[g], lo[f].map({ l > $0 }) ?? true {
                    lo[f] = l
                    loSource[f] = loSource[g]
                }
                if let h = hi[g], hi[f].map({ h < $0 }) ?? true {
                    hi[f] = h
                    hiSource[f] = hiSource[g]
                }
                pendingDeps[f] -= 1
                if pendingDeps[f] == 0 { ready.append(f) }
            }
        }
        let cyclic = processed.map { !$0 }
        for i in 0..<n where !cyclic[i] {
            if let l = lo[i], let h = hi[i], l >= h {
                let a = features[loSource[i]], b = features[hiSource[i]]
                localReason[i] =
                    "it needs version \(l) or later (set by \(a.id.value)) but \(b.id.value) exists only before \(h)"
                localRelated[i] = [
                    RelatedLocation((a.minVersion ?? a.introducedIn)?.location ?? a.location, "the minimum comes from here"),
                    RelatedLocation(b.removedIn?.location ?? b.location, "the upper bound comes from here"),
                ]
            }
        }

        // Conflicts inside a feature's all-of closure: pairs of features that cannot both be on.
        var pairs: [(Int, Int, SourceLocation)] = []
        for (i, f) in features.enumerated() {
            for c in f.conflicts { if let j = graph.featureIndex[c.value], j != i { pairs.append((i, j, c.location)) } }
            for x in f.requires?.forbiddenFeatures ?? [] {
                if let j = graph.featureIndex[x.value] { pairs.append((i, j, x.location)) }
            }
        }
        if !pairs.isEmpty {
            var stamp = [Int](repeating: -1, count: n)
            var queue: [Int] = []
            for (p, (a, b, location)) in pairs.enumerated() {
                // Everything that needs `a` (including `a`) gets stamp p…
                queue = [a]
                stamp[a] = p
                var head = 0
                while head < queue.count {
                    let x = queue[head]
                    head += 1
                    for y in graph.mandatoryFor[x] where stamp[y] != p {
                        stamp[y] = p
                        queue.append(y)
                    }
                }
                // …and whatever also needs `b` needs both.
                var seen = Set<Int>([b])
                queue = [b]
                head = 0
                while head < queue.count {
                    let x = queue[head]
                    head += 1
                    if stamp[x] == p, localReason[x] == nil {
                        let (na, nb) = (features[a].id.value, features[b].id.value)
                        localReason[x] =
                            x == a || x == b
                            ? "it cannot be on together with \(x == a ? nb : na), which it needs"
                            : "it needs both \(na) and \(nb), which cannot be on together"
                        localRelated[x] = [RelatedLocation(location, "\(na) and \(nb) exclude each other here")]
                    }
                    for y in graph.mandatoryFor[x] where !seen.contains(y) {
                        seen.insert(y)
                        queue.append(y)
                    }
                }
            }
        }

        // Least fixpoint: a feature is possible when nothing local forbids it and its
        // requirement tree can be met by possible features (unknown ids count as possible).
        var possible = [Bool](repeating: false, count: n)
        var work = Array((0..<n).reversed())
        var queued = [Bool](repeating: true, count: n)
        while let f = work.popLast() {
            queued[f] = false
            if possible[f] || cyclic[f] || localReason[f] != nil { continue }
            if features[f].requires.map({ holds($0, graph, possible) }) ?? true {
                possible[f] = true
                for g in graph.mentionedBy[f] where !possible[g] && !queued[g] {
                    queued[g] = true
                    work.append(g)
                }
            }
        }
        return Analysis(
            possible: possible, localReason: localReason, localRelated: localRelated, cyclic: cyclic,
            effectiveMinimum: lo, minimumSource: loSource)
    }

    /// Whether a requirement can hold given which features are possible.
    static func holds(_ requirement: Requirement, _ graph: RuleGraph, _ possible: [Bool]) -> Bool {
        switch requirement {
        case .feature(let id): return graph.featureIndex[id.value].map { possible[$0] } ?? true
        case .allOf(let parts, _): return parts.allSatisfy { holds($0, graph, possible) }
        case .anyOf(let parts, _): return parts.contains { holds($0, graph, possible) }
        case .not: return true
        }
    }

    private static func isOnCycle(_ i: Int, _ graph: RuleGraph) -> Bool {
        // A feature on a cycle reaches itself through all-of edges.
        var seen = Set<Int>()
        var stack = graph.mandatory[i]
        while let x = stack.popLast() {
            if x == i { return true }
            if seen.insert(x).inserted { stack += graph.mandatory[x] }
        }
        return false
    }

    private static func explain(_ i: Int, _ graph: RuleGraph, _ a: Analysis) -> (String, [RelatedLocation]) {
        if let reason = a.localReason[i] { return (reason, a.localRelated[i]) }
        let feature = graph.pack.features[i]
        guard let requirement = feature.requires else { return ("it depends on a requirements cycle", []) }
        // The first part of the tree that cannot hold, read top-down.
        var node = requirement
        while true {
            switch node {
            case .feature(let id):
                let word = a.cyclic[graph.featureIndex[id.value] ?? i] ? "is caught in a requirements cycle" : "can never be enabled"
                return ("it requires \(id.value), which \(word)", [RelatedLocation(id.location, "required here")])
            case .allOf(let parts, _):
                guard let failing = parts.first(where: { !holds($0, graph, a.possible) }) else {
                    return ("it depends on a requirements cycle", [])
                }
                node = failing
            case .anyOf(let parts, let at):
                let names = parts.flatMap(\.featureReferences).map(\.value)
                return (
                    "none of its alternatives (\(names.joined(separator: ", "))) can ever be enabled",
                    [RelatedLocation(at, "alternatives listed here")]
                )
            case .not:
                return ("it depends on a requirements cycle", [])
            }
        }
    }
}
