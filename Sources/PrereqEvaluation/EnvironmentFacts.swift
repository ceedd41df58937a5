import Diagnostics
import Foundation
import PrereqBasics
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
    /// Features on because of their lifecycle at the snapshot's version: mandatory, or on by
    /// default and not mentioned.
    var onByLifecycle: Set<Int>
    public internal(set) var diagnostics: [Diagnostic]
    /// The manual steps a simulated plan performed: done on trust (no snapshot says so).
    public internal(set) var manualStepsTaken: Set<String> = []

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
        onByLifecycle = Self.onByLifecycle(graph, featureEntry, typed, messages, &diagnostics)
        self.diagnostics = diagnostics
    }

    /// Works out again which features are on because of their lifecycle, after a simulated
    /// step changed the version or a feature's entry (no findings: those came with the snapshot).
    mutating func refreshLifecycles() {
        guard !graph.versionedLifecycles.isEmpty else { return }
        var ignored: [Diagnostic] = []
        onByLifecycle = Self.onByLifecycle(graph, featureEntry, snapshot, Messages(.english), &ignored)
    }

    /// The features on because of their lifecycle; a mandatory one the snapshot says is off is a
    /// finding at its line (the product has it on whatever an export says).
    static func onByLifecycle(
        _ graph: RuleGraph, _ entry: [Int32], _ snapshot: Snapshot, _ messages: Messages, _ diagnostics: inout [Diagnostic]
    ) -> Set<Int> {
        guard let version = snapshot.version?.value else { return [] }
        var on = Set<Int>()
        for f in graph.versionedLifecycles {
            let feature = graph.pack.features[f]
            let given = entry[f] >= 0 ? snapshot.features[Int(entry[f])] : nil
            if feature.lifecycle.isMandatory(at: version) == true {
                on.insert(f)
                if let said = given?.enabled, !said.value, let since = feature.lifecycle.mandatorySince {
                    let name = feature.displayName(in: messages.language.tag)
                    diagnostics.append(
                        Diagnostic(
                            code: "mandatory-feature-off", severity: .warning, message: messages.mandatoryReportedOff(name, since: since.value, version: version),
                            location: said.location, related: [RelatedLocation(since.location, messages.mandatoryHere)],
                            help: messages.mandatoryReportedOffHelp, subject: feature.id.value, subjectName: name))
                }
            } else if given?.enabled == nil, let since = feature.lifecycle.onByDefaultSince?.value, version >= since {
                on.insert(f)
            }
        }
        return on
    }

    private static func bind(
        _ written: [Located<String>], count: Int, names: NameIndex, kind: ElementKind, ids: [String],
        messages: Messages, diagnostics: inout [Diagnostic]
    ) -> [Int32] {
        var entry = [Int32](repeating: -1, count: count)
        let found = elements(named: written, in: names)
        for (position, name) in written.enumerated() {
            switch found[position] {
            case noElement:
                diagnostics.append(
                    Diagnostic(
                        code: "unknown-name", severity: .warning,
                        message: messages.unknownName(kind, name.value, suggestion: names.suggestion(for: name.value)),
                        location: name.location, help: messages.unknownNameHelp(kind),
                        subject: name.value))
            case severalElements:
                diagnostics.append(
                    Diagnostic(
                        code: "ambiguous-name", severity: .warning,
                        message: messages.ambiguousSnapshotName(kind, name.value, matches: names.lookup(name.value).map { ids[$0] }),
                        location: name.location, help: messages.useIdHelp(kind), subject: name.value))
            case let element:
                let index = Int(element)
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
            }
        }
        return entry
    }

    /// What each written name refers to: its element, `noElement` or `severalElements`, in
    /// four bytes a name (a big snapshot's names are many), looked up in halves on two threads
    /// for a big snapshot (lookups only read the index).
    private static func elements(named written: [Located<String>], in names: NameIndex) -> [Int32] {
        var (found, second) = ParallelWork.inHalves(count: written.count) { range in
            written[range].map { name -> Int32 in
                switch names.match(name.value) {
                case .none: noElement
                case .one(let element): Int32(element)
                case .several: severalElements
                }
            }
        }
        if let second { found += second }
        return found
    }

    private static let noElement: Int32 = -1, severalElements: Int32 = -2

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
        if !onByLifecycle.isEmpty, onByLifecycle.contains(index) { return true }
        if let entry = feature(index) { return entry.enabled?.value }
        return graph.pack.features[index].defaultEnabled
    }

    /// The snapshot entries that count rows for a record check: their table is one of the
    /// check's tables and their `where` includes the check's condition (a value read as the
    /// check's value is typed: `"0"` from a JSON export is 0).
    public func recordEntries(for check: RecordCheck) -> [Snapshot.RecordEntry] {
        recordEntryIndices(for: check).map { snapshot.records[$0] }
    }

    /// The entries of `recordEntries(for:)` in the groups a check's limits apply to: one per
    /// table, or, for a check counted `per` fields, one per table and key (the values of those
    /// fields in the entries' `where`, compared as text ignoring case; entries of one key are
    /// summed). An entry without one of the `per` fields cannot be given a key: it is a group of
    /// its own, without `key`, naming the fields it lacks.
    public func recordGroups(for check: RecordCheck) -> [RecordGroup] {
        var groups: [RecordGroup] = []
        var position: [String: Int] = [:]
        for i in recordEntryIndices(for: check) {
            let entry = snapshot.records[i]
            guard let table = check.tables.first(where: { $0.value.caseInsensitiveCompare(entry.table.value) == .orderedSame }) else { continue }
            var key: [(field: String, value: SettingValue)] = []
            var missing: [String] = []
            for field in check.per {
                if let given = entry.condition.first(where: { $0.field.caseInsensitiveCompare(field.value) == .orderedSame }) {
                    key.append((field.value, given.value))
                } else {
                    missing.append(field.value)
                }
            }
            guard missing.isEmpty else {
                groups.append(RecordGroup(table: table, key: nil, missing: missing, entries: [i]))
                continue
            }
            let name = ([table.value] + key.map { $0.value.description.trimmingCharacters(in: .whitespaces) }).joined(separator: "\u{1F}").lowercased()
            if let g = position[name] {
                groups[g].entries.append(i)
            } else {
                position[name] = groups.count
                groups.append(RecordGroup(table: table, key: key, missing: [], entries: [i]))
            }
        }
        return groups
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


/// Snapshot `records` entries counted together against a record check's limits (see
/// `EnvironmentFacts.recordGroups(for:)`).
public struct RecordGroup: Sendable {
    /// The check's table the entries count rows of, as the check writes it.
    public var table: Located<String>
    /// The values of the check's `per` fields (as the first entry gives them); empty for a check
    /// without `per`; nil for an entry that lacks some of them.
    public var key: [(field: String, value: SettingValue)]?
    /// The `per` fields the entry lacks, when `key` is nil.
    public var missing: [String]
    /// Indices into the snapshot's `records`.
    public var entries: [Int]

    /// The rows the entries count in `snapshot` (saturating at `Int.max`), or nil when none of
    /// them gives a count.
    public func count(in snapshot: Snapshot) -> Int? {
        var total: Int?
        for i in entries {
            guard let c = snapshot.records[i].count?.value else { continue }
            total = (total ?? 0).plusSaturating(c)
        }
        return total
    }
}

extension Int {
    /// The sum, at `Int.max` (or `Int.min`) instead of trapping: row counts come from input.
    func plusSaturating(_ other: Int) -> Int {
        let sum = addingReportingOverflow(other)
        return sum.overflow ? (other > 0 ? .max : .min) : sum.partialValue
    }
}
