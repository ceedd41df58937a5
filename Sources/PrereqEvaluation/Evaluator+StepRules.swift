import Diagnostics
import PrereqModel

/// The rules steps have of their own: manual steps to do after a switch (`takesEffect.manual`)
/// and the parameter values a job's or manual step's plan step must warn against.
extension Evaluator {
    /// Each manual step feature f needs done after its switch: judged like `{manual: id}` (by
    /// `confirmedBy`, else unknown), its fix the step marked as following the switch.
    mutating func afterEnablingManualNodes(_ f: Int) -> [Int] {
        var out: [Int] = []
        for ref in pack.features[f].takesEffect?.manual ?? [] {
            guard let m = graph.manualIndex[ref.value] else { continue }
            let n = memoisedNode(.manualAfter(m, feature: f)) { e in e.manualNode(m, owner: f, rule: ref.location, afterEnabling: f) }
            if !out.contains(n) { out.append(n) }
        }
        return out
    }

    /// The step rules of a plan step's subject: a job's for `run-job`, a manual step's for `manual`.
    package func stepRules(of step: PlanStep) -> StepRules? {
        switch step.action {
        case .runJob: graph.jobIndex[step.subject ?? ""].map { pack.jobs[$0].stepRules }
        case .manual: graph.manualIndex[step.subject ?? ""].map { pack.manualSteps[$0].stepRules }
        default: nil
        }
    }

    /// What the step must not be given, in words, judged against the snapshot: a parameter
    /// whose `when` holds (or that has none) is forbidden; one whose `when` is unknown is
    /// forbidden where it holds, and the sentence says Prereq cannot tell; one whose `when`
    /// fails is not said.
    package mutating func forbiddenParameters(of step: PlanStep, owner: Int) -> [String] {
        guard let rules = stepRules(of: step), !rules.parameters.isEmpty else { return [] }
        var out: [String] = []
        for p in rules.parameters {
            let note = p.note?.text(in: language.tag)
            guard let when = p.when else {
                out.append(messages.forbiddenParameter(p.name.value, p.never.value, where: nil, unknownBecause: nil, note: note))
                continue
            }
            let n = requirementNode(when, owner: owner)
            let place = phrase(when, negated: false)
            switch nodes[n].truth {
            case .violated: continue
            case .satisfied: out.append(messages.forbiddenParameter(p.name.value, p.never.value, where: place, unknownBecause: nil, note: note))
            case .unknown:
                // What is missing, as the data to provide says it (the cause's own sentence names
                // the feature the condition was judged for, which the step is not about).
                let because = explanation(root: n).rootCauses.map { c in
                    nodes[c].fix.first { $0.action == .provideData }?.details["missing"].map(messages.snapshotLacks) ?? nodes[c].message
                }.joined(separator: "; ")
                out.append(messages.forbiddenParameter(p.name.value, p.never.value, where: place, unknownBecause: because, note: note))
            }
        }
        return out
    }
}
