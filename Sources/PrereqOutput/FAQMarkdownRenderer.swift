import PrereqAnswers
import PrereqEvaluation
import PrereqMessages
import PrereqModel

/// Renders `prereq faq` as GitHub-flavoured Markdown: per question the verdict, the causes with
/// evidence, and numbered steps; a question with nothing wrong says so and what was checked.
/// Text from packs and snapshots is escaped so it cannot inject Markdown or HTML.
public struct FAQMarkdownRenderer {
    package let messages: Messages

    public init(language: Language) {
        messages = Messages(language)
    }

    public func render(_ faq: FAQAnswer) -> String {
        var out = "# \(MarkdownRenderer.escape(faq.title))\n\n\(MarkdownRenderer.escape(faq.snapshotLine))\n"
        for item in faq.items {
            out += "\n## \(MarkdownRenderer.escape(item.question))\n\n"
            let verdict: String
            switch item.truth {
            case .satisfied: verdict = "✅ " + messages.faqNothingWrong
            case .violated: verdict = "❌ " + messages.faqProblem
            case .unknown: verdict = "❔ " + messages.faqUnknown
            }
            out += "**\(messages.faqAnswerLabel):** \(verdict)"
            if let lead = item.lead { out += " " + MarkdownRenderer.escape(lead) }
            out += "\n\n"
            let remarks = markdownRemarks(item.remarks)
            if !remarks.isEmpty { out += remarks.joined(separator: "  \n") + "\n\n" }
            if item.truth == .satisfied {
                out += "\(messages.faqContextLabel):\n\n"
                for node in item.checked { out += "- \(line(node))\n" }
            } else {
                out += "\(messages.faqCausesLabel):\n\n"
                for (i, node) in item.causes.enumerated() { out += "\(i + 1). \(line(node))\n" + remarkLines(node.remarks.removing([item.remarks])) }
                out += "\n\(messages.planHeading):\n\n"
                var shown = [item.remarks] + item.causes.map(\.remarks)
                out += MarkdownAnswerParts(messages: messages).plan(item.plan) { step in
                    defer { shown.append(step.remarks) }
                    return remarkLines(step.remarks.removing(shown))
                }
                out += MermaidAnswerPicture(language: messages.language).block(item.picture)
            }
        }
        return out
    }

    private func line(_ node: ExplanationNode) -> String { MarkdownAnswerParts(messages: messages).fact(node) }

    /// A definition's remarks as a list nested in a numbered item.
    private func remarkLines(_ r: Remarks) -> String {
        markdownRemarks(r).map { "   - " + $0 + "\n" }.joined()
    }

    /// Remarks as Markdown lines: text escaped, a docs address as a link when it is a plain one.
    private func markdownRemarks(_ r: Remarks) -> [String] {
        let text = messages.remarkLines(Remarks(note: r.note, settleSource: r.settleSource)).map(MarkdownRenderer.escape)
        return text + (r.docs.map { ["\(messages.docsLabel): " + MarkdownRenderer.link($0)] } ?? [])
    }
}
