import Diagnostics
import PrereqBasics
import PrereqMessages
import PrereqModel
import PrereqYAML

/// Decodes a snapshot document (format v1, docs/rule-language.md) with every problem at its line.
/// Unknown keys are warnings: exporters may add fields of their own.
public struct SnapshotDecoder: Sendable {
    static let topLevelKeys = [
        "prereq", "snapshot", "channels", "features", "settings", "jobs", "records", "components", "channelInfo", "legalEntities",
        "externalFeatures",
    ]
    static let headerKeys = [
        "environment", "takenAt", "version", "region", "deployment", "kind", "timeZone", "versionInstalledAt", "previousVersion",
    ]
    static let featureKeys = ["enabled", "enabledAt", "scheduledFor", "servedVariation"]
    static let settingKeys = ["value", "changedAt", "channels"]
    static let channelValueKeys = ["value", "changedAt"]
    static let jobKeys = ["lastSuccess", "lastFailure", "schedule", "channels", "status", "firstAppliedAt"]
    static let runKeys = ["lastSuccess", "lastFailure"]
    static let recordKeys = ["table", "where", "count", "oldest", "newest"]

    private var decoder: NodeDecoder
    private let messages: Messages
    private var snapshot: Snapshot

    private init(root: YAMLNode, language: Language) {
        decoder = NodeDecoder(nodeCount: root.document.nodeCount, language: language)
        messages = Messages(language)
        snapshot = Snapshot(file: root.document.file, location: root.location)
    }

    /// Decodes one snapshot document; findings are worded in `language`. `features` holds the
    /// decoders of the pieces of its `features` section, when its tree left that to a
    /// `YAMLSectionSink` (see `pieceDecoding`).
    public static func decode(
        _ document: YAMLDocument, language: Language = .english, features: consuming [SnapshotDecoder] = []
    ) -> (Snapshot, [Diagnostic]) {
        var d = SnapshotDecoder(root: document.root, language: language)
        var pieces = features
        d.decodeRoot(document.root, featurePieces: &pieces)
        return (d.snapshot, d.decoder.diagnostics)
    }

    /// Decodes the `features` sections of a file's snapshots while it is read, in pieces.
    package static func pieceDecoding(language: Language) -> SectionPieceDecoding<SnapshotDecoder> {
        SectionPieceDecoding(
            sections: ["features"], begin: { _, prefix in SnapshotDecoder(root: prefix.root, language: language) },
            decode: { piece, _, start in
                var d = start
                d.decoder = start.decoder.withoutFindings(nodeCount: piece.nodeCount)
                for (name, value) in d.decoder.mapping(piece.root, "features") ?? [] { d.decodeFeature(name, value) }
                return d
            })
    }

    /// Decodes a snapshot written inside another document (a pack test case's `snapshot:`),
    /// `root` standing for the top of a snapshot document.
    public static func decode(root: YAMLNode, language: Language = .english) -> (Snapshot, [Diagnostic]) {
        var d = SnapshotDecoder(root: root, language: language)
        var none: [SnapshotDecoder] = []
        d.decodeRoot(root, featurePieces: &none)
        return (d.snapshot, d.decoder.diagnostics)
    }

    private mutating func decodeRoot(_ root: YAMLNode, featurePieces: inout [SnapshotDecoder]) {
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
            snapshot.header = entries.first { $0.key.value == "snapshot" }?.key.location
            decodeHeader(header)
        } else {
            decoder.report(.error("schema-missing", messages.snapshotNeedsHeader, at: root.location))
        }
        if let c = fields["channels"] { snapshot.channels = decoder.identifiers(c, "channels") }
        if let f = fields["features"] {
            if f.isStreamed {
                absorbFeatures(&featurePieces)
            } else {
                decodeFeatures(f)
            }
        }
        if let s = fields["settings"] { decodeSettings(s) }
        if let j = fields["jobs"] { decodeJobs(j) }
        if let r = fields["records"] { decodeRecords(r) }
        if let c = fields["components"] { decodeComponents(c) }
        if let c = fields["channelInfo"] { decodeChannelInfo(c) }
        if let l = fields["legalEntities"] { snapshot.legalEntities = decoder.identifiers(l, "legalEntities") }
        if let e = fields["externalFeatures"] {
            for (name, value) in decoder.mapping(e, "externalFeatures") ?? [] {
                if let entry = featureEntry(name, value) { snapshot.externalFeatures.append(entry) }
            }
        }
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
        snapshot.region = fields["region"].flatMap { decoder.string($0, messages.field("region", of: "snapshot")) }
        snapshot.deployment = fields["deployment"].flatMap { decoder.string($0, messages.field("deployment", of: "snapshot")) }
        snapshot.kind = fields["kind"].flatMap { decoder.string($0, messages.field("kind", of: "snapshot")) }
        snapshot.timeZone = fields["timeZone"].flatMap { decoder.string($0, messages.field("timeZone", of: "snapshot")) }
        snapshot.versionInstalledAt = fields["versionInstalledAt"].flatMap {
            decoder.timestamp($0, messages.field("versionInstalledAt", of: "snapshot"))
        }
        snapshot.previousVersion = fields["previousVersion"].flatMap { decoder.version($0, messages.field("previousVersion", of: "snapshot")) }
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
        absorbFeatures(&parts)
    }

    /// The features and findings of `parts`, decoders of consecutive pieces of the section,
    /// after these; each piece is let go once appended.
    private mutating func absorbFeatures(_ parts: inout [SnapshotDecoder]) {
        snapshot.features.reserveCapacity(snapshot.features.count + parts.reduce(0) { $0 + $1.snapshot.features.count })
        for i in parts.indices {
            snapshot.features.append(movingFrom: &parts[i].snapshot.features)
            decoder.report(parts[i].decoder.diagnostics)
        }
    }

    private mutating func decodeFeature(_ name: Located<String>, _ value: YAMLNode) {
        if let entry = featureEntry(name, value) { snapshot.features.append(entry) }
    }

    /// A feature switch: `on`/`off`, or a mapping with `enabled` and the times around it.
    private mutating func featureEntry(_ name: Located<String>, _ value: YAMLNode) -> Snapshot.FeatureEntry? {
        // Worded only for a finding: a big snapshot would otherwise format one per entry.
        let what = { [messages] in messages.snapshotEntry(.feature, name.value) }
        guard let v = decoder.resolve(value) else { return nil }
        if v.kind == .mapping {
            guard let fields = decoder.mapping(v, what()) else { return nil }
            decoder.rejectUnknownKeys(fields, allowed: Self.featureKeys, in: what(), severity: .warning)
            let f = Fields(fields)
            var entry = Snapshot.FeatureEntry(
                name: name, enabled: f["enabled"].flatMap { decoder.bool($0, messages.field("enabled", of: what())) },
                enabledAt: f["enabledAt"].flatMap { decoder.timestamp($0, messages.field("enabledAt", of: what())) })
            entry.scheduledFor = f["scheduledFor"].flatMap { date($0, messages.field("scheduledFor", of: what())) }
            entry.servedVariation = f["servedVariation"].flatMap { node in
                decoder.settingValue(node, messages.field("servedVariation", of: what())).map { Located($0, at: node.location) }
            }
            return entry
        } else if v.isNull {
            return Snapshot.FeatureEntry(name: name, enabled: nil, enabledAt: nil)
        } else {
            return Snapshot.FeatureEntry(name: name, enabled: decoder.bool(v, what()), enabledAt: nil)
        }
    }

    /// A date (`2026-11-23`, midnight UTC: a day needs no zone) or a timestamp.
    private mutating func date(_ node: YAMLNode, _ what: String) -> Located<Timestamp>? {
        if let n = decoder.resolve(node), n.kind == .scalar, let text = n.scalarText, text.utf8.count == 10,
            let parsed = Timestamp.parse(text)
        {
            return Located(parsed.timestamp, at: n.location)
        }
        return decoder.timestamp(node, what)
    }

    /// Settings: a value, `{value, changedAt}`, and per channel the same forms under `channels`.
    private mutating func decodeSettings(_ node: YAMLNode) {
        guard let entries = decoder.mapping(node, "settings") else { return }
        for (name, value) in entries {
            let what = messages.snapshotEntry(.setting, name.value)
            guard let v = decoder.resolve(value) else { continue }
            var entry = Snapshot.SettingEntry(name: name, value: nil, channels: [])
            if v.kind == .mapping {
                guard let fields = decoder.mapping(v, what) else { continue }
                decoder.rejectUnknownKeys(fields, allowed: Self.settingKeys, in: what, severity: .warning)
                let f = Fields(fields)
                entry.value = f["value"].flatMap { settingValue($0, what) }
                entry.changedAt = f["changedAt"].flatMap { decoder.timestamp($0, messages.field("changedAt", of: what)) }
                for (channel, channelValue) in f["channels"].flatMap({ decoder.mapping($0, messages.field("channels", of: what)) }) ?? [] {
                    let (value, changedAt) = channelSetting(channelValue, messages.field(what, in: channel.value))
                    if let value { entry.channels.append((channel.value, value)) }
                    if let changedAt { entry.channelChangedAt.append((channel.value, changedAt)) }
                }
            } else if !v.isNull {
                entry.value = settingValue(v, what)
            }
            snapshot.settings.append(entry)
        }
    }

    /// One channel's value: the value itself, or `{value, changedAt}`.
    private mutating func channelSetting(_ node: YAMLNode, _ what: String) -> (Located<SettingValue>?, Located<Timestamp>?) {
        guard let n = decoder.resolve(node) else { return (nil, nil) }
        guard n.kind == .mapping else { return (settingValue(n, what), nil) }
        guard let fields = decoder.mapping(n, what) else { return (nil, nil) }
        decoder.rejectUnknownKeys(fields, allowed: Self.channelValueKeys, in: what, severity: .warning)
        let f = Fields(fields)
        return (
            f["value"].flatMap { settingValue($0, what) },
            f["changedAt"].flatMap { decoder.timestamp($0, messages.field("changedAt", of: what)) }
        )
    }

    /// A scalar value, or a list of them (a list setting).
    private mutating func settingValue(_ node: YAMLNode, _ what: String) -> Located<SettingValue>? {
        guard let n = decoder.resolve(node) else { return nil }
        if n.kind == .sequence {
            let items = n.elements.compactMap { decoder.settingValue($0, what) }
            return Located(.list(items), at: n.location)
        }
        return decoder.settingValue(n, what).map { Located($0, at: n.location) }
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
            entry.status = f["status"].flatMap { decoder.string($0, messages.field("status", of: what())) }
            entry.firstAppliedAt = f["firstAppliedAt"].flatMap { decoder.timestamp($0, messages.field("firstAppliedAt", of: what())) }
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
                    oldest: f["oldest"].flatMap { decoder.timestamp($0, messages.field("oldest", of: table.value)) }, location: item.location,
                    newest: f["newest"].flatMap { decoder.timestamp($0, messages.field("newest", of: table.value)) }))
        }
    }

    /// `components`: a version per component, or a map of its instances, each a version or
    /// (an extension) a mapping of fields.
    private mutating func decodeComponents(_ node: YAMLNode) {
        for (name, value) in decoder.mapping(node, "components") ?? [] {
            let what = messages.field(name.value, of: "components")
            guard let v = decoder.resolve(value) else { continue }
            var entry = Snapshot.ComponentEntry(name: name, version: nil, instances: [])
            if v.kind == .mapping {
                for (instance, instanceValue) in decoder.mapping(v, what) ?? [] {
                    let instanceWhat = messages.field(instance.value, of: what)
                    var item = Snapshot.ComponentInstance(name: instance, version: nil, fields: [])
                    if let iv = decoder.resolve(instanceValue), iv.kind == .mapping {
                        for (key, fieldValue) in decoder.mapping(iv, instanceWhat) ?? [] {
                            if let text = decoder.string(fieldValue, messages.field(key.value, of: instanceWhat)) {
                                item.fields.append((key.value, text))
                            }
                        }
                    } else {
                        item.version = decoder.string(instanceValue, instanceWhat)
                    }
                    entry.instances.append(item)
                }
            } else {
                entry.version = decoder.string(v, what)
            }
            snapshot.components.append(entry)
        }
    }

    /// `channelInfo`: per channel, attributes with scalar values.
    private mutating func decodeChannelInfo(_ node: YAMLNode) {
        for (channel, value) in decoder.mapping(node, "channelInfo") ?? [] {
            let what = messages.field(channel.value, of: "channelInfo")
            var entry = Snapshot.ChannelInfoEntry(channel: channel, attributes: [])
            for (key, attribute) in decoder.mapping(value, what) ?? [] {
                if let v = decoder.settingValue(attribute, messages.field(key.value, of: what)) {
                    entry.attributes.append((key.value, Located(v, at: attribute.location)))
                }
            }
            snapshot.channelInfo.append(entry)
        }
    }
}
