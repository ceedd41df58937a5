import Diagnostics
import PrereqModel

/// Requirements judged in each channel on its own (`eachChannel`), and the verdicts per channel
/// that an answer derives from its explanation.
extension Evaluator {
    /// `part` in every channel (with `condition`, every channel where it holds), each channel
    /// judged with its own values of channel settings and attributes; `negated`, some channel
    /// where it fails. Inside a channel already, or where the snapshot names no channels, the
    /// part is judged as written, for the environment.
    mutating func eachChannelNode(_ part: Requirement, where condition: Requirement?, at: SourceLocation, owner: Int, negated: Bool) -> Int {
        let applying = condition.map { Requirement.when($0, then: part, at: at) } ?? part
        let channels = facts.channelNames
        guard focus == nil, !channels.isEmpty else { return requirementNode(applying, owner: owner, negated: negated) }
        var children: [Int] = []
        for channel in channels {
            focus = channel
            let inner = requirementNode(applying, owner: owner, negated: negated)
            focus = nil
            let truth = nodes[inner].truth
            let n = add(truth, words(truth) ? messages.inChannel(channel, truth) : "", evidence: Evidence(rule: at), children: [inner])
            nodes[n].channels = [channel]
            children.append(n)
        }
        let truths = children.map { nodes[$0].truth }
        let truth = negated ? Truth.any(truths) : Truth.all(truths)
        let said = condition.map { phrase($0, negated: false) }
        return add(
            truth, words(truth) ? messages.eachChannel(where: said, negated: negated, truth) : "", evidence: Evidence(rule: at), children: children,
            anyOf: negated)
    }
}

/// A feature's verdict in one channel.
public struct ChannelVerdict: Sendable, Hashable {
    public var channel: String
    public var verdict: Verdict

    public init(channel: String, verdict: Verdict) {
        self.channel = channel
        self.verdict = verdict
    }
}

extension Explanation {
    /// A root cause and the channels it concerns.
    public struct CauseInChannels: Sendable {
        public var node: Int
        /// Of the environment's channels, those the cause concerns: all for a fact about the
        /// environment; those of its own judgement inside `eachChannel`, or that it is about.
        public var channels: [String]
        /// Whether a condition above it is undecided (it then makes its channels unknown, never
        /// failing).
        public var undecided: Bool
    }

    /// The root causes the plan acts on (following the alternatives it takes), each with the
    /// channels of `channels` it concerns.
    public func causesInChannels(_ channels: [String]) -> [CauseInChannels] {
        // A node shared by several conditions is walked once per way it is reached.
        struct Reached: Hashable {
            var node: Int
            var channels: [String]?
            var capped: Bool
        }
        var seen = Set<Reached>()
        var out: [CauseInChannels] = []
        var stack: [(node: Int, channels: Set<String>?, capped: Bool)] = [(root, nil, false)]
        while let (n, context, capped) = stack.popLast() {
            let node = nodes[n]
            guard node.truth != .satisfied, seen.insert(Reached(node: n, channels: context?.sorted(), capped: capped)).inserted else { continue }
            let own = node.channels.isEmpty ? nil : Set(node.channels)
            let scope = context.map { c in own.map { c.intersection($0) } ?? c } ?? own
            let below = capped || node.truth == .unknown
            let failing = node.children.filter { nodes[$0].truth != .satisfied }
            if failing.isEmpty {
                out.append(CauseInChannels(node: n, channels: channels.filter { scope?.contains($0) ?? true }, undecided: below))
                continue
            }
            let taken = node.chosen.map { [$0] } ?? (node.chosenSeveral.isEmpty ? failing : node.chosenSeveral)
            for c in taken.reversed() { stack.append((c, scope, below)) }
        }
        return out
    }

    /// The root causes that concern some of `channels` only, each with those channels (where
    /// it surely fails, else where it may), in the order of `channels`.
    public func someChannelsOfCauses(_ channels: [String]) -> [Int: [String]] {
        var sure: [Int: Set<String>] = [:], open: [Int: Set<String>] = [:]
        for c in causesInChannels(channels) {
            if c.undecided { open[c.node, default: []].formUnion(c.channels) } else { sure[c.node, default: []].formUnion(c.channels) }
        }
        var out: [Int: [String]] = [:]
        for node in Set(sure.keys).union(open.keys) {
            let concerned = sure[node] ?? open[node] ?? []
            if concerned.count < channels.count { out[node] = channels.filter(concerned.contains) }
        }
        return out
    }

    /// The verdict in each of `channels`: `failing` where a root cause concerns the channel,
    /// unknown where only undecided ones do, else `holding`. The environment's verdict is
    /// always the worst channel's.
    public func channelVerdicts(_ channels: [String], holding: Verdict, failing: Verdict) -> [ChannelVerdict] {
        let worst: Verdict = nodes[root].truth == .unknown ? .unknown : failing
        // No fact about some channels only: every channel stands as the environment does.
        guard nodes.contains(where: { !$0.channels.isEmpty }) else {
            return channels.map { ChannelVerdict(channel: $0, verdict: nodes[root].truth == .satisfied ? holding : worst) }
        }
        var failed = Set<String>(), undecided = Set<String>()
        for cause in causesInChannels(channels) {
            if cause.undecided { undecided.formUnion(cause.channels) } else { failed.formUnion(cause.channels) }
        }
        // Guard for shapes the walk cannot attribute: the environment's verdict holds somewhere.
        if nodes[root].truth != .satisfied, !channels.contains(where: { worst == .unknown ? undecided.contains($0) : failed.contains($0) }) {
            return channels.map { ChannelVerdict(channel: $0, verdict: worst) }
        }
        return channels.map { c in
            ChannelVerdict(channel: c, verdict: failed.contains(c) ? failing : undecided.contains(c) ? .unknown : holding)
        }
    }
}
