import PrereqAnswers
import PrereqEvaluation
import PrereqMessages
import PrereqModel

/// Renders `prereq why --format markdown` for a pull-request comment or a wiki page: the verdict
/// as a heading, the root causes with their evidence, the numbered plan, and the picture of what
/// the feature depends on, coloured by the environment (a Mermaid block GitHub draws). Text from
/// packs and snapshots is escaped so it cannot inject Markdown or HTML.
public struct WhyMarkdownRenderer {
    let text: ExplanationTextRenderer
    let picture: MermaidAnswerPicture

    public init(language: Language) {
        text = ExplanationTextRenderer(language: language)
        picture = MermaidAnswerPicture(language: language)
    }

    var messages: Messages { text.messages }

    public func render(_ a: FeatureAnswer, picture drawn: AnswerPicture?) -> String {
        var out = "## \(MarkdownRenderer.escape(text.verdictSentence(a)))\n\n"
        var lines: [String] = []
        if !a.assumptions.isEmpty { lines.append(messages.assuming(a.assumptions)) }
        if let line = text.channelLine(a.channels) { lines.append(line) }
        if a.isPreview { lines.append(messages.previewRemark) }
        lines += messages.remarkLines(Remarks(note: a.remarks.note, settleSource: a.remarks.settleSource))
        out += lines.map { MarkdownRenderer.escape($0) + "  \n" }.joined()
        if let docs = a.remarks.docs { out += "\(messages.docsLabel): \(MarkdownRenderer.link(docs))\n" }
        if !lines.isEmpty || a.remarks.docs != nil { out += "\n" }
        let causes = a.rootCauses
        if !causes.isEmpty {
            out += "**\(messages.rootCausesHeading):**\n\n"
            for (i, node) in causes.enumerated() { out += "\(i + 1). \(cause(node))\n" }
            out += "\n"
        }
        if !a.recommendations.isEmpty {
            out += "**\(messages.recommendationsHeading):**\n\n"
            for r in a.recommendations { out += "- \(MarkdownRenderer.escape(r.message.prefix(1).uppercased() + r.message.dropFirst()))\n" }
            out += "\n"
        }
        out += "**\(messages.planHeading):**\n\n" + MarkdownAnswerParts(messages: messages).plan(a.plan)
        if a.plan.verification?.outcome == .needsData { out += "\n\(MarkdownRenderer.escape(messages.planNeedsData))\n" }
        return out + picture.block(drawn)
    }

    /// A root cause with its evidence as code spans; an undecided one marked.
    private func cause(_ node: ExplanationNode) -> String {
        (node.truth == .unknown ? "❔ " : "") + MarkdownAnswerParts(messages: messages).fact(node)
    }
}
