import PrereqModel

/// A settle time anchored to a record's timestamp (`takesEffect: {settle: 60s, settleFrom:
/// {records: check}}`): a cache that lags each new row, counted from the newest row the
/// record check counts (the snapshot's `records[].newest`).
extension Evaluator {
    mutating func recordSettleNode(subject: (id: String, name: String), settle: Located<TimeSpan>, records ref: Located<String>) -> Int? {
        guard let now = facts.snapshot.takenAt, let r = graph.recordIndex[ref.value] else { return nil }
        let name = subject.name
        let check = pack.records[r]
        let checkName = check.displayName(in: language.tag)
        let tables = check.tables.map(\.value).joined(separator: ", ")
        let entries = facts.recordGroups(for: check).flatMap(\.entries).map { facts.snapshot.records[$0] }
        let counts = entries.map { $0.count?.value }
        guard !entries.isEmpty, !counts.contains(where: { $0 == nil }) else {
            let condition = check.condition.map { "\($0.field) = \($0.value)" }.joined(separator: ", ")
            return add(
                .unknown, messages.recordsUnknown(tables, condition: condition), cause: .missingData, subject: check.id.value, subjectName: checkName,
                evidence: Evidence(snapshot: entries.first?.location, rule: ref.location), fix: [provide(messages.missingRecords(tables, condition: condition))])
        }
        let counted = entries.filter { ($0.count?.value ?? 0) > 0 }
        guard !counted.isEmpty else {
            let message = words(.satisfied) ? messages.recordSettleNoRows(name, records: checkName) : ""
            return add(.satisfied, message, cause: .settling, subject: subject.id, subjectName: name, evidence: Evidence(snapshot: entries.first?.location, rule: settle.location))
        }
        let newest = counted.compactMap(\.newest).max { $0.value < $1.value }
        guard counted.allSatisfy({ $0.newest != nil }), let newest else {
            let at = counted.first { $0.newest == nil }?.location
            return add(
                .unknown, messages.recordSettleNewestMissing(name, records: checkName), cause: .missingData, subject: check.id.value, subjectName: checkName,
                evidence: Evidence(snapshot: at, rule: ref.location), fix: [provide(messages.missingNewest(tables))])
        }
        let until = newest.value + settle.value
        let truth: Truth = now.value >= until ? .satisfied : .violated
        let message = words(truth) ? messages.recordSettle(name, settle: settle.value, records: checkName, newest: newest.value, until: until, truth) : ""
        // The waiting step, its time written and read back in local time, only where it is needed.
        let fix =
            truth == .satisfied
            ? []
            : [
                withLocalTime(
                    PlanStep(
                        action: .wait, subject: subject.id, subjectName: name, message: messages.stepWaitForLag(until: until, settle: settle.value),
                        details: ["until": until.description]))
            ]
        return add(
            truth, message, cause: .settling, subject: subject.id, subjectName: name, evidence: Evidence(snapshot: newest.location, rule: settle.location),
            fix: fix)
    }
}
