import Diagnostics
import PrereqModel

/// A moment that obliges jobs (`takesEffect`) or that a condition measures against: a feature
/// switched on, a setting's value changed, the current product version installed.
enum Event: Hashable {
    case switchedOn(Int)
    case settingChanged(Int)
    case update
    /// A component updated: the latest `installedAt` its instances give.
    case componentUpdated(Int)
}

extension Evaluator {
    /// The event a condition names; nil for a setting the pack does not define.
    func event(_ reference: EventReference) -> Event? {
        switch reference {
        case .update: .update
        case .setting(let s): graph.settingIndex[s.value].map(Event.settingChanged)
        case .component(let c): graph.componentIndex[c.value].map(Event.componentUpdated)
        }
    }

    /// The event as a clause ("… since <event> at <time>").
    func eventPhrase(_ e: Event) -> String {
        switch e {
        case .switchedOn(let f): messages.eventSwitchedOn(featureName(f))
        case .settingChanged(let s): messages.eventSettingChanged(settingName(s))
        case .update: messages.eventUpdate
        case .componentUpdated(let c): messages.eventComponentUpdated(componentName(c))
        }
    }

    /// The moment of the event as judged for `channels`: the latest of theirs (a setting's
    /// change in a channel, or its environment-wide change where the channel has none); with no
    /// channels, the latest anywhere. Nil when the snapshot does not say (for one of them).
    func eventTime(_ e: Event, channels: [String]) -> Located<Timestamp>? {
        switch e {
        case .switchedOn(let f): return facts.feature(f)?.enabledAt
        case .update: return facts.snapshot.versionInstalledAt
        case .componentUpdated(let c):
            // The last update of any instance; an instance that does not say makes it unknown.
            guard let instances = facts.instances(of: c), !instances.isEmpty else { return nil }
            var latest: Located<Timestamp>?
            for i in instances {
                guard let t = facts.installedAt(i) else { return nil }
                if latest.map({ t.value > $0.value }) ?? true { latest = t }
            }
            return latest
        case .settingChanged(let s):
            guard let entry = facts.setting(s) else { return nil }
            let perChannel = { (c: String) in entry.channelChangedAt.first { $0.channel == c }?.changedAt ?? entry.changedAt }
            var wanted = channels
            if channels.isEmpty {
                // Environment-wide: every channel's change counts; without an environment-wide
                // time, each channel of the snapshot must give its own.
                let listed = entry.channelChangedAt.map(\.changedAt)
                if let at = entry.changedAt { return (listed + [at]).max { $0.value < $1.value } }
                wanted = facts.snapshot.channels?.map(\.value) ?? []
                if wanted.isEmpty { return listed.max { $0.value < $1.value } }
            }
            var latest: Located<Timestamp>?
            for c in wanted {
                guard let t = perChannel(c) else { return nil }
                if latest.map({ t.value > $0.value }) ?? true { latest = t }
            }
            return latest
        }
    }

    /// "The snapshot does not say when the event happened" (for those channels), one node each.
    mutating func eventTimeMissingNode(_ e: Event, channels: [String], rule: SourceLocation) -> Int {
        switch e {
        case .switchedOn(let f): return enabledAtMissingNode(f, rule: rule)
        case .update:
            let what = messages.eventTimeMissing(messages.eventUpdate)
            return memoisedNode(.eventTime(e, channels: [])) { ev in
                ev.add(.unknown, what, cause: .missingData, evidence: Evidence(snapshot: ev.facts.snapshot.header ?? ev.facts.snapshot.location, rule: rule),
                       fix: [ev.provide(ev.messages.missingVersionInstalledAt)])
            }
        case .componentUpdated(let c):
            let what = messages.eventTimeMissing(eventPhrase(e))
            return memoisedNode(.eventTime(e, channels: [])) { ev in
                ev.add(.unknown, what, cause: .missingData, subject: ev.pack.components[c].id.value, subjectName: ev.componentName(c),
                       evidence: Evidence(snapshot: ev.facts.snapshot.header ?? ev.facts.snapshot.location, rule: rule),
                       fix: [ev.provide(ev.messages.missingInstalledAt(ev.componentName(c)))])
            }
        case .settingChanged(let s):
            let place = channels.isEmpty ? nil : channels.joined(separator: ", ")
            let what = messages.eventTimeMissing(eventPhrase(e), in: place)
            return memoisedNode(.eventTime(e, channels: channels)) { ev in
                let n = ev.add(.unknown, what, cause: .missingData, subject: ev.pack.settings[s].id.value, subjectName: ev.settingName(s),
                               evidence: Evidence(snapshot: ev.facts.setting(s)?.name.location, rule: rule),
                               fix: [ev.provide(ev.messages.missingChangedAt(ev.settingName(s), in: place))])
                ev.nodes[n].channels = channels
                return n
            }
        }
    }

    /// The settings feature f reads: its `settings` and the settings of value conditions anywhere
    /// in its `requires`, each once, in written order.
    func settingsRead(by f: Int) -> [Int] {
        let feature = pack.features[f]
        var ids = feature.settings.map(\.setting.value)
        for case .setting(let s) in feature.requires?.valueConditions.map(\.subject) ?? [] { ids.append(s.value) }
        var out: [Int] = []
        for id in ids { if let s = graph.settingIndex[id], !out.contains(s) { out.append(s) } }
        return out
    }

    /// What `effect` asks after the event: each job succeeded after it (per channel), in the
    /// order their `after` constraints give, then the settle time (named after `subject`).
    mutating func obligationNodes(_ effect: TakesEffect, after e: Event, subject: (id: String, name: String)) -> [Int] {
        var children: [Int] = []
        var firstSuccesses: [FirstSuccess] = []
        var jobsHold = true
        let jobs = effect.jobs.compactMap { ref in graph.jobIndex[ref.value].map { ($0, ref.location) } }
        for (j, rule) in jobs {
            let (nodesForJob, bounds) = jobSince(j, event: e, rule: rule)
            children += nodesForJob.filter { !children.contains($0) }
            firstSuccesses += bounds
            if nodesForJob.contains(where: { nodes[$0].truth != .satisfied }) { jobsHold = false }
        }
        // A listed job's missing last success is already stated (when the event's time is known).
        let stated = eventTime(e, channels: []) == nil ? Set<Int>() : Set(jobs.map(\.0))
        for (j, _) in jobs {
            for ref in pack.jobs[j].after {
                guard let k = graph.jobIndex[ref.value] else { continue }
                var orderNodes: [Int] = []
                if let n = jobOrderNode(j, after: k, rule: ref.location, reportMissing: !stated.contains(lastSuccess(j, channel: nil) == nil ? j : k)) {
                    orderNodes.append(n)
                }
                if let n = upstreamOrderNode(k) { orderNodes.append(n) }
                for n in orderNodes where !children.contains(n) {
                    children.append(n)
                    if nodes[n].truth != .satisfied { jobsHold = false }
                }
            }
            for n in stateAndCreationNodes(j) where !children.contains(n) {
                children.append(n)
                if nodes[n].truth != .satisfied { jobsHold = false }
            }
        }
        if jobsHold, let settle = effect.settle,
            let n = effect.settleFrom.map({ recordSettleNode(subject: subject, settle: settle, records: $0) })
                ?? settleNode(after: e, subject: subject, settle: settle, jobs: !jobs.isEmpty, firstSuccesses: firstSuccesses)
        {
            children.append(n)
        }
        return children
    }

    /// What the settings feature f reads oblige since they last changed (`takesEffect` of a setting).
    mutating func settingObligationNodes(of f: Int) -> [Int] {
        var out: [Int] = []
        for s in settingsRead(by: f) {
            guard let effect = pack.settings[s].takesEffect else { continue }
            for n in obligationNodes(effect, after: .settingChanged(s), subject: (pack.settings[s].id.value, settingName(s))) where !out.contains(n) { out.append(n) }
        }
        return out
    }

    /// A condition relative to an event (`succeededAfter`, `enabledBefore`); nil when it names
    /// what the pack does not define.
    mutating func eventConditionNode(_ c: EventCondition) -> Int? {
        guard let e = event(c.event) else { return nil }
        switch c.kind {
        case .succeededAfter:
            guard let j = graph.jobIndex[c.subject.value] else { return nil }
            return memoisedNode(inFocus(.eventCondition(c))) { ev in
                let (parts, _) = ev.jobSince(j, event: e, rule: c.location)
                // A condition of switching on: the run comes before the switch that needs it.
                for p in parts where ev.nodes[p].fix.contains(where: { $0.action == .runJob }) { ev.nodes[p].fixesBeforeSwitches = true }
                if parts.count == 1, let only = parts.first { return only }
                let truth = Truth.all(parts.map { ev.nodes[$0].truth })
                return ev.add(truth, ev.words(truth) ? ev.messages.succeededAfter(ev.jobName(j), event: ev.eventPhrase(e), truth) : "",
                              subject: ev.pack.jobs[j].id.value, subjectName: ev.jobName(j), evidence: Evidence(rule: c.location), children: parts)
            }
        case .enabledBefore:
            guard let f = graph.featureIndex[c.subject.value] else { return nil }
            return memoisedNode(.eventCondition(c)) { ev in ev.enabledBeforeNode(f, event: e, rule: c.location) }
        }
    }

    /// "f was on no later than the event": unknown when its state or a time is missing; off, or
    /// switched on after it, it fails with no fix (a switch now counts from the next event on).
    private mutating func enabledBeforeNode(_ f: Int, event e: Event, rule: SourceLocation) -> Int {
        let id = pack.features[f].id.value, name = featureName(f)
        let entry = facts.feature(f)
        let next: String
        switch e {
        case .settingChanged(let s): next = messages.nextSettingChange(settingName(s))
        case .update, .switchedOn, .componentUpdated: next = messages.nextUpdate
        }
        switch facts.isOn(f) {
        case nil:
            return add(.unknown, messages.featureOn(name, .unknown, system: system(of: f)), cause: .missingData, subject: id, subjectName: name,
                       evidence: Evidence(snapshot: entry?.name.location, rule: rule), fix: [provide(messages.missingState(name, system: system(of: f)))])
        case false?:
            return add(.violated, messages.enabledBeforeButOff(name, next: next), cause: .featureOff, subject: id, subjectName: name,
                       evidence: Evidence(snapshot: entry?.enabled?.location ?? entry?.name.location, rule: rule))
        case true?:
            guard let enabledAt = entry?.enabledAt else { return enabledAtMissingNode(f, rule: rule) }
            guard let at = eventTime(e, channels: []) else { return eventTimeMissingNode(e, channels: [], rule: rule) }
            let truth: Truth = enabledAt.value <= at.value ? .satisfied : .violated
            return add(truth, words(truth) ? messages.enabledBefore(name, at: enabledAt.value, event: eventPhrase(e), eventAt: at.value, next: next, truth) : "",
                       cause: .featureOff, subject: id, subjectName: name, evidence: Evidence(snapshot: enabledAt.location, rule: rule))
        }
    }
}
