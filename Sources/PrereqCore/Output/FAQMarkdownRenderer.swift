import Diagnostics

/// Renders `prereq faq` as GitHub-flavoured Markdown: per question the verdict, the causes with
/// evidence, and numbered steps; a question with nothing wrong says so and what was checked.
/// Text from packs and snapshots is escaped so it cannot inject Markdown or HTML.
public struct FAQMarkdownRenderer {
    let messages: Messages

    public init(language: Language) {
        messages = Messages(language)
    }

    public func render(_ faq: FAQAnswer) -> String {
        var out = "# \(MarkdownText.escape(faq.title))\n\n\(MarkdownText.escape(faq.snapshotLine))\n"
        for item in faq.items {
            out += "\n## \(MarkdownText.escape(item.question))\n\n"
            let verdict: String
            switch item.truth {
            case .satisfied: verdict = "✅ " + messages.faqNothingWrong
            case .violated: verdict = "❌ " + messages.faqProblem
            case .unknown: verdict = "❔ " + messages.faqUnknown
            }
            out += "**\(messages.faqAnswerLabel):** \(verdict)"
            if let lead = item.lead { out += " " + MarkdownText.escape(lead) }
            out += "\n\n"
            if item.truth == .satisfied {
                out += "\(messages.faqContextLabel):\n\n"
                for node in item.checked { out += "- \(line(node))\n" }
            } else {
                out += "\(messages.faqCausesLabel):\n\n"
                for (i, node) in item.causes.enumerated() { out += "\(i + 1). \(line(node))\n" }
                out += "\n\(messages.planHeading):\n\n"
                if item.plan.steps.isEmpty { out += "- \(messages.nothingToDo)\n" }
                for (i, step) in item.plan.steps.enumerated() { out += "\(i + 1). \(MarkdownText.escape(step.message))\n" }
                for note in item.plan.notes { out += "\n> \(MarkdownText.escape(note))\n" }
            }
        }
        return out
    }

    private func line(_ node: ExplanationNode) -> String {
        let message = MarkdownText.escape(capitalized(node.message))
        let evidence = messages.faqEvidence(
            snapshot: node.evidence.snapshot.map { "`\(MarkdownText.code($0.description))`" },
            rule: node.evidence.rule.map { "`\(MarkdownText.code($0.description))`" })
        return evidence.isEmpty ? message : "\(message) (\(evidence))"
    }

    private func capitalized(_ s: String) -> String { s.prefix(1).uppercased() + s.dropFirst() }
}

/// Escaping for text from input placed in Markdown.
public enum MarkdownText {
    /// Backslash-escapes the Markdown punctuation that can start emphasis, code, links or table
    /// cells mid-line, and turns HTML-significant characters into
    /// entities; newlines and other control characters become spaces.
    public static func escape(_ s: String) -> String {
        var out = ""
        for ch in s {
            switch ch {
            case "\\", "`", "*", "_", "[", "]", "|", "~":
                out.append("\\")
                out.append(ch)
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\n", "\r", "\t": out += " "
            default:
                if ch.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value != 0x7F }) { out.append(ch) } else { out += " " }
            }
        }
        return out
    }

    /// Text inside a code span: backticks cannot be escaped there, so they are replaced.
    public static func code(_ s: String) -> String {
        String(s.map { $0 == "`" || $0 == "\n" || $0 == "\r" ? "'" : $0 })
    }
}
