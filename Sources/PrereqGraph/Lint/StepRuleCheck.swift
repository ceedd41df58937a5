import Diagnostics
import PrereqMessages
import PrereqModel

/// `last-step-unused`, `last-step-followed` and `several-last-steps` (warnings): a `last: true`
/// that no plan can act on, a `last` job that another job must run after (the two cannot both
/// be kept), and two `last` steps one feature's plan can contain (only one can be final).
enum StepRuleCheck {
    package static func run(_ graph: RuleGraph, _ messages: Messages) -> [Diagnostic] {
        let pack = graph.pack
        guard pack.jobs.contains(where: \.stepRules.isLast) || pack.manualSteps.contains(where: \.stepRules.isLast) else { return [] }
        var out: [Diagnostic] = []
        // The jobs a plan can run: those a feature's takesEffect or a record check names, and
        // along `after` from them either way (runs made stale, order the goal needs).
        // Jobs that must run after each job.
        let followers = graph.jobRunsAfter.transposed()
        var runnable = Set<Int>()
        var pending = pack.features.flatMap { $0.takesEffect?.jobs ?? [] }.compactMap { graph.jobIndex[$0.value] }
            + pack.records.compactMap { $0.clearedBy.flatMap { graph.jobIndex[$0.value] } }
        while let j = pending.popLast() {
            guard runnable.insert(j).inserted else { continue }
            pending += Array(graph.jobAfter[j]) + Array(followers[j])
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
            guard let last = job.stepRules.lastPlace else { continue }
            let what = messages.element(.job, job.id.value)
            if !runnable.contains(j), named.contains(job.id.value) || job.schedule != nil {
                out.append(Diagnostic(
                    code: "last-step-unused", severity: .warning, message: messages.lastStepUnused(what), location: last,
                    help: messages.lastStepUnusedHelp, subject: job.id.value))
            }
            for k in followers[j] {
                out.append(Diagnostic(
                    code: "last-step-followed", severity: .warning, message: messages.lastStepFollowed(what, by: pack.jobs[k].displayName(in: messages.language.tag)),
                    location: last, help: messages.lastStepFollowedHelp, subject: job.id.value))
            }
        }
        return out + severalLastSteps(graph, messages)
    }

    /// `several-last-steps`: two `last` steps one feature's plan can contain (its own and its
    /// prerequisites' jobs and manual steps), reported once per pair, at the one declared later.
    private static func severalLastSteps(_ graph: RuleGraph, _ messages: Messages) -> [Diagnostic] {
        let pack = graph.pack
        // Each `last` step as (where `last` is written, its name in the answer's language).
        var lastJob: [String: (SourceLocation, String)] = [:], lastManual: [String: (SourceLocation, String)] = [:]
        for job in pack.jobs { if let l = job.stepRules.lastPlace { lastJob[job.id.value] = (l, messages.element(.job, job.id.value)) } }
        for m in pack.manualSteps { if let l = m.stepRules.lastPlace { lastManual[m.id.value] = (l, messages.element(.manualStep, m.id.value)) } }
        guard lastJob.count + lastManual.count > 1 else { return [] }
        // The `last` steps each feature itself names.
        let own: [[(SourceLocation, String)]] = pack.features.map { f in
            let jobs = (f.takesEffect?.jobs ?? []).compactMap { lastJob[$0.value] }
            let manual = (f.takesEffect?.manual ?? []) + (f.requires?.gates ?? []).compactMap { if case .manual(let m, _) = $0 { m } else { nil } }
            return jobs + manual.compactMap { lastManual[$0.value] }
        }
        // From each feature that names a `last` step, back along `mentions` to every feature
        // whose plan can contain it: one walk per step, not one per feature.
        var reaching = [[(SourceLocation, String)]](repeating: [], count: pack.features.count)
        let steps = Array(Set(own.flatMap { $0.map(\.0) })).sorted()
        for place in steps {
            guard let step = own.lazy.flatMap({ $0 }).first(where: { $0.0 == place }) else { continue }
            var pending = pack.features.indices.filter { own[$0].contains { $0.0 == place } }
            var seen = Set(pending)
            while let g = pending.popLast() {
                reaching[g].append(step)
                for h in graph.mentionedBy[g] where seen.insert(h).inserted { pending.append(h) }
            }
        }
        var out: [Diagnostic] = []
        var said = Set<[String]>()
        for f in pack.features.indices {
            let found = reaching[f]
            guard found.count > 1 else { continue }
            let ordered = found.sorted { $0.0 < $1.0 }
            for (a, b) in zip(ordered, ordered.dropFirst()) where said.insert([a.1, b.1]).inserted {
                out.append(Diagnostic(
                    code: "several-last-steps", severity: .warning,
                    message: messages.severalLastSteps(first: a.1, then: b.1, feature: pack.features[f].displayName(in: messages.language.tag)),
                    location: b.0, help: messages.severalLastStepsHelp, subject: pack.features[f].id.value))
            }
        }
        return out
    }
}
