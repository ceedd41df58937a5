import Diagnostics
import PrereqMessages
import PrereqModel

/// `last-step-unused` and `last-step-followed` (warnings): a `last: true` that no plan can act
/// on, and a `last` job that another job must run after, so the two cannot both be kept.
enum StepRuleCheck {
    package static func run(_ graph: RuleGraph, _ messages: Messages) -> [Diagnostic] {
        let pack = graph.pack
        guard pack.jobs.contains(where: \.stepRules.isLast) || pack.manualSteps.contains(where: \.stepRules.isLast) else { return [] }
        var out: [Diagnostic] = []
        // The jobs a plan can run: those a feature's takesEffect or a record check names, and
        // along `after` from them either way (runs made stale, order the goal needs).
        var runnable = Set<Int>()
        var pending = pack.features.flatMap { $0.takesEffect?.jobs ?? [] }.compactMap { graph.jobIndex[$0.value] }
            + pack.records.compactMap { $0.clearedBy.flatMap { graph.jobIndex[$0.value] } }
        while let j = pending.popLast() {
            guard runnable.insert(j).inserted else { continue }
            pending += Array(graph.jobAfter[j]) + Array(graph.jobBefore[j])
        }
        // A job nothing names at all is already `unused-job`; only what is named otherwise (a
        // schedule gate, a question) is reported here.
        var named = Set<String>()
        for f in pack.features {
            for case .schedule(let j, _, _) in f.requires?.gates ?? [] { named.insert(j.value) }
        }
        for q in pack.questions {
            for case .jobsInOrder(let jobs, _) in q.checks { for j in jobs { named.insert(j.value) } }
        }
        for (j, job) in pack.jobs.enumerated() {
            guard let last = job.stepRules.last, last.value else { continue }
            let what = messages.element(.job, job.id.value)
            if !runnable.contains(j), named.contains(job.id.value) || job.schedule != nil {
                out.append(Diagnostic(
                    code: "last-step-unused", severity: .warning, message: messages.lastStepUnused(what), location: last.location,
                    help: messages.lastStepUnusedHelp, subject: job.id.value))
            }
            for k in graph.jobBefore[j] {
                out.append(Diagnostic(
                    code: "last-step-followed", severity: .warning, message: messages.lastStepFollowed(what, by: pack.jobs[k].displayName(in: messages.language.tag)),
                    location: last.location, help: messages.lastStepFollowedHelp, subject: job.id.value))
            }
        }
        return out
    }
}
