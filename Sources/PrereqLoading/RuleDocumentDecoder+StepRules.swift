import Diagnostics
import PrereqMessages
import PrereqModel
import PrereqYAML

/// What a job or a manual step says about its own use in plans: `last: true` (do it as the
/// final step) and `parameters` (values a person must not choose, optionally only where a
/// condition holds).
extension RuleDocumentDecoder {
    static let stepRuleKeys = ["last", "parameters"]

    /// `last` and `parameters` of a job's or manual step's fields.
    mutating func stepRules(_ f: Fields, _ what: String) -> StepRules {
        StepRules(
            last: f["last"].flatMap { decoder.bool($0, messages.field("last", of: what)) },
            parameters: f["parameters"].map { forbiddenParameters($0, what) } ?? [])
    }

    /// `parameters: {Delete existing configuration: {never: "Yes", when: {…}, note: …}}`.
    private mutating func forbiddenParameters(_ node: YAMLNode, _ what: String) -> [ForbiddenParameter] {
        guard let entries = decoder.mapping(node, messages.field("parameters", of: what)) else { return [] }
        var out: [ForbiddenParameter] = []
        for (name, value) in entries {
            let place = messages.parameter(name.value, of: what)
            let f = decoder.fields(value, place, allowed: ["never", "when", "note"])
            guard let neverNode = f["never"] else {
                decoder.report(.error("schema-missing", messages.needsKey(place, "never"), at: name.location))
                continue
            }
            guard let never = decoder.string(neverNode, messages.field("never", of: place)) else { continue }
            var when: Requirement?
            if let w = f["when"] {
                when = requirement(w, asList: true) { place }
                // The environment decides, not a person: a manual step cannot be the condition.
                for case .manual(let ref, _) in when?.gates ?? [] {
                    decoder.report(.error("schema-value", messages.manualInParameterCondition, at: ref.location))
                    when = nil
                }
            }
            out.append(ForbiddenParameter(name: name, never: never, when: when, note: text(f["note"], { $0.noteOf(place) }), location: name.location))
        }
        return out
    }
}
