import Diagnostics
import PrereqYAML

/// Decodes a snapshot document (format v1, docs/rule-language.md) with every problem at its line.
/// Unknown keys are warnings: exporters may add fields of their own.
public struct SnapshotDecoder: Sendable {
    static let topLevelKeys = ["prereq", "snapshot", "channels", "features", "settings", "jobs", "records"]
    static let headerKeys = ["environment", "takenAt", "version"]
    static let featureKeys = ["enabled", "enabledAt"]
    static let jobKeys = ["lastSuccess", "lastFailure", "schedule", "channels"]
    static let runKeys = ["lastSuccess", "lastFailure"]
    static let recordKeys = ["table", "where", "count", "oldest"]

    private var decoder: NodeDecoder
    private let messages: Messages
    private var snapshot: Snapshot

    private init(document: YAMLDocument, language: Language) {
        decoder = NodeDecoder(nodeCount: document.nodeCount, language: language)
        messages = Messages(language)
        snapshot = Snapshot(file: document.file, location: document.root.location)
    }

    /// Decodes one snapshot document; findings are worded in `language`.
    public static func decode(_ document: YAMLDocument, language: Language = .english) -> (Snapshot, [Diagnostic]) {
        var d = SnapshotDecoder(document: document, language: language)
        d.decodeRoot(document.root)
        return (d.snapshot, d.decoder.diagnostics)
    }

    private mutating func decodeRoot(_ root: YAMLNode) {
        guard let entries = decoder.mapping(root, messages.snapshotPlace) else { return }
        decoder.rejectUnknownKeys(entries, allowed: Self.topLevelKeys, in: messages.snapshotPlace, severity: .warning)
        let fields = Fields(entries)
        if let v = fields["prereq"] {
            if let version = decoder.int(v, "prereq"), version.value != 1 {
                decoder.error("schema-version", messages.snapshotFormatUnsupported(version.value), at: v)
            }
        } else {
            decoder.report(
                .error("schema-version", messages.snapshotNeedsVersion, at: root.location, help: messages.snapshotNeedsVersionHelp))
        }
        if let header = fields["snapshot"] {
            decodeHeader(header)
        } else {
            decoder.report(.error("schema-missing", messages.snapshotNeedsHeader, at: root.location))
        }
        if let c = fields["channels"] { snapshot.channels = decoder.identifiers(c, "channels") }
        if let f = fields["features"] { decodeFeatures(f) }
        if let s = fields["settings"] { decodeSettings(s) }
        if let j = fields["jobs"] { decodeJobs(j) }
        if let r = fields["records"] { decodeRecords(r) }
    }

    private mutating func decodeHeader(_ node: YAMLNode) {
        guard let entries = decoder.mapping(node, "snapshot") else { return }
        decoder.rejectUnknownKeys(entries, allowed: Self.headerKeys, in: "snapshot", severity: .warning)
        let fields = Fields(entries)
        if let e = fields["environment"] {
            snapshot.environment = decoder.identifier(e, messages.field("environment", of: "snapshot"))
        } else {
            decoder.report(.error("schema-missing", messages.snapshotNeedsEnvironment, at: node.location))
        }
        if let t = fields["takenAt"] {
            snapshot.takenAt = decoder.timestamp(t, "takenAt")
        } else {
            decoder.report(
                .error("schema-missing", messages.snapshotNeedsTakenAt, at: node.location))
        }
        if let v = fields["version"] { snapshot.version = decoder.version(v, messages.field("version", of: "snapshot")) }
    }

    private mutating func decodeFeatures(_ node: YAMLNode) {
        guard let entries = decoder.mapping(node, "features") else { return }
        var start = self
        start.snapshot.features = []
        start.decoder = decoder.withoutFindings()
        guard var parts = PiecewiseDecoding.run(entries, from: start, { $0.decodeFeature($1, $2) }) else {
            for (name, value) in entries { decodeFeature(name, value) }
            return
        }
        snapshot.features.reserveCapacity(entries.count)
        for i in parts.indices {
            snapshot.features += parts[i].snapshot.features
            decoder.report(parts[i].decoder.diagnostics)
            parts[i] = start
        }
    }

    private mutating func decodeFeature(_ name: Located<String>, _ value: YAMLNode) {
        // Worded only for a finding: a big snapshot would otherwise format one per entry.
        let what = { [messages] in messages.snapshotEntry(.feature, name.value) }
        guard let v = decoder.resolve(value) else { return }
        if v.kind == .mapping {
            guard let fields = decoder.mapping(v, what()) else { return }
            decoder.rejectUnknownKeys(fields, allowed: Self.featureKeys, in: what(), severity: .warning)
            let f = Fields(fields)
            snapshot.features.append(
                Snapshot.FeatureEntry(
                    name: name, enabled: f["enabled"].flatMap { decoder.bool($0, messages.field("enabled", of: what())) },
                    enabledAt: f["enabledAt"].flatMap { decoder.timestamp($0, messages.field("enabledAt", of: what())) }))
        } else if v.isNull {
            snapshot.features.append(Snapshot.FeatureEntry(name: name, enabled: nil, enabledAt: nil))
        } else {
            snapshot.features.append(Snapshot.FeatureEntry(name: name, enabled: decoder.bool(v, what()), enabledAt: nil))
        }
    }

    private mutating func decodeSettings(_ node: YAMLNode) {
        guard let entries = decoder.mapping(node, "settings") else { return }
        for (name, value) in entries {
            let what = messages.snapshotEntry(.setting, name.value)
            guard let v = decoder.resolve(value) else { continue }
            var entry = Snapshot.SettingEntry(name: name, value: nil, channels: [])
            if v.kind == .mapping {
                guard let fields = decoder.mapping(v, what) else { continue }
                decoder.rejectUnknownKeys(fields, allowed: ["value", "channels"], in: what, severity: .warning)
                for (key, field) in fields {
                    switch key.value {
                    case "value":
                        entry.value = decoder.settingValue(field, what).map { Located($0, at: field.location) }
                    case "channels":
                        for (channel, channelValue) in decoder.mapping(field, messages.field("channels", of: what)) ?? [] {
                            if let sv = decoder.settingValue(channelValue, messages.field(what, in: channel.value)) {
                                entry.channels.append((channel.value, Located(sv, at: channelValue.location)))
                            }
                        }
                    default: break
                    }
                }
            } else if !v.isNull {
                entry.value = decoder.settingValue(v, what).map { Located($0, at: v.location) }
            }
            snapshot.settings.append(entry)
        }
    }

    private mutating func decodeJobs(_ node: YAMLNode) {
        guard let entries = decoder.mapping(node, "jobs") else { return }
        for (name, value) in entries {
            let what = { [messages] in messages.snapshotEntry(.job, name.value) }
            guard let fields = decoder.mapping(value, what()) else { continue }
            decoder.rejectUnknownKeys(fields, allowed: Self.jobKeys, in: what(), severity: .warning)
            let f = Fields(fields)
            var entry = Snapshot.JobEntry(name: name, run: run(f, what()), schedule: nil, channels: [])
            if let s = f["schedule"] { entry.schedule = schedule(s, what()) }
            if let c = f["channels"] {
                for (channel, runNode) in decoder.mapping(c, messages.field("channels", of: what())) ?? [] {
                    let runWhat = messages.field(what(), in: channel.value)
                    guard let runFields = decoder.mapping(runNode, runWhat) else { continue }
                    decoder.rejectUnknownKeys(runFields, allowed: Self.runKeys, in: runWhat, severity: .warning)
                    let rf = Fields(runFields)
                    entry.channels.append((channel.value, run(rf, runWhat), channel.location))
                }
            }
            snapshot.jobs.append(entry)
        }
    }

    private mutating func run(_ f: Fields, _ what: String) -> Snapshot.Run {
        Snapshot.Run(
            lastSuccess: f["lastSuccess"].flatMap { decoder.timestamp($0, messages.field("lastSuccess", of: what)) },
            lastFailure: f["lastFailure"].flatMap { decoder.timestamp($0, messages.field("lastFailure", of: what)) })
    }

    private mutating func schedule(_ node: YAMLNode, _ what: String) -> Snapshot.ScheduleState? {
        guard let n = decoder.resolve(node) else { return nil }
        if n.kind == .scalar {
            let text = (n.scalarText ?? "").lowercased()
            if text == "none" || n.isNull || text == "false" || text == "off" {
                return Snapshot.ScheduleState(recurring: false, every: nil, location: n.location)
            }
            decoder.error("schema-value", messages.scheduleForm(what), at: n)
            return nil
        }
        guard let fields = decoder.mapping(n, messages.field("schedule", of: what)) else { return nil }
        decoder.rejectUnknownKeys(fields, allowed: ["recurring", "every"], in: messages.field("schedule", of: what), severity: .warning)
        let f = Fields(fields)
        let every = f["every"].flatMap { decoder.timeSpan($0, messages.field("schedule every", of: what))?.value }
        let recurring = f["recurring"].flatMap { decoder.bool($0, messages.field("recurring", of: what))?.value } ?? (every != nil)
        return Snapshot.ScheduleState(recurring: recurring, every: every, location: n.location)
    }

    private mutating func decodeRecords(_ node: YAMLNode) {
        guard let items = decoder.list(node, "records") else { return }
        for item in items {
            guard let fields = decoder.mapping(item, messages.recordsEntryPlace) else { continue }
            decoder.rejectUnknownKeys(fields, allowed: Self.recordKeys, in: messages.recordsEntryPlace, severity: .warning)
            let f = Fields(fields)
            guard let tableNode = f["table"], let table = decoder.identifier(tableNode, messages.field("table", of: messages.recordsEntryPlace)) else {
                if f["table"] == nil { decoder.error("schema-missing", messages.needsKey(messages.recordsEntryPlace, "table"), at: item) }
                continue
            }
            var condition: [(field: String, value: SettingValue)] = []
            for (field, value) in f["where"].flatMap({ decoder.mapping($0, messages.field("where", of: table.value)) }) ?? [] {
                if let v = decoder.settingValue(value, messages.field(field.value, of: table.value)) { condition.append((field.value, v)) }
            }
            var count: Located<Int>?
            if let c = f["count"], let n = decoder.int(c, messages.field("count", of: table.value)) {
                if n.value < 0 {
                    decoder.error("schema-value", messages.mustNotBeNegative(messages.field("count", of: table.value)), at: c)
                } else {
                    count = n
                }
            }
            snapshot.records.append(
                Snapshot.RecordEntry(
                    table: table, condition: condition, count: count,
                    oldest: f["oldest"].flatMap { decoder.timestamp($0, messages.field("oldest", of: table.value)) }, location: item.location))
        }
    }
}
