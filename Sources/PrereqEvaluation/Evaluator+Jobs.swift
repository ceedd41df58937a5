import Diagnostics
import PrereqModel

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

    /// When a job first succeeded after an event (a feature switched on, a setting changed), in
    /// one channel, as far as the snapshot tells: no sooner than `earliest` (the event, or the
    /// last success itself when the success before it is known to precede the event) and no
    /// later than `latest`.
    struct FirstSuccess {
        var job: Int
        /// The channels judged by this run (empty: the whole environment), and their names in sentences.
        var channels: [String]
        var channel: String?
        var earliest: Timestamp
        var latest: Timestamp
    }

    /// The success before the last one of job j (in a channel), where a simulated run knows it.
    func previousSuccess(_ j: Int, channel: String?) -> Timestamp? {
        guard let entry = facts.job(j) else { return nil }
        if let channel, let run = entry.channels.first(where: { $0.channel == channel })?.run, run.lastSuccess != nil {
            return run.previousSuccess
        }
        return entry.run.lastSuccess != nil ? entry.run.previousSuccess : nil
    }

    /// The latest moment the first success after `since` can have been: the last success, or
    /// sooner for a job on a recurring schedule, whose first run after the switch (or after its
    /// last failure, when that is later: every run since then succeeded) came within one interval.
    func firstSuccessBound(_ j: Int, channel: String?, since: Timestamp, last: Timestamp) -> Timestamp {
        guard let entry = facts.job(j), let schedule = entry.schedule, schedule.recurring, let every = schedule.every else { return last }
        let failure = channel.flatMap { c in entry.channels.first { $0.channel == c }?.run.lastFailure } ?? entry.run.lastFailure
        let base = max(since, failure?.value ?? since)
        return min(last, base + every)
    }

    /// "The snapshot does not say when f was switched on" (one node per feature).
    mutating func enabledAtMissingNode(_ f: Int, rule: SourceLocation) -> Int {
        let fname = featureName(f)
        let what = messages.enabledAtMissing(fname)
        return memoisedNode(.enabledAt(f)) { e in
            e.add(.unknown, what, cause: .missingData, subject: e.pack.features[f].id.value, subjectName: fname,
                  evidence: Evidence(snapshot: e.facts.feature(f)?.name.location, rule: rule), fix: [e.provide(e.messages.missingEnabledAt(fname))])
        }
    }

    /// "Job j succeeded after the event", one node per channel (group); also the bounds of its
    /// first success after the event (for the settle time). Inside `eachChannel`, only the
    /// channel judged.
    mutating func jobSince(_ j: Int, event e: Event, rule: SourceLocation) -> ([Int], [FirstSuccess]) {
        let job = pack.jobs[j]
        let name = jobName(j)
        var groups = channelGroups(j)
        if let focus {
            groups = groups.compactMap { g in g.channels.isEmpty ? g : g.channels.contains(focus) ? ([focus], g.last) : nil }
        }
        var out: [Int] = []
        var bounds: [FirstSuccess] = []
        for (group, last) in groups {
            guard let since = eventTime(e, channels: group) else {
                let n = eventTimeMissingNode(e, channels: group, rule: rule)
                if !out.contains(n) { out.append(n) }
                continue
            }
            // The group's name in sentences; channels judged together share the job-wide run.
            let channel = group.isEmpty ? nil : group.joined(separator: ", ")
            let evidence = Evidence(snapshot: last?.location ?? facts.job(j)?.name.location, rule: rule)
            guard let last else {
                if let n = notCreatedNode(j) {
                    if !out.contains(n) { out.append(n) }
                    continue
                }
                let n = lastSuccessMissingNode(j, channels: group, rule: rule)
                if !out.contains(n) { out.append(n) }
                continue
            }
            if last.value > since.value {
                let one = group.count == 1 ? group.first : nil
                var bound = FirstSuccess(job: j, channels: group, channel: channel, earliest: since.value, latest: firstSuccessBound(j, channel: one, since: since.value, last: last.value))
                if let previous = previousSuccess(j, channel: one) {
                    if previous <= since.value {
                        bound.earliest = last.value
                    } else {
                        bound.latest = min(bound.latest, previous)
                    }
                }
                bounds.append(bound)
                out.append(
                    add(.satisfied, words(.satisfied) ? messages.jobSince(name, in: channel, event: eventPhrase(e), since: since.value, last: last.value, .satisfied) : "",
                        cause: .jobNotRun, subject: job.id.value, subjectName: name, evidence: evidence))
            } else {
                out.append(
                    add(.violated, messages.jobSince(name, in: channel, event: eventPhrase(e), since: since.value, last: last.value, .violated),
                        cause: .jobNotRun, subject: job.id.value, subjectName: name, evidence: evidence,
                        fix: [runStep(j, channels: group)]))
            }
            if let n = out.last { nodes[n].channels = group }
        }
        return (out, bounds)
    }

    /// "The snapshot does not say when job j last succeeded" (in a group of channels judged
    /// together): one node per job and group, however many rules need the time.
    mutating func lastSuccessMissingNode(_ j: Int, channels group: [String], rule: SourceLocation) -> Int {
        let key = MemoKey.lastSuccess(j)
        return memoisedNode(group.isEmpty ? key : .inChannel(group.joined(separator: ","), key)) { e in
            let name = e.jobName(j), channel = group.isEmpty ? nil : group.joined(separator: ", ")
            let n = e.add(.unknown, e.messages.jobLastSuccessMissing(name, in: channel), cause: .missingData, subject: e.pack.jobs[j].id.value, subjectName: name,
                          evidence: Evidence(snapshot: e.facts.job(j)?.name.location, rule: rule), fix: [e.provide(e.messages.missingLastSuccess(name, in: channel))])
            e.nodes[n].channels = group
            return n
        }
    }

    /// The settle time after an event: it counts from the first success after the event of the
    /// last of the jobs (per channel), or from the event itself when there are no jobs. Where the
    /// snapshot bounds those first successes but cannot decide, the answer is unknown, and
    /// waiting until the latest possible end settles it. Nil when "now" is unknown.
    mutating func settleNode(after e: Event, subject: (id: String, name: String), settle: Located<TimeSpan>, jobs: Bool, firstSuccesses: [FirstSuccess]) -> Int? {
        guard let now = facts.snapshot.takenAt else { return nil }
        guard let since = eventTime(e, channels: []) else { return eventTimeMissingNode(e, channels: [], rule: settle.location) }
        let slowest = firstSuccesses.max { $0.latest < $1.latest }
        let latest = slowest?.latest ?? since.value
        let earliest = firstSuccesses.map(\.earliest).max() ?? since.value
        let sure = latest + settle.value
        let truth: Truth = now.value >= sure ? .satisfied : now.value < max(since.value, earliest) + settle.value ? .violated : .unknown
        // A feature's own settle time keeps its wording; another event names itself.
        var event: String?
        if case .switchedOn = e {} else { event = eventPhrase(e) }
        let message: String
        switch (truth, slowest) {
        case (.unknown, let slowest?):
            message = messages.settleUndecided(
                subject.name, settle: settle.value, job: jobName(slowest.job), channel: slowest.channel, switchedOn: since.value, latest: latest, sure: sure, event: event)
        default:
            message = words(truth) ? messages.settleTime(subject.name, settle: settle.value, from: latest, afterJobs: jobs, until: sure, truth, event: event) : ""
        }
        // The waiting step, its time written and read back in local time, only where it is needed.
        let fix =
            truth == .satisfied
            ? []
            : [
                withLocalTime(
                    PlanStep(
                        action: .wait, subject: subject.id, subjectName: subject.name,
                        message: messages.stepWait(until: sure, settle: settle.value), details: ["until": sure.description]))
            ]
        let n = add(
            truth, message, cause: .settling, subject: subject.id, subjectName: subject.name,
            evidence: Evidence(snapshot: now.location, rule: settle.location), fix: fix)
        // Only the channels whose jobs may have succeeded too recently are still settling.
        let pending = firstSuccesses.filter { now.value < $0.latest + settle.value }
        if truth != .satisfied, !pending.isEmpty, !pending.contains(where: \.channels.isEmpty) {
            var seen = Set<String>()
            nodes[n].channels = pending.flatMap(\.channels).filter { seen.insert($0).inserted }
        }
        return n
    }

    /// The channels of job j grouped by the run they are judged by: a channel with a run of its
    /// own alone, the channels that fall back to the job-wide run together (one fact, one cause
    /// listing them). An environment-wide job is one group without channels.
    func channelGroups(_ j: Int) -> [(channels: [String], last: Located<Timestamp>?)] {
        var groups: [(channels: [String], last: Located<Timestamp>?)] = []
        var shared: Int?
        for channel in channels(of: j) {
            let last = lastSuccess(j, channel: channel)
            guard let channel else {
                groups.append(([], last))
                continue
            }
            let own = facts.job(j)?.channels.first { $0.channel == channel }?.run.lastSuccess != nil
            if !own, let shared {
                groups[shared].channels.append(channel)
                continue
            }
            if !own { shared = groups.count }
            groups.append(([channel], last))
        }
        return groups
    }

    /// Running job j (in these channels); for a job whose state an order names, until it
    /// reaches that state (`state` in the details).
    func runStep(_ j: Int, channels: [String]) -> PlanStep {
        var details: [String: String] = [:]
        if let code = pack.jobs[j].code?.value { details["code"] = code }
        if !channels.isEmpty { details["channels"] = channels.joined(separator: ",") }
        let state = graph.jobTargetState[j]
        if let state { details["state"] = state }
        let message = state.map { messages.stepRunToState(jobName(j), state: $0, channels: channels) } ?? messages.stepRun(jobName(j), channels: channels)
        return PlanStep(action: .runJob, subject: pack.jobs[j].id.value, subjectName: jobName(j), message: message, details: details)
    }

    /// "Job j ran after job k" (its success counts only if later). Nil when a time is missing
    /// and `reportMissing` is off (another node already says so).
    package mutating func jobOrderNode(_ j: Int, after k: Int, rule: SourceLocation, reportMissing: Bool) -> Int? {
        let jt = lastSuccess(j, channel: nil), kt = lastSuccess(k, channel: nil)
        guard let jt, let kt else {
            let missing = jt == nil ? j : k
            if let n = notCreatedNode(missing) { return n }
            guard reportMissing else { return nil }
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

    /// "The jobs k must follow ran in order, and the jobs they must follow, transitively": a
    /// job that ran before a job it must follow is out of order even when it is not itself
    /// needed. One node per job (shared by every feature that needs it); nil for a job that
    /// follows none. Built with an explicit stack, so long chains cannot overflow the stack.
    mutating func upstreamOrderNode(_ k: Int) -> Int? {
        guard !graph.jobRunsAfter[k].isEmpty else { return nil }
        if let n = memoised(.upstreamOrder(k)) { return n }
        var order: [Int] = []
        var visiting = Set<Int>()
        var stack: [(job: Int, expanded: Bool)] = [(k, false)]
        while let (j, expanded) = stack.popLast() {
            if expanded {
                order.append(j)
                continue
            }
            guard memoised(.upstreamOrder(j)) == nil, visiting.insert(j).inserted else { continue }
            stack.append((j, true))
            for y in graph.jobRunsAfter[j].reversed() where !graph.jobRunsAfter[y].isEmpty { stack.append((y, false)) }
        }
        for j in order {
            var children: [Int] = []
            for ref in pack.jobs[j].after {
                guard let y = graph.jobIndex[ref.value] else { continue }
                if let n = jobOrderNode(j, after: y, rule: ref.location, reportMissing: true), !children.contains(n) { children.append(n) }
                if let n = memoised(.upstreamOrder(y)), !children.contains(n) { children.append(n) }
            }
            for n in stateAndCreationNodes(j, upstreamBuilt: true) where !children.contains(n) { children.append(n) }
            let truth = Truth.all(children.map { nodes[$0].truth })
            _ = memoisedNode(.upstreamOrder(j)) { e in
                e.add(truth, e.words(truth) ? e.messages.upstreamOrder(e.jobName(j), truth) : "", subject: e.pack.jobs[j].id.value, subjectName: e.jobName(j),
                      evidence: Evidence(rule: e.pack.jobs[j].location), children: children)
            }
        }
        return memoised(.upstreamOrder(k))
    }

    /// "These jobs succeeded in this order" (a FAQ check): every job has a success, each later
    /// than the one before; a job out of order must run again, and every job after it.
    public mutating func jobsInOrderNode(_ refs: [Located<String>], at location: SourceLocation) -> Int {
        let jobs = refs.compactMap { ref in graph.jobIndex[ref.value].map { ($0, ref.location) } }
        var children: [Int] = []
        for (j, rule) in jobs where lastSuccess(j, channel: nil) == nil {
            if let n = notCreatedNode(j) {
                children.append(n)
                continue
            }
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
            children.append(
                add(truth, messages.jobOrder(jobName(later), after: jobName(earlier), jobTime: lt.value, otherTime: et.value, truth),
                    cause: .jobOrder, subject: pack.jobs[later].id.value, subjectName: jobName(later),
                    evidence: Evidence(snapshot: lt.location, rule: rule), fix: truth == .violated ? jobs[i...].map { runStep($0.0, channels: []) } : []))
        }
        let truth = Truth.all(children.map { nodes[$0].truth })
        return add(truth, messages.jobsInOrder(jobs.map { jobName($0.0) }, truth), evidence: Evidence(rule: location), children: children)
    }

    /// A record check: per table (and per key for a check counted `per` fields), rows left
    /// beyond the allowed count are a failure when older than the clearing job's last success,
    /// and just waiting when younger; fewer rows than `min` must be created.
    public mutating func recordsNode(_ r: Int, rule: SourceLocation) -> Int {
        let check = pack.records[r]
        let checkName = check.displayName(in: language.tag)
        let condition = check.condition.map { "\($0.field) = \($0.value)" }.joined(separator: ", ")
        let groups = facts.recordGroups(for: check)
        var children: [Int] = []
        var tooFew = false, tooManyForAKey = false
        if groups.isEmpty {
            let tables = check.tables.map(\.value).joined(separator: ", ")
            children.append(add(.unknown, messages.recordsUnknown(tables, condition: condition), cause: .missingData, subject: check.id.value, subjectName: checkName,
                                evidence: Evidence(rule: check.location), fix: [provide(messages.missingRecords(tables, condition: condition))]))
        }
        for table in check.tables where !groups.isEmpty {
            let mine = groups.filter { $0.table.value.caseInsensitiveCompare(table.value) == .orderedSame }
            let counted = mine.compactMap { g in g.count(in: facts.snapshot).map { (g, $0) } }
            guard !counted.isEmpty else {
                let first = mine.first.map { facts.snapshot.records[$0.entries[0]].location }
                children.append(add(.unknown, messages.recordsUnknown(table.value, condition: condition), cause: .missingData, subject: check.id.value, subjectName: checkName,
                                    evidence: Evidence(snapshot: first, rule: table.location), fix: [provide(messages.missingRecords(table.value, condition: condition))]))
                continue
            }
            let before = children.count
            // Rows without a key could belong to any key, one the snapshot lists or another.
            let unkeyed = counted.filter { $0.0.key == nil }
            let loose = unkeyed.reduce(0) { $0.plusSaturating($1.1) }
            for g in mine where g.key != nil {
                guard let count = g.count(in: facts.snapshot) else {
                    // A key the snapshot lists without a count.
                    let key = messages.recordKey(g.key ?? [])
                    children.append(add(.unknown, messages.recordsUnknown(table.value, condition: condition, key: key), cause: .missingData, subject: check.id.value, subjectName: checkName,
                                        evidence: Evidence(snapshot: facts.snapshot.records[g.entries[0]].location, rule: table.location),
                                        fix: [provide(messages.missingRecords(table.value, condition: condition, key: key))]))
                    continue
                }
                if count <= check.maxCount, count >= check.minCount || (loose > 0 && count.plusSaturating(loose) >= check.minCount) {
                    if check.per.isEmpty { children.append(recordsClearNode(r, group: g)) }
                    continue
                }
                if count > check.maxCount, !check.per.isEmpty { tooManyForAKey = true }
                if count < check.minCount { tooFew = true }
                children.append(recordsLimitNode(r, group: g, count: count, condition: condition))
            }
            let largestWithin = counted.filter { $0.0.key != nil && $0.1 <= check.maxCount }.map(\.1).max() ?? 0
            if loose > 0, check.minCount > 0 || largestWithin.plusSaturating(loose) > check.maxCount {
                for (g, count) in unkeyed where count > 0 {
                    let entry = facts.snapshot.records[g.entries[0]]
                    children.append(add(.unknown, messages.recordsWithoutKey(count, table: table.value, condition: condition, missing: g.missing, per: check.per.map(\.value)),
                                        cause: .missingData, subject: check.id.value, subjectName: checkName,
                                        evidence: Evidence(snapshot: entry.count?.location ?? entry.location, rule: table.location),
                                        fix: [provide(messages.missingRecordsPerKey(table.value, condition: condition, per: check.per.map(\.value)))]))
                }
            }
            if !check.per.isEmpty, children.count == before {
                children.append(add(.satisfied, messages.recordsWithinPerKey(checkName, table: table.value, per: check.per.map(\.value)), cause: .records,
                                    subject: check.id.value, subjectName: checkName, evidence: Evidence(snapshot: counted[0].0.entries.first.map { facts.snapshot.records[$0].location }, rule: table.location)))
            }
        }
        let truth = Truth.all(children.map { nodes[$0].truth })
        let message =
            tooFew && truth == .violated ? messages.recordsMissing(checkName)
            : tooManyForAKey && truth == .violated ? messages.recordsPerKeyExceeded(checkName, per: check.per.map(\.value))
            : messages.recordsCheck(checkName, truth)
        return add(truth, message, subject: check.id.value, subjectName: checkName, evidence: Evidence(rule: rule), children: children)
    }

    /// A table of a check without `per` whose rows are within its limits.
    private mutating func recordsClearNode(_ r: Int, group g: RecordGroup) -> Int {
        let check = pack.records[r]
        let checkName = check.displayName(in: language.tag)
        let records = facts.snapshot.records
        let count = g.entries.lazy.compactMap { records[$0].count }.first
        return add(.satisfied, messages.recordsClear(checkName, table: g.table.value), cause: .records, subject: check.id.value, subjectName: checkName,
                   evidence: Evidence(snapshot: count?.location, rule: g.table.location))
    }

    /// The rows of one table (or one key of it) outside the check's limits: too few (a person
    /// creates them), or too many, waiting for the clearing job's next run or left behind.
    private mutating func recordsLimitNode(_ r: Int, group g: RecordGroup, count: Int, condition: String) -> Int {
        let check = pack.records[r]
        let checkName = check.displayName(in: language.tag)
        let table = g.table
        let key = check.per.isEmpty ? nil : g.key.map(messages.recordKey)
        let rows = g.entries.map { facts.snapshot.records[$0] }.filter { $0.count != nil }
        let oldest = rows.compactMap(\.oldest).min { $0.value < $1.value }
        let firstCount = rows.lazy.compactMap(\.count).first
        let evidence = Evidence(snapshot: firstCount?.location, rule: table.location)
        if count < check.minCount {
            // Rows that must exist: a person creates them, and only a new snapshot can tell.
            let create = PlanStep(
                action: .provideData, subject: check.id.value, subjectName: checkName,
                message: messages.stepCreateRows(check.minCount, table: table.value, condition: condition, key: key),
                details: ["missing": messages.missingRowsAfter(checkName), "records": check.id.value])
            return add(.violated, messages.recordsTooFew(count, table: table.value, condition: condition, key: key, minCount: check.minCount),
                       cause: .records, subject: check.id.value, subjectName: checkName, evidence: evidence, fix: [create])
        }
        let job = check.clearedBy.flatMap { graph.jobIndex[$0.value] }
        let lastRun = job.flatMap { lastSuccess($0, channel: nil) }
        if let oldest, let lastRun, oldest.value >= lastRun.value, let job {
            let place = key.map { Located(messages.rowsOfKey(table.value, key: $0), at: table.location) } ?? table
            return waitingNode(r, rows: count, table: place, job: job, lastRun: lastRun, oldest: oldest)
        }
        let stuck = oldest != nil && lastRun != nil
        let message = messages.recordsStuck(
            count, table: table.value, condition: condition, key: key, maxCount: check.maxCount, job: job.map(jobName), lastRun: lastRun?.value, oldest: oldest?.value)
        let fix: PlanStep
        if let job {
            let place = key.map { messages.rowsOfKey(table.value, key: $0) } ?? table.value
            fix = stuck ? PlanStep(action: .runJob, subject: pack.jobs[job].id.value, subjectName: jobName(job), message: messages.stepInvestigate(jobName(job), table: place), details: ["table": table.value])
                        : runStep(job, channels: [])
        } else {
            // No job clears them: a person does, and only a new snapshot can tell.
            fix = PlanStep(
                action: .provideData, subject: check.id.value, subjectName: checkName,
                message: messages.stepCorrectRows(check.maxCount, table: table.value, condition: condition, key: key),
                details: ["missing": messages.missingRowsAfter(checkName), "records": check.id.value, "remove": String(count - check.maxCount)])
        }
        return add(.violated, message, cause: .records, subject: check.id.value, subjectName: checkName,
                   evidence: Evidence(snapshot: oldest?.location ?? firstCount?.location, rule: table.location), fix: [fix])
    }

    /// Rows written after the clearing job's last run: waiting for its next run (a note) when
    /// the job is on a recurring schedule and keeps to it; a fault when it is not scheduled or
    /// its last success is older than two of its intervals (its runs have stopped); unknown
    /// when the snapshot does not give its schedule.
    mutating func waitingNode(
        _ r: Int, rows count: Int, table: Located<String>, job: Int, lastRun: Located<Timestamp>, oldest: Located<Timestamp>
    ) -> Int {
        let check = pack.records[r]
        let checkName = check.displayName(in: language.tag)
        let name = jobName(job)
        let evidence = Evidence(snapshot: oldest.location, rule: table.location)
        guard let schedule = facts.job(job)?.schedule else {
            return add(
                .unknown, messages.recordsWaitingScheduleUnknown(count, table: table.value, job: name), cause: .missingData,
                subject: pack.jobs[job].id.value, subjectName: name, evidence: evidence, fix: [provide(messages.missingSchedule(name))])
        }
        guard schedule.recurring else {
            return add(
                .violated, messages.recordsWaitingUnscheduled(count, table: table.value, job: name), cause: .records,
                subject: check.id.value, subjectName: checkName, evidence: Evidence(snapshot: schedule.location, rule: table.location),
                fix: [runStep(job, channels: [])])
        }
        // Two of the snapshot's intervals when the pack gives none (one missed run is tolerated).
        let interval = pack.jobs[job].schedule?.maxInterval?.value ?? schedule.every.map { every in
            let doubled = every.seconds.multipliedReportingOverflow(by: 2)
            return TimeSpan(seconds: doubled.overflow ? Int.max : doubled.partialValue)
        }
        let waited = facts.snapshot.takenAt.map { $0.value.secondsSinceEpoch.subtractingReportingOverflow(lastRun.value.secondsSinceEpoch) }
        if let interval, let waited, !waited.overflow, waited.partialValue > interval.seconds {
            return add(
                .violated, messages.recordsWaitingOverdue(count, table: table.value, job: name, lastRun: lastRun.value, interval: interval),
                cause: .records, subject: check.id.value, subjectName: checkName, evidence: Evidence(snapshot: lastRun.location, rule: table.location),
                fix: [runStep(job, channels: [])])
        }
        let n = add(
            .satisfied, messages.recordsWaiting(count, table: table.value, job: name, lastRun: lastRun.value), cause: .records,
            subject: check.id.value, subjectName: checkName, evidence: evidence)
        nodes[n].isNote = true
        return n
    }

    /// A job that must recur: on a recurring schedule, no slower than allowed, not overdue. Overdue
    /// means no success within the pack's `maxInterval`, or, when the pack gives none, within two
    /// of the snapshot's own intervals (one missed run is tolerated).
    public mutating func scheduleNode(_ j: Int) -> Int? {
        pack.jobs[j].schedule.map { scheduleNode(j, required: $0) }
    }

    /// Job j on the schedule `required` asks (the job's own, or a gate's in `requires`). A
    /// schedule that must be set on a job whose last success is already too old to count also
    /// needs a run, or the job stays overdue.
    package mutating func scheduleNode(_ j: Int, required: ScheduleRequirement) -> Int {
        let job = pack.jobs[j]
        let name = jobName(j)
        let maxInterval = required.maxInterval?.value
        guard let state = facts.job(j)?.schedule else {
            // A job not created yet can be on no schedule: it must be created first.
            if let n = notCreatedNode(j) { return n }
            let what = messages.schedule(name, every: nil, maxInterval: maxInterval, .unknown)
            return add(.unknown, what, cause: .missingData, subject: job.id.value, subjectName: name,
                       evidence: Evidence(snapshot: facts.job(j)?.name.location, rule: required.location), fix: [provide(messages.missingSchedule(name))])
        }
        let limit = maxInterval ?? state.every.map({ $0 * 2 })
        // The last success when it is older than the limit that applies once the schedule is set.
        var overdue: Located<Timestamp>?
        if let limit, let last = lastSuccess(j, channel: nil), let now = facts.snapshot.takenAt, now.value.since(last.value) > limit.seconds { overdue = last }
        var fix = [PlanStep(action: .set, subject: job.id.value, subjectName: name, message: messages.stepSchedule(name, maxInterval: maxInterval), details: maxInterval.map { ["maxInterval": $0.description] } ?? [:])]
        if overdue != nil { fix.append(runStep(j, channels: [])) }
        let evidence = Evidence(snapshot: state.location, rule: required.location)
        if !state.recurring {
            return add(.violated, messages.schedule(name, every: nil, maxInterval: maxInterval, .violated), cause: .schedule, subject: job.id.value, subjectName: name, evidence: evidence, fix: fix)
        }
        if let every = state.every, let maxInterval, every > maxInterval {
            return add(.violated, messages.schedule(name, every: every, maxInterval: maxInterval, .violated), cause: .schedule, subject: job.id.value, subjectName: name, evidence: evidence, fix: fix)
        }
        if let limit, let last = overdue {
            return add(.violated, messages.overdue(name, last: last.value, maxInterval: limit, .violated), cause: .schedule, subject: job.id.value, subjectName: name,
                       evidence: Evidence(snapshot: last.location, rule: required.location), fix: [runStep(j, channels: [])])
        }
        return add(.satisfied, messages.schedule(name, every: state.every, maxInterval: maxInterval, .satisfied), cause: .schedule, subject: job.id.value, subjectName: name, evidence: evidence)
    }
}
