import Diagnostics
import PrereqAnswers
import PrereqMessages

/// Renders a findings report as JUnit XML for CI systems that read only test reports, counted
/// as their dashboards count: one `testsuite` per checked file, one `testcase` per finding in
/// it (a `failure` at or above the fail level, passing with the finding in `system-out` below
/// it, an `error` when the file could not be read), and one passing `testcase` for a clean file.
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
        let noFile = "prereq \(context.command)"
        let classname = Self.attribute("prereq.\(context.command)")
        var suites = ""
        var total = (tests: 0, failures: 0, errors: 0)
        for unit in units {
            let name = Self.attribute(unit.name)
            var cases = ""
            var count = (tests: 0, failures: 0, errors: 0)
            if unit.findings.isEmpty {
                count.tests = 1
                cases += "    <testcase name=\"\(name)\" classname=\"\(classname)\"/>\n"
            }
            for d in unit.findings {
                count.tests += 1
                cases += "    <testcase name=\"\(Self.attribute(caseName(d)))\" classname=\"\(classname)\">\n"
                let body = Self.text(details(d))
                if Self.isUnreadableInput(d) {
                    count.errors += 1
                    cases += "      <error type=\"\(Self.attribute(d.code))\" message=\"\(Self.attribute(headline(d)))\">\(body)</error>\n"
                } else if d.severity >= context.failOn {
                    count.failures += 1
                    cases += "      <failure type=\"\(Self.attribute(d.code))\" message=\"\(Self.attribute(headline(d)))\">\(body)</failure>\n"
                } else {
                    cases += "      <system-out>\(body)</system-out>\n"
                }
                cases += "    </testcase>\n"
            }
            suites += "  <testsuite name=\"\(name)\" tests=\"\(count.tests)\" failures=\"\(count.failures)\" errors=\"\(count.errors)\" skipped=\"0\""
            suites += unit.name == noFile ? ">\n" : " file=\"\(name)\">\n"
            suites += cases + "  </testsuite>\n"
            total = (total.tests + count.tests, total.failures + count.failures, total.errors + count.errors)
        }
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"\(Self.attribute(noFile))\" tests=\"\(total.tests + report.suppressed.count)\" failures=\"\(total.failures)\" errors=\"\(total.errors)\">\n"
        return out + suites + suppressedSuite(report) + "</testsuites>\n"
    }

    /// A finding that means its file could not be read at all (a missing file, broken YAML):
    /// a JUnit `error`, not a test that ran and failed.
    static func isUnreadableInput(_ d: Diagnostic) -> Bool {
        d.severity == .error && FindingCatalog.loaderCodes.contains { $0.code == d.code }
    }

    /// `code line:column: subject` — what the finding is about, stable while its message is not.
    func caseName(_ d: Diagnostic) -> String {
        var name = d.code
        if let l = d.location, l.line > 0 { name += " \(l.line):\(l.column)" }
        if let subject = d.subjectName ?? d.subject { name += ": " + subject }
        return name
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
