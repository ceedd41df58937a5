import PrereqEvaluation
import PrereqMessages

/// What the Markdown answers (`why --format markdown`, `faq`) write alike: a fact with its
/// evidence as code spans, and a plan as a numbered list. Text from input is escaped.
struct MarkdownAnswerParts {
    let messages: Messages

    /// A fact, capitalized, then `(snapshot `file:line:col`, rule `file:line:col`)`.
    func fact(_ node: ExplanationNode) -> String {
        let message = MarkdownRenderer.escape(node.message.prefix(1).uppercased() + node.message.dropFirst())
        let evidence = messages.faqEvidence(
            snapshot: node.evidence.snapshot.map { MarkdownRenderer.codeSpan($0.description) },
            rule: node.evidence.rule.map { MarkdownRenderer.codeSpan($0.description) })
        return evidence.isEmpty ? message : "\(message) (\(evidence))"
    }

    /// The plan's list: what cannot be fixed when it fails, "nothing to do" when empty, else the
    /// numbered steps (each with its values not to choose and `after(step)`), then its notes as
    /// quotes.
    func plan(_ plan: PlanBuilder.Plan, after: (PlanStep) -> String = { _ in "" }) -> String {
        var out = ""
        if let verification = plan.verification, verification.outcome == .fails {
            out += "- " + MarkdownRenderer.escape(messages.noPlan([]).trimmingCharacters(in: .whitespacesAndNewlines)) + "\n"
            for reason in verification.cannotFix { out += "  - \(MarkdownRenderer.escape(reason))\n" }
        } else if plan.steps.isEmpty {
            out += "- \(MarkdownRenderer.escape(messages.nothingToDo))\n"
        }
        for (i, step) in plan.steps.enumerated() {
            out += "\(i + 1). \(MarkdownRenderer.escape(step.message))\n" + step.forbidden.map { "   " + MarkdownRenderer.escape($0) + "\n" }.joined()
                + after(step)
        }
        for note in plan.notes { out += "\n> \(MarkdownRenderer.escape(note))\n" }
        return out
    }
}
