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
    /// A failing condition stands in the way when it hangs from a feature directly, or from a
    /// logic node that stands in the way; a feature does when a condition about it (on, off,
    /// serving a value, a conflict) fails there; a job does when a feature drawn is not in effect
    /// because of it.
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
        // What stands in the way, from the features down through failing logic nodes.
        var outgoing: [[ConditionDiagram.Edge]] = Array(repeating: [], count: diagram.nodes.count)
        for e in diagram.edges { outgoing[e.from].append(e) }
        var stack: [Int] = []
        for (n, node) in diagram.nodes.enumerated() {
            if case .feature = node.kind { stack.append(n) }
        }
        var visited = Set<Int>()
        while let n = stack.popLast() {
            guard visited.insert(n).inserted else { continue }
            for e in outgoing[n] {
                switch e.kind {
                case .conflicts:
                    // Either side on stands in the way of the other.
                    if case .conflict(let other, let owner) = e.condition {
                        if judge(.conflict(other: other, owner: owner)) == .violated { states[e.to] = .blocking }
                        if judge(.conflict(other: owner, owner: other)) == .violated { states[e.from] = .blocking }
                    }
                    continue
                case .takesEffect, .after, .afterState, .createdBy, .recommends: continue
                case .requires, .alternative, .negated, .condition, .scope, .then: break
                }
                if case .feature = diagram.nodes[e.to].kind {
                    if let c = e.condition, judge(c) == .violated { states[e.to] = .blocking }
                } else if case .undefined = diagram.nodes[e.to].kind {
                    continue
                } else if case .logic(.recommended) = diagram.nodes[e.to].kind {
                    continue  // never in the way
                } else if truth[e.to] == .violated {
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
