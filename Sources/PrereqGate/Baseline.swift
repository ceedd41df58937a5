import Diagnostics
import Foundation
import PrereqAnswers
import PrereqBasics
import PrereqOutput
import PrereqYAML

/// A record of accepted findings, so a repository can adopt the gate and fail only on new ones.
/// Findings are keyed by fingerprint (see `FindingFingerprint`): a baseline keeps matching when
/// lines move, when unrelated findings come and go, and in every output language. `lint` and
/// `check` keep their entries apart in one file, so that writing one never drops the other's.
/// The file is JSON, entries sorted, the same bytes for the same findings.
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

    /// The file format's version (`"prereqBaseline": 2`). Version 1 keyed findings on their
    /// (translated) message and kept one list for both commands; it is refused with a request to
    /// write the baseline again.
    public static let formatVersion = 2

    /// Accepted findings by command (`lint`, `check`), each list sorted.
    public private(set) var commands: [String: [Entry]]

    public init(commands: [String: [Entry]] = [:]) {
        self.commands = commands.mapValues(Self.sorted)
    }

    /// The entries of one command.
    public func entries(for command: String) -> [Entry] {
        commands[command] ?? []
    }

    /// This baseline with `command`'s entries replaced by `entries` (the other commands' kept).
    public func replacing(_ command: String, with entries: [Entry]) -> Baseline {
        var copy = self
        copy.commands[command] = Self.sorted(entries)
        return copy
    }

    static func sorted(_ entries: [Entry]) -> [Entry] {
        entries.sorted { ($0.fingerprint, $0.code, $0.file, $0.message) < ($1.fingerprint, $1.code, $1.file, $1.message) }
    }

    /// The findings of `report` as entries of a baseline.
    public static func entries(of report: FindingsReport, paths: RepositoryPaths, sources: SourceFileLines? = nil) -> [Entry] {
        let fingerprints = FindingFingerprint.compute(report.findings, paths: paths, sources: sources)
        return zip(report.findings, fingerprints).map { d, f in
            Entry(fingerprint: f, code: d.code, file: d.location.map { paths.display($0.file) } ?? "", message: d.message)
        }
    }

    /// A baseline holding the findings of `report` for `command`.
    public static func record(
        _ report: FindingsReport, command: String, paths: RepositoryPaths, sources: SourceFileLines? = nil
    ) -> Baseline {
        Baseline(commands: [command: entries(of: report, paths: paths, sources: sources)])
    }

    /// The report without the findings this baseline accepts for `command`, with counts of what
    /// was suppressed and of entries that matched nothing.
    public func apply(
        to report: FindingsReport, command: String, paths: RepositoryPaths, file: String? = nil, sources: SourceFileLines? = nil
    ) -> FindingsReport {
        let accepted = Set(entries(for: command).map(\.fingerprint))
        let fingerprints = FindingFingerprint.compute(report.findings, paths: paths, sources: sources)
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
            ("commands", .object(commands.keys.sorted().map { command in
                (command, .array(entries(for: command).map { e in
                    .object([
                        ("fingerprint", .string(e.fingerprint)), ("code", .string(e.code)), ("file", .string(e.file)),
                        ("message", .string(e.message)),
                    ])
                }))
            })),
        ])
    }

    /// The baseline file's text.
    public func serialized() -> String {
        json.serializedDocument()
    }

    /// Reads a baseline file; a missing, unreadable or malformed file is an error diagnostic.
    public static func read(path: String) throws(Diagnostic) -> Baseline {
        // The loader's reader: a FIFO or device named as the baseline is refused, never waited on.
        switch SourceFileReader.read(path: path, maxBytes: YAMLLimits.default.maxFileBytes) {
        case .success(let bytes): return try parse(Data(bytes), file: path)
        case .failure(let reason):
            throw Diagnostic.error(
                "io-error", "cannot read the baseline \(path): \(reason.message)", at: .wholeFile(path),
                help: "create it with --write-baseline \(path)")
        }
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
        if version == 1 {
            throw Diagnostic.error(
                "schema-version",
                "\(file) is a baseline of format 1, whose fingerprints depended on the output language; this Prereq reads format \(formatVersion)",
                at: .wholeFile(file),
                help: "write it again with `prereq lint --write-baseline \(file)` and `prereq check --write-baseline \(file)`")
        }
        guard version == formatVersion else { throw bad("format version \(version) is not supported (expected \(formatVersion))") }
        guard let sections = root["commands"] as? [String: Any] else { throw bad("\"commands\" is not an object") }
        var commands: [String: [Entry]] = [:]
        for (command, value) in sections {
            guard let items = value as? [Any] else { throw bad("commands.\(command) is not a list") }
            var entries: [Entry] = []
            for (i, item) in items.enumerated() {
                guard let e = item as? [String: Any], let fingerprint = e["fingerprint"] as? String, !fingerprint.isEmpty else {
                    throw bad("commands.\(command)[\(i)] has no fingerprint")
                }
                entries.append(
                    Entry(
                        fingerprint: fingerprint, code: e["code"] as? String ?? "", file: e["file"] as? String ?? "",
                        message: e["message"] as? String ?? ""))
            }
            commands[command] = entries
        }
        return Baseline(commands: commands)
    }
}
