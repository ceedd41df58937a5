import PrereqModel

/// The rules steps have of their own, applied to a plan in order: manual steps after a switch
/// come after its jobs; `last: true` steps are the final actions (only waits follow them), in
/// the order the pack declares them; a job run that a later step makes stale says why it is
/// there again; a step of a job or manual step with forbidden parameter values says them.
extension PlanBuilder {
    /// The manual steps to do after the switches (`takesEffect.manual`): those the explanation
    /// asked for (a feature already on), then those of each feature the plan switches on, each once.
    func afterEnablingManualSteps(_ others: [PlanStep], switchedOn enables: [PlanStep]) -> [PlanStep] {
        var out = others.filter { $0.action == .manual && $0.details["afterEnabling"] != nil }
        let pack = evaluator.pack, graph = evaluator.graph
        for enable in enables {
            guard let f = graph.featureIndex[enable.subject ?? ""] else { continue }
            for ref in pack.features[f].takesEffect?.manual ?? [] {
                guard let m = graph.manualIndex[ref.value], !out.contains(where: { $0.subject == ref.value }) else { continue }
                out.append(evaluator.manualStep(m, afterEnabling: f))
            }
        }
        return out
    }

    /// The steps with every `last: true` step at the end, in the order the pack declares them
    /// (the others keep theirs). One that a switch needs done first (a job a gate needs run, a
    /// manual step a requirement names) stays before the switch and is done again at the end.
    func lastStepsAtEnd(_ steps: [PlanStep]) -> [PlanStep] {
        let marked = steps.map { evaluator.stepRules(of: $0)?.lastPlace }
        let last = steps.indices.compactMap { i in marked[i].map { (place: $0, index: i) } }
        guard !last.isEmpty else { return steps }
        let ordered = last.sorted { ($0.place, $0.index) < ($1.place, $1.index) }
        let lastSwitch = steps.lastIndex { $0.action == .enable } ?? -1
        return steps.indices.filter { marked[$0] == nil || $0 < lastSwitch }.map { steps[$0] } + ordered.map { steps[$0.index] }
    }

    /// Each repeated job run worded with why it is there again, and each step of a job or manual
    /// step with forbidden parameter values carrying them (`details["forbidden"]`, one sentence
    /// a line).
    func withStepRulesWorded(_ steps: [PlanStep]) -> [PlanStep] {
        var out = steps
        for (i, step) in steps.enumerated() where step.action == .runJob || step.action == .manual {
            guard let earlier = steps[..<i].lastIndex(where: { $0.action == step.action && $0.subject == step.subject }) else { continue }
            if step.action == .runJob, let (cause, reason) = PlanStepRules.staleningStep(of: step, between: earlier, and: i, in: steps, evaluator: evaluator) {
                out[i].message = evaluator.messages.stepRunAgain(step.message, earlier: earlier + 1, because: cause + 1, reason)
                out[i].details["again"] = String(earlier + 1)
                out[i].details["staleSince"] = String(cause + 1)
            } else if evaluator.stepRules(of: step)?.isLast == true {
                out[i].message = evaluator.messages.stepAgainAsLast(step.message, earlier: earlier + 1)
                out[i].details["again"] = String(earlier + 1)
            }
        }
        guard out.contains(where: { evaluator.stepRules(of: $0)?.parameters.isEmpty == false }) else { return out }
        var judge = evaluator
        // A condition is judged for a feature (its wording names it): the first the plan is for.
        let switched = steps.first { $0.action == .enable }.flatMap { evaluator.graph.featureIndex[$0.subject ?? ""] }
        let owner = switched ?? settlingFeatures.first ?? 0
        for i in out.indices where judge.pack.features.indices.contains(owner) {
            let forbidden = judge.forbiddenParameters(of: out[i], owner: owner)
            if !forbidden.isEmpty { out[i].details["forbidden"] = forbidden.joined(separator: "\n") }
        }
        return out
    }
}
