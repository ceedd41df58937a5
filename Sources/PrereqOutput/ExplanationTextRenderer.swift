import Diagnostics
import PrereqAnswers
import PrereqEvaluation
import PrereqMessages
import PrereqModel

/// Renders answers as a good support engineer would write them: the verdict in one line, the
/// causes as a short tree with evidence (conditions that hold are left out; a condition shared
/// by two branches is written once and referred to after), then numbered steps.
public struct ExplanationTextRenderer {
    public var messages: Messages
    /// Deeper levels are drawn at this indentation, so huge chains stay readable and linear.
    public static let maxIndent = 8

    public init(language: Language) {
        messages = Messages(language)
    }

    /// "Assuming: …." and a blank line, for an answer given on assumed facts (nothing otherwise).
    public func assumingLine(_ assumptions: [String]) -> String {
        assumptions.isEmpty ? "" : TerminalText.escape(messages.assuming(assumptions)) + "\n\n"
    }

    /// The verdict in one sentence (unescaped): whether a plan reaches the goal, and whether only
    /// manual steps stand in the way, change its words.
    public func verdictSentence(_ a: FeatureAnswer) -> String {
        let reachable = a.plan.verification?.outcome != .fails
        let causes = a.rootCauses
        let onlyManual = !causes.isEmpty && causes.allSatisfy { $0.cause == .manual }
        return messages.verdict(a.verdict, feature: a.featureName, reachable: reachable, onlyManual: onlyManual)
    }

    public func render(_ a: FeatureAnswer) -> String {
        let causes = a.rootCauses
        var out = assumingLine(a.assumptions) + TerminalText.escape(verdictSentence(a)) + "\n"
        if let line = channelLine(a.channels) { out += "  " + TerminalText.escape(line) + "\n" }
        if a.isPreview { out += "  \(messages.previewRemark)\n" }
        for line in messages.remarkLines(a.remarks) { out += "  " + TerminalText.escape(line) + "\n" }
        let tree = causeTree(a.explanation, shownAbove: a.remarks)
        if !tree.isEmpty {
            out += "\n\(messages.rootCausesHeading):\n" + tree
        }
        out += recommendationsText(a.recommendations)
        out += "\n" + planText(a.plan, shownAbove: [a.remarks] + causes.map(\.remarks))
        return out
    }

    /// The verdicts per channel, when they are not all the same (nil otherwise: the verdict
    /// line says it for every channel).
    func channelLine(_ channels: [ChannelVerdict]) -> String? {
        var groups: [(verdict: Verdict, channels: [String])] = []
        for c in channels {
            if let i = groups.firstIndex(where: { $0.verdict == c.verdict }) { groups[i].channels.append(c.channel) } else { groups.append((c.verdict, [c.channel])) }
        }
        guard groups.count > 1 else { return nil }
        return messages.channelVerdicts(groups)
    }

    /// What is only recommended and does not hold, after the blockers: each with its causes and
    /// its optional steps (not part of the plan).
    public func recommendationsText(_ recommendations: [Recommendation]) -> String {
        guard !recommendations.isEmpty else { return "" }
        var out = "\n\(messages.recommendationsHeading):\n"
        for r in recommendations {
            let mark = r.truth == .unknown ? "? " : ""
            out += "  - \(mark)\(TerminalText.escape(r.message.prefix(1).uppercased() + r.message.dropFirst()))\n"
            if let evidence = evidenceLine(r.evidence) { out += "    \(evidence)\n" }
            for c in r.causes {
                out += "    · \(TerminalText.escape(c.message.prefix(1).uppercased() + c.message.dropFirst()))\n"
            }
            for step in r.steps { out += "    \(messages.optionalStep): \(TerminalText.escape(step.message))\n" }
        }
        return out
    }

    /// The numbered steps, each with the pack's remarks about what it acts on (those `shownAbove`
    /// or under an earlier step left out: a remark is said once); a plan whose simulation found no way to the goal says so and what cannot be
    /// fixed instead, and one that asks for data first says it is not yet verifiable.
    public func planText(_ plan: PlanBuilder.Plan, shownAbove: [Remarks] = []) -> String {
        var out = "\(messages.planHeading):\n"
        if let verification = plan.verification, verification.outcome == .fails {
            let reasons = verification.cannotFix.map { TerminalText.escape($0.prefix(1).uppercased() + $0.dropFirst()) }
            return out + messages.noPlan(reasons).split(separator: "\n").map { "  " + $0 }.joined(separator: "\n") + "\n"
        }
        if plan.steps.isEmpty { out += "  \(messages.nothingToDo)\n" }
        var shown = shownAbove
        for (i, step) in plan.steps.enumerated() {
            out += "  \(i + 1). \(TerminalText.escape(step.message))\n"
            for line in step.forbidden { out += "     " + TerminalText.escape(line) + "\n" }
            for line in messages.remarkLines(step.remarks.removing(shown)) { out += "     " + TerminalText.escape(line) + "\n" }
            shown.append(step.remarks)
        }
        for note in plan.notes { out += "  · \(TerminalText.escape(note))\n" }
        if plan.verification?.outcome == .needsData { out += "  \(messages.planNeedsData)\n" }
        for alternative in plan.alternatives {
            out += "\(messages.alternativePlanHeading):\n"
            for (i, step) in alternative.steps.enumerated() { out += "  \(i + 1). \(TerminalText.escape(step.message))\n" }
            if alternative.verification?.outcome == .needsData { out += "  \(messages.planNeedsData)\n" }
        }
        return out
    }

    /// `plan --verify`: the verdict of each goal feature after the simulated steps, whether the
    /// plan reaches the goal, and what is still unmet.
    public func endStateText(_ plan: PlanBuilder.Plan) -> String {
        guard let verification = plan.verification else { return "" }
        var out = "\n\(messages.simulatedEndState)"
        if let end = verification.endTime { out += " (\(messages.time(end)))" }
        out += ":\n"
        for goal in verification.endVerdicts {
            out += "  \(TerminalText.escape(messages.endVerdict(goal.featureName, goal.verdict)))\n"
        }
        for node in verification.unmet {
            let mark = node.truth == .unknown ? "? " : ""
            out += "  - \(mark)\(TerminalText.escape(node.message.prefix(1).uppercased() + node.message.dropFirst()))\n"
        }
        for step in verification.takenOnTrust {
            out += "  \(TerminalText.escape(messages.takenOnTrust(step.subjectName ?? step.subject ?? "", confirmedBy: step.details["confirmedBy"])))\n"
        }
        switch verification.outcome {
        case .reachesGoal: out += "  \(messages.planReachesGoal)\n"
        case .needsData: out += "  \(messages.planNeedsData)\n"
        case .fails: break
        }
        return out
    }

    /// The failing conditions below the root, drawn as a tree, each line with its evidence and
    /// the pack's remarks about it (a note and docs already shown under the verdict are not
    /// repeated: `shownAbove`).
    public func causeTree(_ e: Explanation, shownAbove: Remarks = Remarks()) -> String {
        var out = ""
        var shown: [Int: Int] = [:]  // node → the number it was given
        var counter = 0
        // Frames: node, depth, the tree prefix of its line, and whether it is the last sibling.
        var stack: [(node: Int, prefix: String, last: Bool, depth: Int)] = []
        let top = visibleChildren(e.root, e)
        for (i, c) in top.enumerated().reversed() { stack.append((c, "  ", i == top.count - 1, 1)) }
        while let (n, prefix, last, depth) = stack.popLast() {
            let node = e.nodes[n]
            let branch = last ? "└─ " : "├─ "
            let mark = node.truth == .unknown ? "? " : ""
            let message = TerminalText.escape(node.message.prefix(1).uppercased() + node.message.dropFirst())
            if let number = shown[n] {
                out += prefix + branch + mark + message + " " + messages.seeAbove(number) + "\n"
                continue
            }
            counter += 1
            shown[n] = counter
            out += prefix + branch + "[\(counter)] " + mark + message + "\n"
            let childPrefix = depth >= Self.maxIndent ? prefix : prefix + (last ? "   " : "│  ")
            if let evidence = evidenceLine(node.evidence) {
                out += childPrefix + "   " + evidence + "\n"
            }
            for line in messages.remarkLines(node.remarks.removing([shownAbove])) { out += childPrefix + "   " + TerminalText.escape(line) + "\n" }
            let children = visibleChildren(n, e)
            for (i, c) in children.enumerated().reversed() {
                stack.append((c, childPrefix, i == children.count - 1, depth + 1))
            }
        }
        return out
    }

    /// Failing children, with plain all-of groupings flattened away.
    private func visibleChildren(_ n: Int, _ e: Explanation) -> [Int] {
        var out: [Int] = []
        var stack = e.nodes[n].children.filter { e.nodes[$0].truth != .satisfied }.reversed().map { $0 }
        while let c = stack.popLast() {
            let node = e.nodes[c]
            let isGrouping = node.cause == nil && node.subject == nil && node.chosen == nil && !node.children.isEmpty
                && node.message == messages.allOf(node.truth)
            if isGrouping {
                stack += node.children.filter { e.nodes[$0].truth != .satisfied }.reversed()
            } else {
                out.append(c)
            }
        }
        return out
    }

    private func evidenceLine(_ e: Evidence) -> String? {
        var parts: [String] = []
        if let s = e.snapshot { parts.append("\(messages.snapshotWord) \(TerminalText.escape(s.description))") }
        if let r = e.rule { parts.append("\(messages.ruleWord) \(TerminalText.escape(r.description))") }
        return parts.isEmpty ? nil : parts.joined(separator: " · ")
    }
}
