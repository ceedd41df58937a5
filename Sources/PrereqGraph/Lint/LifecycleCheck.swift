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
        // Only a feature that mentions one of them in `requires`, or conflicts with one, can
        // need it off; they are visited in feature order.
        var candidates = Set(mandatorySince.keys)
        for z in mandatorySince.keys {
            candidates.formUnion(graph.mentionedBy[z])
            candidates.formUnion(graph.conflicts[z])
        }
        let features = graph.pack.features
        for i in candidates.sorted() {
            let refs = features[i].conflicts + (features[i].requires?.forbiddenFeatures ?? [])
            for ref in refs {
                guard let z = graph.featureIndex[ref.value], let since = mandatorySince[z] else { continue }
                // Only where the feature still exists at that version.
                if let removed = features[i].removedIn?.value, removed <= since.value { continue }
                let feature = features[i]
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
