import Diagnostics
import PrereqMessages
import PrereqModel

/// `never-enableable`: features no environment can ever switch on — a conflict inside their own
/// requirements, a version window that is empty, every alternative impossible, or a
/// requirement that is itself impossible (cycles are reported by `CycleCheck`).
enum EnableabilityCheck {
    /// Why a feature is impossible on its own account, before propagation.
    enum LocalReason {
        /// Its all-of requirements need `minimum` (from `minimumFrom`) but `removedBy` is gone from `removedIn`.
        case versionWindow(minimum: ProductVersion, minimumFrom: Int, removedIn: ProductVersion, removedBy: Int)
        /// It and a feature it needs (`a`, `b`, one of them itself) cannot be on together, as declared at `at`.
        case exclusion(a: Int, b: Int, at: SourceLocation)
    }

    /// Per feature (the lists held while the other checks run are kept small: one entry a
    /// feature of a big pack is megabytes).
    struct Analysis {
        /// Whether some environment can switch the feature on.
        var possible: [Bool]
        /// The few features impossible on their own account, by index.
        var localReason: [Int: LocalReason]
        /// Features in (or behind) a requirements cycle.
        var cyclic: [Bool]
        /// Effective lowest version (from the feature and everything it needs), when known.
        var effectiveMinimum: [ProductVersion?]
        /// Which feature sets `effectiveMinimum`.
        var minimumSource: [Int32]
    }

    package static func run(_ graph: RuleGraph, _ analysis: Analysis, _ messages: Messages) -> [Diagnostic] {
        let features = graph.pack.features
        var out: [Diagnostic] = []
        // Needed only when a feature in or behind a cycle is impossible.
        lazy var onCycle = CycleMembership.onCycle(nodeCount: features.count, edges: graph.mandatory)
        for i in features.indices where !analysis.possible[i] {
            if analysis.cyclic[i] && analysis.localReason[i] == nil && onCycle[i] { continue }
            let feature = features[i]
            let (reason, related) = explain(i, graph, analysis, messages)
            out.append(
                Diagnostic(
                    code: "never-enableable", severity: .error,
                    message: messages.neverEnableable(feature.id.value, because: reason), location: feature.location,
                    related: related, help: messages.neverEnableableHelp,
                    subject: feature.id.value))
        }
        return out
    }

    static func analyse(_ graph: RuleGraph) -> Analysis {
        let features = graph.pack.features
        let n = features.count
        var localReason: [Int: LocalReason] = [:]

        // Version windows along all-of requirements, in dependency order (Kahn's algorithm).
        var lo = features.indices.map { features[$0].declaredMinimum?.value }
        var loSource = (0..<n).map { Int32($0) }
        var hi = features.indices.map { features[$0].removedIn?.value }
        var hiSource = loSource
        var pendingDeps = graph.mandatory.map { Int32($0.count) }
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
                localReason[i] = .versionWindow(minimum: l, minimumFrom: Int(loSource[i]), removedIn: h, removedBy: Int(hiSource[i]))
            }
        }

        // Conflicts inside a feature's all-of closure: pairs of features that cannot both be on.
        var pairs: [(Int, Int, SourceLocation)] = []
        for i in features.indices {
            for c in features[i].conflicts { if let j = graph.featureIndex[c.value], j != i { pairs.append((i, j, c.location)) } }
            for x in features[i].requires?.forbiddenFeatures ?? [] {
                if let j = graph.featureIndex[x.value] { pairs.append((i, j, x.location)) }
            }
        }
        if !pairs.isEmpty {
            var common = CommonDependents(graph)
            for (a, b, location) in pairs {
                for x in common.needingBoth(a, b) where localReason[x] == nil {
                    localReason[x] = .exclusion(a: a, b: b, at: location)
                }
            }
        }

        // Least fixpoint: a feature is possible when nothing local forbids it and its
        // requirement tree can be met by possible features (unknown ids count as possible).
        var possible = [Bool](repeating: false, count: n)
        var work = (0..<n).reversed().map { Int32($0) }
        var queued = [Bool](repeating: true, count: n)
        while let next = work.popLast() {
            let f = Int(next)
            queued[f] = false
            if possible[f] || cyclic[f] || localReason[f] != nil { continue }
            let canHold =
                graph.requiresOnlyMandatory[f]
                ? graph.mandatory[f].allSatisfy { possible[$0] } : features[f].requires.map { holds($0, graph, possible) } ?? true
            if canHold {
                possible[f] = true
                for g in graph.mentionedBy[f] where !possible[g] && !queued[g] {
                    queued[g] = true
                    work.append(Int32(g))
                }
            }
        }
        return Analysis(
            possible: possible, localReason: localReason, cyclic: cyclic,
            effectiveMinimum: lo, minimumSource: loSource)
    }

    /// Whether a requirement can hold given which features are possible.
    static func holds(_ requirement: Requirement, _ graph: RuleGraph, _ possible: [Bool]) -> Bool {
        switch requirement {
        case .feature(let id): return graph.featureIndex[id.value].map { possible[$0] } ?? true
        case .allOf(let parts, _): return parts.allSatisfy { holds($0, graph, possible) }
        case .anyOf(let parts, _): return parts.contains { holds($0, graph, possible) }
        case .not: return true
        case .value(let c):
            guard case .feature(let id) = c.subject else { return true }
            return !unservable(c, graph) && (graph.featureIndex[id.value].map { possible[$0] } ?? true)
        case .count(let parts, let min, _, _): return parts.filter { holds($0, graph, possible) }.count >= min
        // A condition may leave its requirement out, a recommendation never blocks, and a gate
        // is a fact of the environment, not of the pack.
        case .when, .recommended, .gate: return true
        // Bound in every channel: it can hold where its part can (with `where`, it may not apply).
        case .eachChannel(let part, let condition, _): return condition != nil || holds(part, graph, possible)
        }
    }

    /// `{feature: F, serving: V}` where F's `flag.variations` do not include V: it can never hold.
    static func unservable(_ c: ValueCondition, _ graph: RuleGraph) -> Bool {
        guard case .feature(let id) = c.subject, case .serving(let v) = c.test, let f = graph.featureIndex[id.value],
            let facts = graph.pack.features[f].flag
        else { return false }
        return !facts.canServe(v)
    }

    private static func explain(_ i: Int, _ graph: RuleGraph, _ a: Analysis, _ messages: Messages) -> (String, [RelatedLocation]) {
        let features = graph.pack.features
        switch a.localReason[i] {
        case let .versionWindow(minimum, from, removedIn, by)?:
            let (low, high) = (features[from], features[by])
            return (
                messages.reasonVersionWindow(min: minimum, from: low.id.value, removedIn: removedIn, by: high.id.value),
                [
                    RelatedLocation((low.minVersion ?? low.introducedIn)?.location ?? low.location, messages.minimumComesFromHere),
                    RelatedLocation(high.removedIn?.location ?? high.location, messages.upperBoundComesFromHere),
                ]
            )
        case let .exclusion(x, y, at)?:
            let (nx, ny) = (features[x].id.value, features[y].id.value)
            let reason = i == x || i == y ? messages.reasonConflictsWithNeeded(i == x ? ny : nx) : messages.reasonNeedsBoth(nx, ny)
            return (reason, [RelatedLocation(at, messages.excludeEachOther(nx, ny))])
        case nil:
            break
        }
        let feature = graph.pack.features[i]
        guard let requirement = feature.requires else { return (messages.reasonDependsOnCycle, []) }
        // The first part of the tree that cannot hold, read top-down.
        var node = requirement
        while true {
            switch node {
            case .feature(let id):
                let cyclic = a.cyclic[graph.featureIndex[id.value] ?? i]
                return (messages.reasonRequiresImpossible(id.value, cyclic: cyclic), [RelatedLocation(id.location, messages.requiredHere)])
            case .allOf(let parts, _):
                guard let failing = parts.first(where: { !holds($0, graph, a.possible) }) else {
                    return (messages.reasonDependsOnCycle, [])
                }
                node = failing
            case .count(let parts, let min, _, let at):
                let possible = parts.filter { holds($0, graph, a.possible) }.count
                return (messages.reasonGroupTooFew(min: min, of: parts.count, possible: possible), [RelatedLocation(at, messages.alternativesListedHere)])
            case .anyOf(let parts, let at):
                let names = parts.flatMap(\.featureReferences).map(\.value)
                return (messages.reasonNoAlternative(names), [RelatedLocation(at, messages.alternativesListedHere)])
            case .eachChannel(let part, _, _):
                node = part
            case .not, .when, .recommended, .gate:
                return (messages.reasonDependsOnCycle, [])
            case .value(let c):
                let ref = c.subject.id
                if unservable(c, graph), case .serving(let v) = c.test {
                    return (messages.reasonUnservable(ref.value, v.description), [RelatedLocation(c.location, messages.requiredHere)])
                }
                let cyclic = a.cyclic[graph.featureIndex[ref.value] ?? i]
                return (messages.reasonRequiresImpossible(ref.value, cyclic: cyclic), [RelatedLocation(ref.location, messages.requiredHere)])
            }
        }
    }
}

/// Finds the features that need both of two features (each counting itself) through all-of
/// requirements: the intersection of their dependents. Walking both sets of dependents in full
/// for every conflict made big packs quadratic (a conflict with a feature that half the pack
/// builds on walked half the pack), so the two walks advance in step until the smaller set is
/// complete; for each of its members, a search down its requirements (skipping features ranked
/// too low to lead there) decides whether it also needs the other feature. Only when that
/// search grows larger than the walks so far (or meets a cycle) is the larger set walked in full.
struct CommonDependents {
    private let graph: RuleGraph
    /// Marks are call numbers, 32-bit so that the four lists of a big pack stay small.
    private var call: Int32 = 0
    /// Per side: the call that saw a feature among that side's dependents.
    private var seen: [[Int32]]
    /// The call that found a feature to need (or not to need) the larger side's feature.
    private var yes: [Int32]
    private var no: [Int32]

    init(_ graph: RuleGraph) {
        self.graph = graph
        let n = graph.pack.features.count
        seen = [[Int32](repeating: -1, count: n), [Int32](repeating: -1, count: n)]
        yes = [Int32](repeating: -1, count: n)
        no = [Int32](repeating: -1, count: n)
    }

    /// The features that need both `a` and `b`, in no particular order.
    mutating func needingBoth(_ a: Int, _ b: Int) -> [Int] {
        // Every mark is cleared before the numbers would run out.
        if call == .max { self = CommonDependents(graph) }
        call += 1
        var queues = [[a], [b]]
        var heads = [0, 0]
        seen[0][a] = call
        seen[1][b] = call
        // Walk both sets of dependents in step until one of them is complete.
        while heads[0] < queues[0].count && heads[1] < queues[1].count {
            for side in 0..<2 { expand(side, &queues[side], &heads[side]) }
        }
        let small = heads[0] == queues[0].count ? 0 : 1
        let big = 1 - small
        let target = big == 0 ? a : b
        if heads[big] < queues[big].count {
            let budget = 4 * (queues[0].count + queues[1].count) + 256
            var steps = 0
            var found: [Int] = []
            for x in queues[small] {
                guard let needs = needs(x, target, side: big, steps: &steps, budget: budget) else {
                    while heads[big] < queues[big].count { expand(big, &queues[big], &heads[big]) }
                    return queues[small].filter { seen[big][$0] == call }
                }
                if needs { found.append(x) }
            }
            return found
        }
        return queues[small].filter { seen[big][$0] == call }
    }

    /// Takes the next feature off a side's walk and queues the features that need it.
    private mutating func expand(_ side: Int, _ queue: inout [Int], _ head: inout Int) {
        let x = queue[head]
        head += 1
        for y in graph.mandatoryFor[x] where seen[side][y] != call {
            seen[side][y] = call
            queue.append(y)
        }
    }

    /// Whether `x` needs `target` (depth-first down its requirements, results remembered for
    /// this call); nil when the search meets a cycle or outgrows `budget`.
    private mutating func needs(_ x: Int, _ target: Int, side: Int, steps: inout Int, budget: Int) -> Bool? {
        func known(_ y: Int) -> Bool { y == target || seen[side][y] == call || yes[y] == call }
        if known(x) { return true }
        if no[x] == call || !graph.mayNeed(x, target) { return false }
        if graph.mandatoryRank[x] == .max { return nil }
        var stack: [(node: Int, next: Int)] = [(x, 0)]
        while let top = stack.last {
            let requirements = graph.mandatory[top.node]
            if top.next > 0, yes[requirements[top.next - 1]] == call {
                yes[top.node] = call
                stack.removeLast()
                continue
            }
            if top.next == requirements.count {
                no[top.node] = call
                stack.removeLast()
                continue
            }
            let c = requirements[top.next]
            stack[stack.count - 1].next += 1
            if known(c) {
                yes[top.node] = call
                stack.removeLast()
                continue
            }
            if no[c] == call || !graph.mayNeed(c, target) { continue }
            if graph.mandatoryRank[c] == .max { return nil }
            steps += 1
            if steps > budget { return nil }
            stack.append((c, 0))
        }
        return yes[x] == call
    }
}
