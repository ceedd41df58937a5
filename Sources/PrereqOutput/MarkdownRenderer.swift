import Diagnostics
import PrereqAnswers

/// Renders findings as a pull-request comment: a heading with the verdict, a table of counts,
/// then the findings grouped by file (severity, code, line, message). Text from input is
/// escaped so that it cannot form links, mentions, HTML, emphasis or break the tables.
public struct MarkdownRenderer: Sendable {
    public var paths: RepositoryPaths
    /// `lint` or `check`, used in the heading.
    public var command: String

    public init(paths: RepositoryPaths, command: String) {
        self.paths = paths
        self.command = command
    }

    public func render(_ report: FindingsReport) -> String {
        let s = report.summary
        var out = "## Prereq \(command): "
        out += report.findings.isEmpty ? "no findings\n\n" : "\(report.summaryLine)\n\n"
        out += "| Severity | Count |\n| --- | ---: |\n"
        out += "| Error | \(s.errors) |\n| Warning | \(s.warnings) |\n| Note | \(s.notes) |\n"
        if !report.suppressed.isEmpty {
            let n = report.suppressed.count
            out += "\nSuppressed inline: \(n) finding\(n == 1 ? "" : "s") accepted by `# prereq-ignore` comments.\n"
        }
        if let b = report.baseline {
            out += "\nBaseline: \(b.suppressed) finding\(b.suppressed == 1 ? "" : "s") suppressed, "
            out += "\(b.unmatched) baseline entr\(b.unmatched == 1 ? "y" : "ies") no longer match.\n"
        }
        var groups: [(file: String?, findings: [Diagnostic])] = []
        for d in report.findings {
            let file = d.location.map { paths.display($0.file) }
            if let i = groups.firstIndex(where: { $0.file == file }) {
                groups[i].findings.append(d)
            } else {
                groups.append((file, [d]))
            }
        }
        for group in groups {
            out += "\n### " + (group.file.map(Self.escape) ?? "Not in a file") + "\n\n"
            out += "| Severity | Code | Line | Message |\n| --- | --- | ---: | --- |\n"
            for d in group.findings {
                let line = d.location.map { $0.line > 0 ? "\($0.line):\($0.column)" : "" } ?? ""
                var message = Self.escape(d.message)
                for r in d.related {
                    let file = paths.display(r.location.file)
                    let place = r.location.line > 0 ? "\(file):\(r.location.line):\(r.location.column)" : file
                    message += "<br>note: " + Self.escape("\(place): \(r.message)")
                }
                if let help = d.help { message += "<br>help: " + Self.escape(help) }
                out += "| \(d.severity.rawValue) | \(Self.escape(d.code)) | \(line) | \(message) |\n"
            }
        }
        return out
    }

    /// An `http(s)` address as an autolink (`<https://…>`); anything else, or an address with a
    /// character a link could be broken out with, as escaped text.
    public static func link(_ address: String) -> String {
        let lower = address.lowercased()
        let plain = address.unicodeScalars.allSatisfy { $0.isASCII && $0.value > 0x20 && $0.value < 0x7F && !"<>\\`\"'".unicodeScalars.contains($0) }
        guard plain, lower.hasPrefix("https://") || lower.hasPrefix("http://"), address.count > 8 else { return escape(address) }
        return "<" + address + ">"
    }

    /// Input text made inert in GitHub Markdown, wherever it is placed on a line (a table cell,
    /// a list item, the start of a line), yet readable unrendered: only what would act is
    /// escaped. Always: `<` and `|` (raw HTML, autolinks, table cells), `` ` ``, `*`, `[`, `~`
    /// and `$` (code, emphasis, links and images, strikethrough, math), `:` of `://` and `.`
    /// after `www` (GitHub's bare autolinks). Where they would act: `_` not inside a word, `&`
    /// before a letter or `#` (an entity), `@` before a word character (a mention or e-mail
    /// address), `\` before punctuation or at the end (an escape or a hard line break), and at
    /// the text's start `#`, `>`, `-`, `+`, `=` and `1.`/`1)` (headings, quotes, lists, rules),
    /// and `#` closing it (a heading's closing sequence).
    /// `&`, `<`, `>` and `@` become entities. Line breaks become spaces; control and invisible
    /// formatting characters are shown as `\u{…}`.
    private static let asciiPunctuation = Set("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".unicodeScalars)

    public static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        let scalars = Array(s.unicodeScalars)
        let firstVisible = scalars.firstIndex { $0 != " " } ?? scalars.count
        func at(_ i: Int) -> Unicode.Scalar? { i >= 0 && i < scalars.count ? scalars[i] : nil }
        func isWord(_ c: Unicode.Scalar?) -> Bool { c.map { $0.properties.isAlphabetic || $0.properties.numericType != nil } ?? false }
        func isASCIIPunctuation(_ c: Unicode.Scalar?) -> Bool { c.map { Self.asciiPunctuation.contains($0) } ?? true }
        // A leading `1.` or `1)` would start an ordered list: the mark after the digits is escaped.
        var listMark: Int?
        if let digitsEnd = scalars[firstVisible...].firstIndex(where: { !("0"..."9").contains($0) }),
           digitsEnd > firstVisible, digitsEnd - firstVisible <= 9, scalars[digitsEnd] == "." || scalars[digitsEnd] == ")",
           at(digitsEnd + 1) == nil || at(digitsEnd + 1) == " " {
            listMark = digitsEnd
        }
        for (i, scalar) in scalars.enumerated() {
            switch scalar {
            case "<": out += "&lt;"
            case "&" where at(i + 1).map { $0 == "#" || ("a"..."z").contains($0) || ("A"..."Z").contains($0) } ?? true:
                out += "&amp;"
            case "@" where at(i + 1) == nil || isWord(at(i + 1)) || at(i + 1) == "_":
                out += "&#64;"
            case ">" where i == firstVisible: out += "&gt;"
            case "\\" where isASCIIPunctuation(at(i + 1)):
                out += "\\\\"
            case "`", "*", "[", "|", "~", "$":
                out += "\\"
                out.unicodeScalars.append(scalar)
            case "_" where !(isWord(at(i - 1)) && isWord(at(i + 1))):
                out += "\\_"
            case "#" where i == firstVisible || at(i - 1) == " " && scalars[i...].allSatisfy({ $0 == "#" || $0 == " " }), "-" where i == firstVisible, "+" where i == firstVisible, "=" where i == firstVisible,
                 "." where i == listMark, ")" where i == listMark:
                out += "\\"
                out.unicodeScalars.append(scalar)
            case ":" where at(i + 1) == "/" && at(i + 2) == "/":
                out += "\\:"
            case "." where i >= 3 && String(String.UnicodeScalarView(scalars[(i - 3)..<i])).lowercased() == "www":
                out += "\\."
            case "\n", "\r", "\t": out += " "
            default:
                if TerminalText.isUnsafe(scalar, keepNewlines: false) {
                    out += "\\" + TerminalText.visible(scalar)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}
