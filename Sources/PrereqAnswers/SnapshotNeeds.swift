import PrereqGraph
import PrereqModel

/// The facts a snapshot must give for a pack to answer about some features: the features
/// themselves and everything their conditions read, transitively (features they mention,
/// settings, jobs with the `after` chains and schedules their checks follow, record checks,
/// attributes, components, the product version, the channels, the time zone), each with the
/// fields the rules read. Found from the pack alone, in the pack's order.
public struct SnapshotNeeds: Sendable {
    /// Pack feature indices; `enabledAt` for those whose effect counts from their switch.
    public var features: [Int] = []
    public var enabledAt = Set<Int>()
    public var settings: [Int] = []
    /// Settings whose value conditions are judged per channel (`scope: channel`).
    public var settingsPerChannel = Set<Int>()
    public var jobs: [Int] = []
    /// Download and upload jobs whose runs are judged per channel (the jobs a switch needs).
    public var jobsPerChannel = Set<Int>()
    /// Jobs whose schedule the rules read (a `schedule` requirement, a `{schedule: job}` gate,
    /// a record check it clears).
    public var schedules = Set<Int>()
    /// Jobs whose state the rules read (`status`, and `firstAppliedAt` for Applied): another job runs after it reached one.
    public var states = Set<Int>()
    /// Of `states`, the jobs another runs after once they reached Applied (`firstAppliedAt` is read).
    public var firstApplied = Set<Int>()
    public var records: [Int] = []
    /// Record checks whose rows' ages are read: `oldest` (rows a job clears), `newest` (a settle time counted from them).
    public var oldest = Set<Int>(), newest = Set<Int>()
    public var attributes: [Int] = []
    public var components: [Int] = []
    public var version = false
    /// Whether the moment the current version was installed is read (`versionInstalledAt`).
    public var versionInstalledAt = false
    /// Settings whose last change is read (`changedAt`): a change obliges jobs, or a condition counts from it.
    public var changedAt = Set<Int>()
    public var channels = false
    public var timeZone = false

    /// What the pack needs to answer about `features`; when nil, what `check` reads: every
    /// feature, every record check and every job with an order or a schedule of its own. With
    /// `isOff`, what must follow a feature's switch is not needed of a feature known to be off.
    public static func of(_ graph: RuleGraph, features asked: [Int]? = nil, isOff: ((Int) -> Bool)? = nil) -> SnapshotNeeds {
        var walk = Walk(graph: graph, isOff: isOff)
        for f in asked ?? Array(graph.pack.features.indices) { walk.feature(f) }
        if asked == nil {
            for r in graph.pack.records.indices { walk.record(r) }
            for (j, job) in graph.pack.jobs.enumerated() where !job.after.isEmpty || job.schedule != nil { walk.job(j, perChannel: false) }
        }
        walk.drain()
        return walk.needs.sortedByPack()
    }

    private func sortedByPack() -> SnapshotNeeds {
        var out = self
        out.features.sort()
        out.settings.sort()
        out.jobs.sort()
        out.records.sort()
        out.attributes.sort()
        out.components.sort()
        return out
    }

    /// The worklist over what the rules read; each element is added (and read) once.
    private struct Walk {
        let graph: RuleGraph
        var needs = SnapshotNeeds()
        var pending: [Int] = []
        var seenFeatures = Set<Int>(), seenSettings = Set<Int>(), seenJobs = Set<Int>(), seenRecords = Set<Int>()
        var seenAttributes = Set<Int>(), seenComponents = Set<Int>(), seenManual = Set<Int>()

        let isOff: ((Int) -> Bool)?

        init(graph: RuleGraph, isOff: ((Int) -> Bool)?) {
            self.graph = graph
            self.isOff = isOff
        }

        mutating func feature(_ f: Int) {
            guard seenFeatures.insert(f).inserted else { return }
            needs.features.append(f)
            pending.append(f)
        }

        mutating func drain() {
            while let f = pending.popLast() { read(f) }
        }

        private mutating func read(_ f: Int) {
            let feature = graph.pack.features[f]
            if feature.introducedIn != nil || feature.minVersion != nil || feature.removedIn != nil
                || feature.lifecycle.mandatorySince != nil || feature.lifecycle.onByDefaultSince != nil
            {
                needs.version = true
            }
            if let r = feature.requires { requirement(r) }
            for ref in feature.conflicts + feature.alsoEnables { if let g = graph.featureIndex[ref.value] { self.feature(g) } }
            for s in feature.settings { if let i = graph.settingIndex[s.setting.value] { setting(i) } }
            if let effect = feature.takesEffect, isOff?(f) != true {
                for ref in effect.jobs { if let j = graph.jobIndex[ref.value] { job(j, perChannel: true) } }
                for ref in effect.manual { if let m = graph.manualIndex[ref.value] { manual(m) } }
                if let from = effect.settleFrom, let r = graph.recordIndex[from.value] {
                    record(r)
                    needs.newest.insert(r)
                } else if !effect.jobs.isEmpty || effect.settle != nil {
                    needs.enabledAt.insert(f)
                }
            }
        }

        private mutating func requirement(_ r: Requirement) {
            r.forEachFeature { id, _ in if let g = graph.featureIndex[id.value] { feature(g) } }
            for c in r.valueConditions {
                switch c.subject {
                case .feature: break
                case .setting(let id): if let s = graph.settingIndex[id.value] { setting(s) }
                case .attribute(let id): if let a = graph.attributeIndex[id.value] { attribute(a) }
                }
            }
            for g in r.gates {
                switch g {
                case .records(let id, _): if let i = graph.recordIndex[id.value] { record(i) }
                case .schedule(let id, _, _):
                    if let j = graph.jobIndex[id.value] {
                        job(j, perChannel: false)
                        needs.schedules.insert(j)
                    }
                case .manual(let id, _):
                    if let m = graph.manualIndex[id.value] { manual(m) }
                case .version(let c):
                    for id in [c.component] + (c.notNewerThan.map { [$0] } ?? []) { if let i = graph.componentIndex[id.value] { component(i) } }
                case .event(let c):
                    var perChannel = false
                    switch c.event {
                    case .update: needs.versionInstalledAt = true
                    case .component(let id): if let i = graph.componentIndex[id.value] { component(i) }
                    case .setting(let id):
                        if let s = graph.settingIndex[id.value] {
                            setting(s)
                            needs.changedAt.insert(s)
                            perChannel = graph.pack.settings[s].scope == .channel
                        }
                    }
                    switch c.kind {
                    case .succeededAfter: if let j = graph.jobIndex[c.subject.value] { job(j, perChannel: perChannel) }
                    case .enabledBefore:
                        if let g = graph.featureIndex[c.subject.value] {
                            feature(g)
                            needs.enabledAt.insert(g)
                        }
                    }
                }
            }
            if !r.collect({ node -> Bool? in if case .eachChannel = node { true } else { nil } }).isEmpty { needs.channels = true }
        }

        private mutating func setting(_ s: Int) {
            guard seenSettings.insert(s).inserted else { return }
            needs.settings.append(s)
            if graph.pack.settings[s].scope == .channel {
                needs.settingsPerChannel.insert(s)
                needs.channels = true
            }
            if let effect = graph.pack.settings[s].takesEffect {
                needs.changedAt.insert(s)
                for ref in effect.jobs { if let j = graph.jobIndex[ref.value] { job(j, perChannel: true) } }
            }
        }

        mutating func job(_ j: Int, perChannel: Bool) {
            let job = graph.pack.jobs[j]
            if perChannel, job.kind == .download || job.kind == .upload, needs.jobsPerChannel.insert(j).inserted {
                needs.channels = true
                for ref in job.after { if let k = graph.jobIndex[ref.value] { self.job(k, perChannel: true) } }
            }
            guard seenJobs.insert(j).inserted else { return }
            needs.jobs.append(j)
            if job.schedule != nil { needs.schedules.insert(j) }
            if job.runWindow != nil { needs.timeZone = true }
            for ref in job.after { if let k = graph.jobIndex[ref.value] { self.job(k, perChannel: false) } }
            for order in job.afterReached {
                guard let k = graph.jobIndex[order.job.value] else { continue }
                self.job(k, perChannel: false)
                needs.states.insert(k)
                if order.isApplied { needs.firstApplied.insert(k) }
            }
            if let creator = job.createdBy.flatMap({ graph.jobIndex[$0.value] }) { self.job(creator, perChannel: false) }
            for c in job.stepRules.parameters.compactMap(\.when) { requirement(c) }
        }

        /// What shows a manual step was done (`confirmedBy`), and what its forbidden parameters depend on.
        private mutating func manual(_ m: Int) {
            guard seenManual.insert(m).inserted else { return }
            let step = graph.pack.manualSteps[m]
            if let c = step.confirmedBy { requirement(c) }
            for c in step.stepRules.parameters.compactMap(\.when) { requirement(c) }
        }

        mutating func record(_ r: Int) {
            guard seenRecords.insert(r).inserted else { return }
            needs.records.append(r)
            if let clearer = graph.pack.records[r].clearedBy.flatMap({ graph.jobIndex[$0.value] }) {
                needs.oldest.insert(r)
                job(clearer, perChannel: false)
                needs.schedules.insert(clearer)
            }
        }

        private mutating func attribute(_ a: Int) {
            guard seenAttributes.insert(a).inserted else { return }
            needs.attributes.append(a)
            if graph.pack.attributes[a].scope == .channel { needs.channels = true }
        }

        private mutating func component(_ c: Int) {
            guard seenComponents.insert(c).inserted else { return }
            needs.components.append(c)
            if graph.pack.components[c].isProduct { needs.version = true }
        }
    }
}
