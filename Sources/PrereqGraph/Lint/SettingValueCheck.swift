import Diagnostics
import PrereqMessages
import PrereqModel

/// The values a feature compares settings with, against each setting's declaration:
/// `setting-value-type` (error): a value that is not of the setting's declared type (`true` for
/// an `int` setting), so the requirement can never hold; `value-not-allowed` (error): a value
/// outside the setting's `allowedValues`; `value-test-type` (error): a test that does not apply
/// to the setting (`atLeast` on text, `contains` on a number, `serving` on a setting). Attribute
/// conditions get the last two, an attribute being text. A manual step's `confirmedBy` and a
/// parameter's `when` are checked as a feature's `requires` is.
enum SettingValueCheck {
    package static func run(_ graph: RuleGraph, _ messages: Messages) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for i in graph.pack.features.indices {
            // A tree of feature references alone compares no values.
            let requires = graph.usesConstructs[i] ? graph.pack.features[i].requires : nil
            guard requires != nil || !graph.pack.features[i].settings.isEmpty else { continue }
            let feature = graph.pack.features[i]
            out += findings(feature.id.value, .feature, settings: feature.settings, requires: requires, graph, messages)
        }
        for m in graph.pack.manualSteps where m.confirmedBy != nil {
            out += findings(m.id.value, .manualStep, settings: [], requires: m.confirmedBy, graph, messages)
        }
        // A parameter's `when` (`parameters` of a job or manual step) too.
        let guarded = graph.pack.jobs.map { ($0.id.value, ElementKind.job, $0.stepRules.parameters) }
            + graph.pack.manualSteps.map { ($0.id.value, ElementKind.manualStep, $0.stepRules.parameters) }
        for (id, kind, parameters) in guarded {
            for when in parameters.compactMap(\.when) { out += findings(id, kind, settings: [], requires: when, graph, messages) }
        }
        return out
    }

    /// The findings for what one feature (or manual step) compares.
    private static func findings(
        _ id: String, _ kind: ElementKind, settings: [SettingRequirement], requires: Requirement?, _ graph: RuleGraph, _ messages: Messages
    ) -> [Diagnostic] {
        var out: [Diagnostic] = []
        // Worded only for a finding: lint checks every feature of a big pack.
        let owner = { messages.element(kind, id) }
        let fromSettings = settings.map { ($0.setting, ValueCondition.Test.equals($0.value), $0.location) }
        let fromRequires = (requires?.valueConditions ?? []).compactMap { c -> (Located<String>, ValueCondition.Test, SourceLocation)? in
            guard case .setting(let ref) = c.subject else { return nil }
            return (ref, c.test, c.location)
        }
        for (ref, test, location) in fromSettings + fromRequires {
            guard let s = graph.settingIndex[ref.value] else { continue }
            let setting = graph.pack.settings[s]
            let related = [RelatedLocation(setting.location, messages.settingDeclaredHere)]
            if !fits(test, setting.type) {
                out.append(
                    Diagnostic(
                        code: "value-test-type", severity: .error,
                        message: messages.testDoesNotFit(test.key, setting: setting.id.value, type: setting.type, owner: owner()),
                        location: location, related: related, help: messages.testDoesNotFitHelp(test.key), subject: id))
                continue
            }
            // Items of a list setting's `contains` and `order` have no declared type.
            if case .contains = test { continue }
            if case .order = test { continue }
            for value in test.literals {
                guard let typed = value.read(as: setting.type) else {
                    out.append(
                        Diagnostic(
                            code: "setting-value-type", severity: .error,
                            message: messages.requiredValueDoesNotFit(value, setting: setting.id.value, type: setting.type, owner: owner()),
                            location: location, related: related, help: messages.requiredValueHelp(setting.type), subject: id))
                    continue
                }
                let allowed = setting.allowedValues.map(\.value)
                // A range's bounds need not be allowed values themselves; some allowed value must lie within it.
                let outside = isBound(test) ? !allowed.contains { test.holds(for: $0) } : !allowed.contains { $0.matches(typed) }
                if !allowed.isEmpty, outside {
                    out.append(
                        Diagnostic(
                            code: "value-not-allowed", severity: .error,
                            message: messages.valueNotAllowed(value, setting: setting.id.value, owner: owner(), allowed: allowed),
                            location: location, related: related, help: messages.valueNotAllowedHelp, subject: id))
                }
            }
        }
        return out + attributeFindings(requires, owner: owner, subject: id, graph, messages)
    }

    /// The same for attributes, which are text (`legalEntities` a list of texts): a test that
    /// does not apply to text, and a value outside the attribute's declared `values`.
    private static func attributeFindings(_ requires: Requirement?, owner: () -> String, subject: String, _ graph: RuleGraph, _ messages: Messages) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for c in requires?.valueConditions ?? [] {
            guard case .attribute(let ref) = c.subject, let a = graph.attributeIndex[ref.value] else { continue }
            let attribute = graph.pack.attributes[a]
            let related = [RelatedLocation(attribute.location, messages.attributeDeclaredHere)]
            let type: SettingType = attribute.scope == .environment && Attribute.environmentField(attribute.id.value) == "legalEntities" ? .list : .string
            if !fits(c.test, type) {
                out.append(
                    Diagnostic(
                        code: "value-test-type", severity: .error,
                        message: messages.testDoesNotFit(c.test.key, setting: attribute.id.value, type: type, owner: owner()),
                        location: c.location, related: related, help: messages.attributeTestHelp, subject: subject))
                continue
            }
            let allowed = attribute.values.map { SettingValue.string($0.value) }
            guard !allowed.isEmpty else { continue }
            for value in c.test.asText.literals.flatMap({ v -> [SettingValue] in if case .list(let items) = v { items } else { [v] } })
            where !allowed.contains(where: { $0.matches(value) }) {
                out.append(
                    Diagnostic(
                        code: "value-not-allowed", severity: .error,
                        message: messages.valueNotAllowed(value, setting: attribute.id.value, owner: owner(), allowed: allowed),
                        location: c.location, related: related, help: messages.attributeValueNotAllowedHelp, subject: subject))
            }
        }
        return out
    }

    private static func isBound(_ test: ValueCondition.Test) -> Bool {
        if case .range = test { return true }
        return false
    }

    private static func fits(_ test: ValueCondition.Test, _ type: SettingType) -> Bool {
        switch test {
        case .serving: false
        case .equals, .oneOf, .noneOf: true
        case .range: type == .int
        case .contains, .order: type == .list
        }
    }
}
