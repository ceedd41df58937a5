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

    /// Input text made inert in GitHub Markdown and on one table line: HTML's `&`, `<`, `>` and
    /// `@` (mentions, e-mail autolinks) as entities, Markdown punctuation that acts inside a line
    /// backslash-escaped, line breaks as spaces, control and invisible formatting characters as
    /// `\u{…}`. Bare URLs and `www.` names cannot autolink (GitHub's autolink extension): the `:`
    /// of `://` and the `.` after `www` are backslash-escaped, which renders the same.
    /// An `http(s)` address as an autolink (`<https://…>`); anything else, or an address with a
    /// character a link could be broken out with, as escaped text.
    public static func link(_ address: String) -> String {
        let lower = address.lowercased()
        let plain = address.unicodeScalars.allSatisfy { $0.isASCII && $0.value > 0x20 && $0.value < 0x7F && !"<>\\`\"'".unicodeScalars.contains($0) }
        guard plain, lower.hasPrefix("https://") || lower.hasPrefix("http://"), address.count > 8 else { return escape(address) }
        return "<" + address + ">"
    }

    public static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        let scalars = Array(s.unicodeScalars)
        for (i, scalar) in scalars.enumerated() {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "@": out += "&#64;"
            case "\\", "`", "*", "_", "[", "]", "(", ")", "{", "}", "|", "#", "!", "~", "$":
                out += "\\"
                out.unicodeScalars.append(scalar)
            case ":" where i + 1 < scalars.count && scalars[i + 1] == "/":
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
