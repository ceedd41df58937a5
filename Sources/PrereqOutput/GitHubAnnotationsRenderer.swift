import Diagnostics
import PrereqAnswers

/// Renders findings as GitHub Actions workflow commands, one line per finding:
/// `::error file=rules/a.yaml,line=3,col=5,endLine=3,endColumn=9,title=…::message`.
///
/// Every value from input is escaped as the runner unescapes it (data: `%`, CR, LF; properties
/// also `:` and `,`), and other control characters are shown as `\u{…}`, so nothing in a pack or
/// snapshot can end the annotation or start a workflow command of its own.
///
/// GitHub shows at most 10 annotations of each level per step and drops the rest, so at most
/// `limit` findings of each severity are printed, the most severe first; when some are left
/// out, one notice says how many (it takes the place of the last note, so it is always shown).
public struct GitHubAnnotationsRenderer: Sendable {
    /// What GitHub shows per step and level.
    public static let gitHubLimit = 10

    public var paths: RepositoryPaths
    /// The most annotations printed per severity; nil prints every finding.
    public var limit: Int?

    public init(paths: RepositoryPaths, limit: Int? = GitHubAnnotationsRenderer.gitHubLimit) {
        self.paths = paths
        self.limit = limit.map { max(0, $0) }
    }

    public func render(_ report: FindingsReport) -> String {
        let bySeverity = Severity.allCases.sorted(by: >).map { s in report.findings.filter { $0.severity == s } }
        guard let limit else { return bySeverity.joined().map { line($0) + "\n" }.joined() }
        let overflows = bySeverity.contains { $0.count > limit }
        var out = ""
        var omitted = 0
        for (k, findings) in bySeverity.enumerated() {
            // Notes share GitHub's notice budget with the notice about what was left out.
            let room = k == bySeverity.count - 1 && overflows ? max(0, limit - 1) : limit
            for d in findings.prefix(room) { out += line(d) + "\n" }
            omitted += max(0, findings.count - room)
        }
        if omitted > 0 {
            let message = "\(omitted) more finding\(omitted == 1 ? "" : "s") not shown as annotations (at most \(limit) per level); the step summary or another --format lists every finding"
            out += "::notice title=\(Self.escapeProperty("prereq"))::\(Self.escapeData(message))\n"
        }
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
