import PrereqModel

/// What makes an earlier run of a job stale within a plan: the moments its success must come
/// after. Used by the plan's wording and by the simulator's check of the step rules.
package enum PlanStepRules {
    /// The step between `earlier` and `later` from which the job of `run` must succeed anew, and
    /// that reason in words: a switch of a feature whose `takesEffect` needs the job, or a run of
    /// a job it must follow (`after`).
    package static func staleningStep(of run: PlanStep, between earlier: Int, and later: Int, in steps: [PlanStep], evaluator: Evaluator)
        -> (Int, String)?
    {
        guard let j = evaluator.graph.jobIndex[run.subject ?? ""], earlier + 1 < later else { return nil }
        for k in (earlier + 1)..<later {
            if let reason = makesStale(steps[k], job: j, evaluator: evaluator) { return (k, reason) }
        }
        return nil
    }

    /// Why a run of job j before `step` no longer counts after it, in words; nil when it still
    /// does. `strictly`, for the simulator's check: only a switch of a feature whose own
    /// `takesEffect` names the job (a plan runs those jobs after the switch; what a feature it
    /// also switches on, or an order between jobs, needs matters only where the goal checks it,
    /// which the goal's evaluation does).
    package static func makesStale(_ step: PlanStep, job j: Int, evaluator: Evaluator, strictly: Bool = false) -> String? {
        let graph = evaluator.graph, pack = evaluator.pack, jobId = pack.jobs[j].id.value
        switch step.action {
        case .enable:
            guard let f = graph.featureIndex[step.subject ?? ""] else { return nil }
            for g in [f] + (strictly ? [] : graph.alsoEnabled(by: f)) where pack.features[g].takesEffect?.jobs.contains(where: { $0.value == jobId }) == true {
                return evaluator.messages.staleBySwitch(evaluator.featureName(g), job: evaluator.jobName(j))
            }
            return nil
        case .runJob:
            guard !strictly, let k = graph.jobIndex[step.subject ?? ""], graph.jobAfter[j].contains(k) else { return nil }
            return evaluator.messages.staleByRun(evaluator.jobName(k), job: evaluator.jobName(j))
        default:
            return nil
        }
    }
}
