import PrereqModel

/// Builds a `ConditionDiagram`: picks the features and jobs, then walks each feature's
/// conditions (versions, requirement tree, settings), conflicts and `takesEffect` jobs, and the
/// jobs' order. Recursive along a requirement tree's nesting, which the YAML loader bounds.
struct ConditionDiagramBuilder {
    typealias Node = ConditionDiagram.Node
    typealias Edge = ConditionDiagram.Edge

    let graph: RuleGraph
    var nodes: [Node] = []
    var edges: [Edge] = []
    private var featureNode: [Int: Int] = [:]
    private var jobNode: [Int: Int] = [:]
    /// Condition nodes that read the same fact the same way are one node.
    private var shared: [ConditionDiagram.Kind: Int] = [:]
    private var seenEdges = Set<Edge>()

    init(graph: RuleGraph) { self.graph = graph }

    mutating func build(focus: [Int]) {
        let pack = graph.pack
        var features: [Int]
        if focus.isEmpty {
            features = Array(pack.features.indices)
        } else {
            var seen = Set(focus)
            var stack = focus
            features = []
            while let f = stack.popLast() {
                features.append(f)
                for g in Array(graph.mentions[f]) + graph.conflicts[f] where seen.insert(g).inserted { stack.append(g) }
            }
            features.sort()
        }
        var jobs = Set<Int>()
        if focus.isEmpty { jobs.formUnion(pack.jobs.indices) }
        for f in features {
            for ref in pack.features[f].takesEffect?.jobs ?? [] { if let j = graph.jobIndex[ref.value] { jobs.insert(j) } }
        }
        var pending = Array(jobs)
        while let j = pending.popLast() {
            for k in graph.jobRunsAfter[j] where jobs.insert(k).inserted { pending.append(k) }
        }
        for f in features { featureNode[f] = add(Node(kind: .feature(f))) }
        let sortedJobs = jobs.sorted()
        for j in sortedJobs { jobNode[j] = add(Node(kind: .job(j))) }
        let included = Set(features)
        for f in features {
            guard let from = featureNode[f] else { continue }
            let feature = pack.features[f]
            if let need = feature.declaredMinimum {
                link(from, condition(.productAtLeast(need.value), .minimumVersion(owner: f)), .requires)
            }
            if let removed = feature.removedIn { link(from, condition(.productBelow(removed.value), .removedVersion(owner: f)), .requires) }
            if let r = feature.requires {
                for part in Self.allOfParts(r) { attach(part, to: from, .requires, owner: f) }
            }
            for s in feature.settings {
                let n = condition(.setting(s.setting.value, .equals(s.value)), .setting(s, owner: f))
                link(from, n, .requires)
            }
            for g in graph.conflicts[f] where included.contains(g) && f < g {
                guard let to = featureNode[g] else { continue }
                link(from, to, .conflicts)
            }
            for ref in feature.takesEffect?.jobs ?? [] { link(from, job(ref.value), .takesEffect) }
        }
        for j in sortedJobs {
            guard let from = jobNode[j] else { continue }
            for ref in pack.jobs[j].after { link(from, job(ref.value), .after) }
            for o in pack.jobs[j].afterReached { link(from, job(o.job.value), .afterState(o.state.value)) }
            if let c = pack.jobs[j].createdBy { link(from, job(c.value), .createdBy) }
        }
    }

    /// The parts an all-of stands for, nested all-ofs flattened (any other requirement is its own part).
    static func allOfParts(_ r: Requirement) -> [Requirement] {
        guard case .allOf(let parts, _) = r else { return [r] }
        return parts.flatMap(allOfParts)
    }

    /// Draws `r` below node `parent` with an edge of `kind`.
    private mutating func attach(_ r: Requirement, to parent: Int, _ kind: ConditionDiagram.EdgeKind, owner: Int) {
        let judged = ConditionDiagram.Condition.requirement(r, owner: owner)
        switch r {
        case .feature(let id):
            // Under a `not`, what makes the feature stand in the way is the `not` failing.
            let about: ConditionDiagram.Condition = kind == .negated ? .requirement(.not(r, at: r.location), owner: owner) : judged
            link(parent, feature(id.value), kind, condition: about)
        case .allOf:
            let flat = Self.allOfParts(r)
            if flat.count == 1, let only = flat.first { return attach(only, to: parent, kind, owner: owner) }
            let n = logic(.allOf, judged, below: parent, kind)
            for p in flat { attach(p, to: n, .requires, owner: owner) }
        case .anyOf(let parts, _):
            if parts.count == 1, let only = parts.first { return attach(only, to: parent, kind, owner: owner) }
            let n = logic(.anyOf, judged, below: parent, kind)
            for p in parts { attach(p, to: n, .alternative, owner: owner) }
        case .count(let parts, let min, let max, _):
            if parts.count == 1, min == 1, let only = parts.first { return attach(only, to: parent, kind, owner: owner) }
            let n = logic(.count(min: min, max: max), judged, below: parent, kind)
            for p in parts { attach(p, to: n, .alternative, owner: owner) }
        case .not(let part, _):
            let n = logic(.not, judged, below: parent, kind)
            attach(part, to: n, .negated, owner: owner)
        case .when(let condition, let then, _):
            let n = logic(.when, judged, below: parent, kind)
            attach(condition, to: n, .condition, owner: owner)
            attach(then, to: n, .then, owner: owner)
        case .recommended(let part, _):
            // Judged by what it recommends: a recommendation always counts as holding, which
            // would colour it as holding even when nothing is known.
            let n = logic(.recommended, .requirement(part, owner: owner), below: parent, kind)
            attach(part, to: n, .recommends, owner: owner)
        case .eachChannel(let part, let scope, _):
            let n = logic(.eachChannel, judged, below: parent, kind)
            if let scope { attach(scope, to: n, .scope, owner: owner) }
            attach(part, to: n, .requires, owner: owner)
        case .value(let c):
            switch c.subject {
            case .feature(let id):
                let about: ConditionDiagram.Condition = kind == .negated ? .requirement(.not(r, at: r.location), owner: owner) : judged
                edge(Edge(from: parent, to: feature(id.value), kind: kind, serving: c.test, condition: about))
            case .setting(let id): link(parent, condition(.setting(id.value, c.test), judged), kind)
            case .attribute(let id): link(parent, condition(.attribute(id.value, c.test), judged), kind)
            }
        case .gate(let g):
            let gateKind: ConditionDiagram.Kind
            switch g {
            case .records(let id, _): gateKind = .records(id.value)
            case .schedule(let id, let maxInterval, _): gateKind = .schedule(id.value, maxInterval: maxInterval?.value)
            case .manual(let id, _): gateKind = .manual(id.value)
            case .version(let c): gateKind = .componentVersion(c)
            case .event(let c): gateKind = .event(c)
            }
            link(parent, condition(gateKind, judged), kind)
        }
    }

    private mutating func add(_ node: Node) -> Int {
        nodes.append(node)
        return nodes.count - 1
    }

    /// A logic node of its own (groups are never shared: each stands where it is written).
    private mutating func logic(_ logic: ConditionDiagram.Logic, _ judged: ConditionDiagram.Condition, below parent: Int, _ kind: ConditionDiagram.EdgeKind) -> Int {
        let n = add(Node(kind: .logic(logic), condition: judged))
        link(parent, n, kind)
        return n
    }

    /// The node of a condition, shared with every other place that reads the same fact the same way.
    private mutating func condition(_ kind: ConditionDiagram.Kind, _ judged: ConditionDiagram.Condition?) -> Int {
        if let n = shared[kind] { return n }
        let n = add(Node(kind: kind, condition: judged))
        shared[kind] = n
        return n
    }

    private mutating func feature(_ id: String) -> Int {
        if let f = graph.featureIndex[id], let n = featureNode[f] { return n }
        return condition(.undefined(id), nil)
    }

    /// A job's node; a job no drawn feature runs (one that creates a drawn job) gets its own.
    private mutating func job(_ id: String) -> Int {
        guard let j = graph.jobIndex[id] else { return condition(.undefined(id), nil) }
        if let n = jobNode[j] { return n }
        let n = add(Node(kind: .job(j)))
        jobNode[j] = n
        return n
    }

    private mutating func link(_ from: Int, _ to: Int, _ kind: ConditionDiagram.EdgeKind, condition: ConditionDiagram.Condition? = nil) {
        edge(Edge(from: from, to: to, kind: kind, serving: nil, condition: condition))
    }

    private mutating func edge(_ e: Edge) {
        if seenEdges.insert(e).inserted { edges.append(e) }
    }
}
