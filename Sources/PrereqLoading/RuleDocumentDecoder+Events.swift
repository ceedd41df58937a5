import Diagnostics
import PrereqModel
import PrereqYAML

/// Conditions relative to an event: `{job: j, succeededAfter: update}`,
/// `{job: j, succeededAfter: {setting: s}}` and `{feature: f, enabledBefore: update}`.
extension RuleDocumentDecoder {
    /// The form keys of event conditions, each with the key that names its subject.
    static let eventForms: [(key: String, subject: String)] = [("succeededAfter", "job"), ("enabledBefore", "feature")]

    /// The condition named by `key` (`succeededAfter` or `enabledBefore`), from its fields.
    mutating func eventCondition(_ key: Located<String>, _ fields: Fields, at n: YAMLNode, _ what: () -> String) -> EventCondition? {
        guard let form = Self.eventForms.first(where: { $0.key == key.value }), let kind = EventCondition.Kind(rawValue: key.value) else { return nil }
        guard let subjectNode = fields[form.subject] else {
            decoder.error("schema-missing", messages.needsKey(messages.field(key.value, in: what()), form.subject), at: n)
            return nil
        }
        let subject = decoder.identifier(subjectNode, messages.field(form.subject, in: what()))
        guard let eventNode = fields[key.value] else { return nil }
        let place = messages.field(key.value, in: what())
        let event = eventReference(eventNode, place)
        guard let subject, let event else { return nil }
        return EventCondition(kind: kind, subject: subject, event: event, location: key.location)
    }

    /// `update`, `{setting: id}` or `{component: id}`; anything else is a schema error at its place.
    mutating func eventReference(_ node: YAMLNode, _ what: String) -> EventReference? {
        if node.resolved.kind == .mapping {
            let fields = decoder.fields(node, what, allowed: ["setting", "component"])
            if let c = fields["component"], fields["setting"] == nil {
                return decoder.identifier(c, messages.field("component", in: what)).map(EventReference.component)
            }
            guard let s = fields["setting"], fields["component"] == nil else {
                decoder.error("schema-missing", messages.needsKey(what, "setting"), at: node)
                return nil
            }
            return decoder.identifier(s, messages.field("setting", in: what)).map(EventReference.setting)
        }
        guard let text = decoder.string(node, what) else { return nil }
        guard text.value == "update" else {
            decoder.error("schema-value", messages.unknownEvent(text.value, for: what), at: node)
            return nil
        }
        return .update(at: text.location)
    }
}
