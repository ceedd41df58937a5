import Diagnostics
import PrereqModel

/// Orders after a job's state (`after: [{job: A, reached: Applied}]`) and jobs that another job
/// creates (`createdBy`).
extension Evaluator {
    /// When job k reached `order.state`, as far as the snapshot tells: for `Applied` its
    /// `firstAppliedAt`, for another state its last success while its `status` is that state.
    enum StateMoment {
        case at(Located<Timestamp>)
        /// The snapshot says k's last run is in another state (and, for `Applied`, that it never
        /// was), or (no status) that k does not exist yet.
        case notReached(status: Located<String>?)
        /// What the snapshot would have to say.
        case unknown(status: Bool, firstApplied: Bool, lastSuccess: Bool)
    }

    mutating func stateMoment(_ k: Int, _ order: JobStateOrder) -> StateMoment {
        if notCreatedNode(k) != nil { return .notReached(status: nil) }
        let entry = facts.job(k)
        let status = entry?.status
        let inState = status.map { $0.value.caseInsensitiveCompare(order.state.value) == .orderedSame }
        if order.isApplied {
            if let first = entry?.firstAppliedAt { return .at(first) }
            if let status, inState == false { return .notReached(status: status) }
            return .unknown(status: status == nil, firstApplied: true, lastSuccess: false)
        }
        guard let status, let inState else { return .unknown(status: true, firstApplied: false, lastSuccess: false) }
        guard inState else { return .notReached(status: status) }
        guard let last = lastSuccess(k, channel: nil) else { return .unknown(status: false, firstApplied: false, lastSuccess: true) }
        return .at(last)
    }

    /// "Job j succeeded after the job of its i-th state order reached the state": one node
    /// per channel group of j (for download and upload jobs in a snapshot with channels) under
    /// one for them all, or one node when that job has not reached it or the snapshot does not
    /// say. Nil for an unknown job.
    package mutating func stateOrderNode(_ j: Int, _ i: Int) -> Int? {
        let order = pack.jobs[j].afterReached[i]
        guard let k = graph.jobIndex[order.job.value] else { return nil }
        if let n = memoised(.stateOrder(j, i)) { return n }
        let parts = stateOrderNodes(j, after: k, order)
        return memoisedNode(.stateOrder(j, i)) { e in
            if parts.count == 1 { return parts[0] }
            let truth = Truth.all(parts.map { e.nodes[$0].truth })
            return e.add(truth, e.words(truth) ? e.messages.stateOrderInChannels(e.jobName(j), after: e.jobName(k), state: order.state.value, truth) : "",
                         subject: e.pack.jobs[j].id.value, subjectName: e.jobName(j), evidence: Evidence(rule: order.location), children: parts)
        }
    }

    private mutating func stateOrderNodes(_ j: Int, after k: Int, _ order: JobStateOrder) -> [Int] {
        let name = jobName(j), other = jobName(k), state = order.state.value
        let entry = facts.job(k)
        switch stateMoment(k, order) {
        case .notReached(let status):
            // A job not created yet is created first.
            let creator = status == nil ? pack.jobs[k].createdBy.flatMap { graph.jobIndex[$0.value] } : nil
            let fix = (creator.map { [runStep($0, channels: [])] } ?? []) + [runStep(k, channels: []), runStep(j, channels: channels(of: j).compactMap { $0 })]
            let evidence = Evidence(snapshot: status?.location ?? creator.flatMap { facts.job($0)?.name.location }, rule: order.location)
            let n = add(.violated, messages.stateNotReached(other, state: state, status: status?.value, before: name), cause: .jobNotRun,
                        subject: pack.jobs[k].id.value, subjectName: other, evidence: evidence, fix: fix)
            nodes[n].isAboutJobs = true
            return [n]
        case .unknown(let status, let firstApplied, let last):
            if last, let n = jobOrderNode(j, after: k, rule: order.location, reportMissing: true), nodes[n].truth == .unknown { return [n] }
            let missing = status || firstApplied
                ? messages.missingState(other, state: state, status: status, firstApplied: firstApplied) : messages.missingLastSuccess(other, in: nil)
            var step = provide(missing)
            (step.subject, step.subjectName) = (pack.jobs[k].id.value, other)
            return [add(.unknown, messages.stateUnknown(other, state: state, before: name), cause: .missingData, subject: pack.jobs[k].id.value, subjectName: other,
                        evidence: Evidence(snapshot: entry?.name.location, rule: order.location), fix: [step])]
        case .at(let moment):
            var out: [Int] = []
            for (group, last) in channelGroups(j) {
                let channel = group.isEmpty ? nil : group.joined(separator: ", ")
                guard let last else {
                    let n = notCreatedNode(j) ?? lastSuccessMissingNode(j, channels: group, rule: order.location)
                    if !out.contains(n) { out.append(n) }
                    continue
                }
                let truth: Truth = last.value > moment.value ? .satisfied : .violated
                let message = words(truth)
                    ? messages.stateOrder(name, in: channel, after: other, state: state, first: order.isApplied, jobTime: last.value, stateTime: moment.value, truth) : ""
                out.append(add(truth, message, cause: .jobOrder, subject: pack.jobs[j].id.value, subjectName: name,
                               evidence: Evidence(snapshot: last.location, rule: order.location), fix: truth == .violated ? [runStep(j, channels: group)] : []))
                if let n = out.last { nodes[n].channels = group }
            }
            return out
        }
    }

    /// "Job j does not exist yet": the snapshot does not list it, and lists the job that creates
    /// it without a success. Nil otherwise.
    mutating func notCreatedNode(_ j: Int) -> Int? {
        guard let ref = pack.jobs[j].createdBy, let k = graph.jobIndex[ref.value], k != j,
              facts.job(j) == nil, let creator = facts.job(k), lastSuccess(k, channel: nil) == nil
        else { return nil }
        return memoisedNode(.created(j)) { e in
            let n = e.add(.violated, e.messages.notCreated(e.jobName(j), creator: e.jobName(k)), cause: .jobNotRun, subject: e.pack.jobs[j].id.value, subjectName: e.jobName(j),
                  evidence: Evidence(snapshot: creator.name.location, rule: ref.location),
                  fix: [e.runStep(k, channels: []), e.runStep(j, channels: e.channels(of: j).compactMap { $0 })])
            e.nodes[n].isAboutJobs = true
            return n
        }
    }

    /// "Job j exists and succeeded after the job that creates it": not created yet, or an order
    /// like `after`. Nil for a job no job creates.
    mutating func creationNode(_ j: Int) -> Int? {
        guard let ref = pack.jobs[j].createdBy, let k = graph.jobIndex[ref.value], k != j else { return nil }
        return notCreatedNode(j) ?? jobOrderNode(j, after: k, rule: ref.location, reportMissing: true)
    }

    /// The orders of job j besides plain `after`: after states, after its creator, and the
    /// orders those jobs must keep themselves (transitively; with `upstreamBuilt`, only as far
    /// as `upstreamOrderNode` has already built them).
    mutating func stateAndCreationNodes(_ j: Int, upstreamBuilt: Bool = false) -> [Int] {
        var out: [Int] = []
        var targets: [Int] = []
        for (i, order) in pack.jobs[j].afterReached.enumerated() {
            if let n = stateOrderNode(j, i) { out.append(n) }
            if let k = graph.jobIndex[order.job.value] { targets.append(k) }
        }
        if let n = creationNode(j) { out.append(n) }
        if let ref = pack.jobs[j].createdBy, let k = graph.jobIndex[ref.value], k != j { targets.append(k) }
        for k in targets { if let n = upstreamBuilt ? memoised(.upstreamOrder(k)) : upstreamOrderNode(k) { out.append(n) } }
        var seen = Set<Int>()
        return out.filter { seen.insert($0).inserted }
    }
}
