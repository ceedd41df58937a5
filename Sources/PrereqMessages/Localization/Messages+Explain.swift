import Foundation

/// The sentences of `prereq explain` in English and Brazilian Portuguese (part of the one
/// message catalog, `Messages`; the per-code texts are `FindingCatalog`'s part of it).
extension Messages {

    public var meaningHeading: String { say("What it means", "O que significa") }
    public var whyItMattersHeading: String { say("Why it matters", "Por que importa") }
    public var exampleHeading: String { say("Example", "Exemplo") }
    public var fixHeading: String { say("How to fix it", "Como corrigir") }

    /// `prereq explain CODE`: the code, its severity and summary, then the four sections.
    /// The severity stays as written in configs and reports (`error`, `warning`, `note`).
    public func explanation(of entry: FindingCode) -> String {
        let text = entry.text(in: language)
        let example = entry.example.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n")
        return """
            \(entry.code) (\(entry.severity.rawValue)): \(text.summary)

            \(meaningHeading):
              \(text.meaning)

            \(whyItMattersHeading):
              \(text.whyItMatters)

            \(exampleHeading):
            \(example)

            \(fixHeading):
              \(text.fix)

            """
    }

    /// `prereq explain --list`: one line per code, the summaries aligned.
    public func findingCodeList(_ entries: [FindingCode]) -> String {
        let width = entries.map(\.code.count).max() ?? 0
        return entries.map { entry in
            entry.code.padding(toLength: width + 2, withPad: " ", startingAt: 0) + entry.text(in: language).summary + "\n"
        }.joined()
    }

    public func unknownFindingCode(_ code: String, suggestion: String?) -> String {
        let hint = didYouMean(suggestion)
        return say(
            "prereq: unknown finding code \"\(code)\"\(hint); `prereq explain --list` shows them all\n",
            "prereq: código de diagnóstico desconhecido \"\(code)\"\(hint); `prereq explain --list` mostra todos\n")
    }
}
