import Diagnostics
import PrereqMessages
import PrereqModel

/// `mandatory-required-off` (a warning): a feature needs a feature off (a conflict, or `not`
/// under all of its requirements) that is mandatory from a version its own versions reach, so
/// from that version on it can never be switched on.
enum LifecycleCheck {
    package static func run(_ graph: RuleGraph, _ messages: Messages) -> [Diagnostic] {
        // The features mandatory from a version, and when: the only ones this check is about.
        var mandatorySince: [Int: Located<ProductVersion>] = [:]
        for z in graph.versionedLifecycles {
            if let since = graph.pack.features[z].lifecycle.mandatorySince { mandatorySince[z] = since }
        }
        guard !mandatorySince.isEmpty else { return [] }
        var out: [Diagnostic] = []
        let features = graph.pack.features
        for i in features.indices {
            // Fields read in place: copying every feature would cost more than the check.
            let refs = features[i].conflicts + (features[i].requires?.forbiddenFeatures ?? [])
            for ref in refs {
                guard let z = graph.featureIndex[ref.value], let since = mandatorySince[z] else { continue }
                let feature = features[i]
                // Only where the feature still exists at that version.
                if let removed = feature.removedIn?.value, removed <= since.value { continue }
                out.append(
                    Diagnostic(
                        code: "mandatory-required-off", severity: .warning,
                        message: messages.mandatoryRequiredOff(feature.id.value, needsOff: ref.value, since: since.value), location: ref.location,
                        related: [RelatedLocation(since.location, messages.mandatoryHere)], help: messages.mandatoryRequiredOffHelp(since.value),
                        subject: feature.id.value))
            }
        }
        return out
    }
}
