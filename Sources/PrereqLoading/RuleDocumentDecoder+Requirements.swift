import Diagnostics
import PrereqBasics
import PrereqModel
import PrereqYAML

/// Map-form requirements: the form is named by its form key (`allOf`, `exactlyOne`, `when`, …),
/// completed by the keys that belong to that form (`of`, `then`); `severity` may stand on any of
/// them and is applied around whatever form was decoded.
extension RuleDocumentDecoder {
    /// Each form: the key that names it and the other keys it may have.
    static let requirementForms: [(key: String, companions: [String])] = [
        ("allOf", []), ("anyOf", []), ("not", []), ("exactlyOne", []),
        ("atLeast", ["of", "atMost"]), ("atMost", ["of", "atLeast"]), ("when", ["then"]),
        ("records", []), ("schedule", ["maxInterval"]), ("manual", []), ("eachChannel", ["where"]),
        ("component", ["atLeast", "atMost", "notNewerThan"]),
        ("succeededAfter", ["job"]), ("enabledBefore", ["feature"]),
    ]
    /// Keys any map form may have besides its own.
    static let requirementModifiers = ["severity"]

    /// The keys that name a form.
    static let formKeys = requirementForms.map(\.key)
    /// The keys of the forms, naming ones and companions.
    static let structuralKeys = formKeys + requirementForms.flatMap(\.companions)

    mutating func mapRequirement(_ n: YAMLNode, _ entries: [(key: Located<String>, value: YAMLNode)], _ what: () -> String) -> Requirement? {
        // A condition on a value is named by its subject (`setting`, `feature`) or by a test
        // that is no form's key (`equals`, `in`, …); not by a form key.
        let formKeys = Self.formKeys
        let structural = Self.structuralKeys
        let namesEvent = entries.contains { e in Self.eventForms.contains { $0.key == e.key.value } }
        let namesCondition = !namesEvent && entries.contains { e in
            Self.conditionSubjects.contains(e.key.value) || (Self.conditionTests.contains(e.key.value) && !structural.contains(e.key.value))
        }
        if namesCondition {
            let condition = valueCondition(n, entries.filter { $0.key.value != "severity" }, what)
            return condition.flatMap { withSeverity(.value($0), Fields(entries)["severity"], what) }
        }
        // `component` has the groups' bounds as its companions: it is the form wherever it stands.
        guard let first = entries.first(where: { $0.key.value == "component" }) ?? entries.first(where: { formKeys.contains($0.key.value) }),
            let form = Self.requirementForms.first(where: { $0.key == first.key.value })
        else {
            // No form: a key of a form without it (`then` without `when`), or an unknown key.
            let companions = Self.requirementForms.flatMap { f in f.companions.map { (f.key, $0) } }
            for (key, _) in entries where !Self.requirementModifiers.contains(key.value) {
                if let (owner, _) = companions.first(where: { $0.1 == key.value }) {
                    decoder.report(.error("schema-missing", messages.keyNeedsForm(key.value, form: owner), at: key.location, help: messages.unknownRequirementHelp))
                } else {
                    decoder.report(
                        .error(
                            "schema-unknown-key",
                            messages.unknownRequirement(key.value, in: what(), suggestion: Suggestions.closest(to: key.value, in: formKeys + Self.requirementModifiers)),
                            at: key.location, help: messages.unknownRequirementHelp))
                }
                return nil
            }
            decoder.error("schema-type", messages.requirementOneKey, at: n, help: messages.requirementOneKeyHelp)
            return nil
        }
        let allowed = [form.key] + form.companions + Self.requirementModifiers
        var clean = true
        for (key, _) in entries where !allowed.contains(key.value) {
            clean = false
            if formKeys.contains(key.value) {
                decoder.report(.error("schema-type", messages.requirementOneKey, at: key.location, help: messages.requirementOneKeyHelp))
            } else {
                decoder.report(
                    .error(
                        "schema-unknown-key", messages.unknownRequirement(key.value, in: what(), suggestion: Suggestions.closest(to: key.value, in: allowed)),
                        at: key.location, help: messages.allowedKeys(allowed)))
            }
        }
        guard clean else { return nil }
        let fields = Fields(entries)
        guard let r = requirementForm(form.key, first.key, fields, at: n, what) else { return nil }
        return withSeverity(r, fields["severity"], what)
    }

    /// `r` as its `severity` key says: recommended only for `warning`; nil when the key is wrong.
    private mutating func withSeverity(_ r: Requirement, _ s: YAMLNode?, _ what: () -> String) -> Requirement? {
        guard let s else { return r }
        guard let severity = decoder.oneOf(s, messages.field("severity", in: what()), as: RequirementSeverity.self) else { return nil }
        return severity == .warning ? .recommended(r, at: s.location) : r
    }

    /// The form named by `key`, from its keys.
    private mutating func requirementForm(_ key: String, _ located: Located<String>, _ fields: Fields, at n: YAMLNode, _ what: () -> String) -> Requirement? {
        let value = fields[key] ?? n
        switch key {
        case "allOf", "anyOf", "exactlyOne":
            guard let parts = requirementList(value, key, what) else { return nil }
            switch key {
            case "allOf": return .allOf(parts, at: located.location)
            case "anyOf": return .anyOf(parts, at: located.location)
            default: return .count(parts, min: 1, max: 1, at: located.location)
            }
        case "not":
            return requirement(value, asList: false, what).map { .not($0, at: located.location) }
        case "atLeast", "atMost":
            guard let of = fields["of"] else {
                decoder.error("schema-missing", messages.needsKey(messages.field(key, in: what()), "of"), at: n)
                return nil
            }
            let lower = fields["atLeast"].map { limit($0, "atLeast", what) }
            let upper = fields["atMost"].map { limit($0, "atMost", what) }
            guard let parts = requirementList(of, "of", what), lower != .some(nil), upper != .some(nil) else { return nil }
            return .count(parts, min: (lower ?? 0) ?? 0, max: upper ?? nil, at: located.location)
        case "when":
            guard let then = fields["then"] else {
                decoder.error("schema-missing", messages.needsKey(messages.field("when", in: what()), "then"), at: n)
                return nil
            }
            guard let condition = requirement(value, asList: true, what), let r = requirement(then, asList: true, what) else { return nil }
            return .when(condition, then: r, at: located.location)
        case "eachChannel":
            let condition = fields["where"].map { requirement($0, asList: true, what) }
            guard let part = requirement(value, asList: true, what), condition != .some(nil) else { return nil }
            return .eachChannel(part, where: condition ?? nil, at: located.location)
        case "records":
            return decoder.identifier(value, messages.field("records", in: what())).map { .gate(.records($0, at: located.location)) }
        case "schedule":
            let interval = fields["maxInterval"].map { decoder.timeSpan($0, messages.field("maxInterval", in: what())) }
            guard let job = decoder.identifier(value, messages.field("schedule", in: what())), interval != .some(nil) else { return nil }
            return .gate(.schedule(job, maxInterval: interval ?? nil, at: located.location))
        case "manual":
            return decoder.identifier(value, messages.field("manual", in: what())).map { .gate(.manual($0, at: located.location)) }
        case "component":
            return componentVersionCondition(value, fields, at: located.location, what).map { .gate(.version($0)) }
        case "succeededAfter", "enabledBefore":
            return eventCondition(located, fields, at: n, what).map { .gate(.event($0)) }
        default:
            return nil
        }
    }

    /// A non-empty list of requirements.
    private mutating func requirementList(_ node: YAMLNode, _ key: String, _ what: () -> String) -> [Requirement]? {
        guard let items = decoder.list(node, messages.field(key, in: what())) else { return nil }
        let parts = requirements(items, what)
        guard parts.count == items.count else { return nil }
        if parts.isEmpty {
            decoder.error("schema-value", messages.atLeastOneItem(messages.field(key, in: what())), at: node)
            return nil
        }
        return parts
    }

    /// A group's limit: a whole number, not below zero.
    private mutating func limit(_ node: YAMLNode, _ key: String, _ what: () -> String) -> Int? {
        guard let v = decoder.int(node, messages.field(key, in: what())) else { return nil }
        guard v.value >= 0 else {
            decoder.error("schema-value", messages.mustNotBeNegative(messages.field(key, in: what())), at: node)
            return nil
        }
        return v.value
    }
}
