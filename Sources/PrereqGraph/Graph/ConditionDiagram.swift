import PrereqModel

/// The rule graph as a picture draws it: features and jobs, and every condition of the features'
/// requirement trees as a node of its own — all-of, any-of, counts, `not`, `when` and
/// `eachChannel` as small logic nodes; settings, attributes, versions, record checks, manual
/// steps, schedules and events as condition nodes. Trivial groups are collapsed (a group of
/// one, an all-of inside an all-of, the all-of of a `requires` list: the feature's own edges).
/// Nodes come in a fixed order (features, jobs, then conditions as the trees are walked), so a
/// drawing of the same pack is the same text.
public struct ConditionDiagram: Sendable {
    /// A logic node: how the conditions below it combine.
    public enum Logic: Sendable, Hashable {
        case allOf, anyOf, not
        /// At least `min` and at most `max` of the parts (`exactlyOne` is 1…1).
        case count(min: Int, max: Int?)
        /// `when`/`then`: its edges are `.condition` and `.then`.
        case when
        /// `severity: warning`: recommended, never blocking (judged by what it recommends).
        case recommended
        /// `eachChannel`, with a `.scope` edge for its `where`.
        case eachChannel
    }

    /// What a node stands for.
    public enum Kind: Sendable, Hashable {
        case feature(Int)
        case job(Int)
        /// A feature id that names no feature of the pack.
        case undefined(String)
        case logic(Logic)
        /// A setting (by id) put to a test.
        case setting(String, ValueCondition.Test)
        case attribute(String, ValueCondition.Test)
        /// The product version at least this (a feature's `introducedIn`/`minVersion`).
        case productAtLeast(ProductVersion)
        /// The product version below this (a feature's `removedIn`).
        case productBelow(ProductVersion)
        case componentVersion(ComponentVersionCondition)
        case records(String)
        case manual(String)
        case schedule(String, maxInterval: TimeSpan?)
        case event(EventCondition)
    }

    /// What the evaluator judges for a node or an edge, for the feature `owner`.
    public enum Condition: Sendable, Hashable {
        /// A part of the owner's requirement tree, as written.
        case requirement(Requirement, owner: Int)
        /// One of the owner's `settings`.
        case setting(SettingRequirement, owner: Int)
        /// The product version against the owner's minimum version, or against its removal.
        case minimumVersion(owner: Int), removedVersion(owner: Int)
        /// Feature `other` is off, as the owner's conflict with it needs.
        case conflict(other: Int, owner: Int)
    }

    public struct Node: Sendable, Hashable {
        public var kind: Kind
        /// What decides whether the node holds (nil for features and jobs, which have states).
        public var condition: Condition?
    }

    public enum EdgeKind: Sendable, Hashable {
        /// A part that must hold (of a feature, an all-of, a `then`, an `eachChannel`).
        case requires
        /// One of the choices of an any-of or a count.
        case alternative
        /// The part under a `not`.
        case negated
        /// The `when` of a `when`/`then`, and the `where` of an `eachChannel`.
        case condition, scope
        /// The `then` of a `when`/`then`.
        case then
        /// What a recommendation recommends.
        case recommends
        case conflicts, takesEffect, after, afterState(String), createdBy
    }

    public struct Edge: Sendable, Hashable {
        public var from: Int
        public var to: Int
        public var kind: EdgeKind
        /// For an edge to a feature that must serve a value (`{feature: x, serving: v}`): the test.
        public var serving: ValueCondition.Test?
        /// For an edge to a feature from a requirement: the condition about that feature (on,
        /// off, serving), which, when it fails where it matters, makes the feature stand in the way.
        public var condition: Condition?

        public init(from: Int, to: Int, kind: EdgeKind, serving: ValueCondition.Test? = nil, condition: Condition? = nil) {
            self.from = from
            self.to = to
            self.kind = kind
            self.serving = serving
            self.condition = condition
        }
    }

    public internal(set) var nodes: [Node] = []
    public internal(set) var edges: [Edge] = []
    /// The features the picture is about (empty: the whole pack).
    public let focus: [Int]
    package let graph: RuleGraph

    /// The whole pack, or only what the `focus` features depend on.
    public init(graph: RuleGraph, focus: [Int] = []) {
        self.graph = graph
        self.focus = focus
        var builder = ConditionDiagramBuilder(graph: graph)
        builder.build(focus: focus)
        nodes = builder.nodes
        edges = builder.edges
    }

    /// The diagram with only the nodes `keep` says (and the edges between them), renumbered in
    /// their order; also the old index of each node kept.
    public func restricted(to keep: (Int) -> Bool) -> (diagram: ConditionDiagram, kept: [Int]) {
        var copy = self
        let kept = nodes.indices.filter(keep)
        var renumber: [Int: Int] = [:]
        for (new, old) in kept.enumerated() { renumber[old] = new }
        copy.nodes = kept.map { nodes[$0] }
        copy.edges = edges.compactMap { e in
            guard let a = renumber[e.from], let b = renumber[e.to] else { return nil }
            var moved = e
            moved.from = a
            moved.to = b
            return moved
        }
        return (copy, kept)
    }
}
