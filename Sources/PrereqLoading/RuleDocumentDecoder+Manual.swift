import Diagnostics
import PrereqMessages
import PrereqModel
import PrereqYAML

/// The `manualSteps` section: what a person does by hand, with its text, and optionally the
/// condition that shows in a snapshot once it was done (`confirmedBy`).
extension RuleDocumentDecoder {
    static let manualStepKeys = ["name", "text", "confirmedBy", "docs", "note"] + stepRuleKeys

    /// `register-app: {name: …, text: …, confirmedBy: {attribute: app-registered, equals: "yes"}}`.
    mutating func decodeManualStep(_ id: Located<String>, _ node: YAMLNode) {
        let what = messages.element(.manualStep, id.value)
        let f = decoder.fields(node, what, allowed: Self.manualStepKeys)
        guard let textNode = f["text"] else {
            decoder.report(.error("schema-missing", messages.needsKey(what, "text"), at: id.location))
            return
        }
        guard let text = text(textNode, { $0.textOf(what) }) else { return }
        var confirmedBy: Requirement?
        if let c = f["confirmedBy"] {
            confirmedBy = requirement(c, asList: true) { what }
            // A condition the snapshot reports: one manual step confirmed by another would only
            // move the question.
            for case .manual(let ref, _) in confirmedBy?.gates ?? [] {
                decoder.report(.error("schema-value", messages.manualInConfirmedBy, at: ref.location))
                confirmedBy = nil
            }
        }
        var step = ManualStep(
            id: id, name: self.text(f["name"], { $0.nameOf(what) }), text: text, confirmedBy: confirmedBy,
            docs: f["docs"].flatMap { decoder.string($0, messages.field("docs", of: what))?.value },
            note: self.text(f["note"], { $0.noteOf(what) }), location: node.location)
        step.stepRules = stepRules(f, what)
        fragment.manualSteps.append(step)
    }
}
