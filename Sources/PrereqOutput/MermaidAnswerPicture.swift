import PrereqAnswers
import PrereqMessages

/// An answer's picture as a fenced Mermaid block for Markdown (GitHub draws it): the part of the
/// graph behind the answer, coloured by the environment, with a line under it when it was cut.
public struct MermaidAnswerPicture {
    let language: Language

    public init(language: Language) { self.language = language }

    /// The block with a blank line before it, or nothing without a picture.
    public func block(_ picture: AnswerPicture?) -> String {
        guard let picture else { return "" }
        let export = GraphExport(graph: picture.diagram.graph, language: language)
        var out = "\n```mermaid\n" + export.render(picture.diagram, states: picture.states, .mermaid) + "```\n"
        if let total = picture.cutFrom {
            out += "\n" + MarkdownRenderer.escape(export.messages.pictureCut(kept: picture.diagram.nodes.count, of: total)) + "\n"
        }
        return out
    }
}
