import PrereqModel

extension PlanBuilder {
    /// What the settings a plan sets oblige (their `takesEffect`): each listed job run after the
    /// change (in the channels set, for a job judged per channel), and the longest settle time
    /// among them. The settle time of a setting that a feature the plan is for (on, or switched
    /// on by it) reads counts too when the plan runs one of that setting's jobs (`runs`).
    func settingObligations(of steps: [PlanStep], features: [Int], runs: [PlanStep]) -> (jobs: [PlanStep], settle: TimeSpan?) {
        let graph = evaluator.graph
        var jobs: [PlanStep] = []
        var settle: TimeSpan?
        func longer(_ s: TimeSpan?) { if let s, settle.map({ s > $0 }) ?? true { settle = s } }
        for step in steps where step.action == .set {
            guard let s = graph.settingIndex[step.subject ?? ""], let effect = evaluator.pack.settings[s].takesEffect else { continue }
            for ref in effect.jobs {
                guard let j = graph.jobIndex[ref.value] else { continue }
                let all = evaluator.channels(of: j).compactMap { $0 }
                let channels = step.channels.isEmpty || all.isEmpty ? all : step.channels
                jobs.append(evaluator.runStep(j, channels: channels))
            }
            longer(effect.settle?.value)
        }
        let ran = Set((runs + jobs).compactMap(\.subject))
        for f in features {
            for s in evaluator.settingsRead(by: f) {
                guard let effect = evaluator.pack.settings[s].takesEffect, effect.jobs.contains(where: { ran.contains($0.value) }) else { continue }
                longer(effect.settle?.value)
            }
        }
        return (jobs, settle)
    }
}
