import Diagnostics

/// Renders findings as GitHub Actions workflow commands, one line per finding:
/// `::error file=rules/a.yaml,line=3,col=5,endLine=3,endColumn=9,title=…::message`.
///
/// Every value from input is escaped as the runner unescapes it (data: `%`, CR, LF; properties
/// also `:` and `,`), and other control characters are shown as `\u{…}`, so nothing in a pack or
/// snapshot can end the annotation or start a workflow command of its own.
public struct GitHubAnnotationsRenderer: Sendable {
    public var paths: RepositoryPaths

    public init(paths: RepositoryPaths) {
        self.paths = paths
    }

    public func render(_ report: FindingsReport) -> String {
        var out = ""
        for d in report.findings { out += line(d) + "\n" }
        return out
    }

    /// One workflow command (without its newline).
    public func line(_ d: Diagnostic) -> String {
        var properties: [(String, String)] = []
        if let l = d.location {
            properties.append(("file", paths.display(l.file)))
            if l.line > 0 {
                properties.append(("line", String(l.line)))
                properties.append(("col", String(max(1, l.column))))
                if let endLine = l.endLine, let endColumn = l.endColumn,
                    endLine > l.line || (endLine == l.line && endColumn >= l.column)
                {
                    properties.append(("endLine", String(endLine)))
                    // GitHub's end column is inclusive; Prereq's is exclusive.
                    if endLine == l.line { properties.append(("endColumn", String(max(l.column, endColumn - 1)))) }
                }
            }
        }
        properties.append(("title", titleText(d)))
        var message = d.message
        for r in d.related {
            let file = paths.display(r.location.file)
            let place = r.location.line > 0 ? "\(file):\(r.location.line):\(r.location.column)" : file
            message += "\nnote: \(place): \(r.message)"
        }
        if let help = d.help { message += "\nhelp: \(help)" }
        let props = properties.map { "\($0.0)=\(Self.escapeProperty($0.1))" }.joined(separator: ",")
        return "::\(Self.command(d.severity)) \(props)::\(Self.escapeData(message))"
    }

    func titleText(_ d: Diagnostic) -> String {
        if let name = d.subjectName ?? d.subject { return "prereq \(d.code): \(name)" }
        return "prereq \(d.code)"
    }

    static func command(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .note: "notice"
        }
    }

    /// A command's message: `%` → `%25`, CR → `%0D`, LF → `%0A`; other control and line
    /// separator characters as `\u{…}`.
    public static func escapeData(_ s: String) -> String {
        escape(s, property: false)
    }

    /// A property value: as data, and also `:` → `%3A`, `,` → `%2C`.
    public static func escapeProperty(_ s: String) -> String {
        escape(s, property: true)
    }

    static func escape(_ s: String, property: Bool) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            case ":" where property: out += "%3A"
            case "," where property: out += "%2C"
            default:
                if TerminalText.isUnsafe(scalar, keepNewlines: false) {
                    out += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}
