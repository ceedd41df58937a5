import Diagnostics
import Foundation
import PrereqGraph
import PrereqMessages
import PrereqModel

/// A snapshot bound to a rule graph: every feature, setting and job entry found by id, display
/// name (any language), alias or code, ignoring case and surrounding whitespace. Names that
/// match nothing, or more than one thing, are findings.
public struct EnvironmentFacts: Sendable {
    /// The snapshot as read (a plan simulation changes its copy in place).
    public internal(set) var snapshot: Snapshot
    public let graph: RuleGraph
    /// Per pack feature: index into `snapshot.features`, or -1 when the snapshot does not say.
    var featureEntry: [Int32]
    var settingEntry: [Int32]
    var jobEntry: [Int32]
    public internal(set) var diagnostics: [Diagnostic]

    /// Binds `snapshot` to `graph`; findings about names are worded in `language`. Setting values
    /// are read by their setting's declared type; a value that does not fit it is a finding at
    /// its line, and unknown from then on (one outside the setting's allowed values is a warning).
    public init(snapshot: Snapshot, graph: RuleGraph, language: Language = .english) {
        self.graph = graph
        let messages = Messages(language)
        var diagnostics: [Diagnostic] = []
        // Switches of other systems are read like the product's own: one list, so that every
        // query and the plan simulator see them alike.
        var typed = snapshot
        if !typed.externalFeatures.isEmpty {
            typed.features += typed.externalFeatures
            typed.externalFeatures = []
        }
        featureEntry = Self.bind(
            typed.features.map(\.name), count: graph.pack.features.count, names: graph.featureNames, kind: .feature,
            ids: graph.pack.features.map(\.id.value), messages: messages, diagnostics: &diagnostics)
        settingEntry = Self.bind(
            snapshot.settings.map(\.name), count: graph.pack.settings.count, names: graph.settingNames, kind: .setting,
            ids: graph.pack.settings.map(\.id.value), messages: messages, diagnostics: &diagnostics)
        for (s, e) in settingEntry.enumerated() where e >= 0 {
            Self.read(&typed.settings[Int(e)], as: graph.pack.settings[s], messages: messages, diagnostics: &diagnostics)
        }
        self.snapshot = typed
        jobEntry = Self.bind(
            snapshot.jobs.map(\.name), count: graph.pack.jobs.count, names: graph.jobNames, kind: .job,
            ids: graph.pack.jobs.map(\.id.value), messages: messages, diagnostics: &diagnostics)
        self.diagnostics = diagnostics
    }

    private static func bind(
        _ written: [Located<String>], count: Int, names: NameIndex, kind: ElementKind, ids: [String],
        messages: Messages, diagnostics: inout [Diagnostic]
    ) -> [Int32] {
        var entry = [Int32](repeating: -1, count: count)
        for (position, name) in written.enumerated() {
            let matches = names.lookup(name.value)
            switch matches.count {
            case 0:
                diagnostics.append(
                    Diagnostic(
                        code: "unknown-name", severity: .warning,
                        message: messages.unknownName(kind, name.value, suggestion: names.suggestion(for: name.value)),
                        location: name.location, help: messages.unknownNameHelp(kind),
                        subject: name.value))
            case 1:
                let index = matches[0]
                if entry[index] >= 0 {
                    diagnostics.append(
                        Diagnostic(
                            code: "duplicate-entry", severity: .warning,
                            message: messages.duplicateEntry(kind, ids[index]), location: name.location,
                            related: [RelatedLocation(written[Int(entry[index])].location, messages.firstGivenHere)],
                            help: messages.duplicateEntryHelp(kind), subject: ids[index]))
                } else {
                    entry[index] = Int32(position)
                }
            default:
                diagnostics.append(
                    Diagnostic(
                        code: "ambiguous-name", severity: .warning,
                        message: messages.ambiguousSnapshotName(kind, name.value, matches: matches.map { ids[$0] }),
                        location: name.location, help: messages.useIdHelp(kind), subject: name.value))
            }
        }
        return entry
    }

    /// Reads a setting entry's values as `setting.type` says; values that do not fit are
    /// dropped with a finding.
    private static func read(
        _ entry: inout Snapshot.SettingEntry, as setting: Setting, messages: Messages, diagnostics: inout [Diagnostic]
    ) {
        let name = setting.displayName(in: messages.language.tag)
        func typed(_ value: Located<SettingValue>, channel: String?) -> Located<SettingValue>? {
            if let v = value.value.read(as: setting.type) {
                let allowed = setting.allowedValues.map(\.value)
                if !allowed.isEmpty, !allowed.contains(where: { $0.matches(v) }) {
                    diagnostics.append(
                        Diagnostic(
                            code: "snapshot-value-outside", severity: .warning,
                            message: messages.snapshotValueNotAllowed(v, setting: name, channel: channel, allowed: allowed),
                            location: value.location, related: [RelatedLocation(setting.location, messages.settingDeclaredHere)],
                            help: messages.snapshotValueNotAllowedHelp, subject: setting.id.value, subjectName: name))
                }
                return Located(v, at: value.location)
            }
            diagnostics.append(
                Diagnostic(
                    code: "snapshot-value", severity: .error,
                    message: messages.snapshotValueDoesNotFit(value.value, setting: name, type: setting.type, channel: channel),
                    location: value.location, related: [RelatedLocation(setting.location, messages.settingDeclaredHere)],
                    help: messages.snapshotValueHelp(setting.type), subject: setting.id.value, subjectName: name))
            return nil
        }
        entry.value = entry.value.flatMap { typed($0, channel: nil) }
        entry.channels = entry.channels.compactMap { item in typed(item.value, channel: item.channel).map { (item.channel, $0) } }
    }

    // MARK: - Queries

    /// The snapshot's entry for a pack feature, if it mentions it.
    public func feature(_ index: Int) -> Snapshot.FeatureEntry? {
        let e = featureEntry[index]
        return e < 0 ? nil : snapshot.features[Int(e)]
    }

    public func setting(_ index: Int) -> Snapshot.SettingEntry? {
        let e = settingEntry[index]
        return e < 0 ? nil : snapshot.settings[Int(e)]
    }

    public func job(_ index: Int) -> Snapshot.JobEntry? {
        let e = jobEntry[index]
        return e < 0 ? nil : snapshot.jobs[Int(e)]
    }

    /// Whether a feature is on: true/false, or nil when unknown (not mentioned and no default).
    public func isOn(_ index: Int) -> Bool? {
        if let entry = feature(index) { return entry.enabled?.value }
        return graph.pack.features[index].defaultEnabled
    }

    /// The snapshot entries that count rows for a record check: their table is one of the
    /// check's tables and their `where` includes the check's condition (a value read as the
    /// check's value is typed: `"0"` from a JSON export is 0).
    public func recordEntries(for check: RecordCheck) -> [Snapshot.RecordEntry] {
        recordEntryIndices(for: check).map { snapshot.records[$0] }
    }

    /// Where in the snapshot's `records` the entries of `recordEntries(for:)` are.
    func recordEntryIndices(for check: RecordCheck) -> [Int] {
        snapshot.records.indices.filter { i in
            let entry = snapshot.records[i]
            return check.tables.contains { $0.value.caseInsensitiveCompare(entry.table.value) == .orderedSame }
                && check.condition.allSatisfy { field, value in
                    entry.condition.contains {
                        $0.field.caseInsensitiveCompare(field) == .orderedSame && ($0.value.read(as: value.type)?.matches(value) ?? false)
                    }
                }
        }
    }
}

