import Diagnostics

/// Renders a findings report as SARIF 2.1.0: one run whose tool lists every finding code as a
/// rule (with its explanation), and one result per finding with its level, message, location
/// relative to the repository root (`%SRCROOT%`), related locations and a stable fingerprint.
public struct SarifRenderer: Sendable {
    public var paths: RepositoryPaths

    public static let schemaURI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
    public static let informationURI = "https://github.com/prereq/prereq"
    public static let rootBase = "%SRCROOT%"
    /// The key under `partialFingerprints`; the version changes if the hash ever does.
    public static let fingerprintKey = "prereqFingerprint/v1"

    public init(paths: RepositoryPaths) {
        self.paths = paths
    }

    public func render(_ report: FindingsReport) -> String {
        json(report).serialized(pretty: true) + "\n"
    }

    public func json(_ report: FindingsReport) -> JSONValue {
        let rules = Self.rules(for: report.findings)
        var ruleIndex: [String: Int] = [:]
        for (i, rule) in rules.enumerated() { ruleIndex[rule.code] = i }
        let fingerprints = FindingFingerprint.compute(report.findings, paths: paths)
        let results = zip(report.findings, fingerprints).map { d, fingerprint in
            result(d, ruleIndex: ruleIndex[d.code] ?? 0, fingerprint: fingerprint)
        }
        let driver: JSONValue = .object([
            ("name", .string("prereq")),
            ("version", .string(PrereqVersion.current)),
            ("semanticVersion", .string(PrereqVersion.current)),
            ("informationUri", .string(Self.informationURI)),
            ("rules", .array(rules.map(Self.rule))),
        ])
        let run: JSONValue = .object([
            ("tool", .object([("driver", driver)])),
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

    static func rule(_ entry: FindingCode) -> JSONValue {
        let full = [entry.meaning, entry.whyItMatters].filter { !$0.isEmpty }.joined(separator: " ")
        var markdown = "**\(entry.summary)**\n\n"
        if !entry.meaning.isEmpty { markdown += "\(entry.meaning)\n\n" }
        if !entry.whyItMatters.isEmpty { markdown += "Why it matters: \(entry.whyItMatters)\n\n" }
        if !entry.example.isEmpty { markdown += "Example:\n\n```\n\(entry.example)\n```\n\n" }
        markdown += "Fix: \(entry.fix)"
        return .object([
            ("id", .string(entry.code)),
            ("name", .string(ruleName(entry.code))),
            ("shortDescription", .object([("text", .string(entry.summary))])),
            ("fullDescription", .object([("text", .string(full.isEmpty ? entry.summary : full))])),
            ("help", .object([("text", .string(entry.fix)), ("markdown", .string(markdown))])),
            ("defaultConfiguration", .object([("level", .string(level(entry.severity)))])),
        ])
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

    func result(_ d: Diagnostic, ruleIndex: Int, fingerprint: String) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("ruleId", .string(d.code)),
            ("ruleIndex", .int(ruleIndex)),
            ("level", .string(Self.level(d.severity))),
            ("message", .object([("text", .string(d.message))])),
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
                         ("message", .object([("text", .string(r.message))])),
                     ])
                 })))
        }
        members.append(("partialFingerprints", .object([(Self.fingerprintKey, .string(fingerprint))])))
        var properties: [(String, JSONValue)] = []
        if let subject = d.subject { properties.append(("subject", .string(subject))) }
        if let name = d.subjectName { properties.append(("subjectName", .string(name))) }
        if let help = d.help { properties.append(("help", .string(help))) }
        if !properties.isEmpty { members.append(("properties", .object(properties))) }
        return .object(members)
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
