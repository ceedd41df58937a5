import Diagnostics
import PrereqModel

/// Manual steps (`{manual: id}`): done as the step's `confirmedBy` condition says, or, without
/// one, never known to be done. The fix is always the step itself with its text, never what
/// the condition would need: a person does it by hand, and the snapshot only reports it.
extension Evaluator {
    func manualName(_ m: Int) -> String { pack.manualSteps[m].displayName(in: language.tag) }

    /// The step a person takes, with its text (and, in `confirmedBy`, what shows it was done);
    /// with `afterEnabling`, the feature whose switch it follows (`takesEffect.manual`).
    package func manualStep(_ m: Int, afterEnabling f: Int? = nil) -> PlanStep {
        let step = pack.manualSteps[m]
        let name = manualName(m), text = step.text.text(in: language.tag) ?? ""
        var details = ["text": text]
        if let c = step.confirmedBy { details["confirmedBy"] = phrase(c, negated: false) }
        if let f { details["afterEnabling"] = pack.features[f].id.value }
        return PlanStep(action: .manual, subject: step.id.value, subjectName: name, message: messages.stepManual(name, text: text), details: details)
    }

    /// Whether manual step m was done: taken on trust once a simulated plan did it; else its
    /// `confirmedBy` as the snapshot has it (a leaf: the condition's own causes are worded into
    /// it, and their fixes are not the plan's); unknown without one.
    /// With `afterEnabling`, it is a step to do after that feature is switched on, and its fix says so.
    mutating func manualNode(_ m: Int, owner: Int, rule: SourceLocation, afterEnabling: Int? = nil) -> Int {
        let step = pack.manualSteps[m]
        let id = step.id.value, name = manualName(m)
        if facts.manualStepsTaken.contains(id) {
            return add(.satisfied, words(.satisfied) ? messages.manualTakenOnTrust(name) : "", cause: .manual, subject: id, subjectName: name, evidence: Evidence(rule: rule))
        }
        // A condition naming a manual step would only move the question (the loader refuses it).
        guard let confirmedBy = step.confirmedBy, !confirmedBy.gates.contains(where: { if case .manual = $0 { true } else { false } }) else {
            return add(.unknown, messages.manualUnchecked(name), cause: .manual, subject: id, subjectName: name, evidence: Evidence(rule: rule), fix: [manualStep(m, afterEnabling: afterEnabling)])
        }
        let inner = requirementNode(confirmedBy, owner: owner)
        let truth = nodes[inner].truth
        let causes = explanation(root: inner).rootCauses.map { nodes[$0] }
        let because = truth == .satisfied ? phrase(confirmedBy, negated: false) : causes.map(\.message).joined(separator: "; ")
        let evidence = Evidence(snapshot: causes.lazy.compactMap(\.evidence.snapshot).first, rule: rule)
        return add(
            truth, words(truth) ? messages.manualConfirmed(name, because: because, truth) : "", cause: .manual, subject: id, subjectName: name,
            evidence: evidence, fix: truth == .satisfied ? [] : [manualStep(m, afterEnabling: afterEnabling)])
    }
}
