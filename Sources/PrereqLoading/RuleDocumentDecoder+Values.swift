import Diagnostics
import PrereqBasics
import PrereqMessages
import PrereqModel
import PrereqYAML

/// Conditions on values in `requires`: `{feature: id, serving: v}`, `{setting: id, <test>}` and
/// `{attribute: id, <test>}`.
extension RuleDocumentDecoder {
    static let conditionSubjects = ["feature", "setting", "attribute"]
    static let conditionTests = ["serving", "equals", "in", "notIn", "atLeast", "atMost", "contains", "order"]

    /// A value condition: one subject and one test (`atLeast` and `atMost` together are one
    /// range), each literal read as written (the lint compares them with the setting's type).
    mutating func valueCondition(_ node: YAMLNode, _ entries: [(key: Located<String>, value: YAMLNode)], _ what: () -> String) -> ValueCondition? {
        let place = messages.requirementOf(what())
        decoder.rejectUnknownKeys(entries, allowed: Self.conditionSubjects + Self.conditionTests, in: place)
        let subjects = entries.filter { Self.conditionSubjects.contains($0.key.value) }
        if subjects.count > 1 {
            decoder.report(.error("schema-value", messages.conditionOneSubject, at: subjects[1].key.location, help: messages.conditionHelp))
            return nil
        }
        guard let (subjectKey, subjectNode) = subjects.first else {
            decoder.report(.error("schema-missing", messages.conditionNeedsSubject, at: node.location, help: messages.conditionHelp))
            return nil
        }
        guard let id = decoder.identifier(subjectNode, messages.field(subjectKey.value, in: what())) else { return nil }
        let subject: ValueCondition.Subject
        switch subjectKey.value {
        case "feature": subject = .feature(id)
        case "attribute": subject = .attribute(id)
        default: subject = .setting(id)
        }
        let tests = entries.filter { Self.conditionTests.contains($0.key.value) }
        guard !tests.isEmpty else {
            let help = subjectKey.value == "feature" ? messages.featureConditionHelp(id.value) : messages.conditionHelp
            decoder.report(.error("schema-missing", messages.conditionNeedsTest(id.value), at: node.location, help: help))
            return nil
        }
        let bounds = tests.filter { $0.key.value == "atLeast" || $0.key.value == "atMost" }
        let others = tests.filter { $0.key.value != "atLeast" && $0.key.value != "atMost" }
        if others.count + (bounds.isEmpty ? 0 : 1) > 1 {
            let second = others.count > 1 ? others[1].key : (bounds.first?.key ?? others[0].key)
            let first = tests.first { $0.key.location != second.location }?.key.value ?? tests[0].key.value
            decoder.report(.error("schema-value", messages.conditionTestsConflict(first, second.value), at: second.location, help: messages.conditionHelp))
            return nil
        }
        if case .feature = subject, let test = tests.first(where: { $0.key.value != "serving" }) {
            decoder.report(.error("schema-value", messages.featureConditionServes(id.value, test.key.value), at: test.key.location, help: messages.conditionHelp))
            return nil
        }
        let test: ValueCondition.Test
        if !bounds.isEmpty {
            var low: Int?
            var high: Int?
            for (key, value) in bounds {
                guard let bound = decoder.int(value, messages.field(key.value, in: what())) else { return nil }
                if key.value == "atLeast" { low = bound.value } else { high = bound.value }
            }
            if let low, let high, low > high {
                decoder.report(.error("schema-value", messages.conditionEmptyRange(id.value, low, high), at: node.location))
                return nil
            }
            test = .range(atLeast: low, atMost: high)
        } else {
            let (key, value) = others[0]
            let field = messages.field(key.value, in: what())
            switch key.value {
            case "in", "notIn", "order":
                guard let items = decoder.list(value, field) else { return nil }
                let values = items.compactMap { decoder.settingValue($0, field) }
                guard values.count == items.count else { return nil }
                if values.isEmpty {
                    decoder.error("schema-value", messages.atLeastOneItem(field), at: value)
                    return nil
                }
                test = key.value == "in" ? .oneOf(values) : key.value == "notIn" ? .noneOf(values) : .order(values)
            default:
                guard let v = literal(value, field) else { return nil }
                test = key.value == "serving" ? .serving(v) : key.value == "equals" ? .equals(v) : .contains(v)
            }
        }
        return ValueCondition(subject: subject, test: test, location: node.location)
    }

    /// A compared value: a scalar, or a list of scalars (a list setting's whole value).
    private mutating func literal(_ node: YAMLNode, _ field: String) -> SettingValue? {
        if let items = decoder.resolve(node), items.kind == .sequence {
            let values = items.elements.compactMap { decoder.settingValue($0, field) }
            return values.count == items.elements.count ? .list(values) : nil
        }
        return decoder.settingValue(node, field)
    }

    /// A setting's `allowedValues`: values of its type (a list setting cannot declare them).
    mutating func allowedValues(_ node: YAMLNode, type: SettingType, _ what: String) -> [Located<SettingValue>] {
        let field = messages.field("allowedValues", of: what)
        guard let items = decoder.list(node, field) else { return [] }
        if type == .list {
            decoder.error("schema-value", messages.listSettingAllowedValues(what), at: node)
            return []
        }
        var out: [Located<SettingValue>] = []
        for item in items {
            guard let v = decoder.settingValue(item, field) else { continue }
            guard let typed = v.read(as: type) else {
                decoder.error("schema-value", messages.allowedValueDoesNotFit(v, type: type, what), at: item)
                continue
            }
            out.append(Located(typed, at: item.location))
        }
        return out
    }
}
