import Diagnostics

extension Evaluator {
    /// The channels a job's runs are judged per: the snapshot's channels for download and upload
    /// jobs, none (one environment-wide run) otherwise.
    func channels(of j: Int) -> [String?] {
        let kind = pack.jobs[j].kind
        guard kind == .download || kind == .upload, let channels = facts.snapshot.channels, !channels.isEmpty else {
            return [nil]
        }
        return channels.map(\.value)
    }

    /// The last success of a job, in one channel (falling back to the job-wide run) or overall.
    func lastSuccess(_ j: Int, channel: String?) -> Located<Timestamp>? {
        guard let entry = facts.job(j) else { return nil }
        if let channel, let run = entry.channels.first(where: { $0.channel == channel })?.run, let t = run.lastSuccess {
            return t
        }
        if let t = entry.run.lastSuccess { return t }
        if channel == nil { return entry.channels.compactMap(\.run.lastSuccess).max { $0.value < $1.value } }
        return nil
    }

    /// "Job j succeeded after feature f was switched on", one node per channel; also the
    /// success times found (for the settle time).
    mutating func jobSinceEnablement(_ j: Int, feature f: Int, rule: SourceLocation) -> ([Int], [Timestamp]) {
        let job = pack.jobs[j]
        let name = jobName(j)
        guard let since = facts.feature(f)?.enabledAt else {
            let fname = featureName(f)
            let what = messages.enabledAtMissing(fname)
            let n = memoisedNode(.enabledAt(f)) { e in
                e.add(.unknown, what, cause: .missingData, subject: e.pack.features[f].id.value, subjectName: fname,
                      evidence: Evidence(snapshot: e.facts.feature(f)?.name.location, rule: rule), fix: [e.provide(e.messages.missingEnabledAt(fname))])
            }
            return ([n], [])
        }
        var out: [Int] = []
        var times: [Timestamp] = []
        for channel in channels(of: j) {
            let last = lastSuccess(j, channel: channel)
            let fname = featureName(f)
            let evidence = Evidence(snapshot: last?.location ?? facts.job(j)?.name.location, rule: rule)
            guard let last else {
                let what = messages.jobSince(name, in: channel, feature: fname, since: since.value, last: nil, .unknown)
                out.append(add(.unknown, what, cause: .missingData, subject: job.id.value, subjectName: name, evidence: evidence, fix: [provide(messages.missingLastSuccess(name, in: channel))]))
                continue
            }
            if last.value > since.value {
                times.append(last.value)
                out.append(
                    add(.satisfied, words(.satisfied) ? messages.jobSince(name, in: channel, feature: fname, since: since.value, last: last.value, .satisfied) : "",
                        cause: .jobNotRun, subject: job.id.value, subjectName: name, evidence: evidence))
            } else {
                out.append(
                    add(.violated, messages.jobSince(name, in: channel, feature: fname, since: since.value, last: last.value, .violated),
                        cause: .jobNotRun, subject: job.id.value, subjectName: name, evidence: evidence,
                        fix: [runStep(j, channels: channel.map { [$0] } ?? [])]))
            }
        }
        return (out, times)
    }

    func runStep(_ j: Int, channels: [String]) -> PlanStep {
        var details: [String: String] = [:]
        if let code = pack.jobs[j].code?.value { details["code"] = code }
        if !channels.isEmpty { details["channels"] = channels.joined(separator: ",") }
        return PlanStep(action: .runJob, subject: pack.jobs[j].id.value, subjectName: jobName(j), message: messages.stepRun(jobName(j), channels: channels), details: details)
    }

    /// "Job j ran after job k" (its success counts only if later). Nil when a time is missing
    /// and `reportMissing` is off (another node already says so).
    mutating func jobOrderNode(_ j: Int, after k: Int, rule: SourceLocation, reportMissing: Bool) -> Int? {
        let jt = lastSuccess(j, channel: nil), kt = lastSuccess(k, channel: nil)
        guard let jt, let kt else {
            guard reportMissing else { return nil }
            let missing = jt == nil ? j : k
            let what = messages.jobLastSuccessMissing(jobName(missing))
            return memoisedNode(.lastSuccess(missing)) { e in
                e.add(.unknown, what, cause: .missingData, subject: e.pack.jobs[missing].id.value, subjectName: e.jobName(missing),
                      evidence: Evidence(snapshot: e.facts.job(missing)?.name.location, rule: rule), fix: [e.provide(e.messages.missingLastSuccess(e.jobName(missing), in: nil))])
            }
        }
        return memoisedNode(.order(j, k)) { e in
            let truth: Truth = jt.value > kt.value ? .satisfied : .violated
            return e.add(
                truth, e.words(truth) ? e.messages.jobOrder(e.jobName(j), after: e.jobName(k), jobTime: jt.value, otherTime: kt.value, truth) : "",
                cause: .jobOrder, subject: e.pack.jobs[j].id.value, subjectName: e.jobName(j),
                evidence: Evidence(snapshot: jt.location, rule: rule), fix: truth == .violated ? [e.runStep(j, channels: [])] : [])
        }
    }

    /// "These jobs succeeded in this order" (a FAQ check): every job has a success, each later
    /// than the one before; a job out of order must run again, and every job after it.
    public mutating func jobsInOrderNode(_ refs: [Located<String>], at location: SourceLocation) -> Int {
        let jobs = refs.compactMap { ref in graph.jobIndex[ref.value].map { ($0, ref.location) } }
        var children: [Int] = []
        for (j, rule) in jobs where lastSuccess(j, channel: nil) == nil {
            let what = messages.jobLastSuccessMissing(jobName(j))
            children.append(memoisedNode(.lastSuccess(j)) { e in
                e.add(.unknown, what, cause: .missingData, subject: e.pack.jobs[j].id.value, subjectName: e.jobName(j),
                      evidence: Evidence(snapshot: e.facts.job(j)?.name.location, rule: rule), fix: [e.provide(e.messages.missingLastSuccess(e.jobName(j), in: nil))])
            })
        }
        for i in 1..<max(jobs.count, 1) {
            let (earlier, _) = jobs[i - 1], (later, rule) = jobs[i]
            guard let lt = lastSuccess(later, channel: nil), let et = lastSuccess(earlier, channel: nil) else { continue }
            let truth: Truth = lt.value > et.value ? .satisfied : .violated
            let rerun = jobs[i...].map { runStep($0.0, channels: []) }
            children.append(
                add(truth, messages.jobOrder(jobName(later), after: jobName(earlier), jobTime: lt.value, otherTime: et.value, truth),
                    cause: .jobOrder, subject: pack.jobs[later].id.value, subjectName: jobName(later),
                    evidence: Evidence(snapshot: lt.location, rule: rule), fix: truth == .violated ? rerun : []))
        }
        let truth = Truth.all(children.map { nodes[$0].truth })
        return add(truth, messages.jobsInOrder(jobs.map { jobName($0.0) }, truth), evidence: Evidence(rule: location), children: children)
    }

    /// A record check: per table, rows left beyond the allowed count are a failure when older
    /// than the clearing job's last success, and just waiting when younger.
    public mutating func recordsNode(_ r: Int, rule: SourceLocation) -> Int {
        let check = pack.records[r]
        let checkName = check.displayName(in: language.tag)
        let condition = check.condition.map { "\($0.field) = \($0.value)" }.joined(separator: ", ")
        let job = check.clearedBy.flatMap { graph.jobIndex[$0.value] }
        let lastRun = job.flatMap { lastSuccess($0, channel: nil) }
        let entries = facts.recordEntries(for: check)
        var children: [Int] = []
        if entries.isEmpty {
            let tables = check.tables.map(\.value).joined(separator: ", ")
            children.append(add(.unknown, messages.recordsUnknown(tables, condition: condition), cause: .missingData, subject: check.id.value, subjectName: checkName,
                                evidence: Evidence(rule: check.location), fix: [provide(messages.missingRecords(tables, condition: condition))]))
        }
        for table in check.tables where !entries.isEmpty {
            let rows = entries.filter { $0.table.value.caseInsensitiveCompare(table.value) == .orderedSame }
            let counted = rows.compactMap { row in row.count.map { (row, $0) } }
            guard !counted.isEmpty else {
                children.append(add(.unknown, messages.recordsUnknown(table.value, condition: condition), cause: .missingData, subject: check.id.value, subjectName: checkName,
                                    evidence: Evidence(snapshot: rows.first?.location, rule: table.location), fix: [provide(messages.missingRecords(table.value, condition: condition))]))
                continue
            }
            let count = counted.reduce(0) { $0 + $1.1.value }
            let oldest = counted.compactMap(\.0.oldest).min { $0.value < $1.value }
            let evidence = Evidence(snapshot: counted[0].1.location, rule: table.location)
            if count <= check.maxCount {
                children.append(add(.satisfied, messages.recordsClear(checkName, table: table.value), cause: .records, subject: check.id.value, subjectName: checkName, evidence: evidence))
                continue
            }
            let jobLabel = job.map(jobName)
            if let oldest, let lastRun, oldest.value >= lastRun.value, let jobLabel {
                let n = add(.satisfied, messages.recordsWaiting(count, table: table.value, job: jobLabel, lastRun: lastRun.value), cause: .records,
                            subject: check.id.value, subjectName: checkName, evidence: Evidence(snapshot: oldest.location, rule: table.location))
                nodes[n].isNote = true
                children.append(n)
                continue
            }
            let stuck = oldest != nil && lastRun != nil
            let message = messages.recordsStuck(count, table: table.value, condition: condition, job: jobLabel, lastRun: lastRun?.value, oldest: oldest?.value)
            var fix: [PlanStep] = []
            if let job {
                fix.append(stuck ? PlanStep(action: .runJob, subject: pack.jobs[job].id.value, subjectName: jobName(job), message: messages.stepInvestigate(jobName(job), table: table.value), details: ["table": table.value])
                                 : runStep(job, channels: []))
            }
            children.append(add(.violated, message, cause: .records, subject: check.id.value, subjectName: checkName,
                                evidence: Evidence(snapshot: oldest?.location ?? counted[0].1.location, rule: table.location), fix: fix))
        }
        let truth = Truth.all(children.map { nodes[$0].truth })
        return add(truth, messages.recordsCheck(checkName, truth), subject: check.id.value, subjectName: checkName, evidence: Evidence(rule: rule), children: children)
    }

    /// A job that must recur: on a recurring schedule, no slower than allowed, not overdue. Overdue
    /// means no success within the pack's `maxInterval`, or, when the pack gives none, within two
    /// of the snapshot's own intervals (one missed run is tolerated).
    public mutating func scheduleNode(_ j: Int) -> Int? {
        let job = pack.jobs[j]
        guard let required = job.schedule else { return nil }
        let name = jobName(j)
        let maxInterval = required.maxInterval?.value
        guard let state = facts.job(j)?.schedule else {
            let what = messages.schedule(name, every: nil, maxInterval: maxInterval, .unknown)
            return add(.unknown, what, cause: .missingData, subject: job.id.value, subjectName: name,
                       evidence: Evidence(snapshot: facts.job(j)?.name.location, rule: required.location), fix: [provide(messages.missingSchedule(name))])
        }
        let fix = [PlanStep(action: .set, subject: job.id.value, subjectName: name, message: messages.stepSchedule(name, maxInterval: maxInterval), details: maxInterval.map { ["maxInterval": $0.description] } ?? [:])]
        let evidence = Evidence(snapshot: state.location, rule: required.location)
        if !state.recurring {
            return add(.violated, messages.schedule(name, every: nil, maxInterval: maxInterval, .violated), cause: .schedule, subject: job.id.value, subjectName: name, evidence: evidence, fix: fix)
        }
        if let every = state.every, let maxInterval, every > maxInterval {
            return add(.violated, messages.schedule(name, every: every, maxInterval: maxInterval, .violated), cause: .schedule, subject: job.id.value, subjectName: name, evidence: evidence, fix: fix)
        }
        if let limit = maxInterval ?? state.every.map({ $0 * 2 }), let last = lastSuccess(j, channel: nil), let now = facts.snapshot.takenAt,
            now.value.since(last.value) > limit.seconds
        {
            return add(.violated, messages.overdue(name, last: last.value, maxInterval: limit, .violated), cause: .schedule, subject: job.id.value, subjectName: name,
                       evidence: Evidence(snapshot: last.location, rule: required.location), fix: [runStep(j, channels: [])])
        }
        return add(.satisfied, messages.schedule(name, every: state.every, maxInterval: maxInterval, .satisfied), cause: .schedule, subject: job.id.value, subjectName: name, evidence: evidence)
    }
}
