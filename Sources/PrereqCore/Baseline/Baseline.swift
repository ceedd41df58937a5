import Diagnostics
import Foundation

/// A record of accepted findings, so a repository can adopt the gate and fail only on new ones.
/// Findings are keyed by fingerprint (see `FindingFingerprint`): a baseline keeps matching when
/// lines move and when unrelated findings come and go. The file is JSON, entries sorted, the
/// same bytes for the same findings.
public struct Baseline: Sendable, Hashable {
    /// One accepted finding. Only the fingerprint is matched; code, file and message are there
    /// for people reviewing the file.
    public struct Entry: Sendable, Hashable {
        public var fingerprint: String
        public var code: String
        public var file: String
        public var message: String

        public init(fingerprint: String, code: String, file: String, message: String) {
            self.fingerprint = fingerprint
            self.code = code
            self.file = file
            self.message = message
        }
    }

    /// The file format's version (`"prereqBaseline": 1`).
    public static let formatVersion = 1

    public var entries: [Entry]

    public init(entries: [Entry]) {
        self.entries = entries.sorted { ($0.fingerprint, $0.code, $0.file, $0.message) < ($1.fingerprint, $1.code, $1.file, $1.message) }
    }

    /// The findings of `report` as a baseline.
    public static func record(_ report: FindingsReport, paths: RepositoryPaths) -> Baseline {
        let fingerprints = FindingFingerprint.compute(report.findings, paths: paths)
        return Baseline(
            entries: zip(report.findings, fingerprints).map { d, f in
                Entry(fingerprint: f, code: d.code, file: d.location.map { paths.display($0.file) } ?? "", message: d.message)
            })
    }

    /// The report without the findings this baseline accepts, with counts of what was
    /// suppressed and of entries that matched nothing.
    public func apply(to report: FindingsReport, paths: RepositoryPaths, file: String? = nil) -> FindingsReport {
        let accepted = Set(entries.map(\.fingerprint))
        let fingerprints = FindingFingerprint.compute(report.findings, paths: paths)
        var kept: [Diagnostic] = []
        var matched = Set<String>()
        for (d, f) in zip(report.findings, fingerprints) {
            if accepted.contains(f) {
                matched.insert(f)
            } else {
                kept.append(d)
            }
        }
        var out = report
        out.findings = kept
        out.baseline = BaselineOutcome(
            suppressed: report.findings.count - kept.count, unmatched: accepted.subtracting(matched).count, file: file)
        return out
    }

    // MARK: - File

    public var json: JSONValue {
        .object([
            ("prereqBaseline", .int(Self.formatVersion)),
            ("tool", .string("prereq \(PrereqVersion.current)")),
            ("findings", .array(entries.map { e in
                .object([
                    ("fingerprint", .string(e.fingerprint)), ("code", .string(e.code)), ("file", .string(e.file)),
                    ("message", .string(e.message)),
                ])
            })),
        ])
    }

    /// The baseline file's text.
    public func serialized() -> String {
        json.serialized(pretty: true) + "\n"
    }

    /// Reads a baseline file; a missing, unreadable or malformed file is an error diagnostic.
    public static func read(path: String) throws(Diagnostic) -> Baseline {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Diagnostic.error(
                "io-error", "cannot read the baseline \(path)", at: .wholeFile(path),
                help: "create it with --write-baseline \(path)")
        }
        return try parse(data, file: path)
    }

    public static func parse(_ data: Data, file: String) throws(Diagnostic) -> Baseline {
        func bad(_ why: String) -> Diagnostic {
            .error("schema-type", "\(file) is not a Prereq baseline: \(why)", at: .wholeFile(file),
                   help: "write it again with --write-baseline \(file)")
        }
        guard let object = try? JSONSerialization.jsonObject(with: data), let root = object as? [String: Any] else {
            throw bad("not a JSON object")
        }
        guard let version = root["prereqBaseline"] as? Int else { throw bad("\"prereqBaseline\" is missing") }
        guard version == formatVersion else { throw bad("format version \(version) is not supported (expected \(formatVersion))") }
        guard let items = root["findings"] as? [Any] else { throw bad("\"findings\" is not a list") }
        var entries: [Entry] = []
        for (i, item) in items.enumerated() {
            guard let e = item as? [String: Any], let fingerprint = e["fingerprint"] as? String, !fingerprint.isEmpty else {
                throw bad("findings[\(i)] has no fingerprint")
            }
            entries.append(
                Entry(
                    fingerprint: fingerprint, code: e["code"] as? String ?? "", file: e["file"] as? String ?? "",
                    message: e["message"] as? String ?? ""))
        }
        return Baseline(entries: entries)
    }
}

/// What applying a baseline did.
public struct BaselineOutcome: Sendable, Hashable {
    /// Findings the baseline accepted (not reported).
    public var suppressed: Int
    /// Baseline entries that matched no finding (fixed since; the baseline can be rewritten).
    public var unmatched: Int
    /// The baseline file, when read from one.
    public var file: String?

    public init(suppressed: Int, unmatched: Int, file: String? = nil) {
        self.suppressed = suppressed
        self.unmatched = unmatched
        self.file = file
    }

    /// `{"file", "suppressed", "unmatched"}` as the JSON summary shows it.
    public var json: JSONValue {
        .object([("file", .string(file)), ("suppressed", .int(suppressed)), ("unmatched", .int(unmatched))])
    }

    /// "baseline .prereq-baseline.json: 3 findings suppressed, 1 entry no longer matches".
    public var sentence: String {
        let s = "\(suppressed) finding\(suppressed == 1 ? "" : "s") suppressed"
        let u = "\(unmatched) entr\(unmatched == 1 ? "y no longer matches" : "ies no longer match")"
        return "baseline\(file.map { " " + $0 } ?? ""): \(s), \(u)"
    }
}
