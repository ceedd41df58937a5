import PrereqModel

/// The simulator's check of the rules steps have of their own: a plan breaking one is a defect
/// (cause `step-order`), even when its end state would reach the goal.
extension PlanStepRules {
    /// What in `steps` breaks a step rule: the final occurrence of a `last: true` step followed
    /// by an action that is not a wait or a later-declared `last` step; a job run that a later
    /// switch made stale (of a feature whose `takesEffect` needs the job) without a run after
    /// it; a manual step to do after a switch (`takesEffect.manual`) done only before it.
    package static func defects(of steps: [PlanStep], evaluator: Evaluator) -> [ExplanationNode] {
        var out: [ExplanationNode] = []
        let messages = evaluator.messages
        func defect(_ step: PlanStep, _ message: String) {
            out.append(ExplanationNode(
                truth: .violated, cause: .stepOrder, subject: step.subject, subjectName: step.subjectName, message: message,
                evidence: Evidence(), children: [], fix: [], chosen: nil, cost: 0))
        }
        let lastPlaces = steps.map { evaluator.stepRules(of: $0)?.lastPlace }
        for (i, step) in steps.enumerated() {
            // Only its final occurrence must be final (one a switch needed is done before it too).
            if let place = lastPlaces[i], !steps[(i + 1)...].contains(where: { $0.action == step.action && $0.subject == step.subject }),
                let after = steps.indices.first(where: { $0 > i && steps[$0].action != .wait && (lastPlaces[$0].map { $0 < place } ?? true) })
            {
                defect(step, messages.lastStepNotLast(step.subjectName ?? step.subject ?? "", step: i + 1, followedBy: after + 1))
            }
            if step.action == .runJob, let j = evaluator.graph.jobIndex[step.subject ?? ""],
                !steps[(i + 1)...].contains(where: { $0.action == .runJob && $0.subject == step.subject }),
                let k = steps.indices.first(where: { $0 > i && makesStale(steps[$0], job: j, evaluator: evaluator, strictly: true) != nil }),
                let reason = makesStale(steps[k], job: j, evaluator: evaluator, strictly: true)
            {
                defect(step, messages.staleRun(evaluator.jobName(j), step: i + 1, staleSince: k + 1, reason))
            }
            if step.action == .manual, let feature = step.details["afterEnabling"],
                let switchAt = steps.firstIndex(where: { $0.action == .enable && $0.subject == feature }), switchAt > i,
                !steps[(switchAt + 1)...].contains(where: { $0.action == .manual && $0.subject == step.subject })
            {
                defect(step, messages.manualBeforeSwitch(step.subjectName ?? step.subject ?? "", step: i + 1, switchStep: switchAt + 1))
            }
        }
        return out
    }
}
