import Diagnostics
import PrereqEvaluation
import PrereqGraph
import PrereqMessages
import PrereqModel

/// A fact the pack needs that a snapshot does not give.
public struct SnapshotGap: Sendable, Equatable {
    /// What it is about: `feature`, `setting`, `job`, `records`, `attribute`, `component`, or
    /// `environment` (the version, the channels, the time zone).
    public var kind: String
    /// The pack id (nil for the environment).
    public var subject: String?
    /// The missing fact, in words (`whether "X" is on`).
    public var fact: String
    /// The channel it is missing in, for per-channel facts.
    public var channel: String?
}

/// `prereq snapshot check`: every fact of `SnapshotNeeds` a snapshot lacks, in one list, in the
/// order of the pack (the environment's facts first).
public enum SnapshotGaps {
    /// The gaps for answers about `features` (nil: what `check` reads); what must follow the
    /// switch of a feature the snapshot shows off is not needed yet.
    public static func find(_ facts: EnvironmentFacts, features: [Int]?, language: Language) -> [SnapshotGap] {
        find(facts, needs: SnapshotNeeds.of(facts.graph, features: features, isOff: { facts.isOn($0) == false }), language: language)
    }

    public static func find(_ facts: EnvironmentFacts, needs: SnapshotNeeds, language: Language) -> [SnapshotGap] {
        let messages = Messages(language)
        let pack = facts.graph.pack
        let lang = language.tag
        let snapshot = facts.snapshot
        let graph = facts.graph
        var out: [SnapshotGap] = []
        func gap(_ kind: String, _ subject: String?, _ fact: String, channel: String? = nil) {
            out.append(SnapshotGap(kind: kind, subject: subject, fact: fact, channel: channel))
        }
        if needs.version, snapshot.version == nil { gap("environment", nil, messages.missingVersion) }
        if needs.versionInstalledAt, snapshot.versionInstalledAt == nil { gap("environment", nil, messages.missingVersionInstalledAt) }
        let channels = facts.channelNames
        if needs.channels, channels.isEmpty { gap("environment", nil, messages.templateChannels + " (channels)") }
        if needs.timeZone, snapshot.timeZone == nil {
            let zoned = Set(snapshot.channelInfo.filter { info in info.attributes.contains { $0.key.lowercased() == "timezone" } }.map(\.channel.value))
            if channels.isEmpty || channels.contains(where: { !zoned.contains($0) }) { gap("environment", nil, messages.missingTimeZone) }
        }
        for f in needs.features {
            let feature = pack.features[f]
            let name = feature.displayName(in: lang)
            switch facts.isOn(f) {
            case nil: gap("feature", feature.id.value, messages.missingState(name, system: feature.system?.text(in: lang)))
            case true? where needs.enabledAt.contains(f) && facts.feature(f)?.enabledAt == nil:
                gap("feature", feature.id.value, messages.missingEnabledAt(name))
            default: break
            }
        }
        for s in needs.settings {
            let name = pack.settings[s].displayName(in: lang)
            for (channel, value) in facts.settingValues(s) where value == nil {
                gap("setting", pack.settings[s].id.value, messages.missingSetting(name, in: channel), channel: channel)
            }
            if needs.changedAt.contains(s) {
                let entry = facts.setting(s)
                let places: [String?] = needs.settingsPerChannel.contains(s) && !channels.isEmpty ? channels : [nil]
                for place in places {
                    let changed = place.flatMap { c in entry?.channelChangedAt.first { $0.channel == c }?.changedAt } ?? entry?.changedAt
                    if changed == nil { gap("setting", pack.settings[s].id.value, messages.missingChangedAt(name, in: place), channel: place) }
                }
            }
        }
        for j in needs.jobs {
            let job = pack.jobs[j]
            let name = job.displayName(in: lang)
            let entry = facts.job(j)
            // A job another creates, not listed while its creator has not succeeded, does not exist yet: nothing to give.
            if entry == nil, let creator = job.createdBy.flatMap({ graph.jobIndex[$0.value] }), facts.job(creator)?.run.lastSuccess == nil,
                facts.job(creator) != nil
            {
                continue
            }
            let perChannel = needs.jobsPerChannel.contains(j) && !(snapshot.channels ?? []).isEmpty
            if perChannel {
                for c in snapshot.channels ?? [] where (entry?.channels.first { $0.channel == c.value }?.run.lastSuccess ?? entry?.run.lastSuccess) == nil {
                    gap("job", job.id.value, messages.missingLastSuccess(name, in: c.value), channel: c.value)
                }
            } else if entry?.run.lastSuccess == nil {
                gap("job", job.id.value, messages.missingLastSuccess(name, in: nil))
            }
            if needs.schedules.contains(j), entry?.schedule == nil { gap("job", job.id.value, messages.missingSchedule(name)) }
            if needs.states.contains(j), entry?.status == nil, entry?.firstAppliedAt == nil { gap("job", job.id.value, messages.missingJobStatus(name)) }
            if needs.firstApplied.contains(j), entry?.firstAppliedAt == nil, entry?.status?.value.caseInsensitiveCompare(JobStateOrder.applied) == .orderedSame {
                gap("job", job.id.value, messages.missingFirstApplied(name))
            }
        }
        for r in needs.records {
            let check = pack.records[r]
            let condition = check.condition.map { "\($0.field) = \($0.value)" }.joined(separator: ", ")
            let groups = facts.recordGroups(for: check)
            for table in check.tables {
                let mine = groups.filter { $0.table.value.caseInsensitiveCompare(table.value) == .orderedSame }
                let entries = mine.flatMap(\.entries).map { snapshot.records[$0] }
                if entries.isEmpty || entries.contains(where: { $0.count == nil }) {
                    gap("records", check.id.value, messages.missingRecords(table.value, condition: condition))
                    continue
                }
                let counted = entries.filter { ($0.count?.value ?? 0) > 0 }
                if needs.oldest.contains(r), counted.contains(where: { $0.oldest == nil }) { gap("records", check.id.value, messages.missingOldest(table.value)) }
                if needs.newest.contains(r), counted.contains(where: { $0.newest == nil }) { gap("records", check.id.value, messages.missingNewest(table.value)) }
            }
        }
        for a in needs.attributes {
            let attribute = pack.attributes[a]
            let field = Attribute.environmentField(attribute.id.value) ?? attribute.id.value
            for (channel, value) in facts.attributeValues(a) where value == nil {
                let source = messages.attributeSource(field, perChannel: attribute.scope == .channel)
                gap("attribute", attribute.id.value, messages.missingAttribute(attribute.displayName(in: lang), source: source, in: channel), channel: channel)
            }
        }
        for c in needs.components {
            let component = pack.components[c]
            guard let instances = facts.instances(of: c) else {
                gap("component", component.id.value, messages.missingComponentVersion(component.displayName(in: lang)))
                continue
            }
            for i in instances where i.version.flatMap({ facts.graph.version(written: $0.value) }) == nil {
                let name = i.name.lowercased() == component.id.value.lowercased() ? component.displayName(in: lang) : "\(component.displayName(in: lang)) \(i.name)"
                gap("component", component.id.value, messages.missingComponentVersion(name))
            }
        }
        return out
    }
}
