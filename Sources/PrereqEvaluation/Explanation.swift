import Diagnostics
import PrereqModel

/// Where a fact comes from: the snapshot line that states it and the rule line that demands it.
public struct Evidence: Sendable, Hashable {
    public var snapshot: SourceLocation?
    public var rule: SourceLocation?

    public init(snapshot: SourceLocation? = nil, rule: SourceLocation? = nil) {
        self.snapshot = snapshot
        self.rule = rule
    }
}

/// A step that fixes a root cause.
public struct PlanStep: Sendable, Hashable {
    public var action: PlanAction
    /// The pack id the step acts on (a feature, setting or job); nil for an upgrade.
    public var subject: String?
    public var subjectName: String?
    public var message: String
    /// Extra machine-readable details (e.g. `version`, `value`, `channels`, `until`).
    public var details: [String: String]
    /// The pack's remarks about what the step acts on.
    public var remarks = Remarks()

    public init(action: PlanAction, subject: String?, subjectName: String?, message: String, details: [String: String] = [:]) {
        self.action = action
        self.subject = subject
        self.subjectName = subjectName
        self.message = message
        self.details = details
    }
}

/// One condition of an explanation. Nodes form a DAG: a condition shared by two branches is
/// one node, so it is stated (and counted as a root cause) once.
public struct ExplanationNode: Sendable {
    public var truth: Truth
    /// Set on facts that can be root causes; nil on conditions that only combine others.
    public var cause: CauseKind?
    public var subject: String?
    public var subjectName: String?
    public var message: String
    public var evidence: Evidence
    public var children: [Int]
    /// The steps that would fix this fact on its own (for a root cause).
    public var fix: [PlanStep]
    /// For an any-of condition, the child the plan takes (the cheapest).
    public var chosen: Int?
    /// For a group, the children the plan takes (the cheapest that make it hold).
    public var chosenSeveral: [Int] = []
    /// A recommendation (`severity: warning`): it counts as holding; its one child is what it
    /// recommends.
    public var isRecommendation = false
    /// Estimated number of steps to make this condition hold.
    public var cost: Int
    /// A condition that holds but is worth a note (rows waiting for the next run).
    public var isNote = false
    /// The pack's remarks about what the fact is about.
    public var remarks = Remarks()
    /// The channels a per-channel fact holds for (empty when it is about the environment).
    public var channels: [String] = []
    /// For a component's version, the component (the subject is its instance).
    public var component: String? = nil
    /// Whether its fix belongs before the plan's switches: a condition of switching on that a
    /// job run makes hold (a job that must have succeeded after an event).
    public var fixesBeforeSwitches = false
    /// A fact about jobs alone (a job that has not reached a state, one not created yet),
    /// whichever feature needs it.
    public var isAboutJobs = false
}

/// An explanation: nodes, the question at the root, and the root causes below it.
public struct Explanation: Sendable {
    public var nodes: [ExplanationNode]
    public var root: Int

    /// The deepest unmet facts: nodes that do not hold and have no child that does not hold,
    /// reached from the root through conditions that do not hold, each once, in reading order.
    public var rootCauses: [Int] {
        var out: [Int] = []
        var seen = Set<Int>()
        var stack = [root]
        while let n = stack.popLast() {
            guard seen.insert(n).inserted else { continue }
            let node = nodes[n]
            guard node.truth != .satisfied else { continue }
            let failing = node.children.filter { nodes[$0].truth != .satisfied }
            if failing.isEmpty {
                out.append(n)
            } else {
                stack += failing.reversed()
            }
        }
        return out
    }
}
