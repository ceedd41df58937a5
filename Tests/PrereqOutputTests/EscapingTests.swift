import Diagnostics
import Foundation
import PrereqCore
import PrereqYAML
import Testing

/// Bidi controls, zero-width characters and link syntax from input, in every format.
@Suite struct EscapingTests {
    static let sneaky: [Unicode.Scalar] = ["\u{202E}", "\u{202A}", "\u{2066}", "\u{2069}", "\u{200B}", "\u{200D}", "\u{200F}", "\u{FEFF}", "\u{2028}", "\u{2029}", "\u{E0041}"]

    @Test func invisibleFormattingCharactersAreShownOnTheTerminal() {
        for scalar in Self.sneaky {
            let shown = TerminalText.escape("a\(Character(scalar))b")
            #expect(shown == "a\\u{\(String(scalar.value, radix: 16, uppercase: true))}b")
        }
        // Ordinary accents and emoji are left alone.
        #expect(TerminalText.escape("Configuração ✅") == "Configuração ✅")
    }

    /// A finding whose message carries every sneaky character, as a hostile name would.
    var hostileReport: FindingsReport {
        let message = "feature " + String(String.UnicodeScalarView(Self.sneaky)) + "x is unused"
        return FindingsReport(
            findings: [.warning("unused-job", message, at: .init(file: "rules/a.yaml", line: 1, column: 1))], unreadable: false)
    }

    @Test(arguments: ReportFormat.allCases)
    func noFormatPassesInvisibleCharactersThrough(_ format: ReportFormat) {
        let text = format.render(hostileReport, context: ReportContext(paths: fixedPaths, command: "lint"))
        for scalar in Self.sneaky {
            #expect(!text.unicodeScalars.contains(scalar), "\(format) keeps U+\(String(scalar.value, radix: 16, uppercase: true))")
        }
    }

    @Test func jsonWritesThemAsEscapesThatReadBackTheSame() throws {
        let s = "a\u{202E}b\u{E0041}c"
        let json = JSONValue.string(s).serialized()
        #expect(json == "\"a\\u202eb\\udb40\\udc41c\"")
        let back = try JSONSerialization.jsonObject(with: Data("[\(json)]".utf8)) as? [String]
        #expect(back == [s])
    }

    @Test func markdownCannotAutolinkURLsOrWWWNames() {
        let escaped = MarkdownRenderer.escape("see https://evil.example/x and WWW.evil.example or ftp://h")
        #expect(!escaped.contains("https://") && !escaped.contains("ftp://"))
        #expect(!escaped.lowercased().contains("www."))
        #expect(escaped.contains("https\\://evil.example/x"))
        #expect(escaped.contains("WWW\\.evil.example"))
        // Ordinary colons and dots are left alone.
        #expect(MarkdownRenderer.escape("rules/a.yaml:3: v1.2") == "rules/a.yaml:3: v1.2")
    }

    @Test func mermaidLabelsCannotCarryDirectives() throws {
        let pack = """
            prereq: 1
            features:
              a: {name: "%%{init: {'theme': 'dark'}}%% A"}
              b: {name: "`**B**` #quot;", requires: [a]}
            """
        let loaded = YAMLLoader().load(bytes: Array(pack.utf8), file: "p.yaml")
        let (rules, _) = RulePackLoader.decode(loaded.documents)
        let mermaid = GraphExport(graph: RuleGraph(rules), language: .english).render(.mermaid)
        #expect(!mermaid.contains("%%"))
        #expect(!mermaid.contains("`"))
        #expect(!mermaid.contains("#quot; A") && mermaid.contains("#35;quot;"))
    }
}
