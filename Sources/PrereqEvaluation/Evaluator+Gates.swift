import Diagnostics
import PrereqModel

/// Gates that are not features, written in `requires`: a record check that must pass, a job
/// that must be on a recurring schedule and a manual step that must have been done. Each is the
/// record check's, the schedule's or the manual step's own node (built once per evaluation,
/// however many features need it), with its causes and fixes.
extension Evaluator {
    /// The node of a gate; under `not`, the gate's node below one that says it must not hold
    /// (nothing the plan can do makes a check fail, a schedule stop or a manual step undone, so
    /// it has no fix).
    package mutating func gateNode(_ g: Gate, owner: Int, negated: Bool) -> Int {
        let n = gateNode(g, owner: owner)
        guard negated else { return n }
        // What is unknown below a manual step is not asked for: its fix would do the step.
        var isManual = false
        if case .manual = g { isManual = true }
        let truth = nodes[n].truth.negated
        return add(
            truth, messages.gateMustNotHold(gatePhrase(g), truth), cause: gateCause(g), subject: g.reference.value, subjectName: gateSubjectName(g),
            evidence: Evidence(rule: g.location), children: truth == .unknown && !isManual ? [n] : [])
    }

    private mutating func gateNode(_ g: Gate, owner: Int) -> Int {
        switch g {
        case .records(let id, let at):
            guard let r = graph.recordIndex[id.value] else { return undefinedGate(g) }
            return memoisedNode(.records(r)) { e in e.recordsNode(r, rule: at) }
        case .schedule(let id, let maxInterval, let at):
            guard let j = graph.jobIndex[id.value] else { return undefinedGate(g) }
            return memoisedNode(.schedule(j, maxInterval: maxInterval?.value)) { e in
                e.scheduleNode(j, required: ScheduleRequirement(maxInterval: maxInterval, location: at))
            }
        case .manual(let id, let at):
            guard let m = graph.manualIndex[id.value] else { return undefinedGate(g) }
            return memoisedNode(.manual(m)) { e in e.manualNode(m, owner: owner, rule: at) }
        case .version(let condition):
            return componentVersionNode(condition) ?? undefinedGate(g)
        case .event(let condition):
            return eventConditionNode(condition) ?? undefinedGate(g)
        }
    }

    /// A gate naming what the pack does not define (lint refuses such a pack; a library user may not).
    private mutating func undefinedGate(_ g: Gate) -> Int {
        add(.unknown, messages.gateUndefined(g.reference.value), cause: .missingData, subject: g.reference.value, evidence: Evidence(rule: g.reference.location))
    }

    private func gateCause(_ g: Gate) -> CauseKind {
        switch g {
        case .records: .records
        case .schedule: .schedule
        case .manual: .manual
        case .version: .version
        case .event(let c): c.kind == .succeededAfter ? .jobNotRun : .featureOff
        }
    }

    private func gateSubjectName(_ g: Gate) -> String? {
        switch g {
        case .records(let id, _): graph.recordIndex[id.value].map { pack.records[$0].displayName(in: language.tag) }
        case .schedule(let id, _, _): graph.jobIndex[id.value].map(jobName)
        case .manual(let id, _): graph.manualIndex[id.value].map(manualName)
        case .version(let c): graph.componentIndex[c.component.value].map(componentName)
        case .event(let c): c.kind == .succeededAfter ? graph.jobIndex[c.subject.value].map(jobName) : graph.featureIndex[c.subject.value].map(featureName)
        }
    }

    /// A gate in a few words, for a sentence about it.
    func gatePhrase(_ g: Gate) -> String {
        let name = gateSubjectName(g) ?? g.reference.value
        switch g {
        case .records: return messages.conditionRecords(name)
        case .schedule(_, let maxInterval, _): return messages.conditionSchedule(name, maxInterval: maxInterval?.value)
        case .manual: return messages.conditionManual(name)
        case .version(let c):
            return messages.componentCondition(
                name, atLeast: c.atLeast?.value, atMost: c.atMost?.value, notNewerThan: c.notNewerThan.map { graph.componentIndex[$0.value].map(componentName) ?? $0.value })
        case .event(let c):
            let event = self.event(c.event).map(eventPhrase) ?? messages.eventUpdate
            return c.kind == .succeededAfter ? messages.conditionSucceededAfter(name, event: event) : messages.conditionEnabledBefore(name, event: event)
        }
    }
}
