import Diagnostics

/// Renders a findings report as JUnit XML for CI systems that read only test reports: one
/// `testsuite` per checked file with one `testcase` for it; each finding at or above the fail
/// level is a `failure` of that test case, findings below it go to its `system-out`.
public struct JUnitRenderer: Sendable {
    /// Where paths are written relative to, the command (used in names) and the fail level.
    public var context: ReportContext

    public init(context: ReportContext) {
        self.context = context
    }

    public init(paths: RepositoryPaths, command: String, failOn: Severity = .error) {
        self.init(context: ReportContext(paths: paths, command: command, failOn: failOn))
    }

    /// The checked units in order: the report's inputs, then files only findings name, then
    /// one unit for findings about no file.
    func units(_ report: FindingsReport) -> [(name: String, findings: [Diagnostic])] {
        var order: [String] = []
        var byUnit: [String: [Diagnostic]] = [:]
        func add(_ name: String) {
            if byUnit[name] == nil {
                byUnit[name] = []
                order.append(name)
            }
        }
        for input in report.inputs { add(context.paths.display(input)) }
        let noFile = "prereq \(context.command)"
        for d in report.findings {
            let name = d.location.map { context.paths.display($0.file) } ?? noFile
            add(name)
            byUnit[name]?.append(d)
        }
        if order.isEmpty { add(noFile) }
        return order.map { ($0, byUnit[$0] ?? []) }
    }

    public func render(_ report: FindingsReport) -> String {
        let units = units(report)
        let failedUnits = units.filter { $0.findings.contains { $0.severity >= context.failOn } }.count
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"\(Self.attribute("prereq \(context.command)"))\" tests=\"\(units.count)\" failures=\"\(failedUnits)\" errors=\"0\">\n"
        for unit in units {
            let failures = unit.findings.filter { $0.severity >= context.failOn }
            let others = unit.findings.filter { $0.severity < context.failOn }
            let name = Self.attribute(unit.name)
            out += "  <testsuite name=\"\(name)\" tests=\"1\" failures=\"\(failures.isEmpty ? 0 : 1)\" errors=\"0\" skipped=\"0\""
            out += unit.name == "prereq \(context.command)" ? ">\n" : " file=\"\(name)\">\n"
            out += "    <testcase name=\"\(name)\" classname=\"prereq.\(Self.attribute(context.command))\""
            if failures.isEmpty && others.isEmpty {
                out += "/>\n"
            } else {
                out += ">\n"
                for d in failures {
                    out += "      <failure type=\"\(Self.attribute(d.code))\" message=\"\(Self.attribute(headline(d)))\">"
                    out += Self.text(details(d)) + "</failure>\n"
                }
                if !others.isEmpty {
                    out += "      <system-out>" + Self.text(others.map(details).joined(separator: "\n")) + "</system-out>\n"
                }
                out += "    </testcase>\n"
            }
            out += "  </testsuite>\n"
        }
        out += suppressedSuite(report)
        out += "</testsuites>\n"
        return out
    }

    /// `file:line:column: message`.
    func headline(_ d: Diagnostic) -> String {
        guard let l = d.location else { return d.message }
        let file = context.paths.display(l.file)
        return (l.line > 0 ? "\(file):\(l.line):\(l.column)" : file) + ": " + d.message
    }

    /// The finding in full: severity, code, place, message, related places and help.
    func details(_ d: Diagnostic) -> String {
        var lines = ["\(d.severity.rawValue)[\(d.code)] \(headline(d))"]
        for r in d.related {
            let file = context.paths.display(r.location.file)
            let place = r.location.line > 0 ? "\(file):\(r.location.line):\(r.location.column)" : file
            lines.append("  note: \(place): \(r.message)")
        }
        if let help = d.help { lines.append("  help: \(help)") }
        return lines.joined(separator: "\n")
    }

    // MARK: - XML

    /// Text content: `&`, `<`, `>` escaped, characters XML 1.0 forbids dropped, invisible
    /// formatting characters shown as `\u{…}`.
    public static func text(_ s: String) -> String {
        escape(s, attribute: false)
    }

    /// An attribute value (in double quotes): also `"`, `'` and line breaks and tabs escaped, so
    /// that attribute normalisation cannot change them.
    public static func attribute(_ s: String) -> String {
        escape(s, attribute: true)
    }

    static func escape(_ s: String, attribute: Bool) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where attribute: out += "&quot;"
            case "'" where attribute: out += "&apos;"
            case "\n" where attribute: out += "&#10;"
            case "\t" where attribute: out += "&#9;"
            case "\r": out += "&#13;"
            default:
                if TerminalText.isInvisible(scalar) {
                    out += TerminalText.visible(scalar)
                } else if isAllowed(scalar) {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// XML 1.0's Char production (surrogates cannot occur in a Swift string).
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD: true
        case 0x20...0xFFFD: true
        case 0x10000...0x10FFFF: true
        default: false
        }
    }
}
