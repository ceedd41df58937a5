import PrereqGraph
import PrereqModel

/// How the environment stands for one node of a `ConditionDiagram`.
public enum DiagramState: String, Sendable, Hashable, CaseIterable {
    /// A feature on and in effect, or a condition that holds.
    case on
    /// A feature off, or a condition that does not hold where nothing needs it (a choice not
    /// taken, a recommendation not followed).
    case off
    /// A condition that does not hold and stands in the way of a feature drawn, or a feature
    /// (or job) that does.
    case blocking
    /// The snapshot does not tell.
    case unknown
    /// A feature switched on that is not in effect.
    case notInEffect
}

extension Evaluator {
    /// The state of every node of `diagram` (nil for a job nothing is known against), from the
    /// evaluator's own judgement of each condition: a feature's verdict, each condition's truth.
    /// A failing condition stands in the way when it hangs from a feature that matters directly,
    /// or from a logic node that stands in the way; a feature does when a condition about it (on,
    /// off, serving a value, a conflict) fails there; a job does when a feature drawn is not in
    /// effect because of it. The features that matter: every one of a whole pack; of the part
    /// behind some features, those features, the ones that are on, and the ones that stand in
    /// the way and must be switched on.
    public mutating func states(of diagram: ConditionDiagram) -> [DiagramState?] {
        let truth: [Truth?] = diagram.nodes.map { node in node.condition.map { judge($0) } }
        var states: [DiagramState?] = Array(repeating: nil, count: diagram.nodes.count)
        var jobNodes: [String: Int] = [:]
        var troubled: [Int] = []
        for (n, node) in diagram.nodes.enumerated() {
            switch node.kind {
            case .feature(let f):
                switch facts.isOn(f) {
                case false?: states[n] = .off
                case nil: states[n] = .unknown
                case true?:
                    let verdict = explainFeature(f).verdict
                    states[n] = verdict == .inEffect ? .on : verdict == .notInEffect ? .notInEffect : .unknown
                    if verdict != .inEffect { troubled.append(f) }
                }
            case .job(let j): jobNodes[pack.jobs[j].id.value] = n
            case .undefined: states[n] = .unknown
            default:
                switch truth[n] {
                case .satisfied?: states[n] = .on
                case .violated?: states[n] = .off
                case .unknown?, nil: states[n] = .unknown
                }
            }
        }
        // What stands in the way, from the features that matter (every feature of a whole
        // pack; of a part, the features asked about and those that are on) down through failing
        // logic nodes, and on through each feature that stands in the way and must be switched
        // on (what it needs matters too).
        var outgoing: [[ConditionDiagram.Edge]] = Array(repeating: [], count: diagram.nodes.count)
        for e in diagram.edges {
            outgoing[e.from].append(e)
            if e.kind == .conflicts { outgoing[e.to].append(ConditionDiagram.Edge(from: e.to, to: e.from, kind: .conflicts)) }
        }
        var stack: [Int] = diagram.nodes.indices.reversed().filter { n in
            guard case .feature(let f) = diagram.nodes[n].kind else { return false }
            return diagram.focus.isEmpty || diagram.focus.contains(f) || facts.isOn(f) == true
        }
        var visited = Set<Int>()
        while let n = stack.popLast() {
            guard visited.insert(n).inserted else { continue }
            for e in outgoing[n] {
                switch e.kind {
                case .conflicts:
                    // The other side on stands in the way of this one.
                    if case .feature(let owner) = diagram.nodes[n].kind, case .feature(let other) = diagram.nodes[e.to].kind,
                       judge(.conflict(other: other, owner: owner)) == .violated {
                        states[e.to] = .blocking
                    }
                    continue
                case .takesEffect, .after, .afterState, .createdBy, .recommends: continue
                case .requires, .alternative, .negated, .condition, .scope, .then: break
                }
                switch diagram.nodes[e.to].kind {
                case .feature(let g):
                    guard let c = e.condition, judge(c) == .violated else { continue }
                    states[e.to] = .blocking
                    if facts.isOn(g) == false { stack.append(e.to) }
                case .undefined, .logic(.recommended): continue  // a recommendation is never in the way
                default:
                    guard truth[e.to] == .violated else { continue }
                    states[e.to] = .blocking
                    stack.append(e.to)
                }
            }
        }
        // Jobs a feature drawn waits for.
        for f in troubled {
            let root = explainFeature(f).root
            let explanation = explanation(root: root)
            for c in explanation.rootCauses {
                let node = explanation.nodes[c]
                guard let id = node.subject, let n = jobNodes[id] else { continue }
                switch node.cause {
                case .jobNotRun?, .jobOrder?, .schedule?: states[n] = .blocking
                case .missingData? where states[n] != .blocking: states[n] = .unknown
                default: break
                }
            }
        }
        return states
    }

    /// The truth the evaluator gives `condition`.
    mutating func judge(_ condition: ConditionDiagram.Condition) -> Truth {
        switch condition {
        case .requirement(let r, let owner): return nodes[requirementNode(r, owner: owner)].truth
        case .setting(let s, let owner): return settingNode(s, owner: owner).map { nodes[$0].truth } ?? .unknown
        case .minimumVersion(let owner):
            return versionConditions(owner).first.map { nodes[$0].truth } ?? .unknown
        case .removedVersion(let owner):
            return versionConditions(owner).last.map { nodes[$0].truth } ?? .unknown
        case .conflict(let other, let owner):
            return nodes[featureOffNode(other, because: owner, rule: pack.features[owner].location)].truth
        }
    }
}
