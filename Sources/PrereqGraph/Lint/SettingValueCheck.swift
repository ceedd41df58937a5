import Diagnostics
import PrereqMessages

/// `setting-value-type` (error): a feature needs a setting to hold a value that is not of the
/// setting's declared type (`true` for an `int` setting), so the requirement can never hold.
enum SettingValueCheck {
    package static func run(_ graph: RuleGraph, _ messages: Messages) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for feature in graph.pack.features {
            for requirement in feature.settings {
                guard let s = graph.settingIndex[requirement.setting.value] else { continue }
                let setting = graph.pack.settings[s]
                guard requirement.value.read(as: setting.type) == nil else { continue }
                out.append(
                    Diagnostic(
                        code: "setting-value-type", severity: .error,
                        message: messages.requiredValueDoesNotFit(
                            requirement.value, setting: setting.id.value, type: setting.type, feature: feature.id.value),
                        location: requirement.location, related: [RelatedLocation(setting.location, messages.settingDeclaredHere)],
                        help: messages.requiredValueHelp(setting.type), subject: feature.id.value))
            }
        }
        return out
    }
}
