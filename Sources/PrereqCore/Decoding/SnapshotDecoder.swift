import Diagnostics
import PrereqYAML

/// Decodes a snapshot document (format v1 of the brief) with every problem at its line.
/// Unknown keys are warnings: exporters may add fields of their own.
public struct SnapshotDecoder {
    static let topLevelKeys = ["prereq", "snapshot", "channels", "features", "settings", "jobs", "records"]
    static let headerKeys = ["environment", "takenAt", "version"]
    static let featureKeys = ["enabled", "enabledAt"]
    static let jobKeys = ["lastSuccess", "lastFailure", "schedule", "channels"]
    static let runKeys = ["lastSuccess", "lastFailure"]
    static let recordKeys = ["table", "where", "count", "oldest"]

    private var decoder: NodeDecoder
    private var snapshot: Snapshot

    private init(document: YAMLDocument) {
        decoder = NodeDecoder(nodeCount: document.nodeCount)
        snapshot = Snapshot(file: document.file, location: document.root.location)
    }

    public static func decode(_ document: YAMLDocument) -> (Snapshot, [Diagnostic]) {
        var d = SnapshotDecoder(document: document)
        d.decodeRoot(document.root)
        return (d.snapshot, d.decoder.diagnostics)
    }

    private mutating func decodeRoot(_ root: YAMLNode) {
        guard let entries = decoder.mapping(root, "a snapshot") else { return }
        decoder.rejectUnknownKeys(entries, allowed: Self.topLevelKeys, in: "a snapshot", severity: .warning)
        let fields = Fields(entries)
        if let v = fields["prereq"] {
            if let version = decoder.int(v, "prereq (the snapshot format version)"), version.value != 1 {
                decoder.error("schema-version", "snapshot format \(version.value) is not supported; this Prereq reads format 1", at: v)
            }
        } else {
            decoder.report(
                .error("schema-version", "a snapshot must state its format version", at: root.location, help: "add `prereq: 1` at the top"))
        }
        if let header = fields["snapshot"] {
            decodeHeader(header)
        } else {
            decoder.report(.error("schema-missing", "a snapshot needs a `snapshot:` section", at: root.location))
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
            snapshot.environment = decoder.identifier(e, "snapshot environment")
        } else {
            decoder.report(.error("schema-missing", "the snapshot needs `environment`", at: node.location))
        }
        if let t = fields["takenAt"] {
            snapshot.takenAt = decoder.timestamp(t, "takenAt")
        } else {
            decoder.report(
                .error("schema-missing", "the snapshot needs `takenAt`, the moment it describes", at: node.location))
        }
        if let v = fields["version"] { snapshot.version = decoder.version(v, "snapshot version") }
    }

    private mutating func decodeFeatures(_ node: YAMLNode) {
        guard let entries = decoder.mapping(node, "features") else { return }
        for (name, value) in entries {
            let what = "feature \"\(name.value)\""
            guard let v = decoder.resolve(value) else { continue }
            if v.kind == .mapping {
                guard let fields = decoder.mapping(v, what) else { continue }
                decoder.rejectUnknownKeys(fields, allowed: Self.featureKeys, in: what, severity: .warning)
                let f = Fields(fields)
                snapshot.features.append(
                    Snapshot.FeatureEntry(
                        name: name, enabled: f["enabled"].flatMap { decoder.bool($0, "enabled of \(what)") },
                        enabledAt: f["enabledAt"].flatMap { decoder.timestamp($0, "enabledAt of \(what)") }))
            } else if v.isNull {
                snapshot.features.append(Snapshot.FeatureEntry(name: name, enabled: nil, enabledAt: nil))
            } else {
                snapshot.features.append(
                    Snapshot.FeatureEntry(name: name, enabled: decoder.bool(v, what), enabledAt: nil))
            }
        }
    }

    private mutating func decodeSettings(_ node: YAMLNode) {
        guard let entries = decoder.mapping(node, "settings") else { return }
        for (name, value) in entries {
            let what = "setting \"\(name.value)\""
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
                        for (channel, channelValue) in decoder.mapping(field, "channels of \(what)") ?? [] {
                            if let sv = decoder.settingValue(channelValue, "\(what) in \(channel.value)") {
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
            let what = "job \"\(name.value)\""
            guard let fields = decoder.mapping(value, what) else { continue }
            decoder.rejectUnknownKeys(fields, allowed: Self.jobKeys, in: what, severity: .warning)
            let f = Fields(fields)
            var entry = Snapshot.JobEntry(name: name, run: run(f, what), schedule: nil, channels: [])
            if let s = f["schedule"] { entry.schedule = schedule(s, what) }
            if let c = f["channels"] {
                for (channel, runNode) in decoder.mapping(c, "channels of \(what)") ?? [] {
                    let runWhat = "\(what) in \(channel.value)"
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
            lastSuccess: f["lastSuccess"].flatMap { decoder.timestamp($0, "lastSuccess of \(what)") },
            lastFailure: f["lastFailure"].flatMap { decoder.timestamp($0, "lastFailure of \(what)") })
    }

    private mutating func schedule(_ node: YAMLNode, _ what: String) -> Snapshot.ScheduleState? {
        guard let n = decoder.resolve(node) else { return nil }
        if n.kind == .scalar {
            let text = (n.scalarText ?? "").lowercased()
            if text == "none" || n.isNull || text == "false" || text == "off" {
                return Snapshot.ScheduleState(recurring: false, every: nil, location: n.location)
            }
            decoder.error("schema-value", "schedule of \(what) must be `none` or {recurring, every}", at: n)
            return nil
        }
        guard let fields = decoder.mapping(n, "schedule of \(what)") else { return nil }
        decoder.rejectUnknownKeys(fields, allowed: ["recurring", "every"], in: "schedule of \(what)", severity: .warning)
        let f = Fields(fields)
        let every = f["every"].flatMap { decoder.timeSpan($0, "schedule interval of \(what)")?.value }
        let recurring = f["recurring"].flatMap { decoder.bool($0, "recurring of \(what)")?.value } ?? (every != nil)
        return Snapshot.ScheduleState(recurring: recurring, every: every, location: n.location)
    }

    private mutating func decodeRecords(_ node: YAMLNode) {
        guard let items = decoder.list(node, "records") else { return }
        for item in items {
            guard let fields = decoder.mapping(item, "a records entry") else { continue }
            decoder.rejectUnknownKeys(fields, allowed: Self.recordKeys, in: "a records entry", severity: .warning)
            let f = Fields(fields)
            guard let tableNode = f["table"], let table = decoder.identifier(tableNode, "table of a records entry") else {
                if f["table"] == nil { decoder.error("schema-missing", "a records entry needs `table`", at: item) }
                continue
            }
            var condition: [(field: String, value: SettingValue)] = []
            for (field, value) in f["where"].flatMap({ decoder.mapping($0, "where of \(table.value)") }) ?? [] {
                if let v = decoder.settingValue(value, "\(field.value) of \(table.value)") { condition.append((field.value, v)) }
            }
            var count: Located<Int>?
            if let c = f["count"], let n = decoder.int(c, "count of \(table.value)") {
                if n.value < 0 {
                    decoder.error("schema-value", "count of \(table.value) must not be negative", at: c)
                } else {
                    count = n
                }
            }
            snapshot.records.append(
                Snapshot.RecordEntry(
                    table: table, condition: condition, count: count,
                    oldest: f["oldest"].flatMap { decoder.timestamp($0, "oldest of \(table.value)") }, location: item.location))
        }
    }
}
