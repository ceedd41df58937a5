import Diagnostics
import PrereqAnswers
import PrereqBasics
import PrereqMessages
import PrereqYAML

/// Renders a findings report as SARIF 2.1.0: one run whose tool lists every finding code as a
/// rule (with its explanation and a link to its section of `docs/findings.md`), one result per
/// finding with its level, message, location relative to the repository root (`%SRCROOT%`),
/// related locations linked from the message and a stable fingerprint, findings accepted by
/// inline comments as suppressed results, and an invocation that says whether every input could
/// be read (with a notification for each that could not).
public struct SarifRenderer: Sendable {
    public var paths: RepositoryPaths
    /// The tool's home (`informationUri`); rule help links point into its `docs/findings.md`.
    public var informationURI: String
    /// The lines of the findings' files already read (fingerprints anchor on them); nil reads them.
    public var sources: SourceFileLines?

    public static let schemaURI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
    public static let defaultInformationURI = "https://github.com/prereq/prereq"
    public static let rootBase = "%SRCROOT%"
    /// The key under `partialFingerprints`; the version changes when the hash does (v2: no
    /// message text, so the same in every output language).
    public static let fingerprintKey = "prereqFingerprint/v2"

    public init(paths: RepositoryPaths, informationURI: String? = nil) {
        self.paths = paths
        var home = informationURI ?? Self.defaultInformationURI
        while home.hasSuffix("/") { home.removeLast() }
        self.informationURI = home
    }

    public init(context: ReportContext) {
        self.init(paths: context.paths, informationURI: context.informationURI)
        sources = context.sources
    }

    public func render(_ report: FindingsReport) -> String {
        json(report).serializedDocument()
    }

    /// Where the documentation of a catalogued code is: its section of `docs/findings.md` at
    /// this version's tag.
    public func helpURI(_ code: String) -> String {
        "\(informationURI)/blob/v\(PrereqVersion.current)/docs/findings.md#\(code)"
    }

    public func json(_ report: FindingsReport) -> JSONValue {
        let rules = Self.rules(for: report.findings + report.suppressed.map(\.finding))
        var ruleIndex: [String: Int] = [:]
        for (i, rule) in rules.enumerated() { ruleIndex[rule.code] = i }
        // One pass over reported and suppressed findings, so that occurrence counters never repeat.
        let fingerprints = FindingFingerprint.compute(report.findings + report.suppressed.map(\.finding), paths: paths, sources: sources)
        var results = zip(report.findings, fingerprints).map { d, fingerprint in
            result(d, ruleIndex: ruleIndex[d.code] ?? 0, fingerprint: fingerprint)
        }
        results += zip(report.suppressed, fingerprints.dropFirst(report.findings.count)).map { s, fingerprint in
            result(s.finding, ruleIndex: ruleIndex[s.finding.code] ?? 0, fingerprint: fingerprint, suppression: s)
        }
        let driver: JSONValue = .object([
            ("name", .string("prereq")),
            ("version", .string(PrereqVersion.current)),
            ("semanticVersion", .string(PrereqVersion.current)),
            ("informationUri", .string(informationURI)),
            ("rules", .array(rules.map(rule))),
        ])
        let run: JSONValue = .object([
            ("tool", .object([("driver", driver)])),
            ("invocations", .array([invocation(report)])),
            ("originalUriBaseIds", .object([(Self.rootBase, .object([("uri", .string(Self.fileURI(paths.root, folder: true)))]))])),
            ("results", .array(results)),
            ("columnKind", .string("unicodeCodePoints")),
        ])
        return .object([
            ("$schema", .string(Self.schemaURI)),
            ("version", .string("2.1.0")),
            ("runs", .array([run])),
        ])
    }

    /// Whether the run could read all of its input, with one notification for each input
    /// that could not be read or parsed.
    func invocation(_ report: FindingsReport) -> JSONValue {
        let loaderCodes = Set(FindingCatalog.loaderCodes.map(\.code))
        let unreadable = report.unreadable ? report.findings.filter { $0.severity == .error && loaderCodes.contains($0.code) } : []
        var members: [(String, JSONValue)] = [("executionSuccessful", .bool(!report.unreadable))]
        if !unreadable.isEmpty {
            members.append(
                ("toolExecutionNotifications",
                 .array(unreadable.map { d in
                     var n: [(String, JSONValue)] = [
                         ("level", .string("error")), ("message", .object([("text", .string(Self.escapedText(d.message)))])),
                         ("descriptor", .object([("id", .string(d.code))])),
                     ]
                     if let location = d.location {
                         n.append(("locations", .array([.object([("physicalLocation", physicalLocation(location))])])))
                     }
                     return .object(n)
                 })))
        }
        return .object(members)
    }

    /// Every catalogued code, then any code the report uses that the catalog lacks (sorted).
    static func rules(for findings: [Diagnostic]) -> [FindingCode] {
        var rules = FindingCatalog.all
        var known = Set(rules.map(\.code))
        for code in findings.map(\.code).sorted() where known.insert(code).inserted {
            rules.append(
                FindingCode(
                    code: code, severity: .warning, summary: "Finding \(code).", meaning: "", whyItMatters: "", example: "",
                    fix: "See the finding's message and help line."))
        }
        return rules
    }

    func rule(_ entry: FindingCode) -> JSONValue {
        let full = [entry.meaning, entry.whyItMatters].filter { !$0.isEmpty }.joined(separator: " ")
        var markdown = "**\(entry.summary)**\n\n"
        if !entry.meaning.isEmpty { markdown += "\(entry.meaning)\n\n" }
        if !entry.whyItMatters.isEmpty { markdown += "Why it matters: \(entry.whyItMatters)\n\n" }
        if !entry.example.isEmpty { markdown += "Example:\n\n```\n\(entry.example)\n```\n\n" }
        markdown += "Fix: \(entry.fix)"
        var members: [(String, JSONValue)] = [
            ("id", .string(entry.code)),
            ("name", .string(Self.ruleName(entry.code))),
            ("shortDescription", .object([("text", .string(entry.summary))])),
            ("fullDescription", .object([("text", .string(full.isEmpty ? entry.summary : full))])),
        ]
        if FindingCatalog.entry(entry.code) != nil { members.append(("helpUri", .string(helpURI(entry.code)))) }
        members += [
            ("help", .object([("text", .string(entry.fix)), ("markdown", .string(markdown))])),
            ("defaultConfiguration", .object([("level", .string(Self.level(entry.severity)))])),
        ]
        return .object(members)
    }

    /// `unknown-reference` → `UnknownReference` (SARIF's rule names are identifiers).
    static func ruleName(_ code: String) -> String {
        code.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .note: "note"
        }
    }

    func result(_ d: Diagnostic, ruleIndex: Int, fingerprint: String, suppression: SuppressedFinding? = nil) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("ruleId", .string(d.code)),
            ("ruleIndex", .int(ruleIndex)),
            ("level", .string(Self.level(d.severity))),
            ("message", .object([("text", .string(Self.messageText(d)))])),
        ]
        if let location = d.location {
            members.append(("locations", .array([.object([("physicalLocation", physicalLocation(location))])])))
        }
        if !d.related.isEmpty {
            members.append(
                ("relatedLocations",
                 .array(d.related.enumerated().map { i, r in
                     .object([
                         ("id", .int(i + 1)),
                         ("physicalLocation", physicalLocation(r.location)),
                         ("message", .object([("text", .string(Self.escapedText(r.message)))])),
                     ])
                 })))
        }
        if let suppression {
            members.append(
                ("suppressions",
                 .array([.object([
                     ("kind", .string("inSource")),
                     ("justification", .string(suppression.justification)),
                     ("location", .object([("physicalLocation", physicalLocation(suppression.comment))])),
                 ])])))
        }
        members.append(("partialFingerprints", .object([(Self.fingerprintKey, .string(fingerprint))])))
        var properties: [(String, JSONValue)] = []
        if let subject = d.subject { properties.append(("subject", .string(subject))) }
        if let name = d.subjectName { properties.append(("subjectName", .string(name))) }
        if let help = d.help { properties.append(("help", .string(help))) }
        if !d.channels.isEmpty { properties.append(("channels", .array(d.channels.map(JSONValue.string)))) }
        if !properties.isEmpty { members.append(("properties", .object(properties))) }
        return .object(members)
    }

    /// The result's message: the finding's, escaped, then an embedded link to each related
    /// location (`[first defined here](1)`), which SARIF viewers show as links to those places.
    static func messageText(_ d: Diagnostic) -> String {
        let text = escapedText(d.message)
        guard !d.related.isEmpty else { return text }
        let links = d.related.enumerated().map { i, r in "[\(escapedText(r.message))](\(i + 1))" }
        return text + " (" + links.joined(separator: "; ") + ")"
    }

    /// Text made literal in a SARIF plain text message: `\`, `[` and `]` backslash-escaped so
    /// that nothing forms an embedded link (§3.11.6), `{` and `}` doubled so that nothing reads
    /// as a placeholder (§3.11.5), control and invisible formatting characters as `\u{…}`.
    public static func escapedText(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in TerminalText.escape(text).unicodeScalars {
            switch scalar {
            case "\\", "[", "]": out.append("\\"); out.append(scalar)
            case "{", "}": out.append(scalar); out.append(scalar)
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    func physicalLocation(_ location: SourceLocation) -> JSONValue {
        var artifact: [(String, JSONValue)]
        if let relative = paths.relativeToRoot(location.file), !relative.isEmpty {
            artifact = [("uri", .string(Self.percentEncoded(relative))), ("uriBaseId", .string(Self.rootBase))]
        } else {
            artifact = [("uri", .string(Self.fileURI(paths.absolute(location.file), folder: false)))]
        }
        var members: [(String, JSONValue)] = [("artifactLocation", .object(artifact))]
        if location.line > 0 {
            var region: [(String, JSONValue)] = [("startLine", .int(location.line)), ("startColumn", .int(max(1, location.column)))]
            if let endLine = location.endLine, let endColumn = location.endColumn, endColumn >= 1,
                endLine > location.line || (endLine == location.line && endColumn >= location.column)
            {
                region += [("endLine", .int(endLine)), ("endColumn", .int(endColumn))]
            }
            members.append(("region", .object(region)))
        }
        return .object(members)
    }

    /// `file:///abs/path`, with a trailing slash for a folder (SARIF requires it of base URIs).
    static func fileURI(_ absolute: String, folder: Bool) -> String {
        var path = percentEncoded(absolute)
        if folder && !path.hasSuffix("/") { path += "/" }
        return "file://" + path
    }

    /// Percent-encodes everything but RFC 3986's unreserved characters and `/`.
    static func percentEncoded(_ path: String) -> String {
        var out = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return out
    }
}
