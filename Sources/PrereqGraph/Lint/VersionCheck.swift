import Diagnostics
import PrereqMessages

/// `version-later` (a warning): a feature says it exists from version V but requires a feature
/// that exists only from a later version, so its real minimum is higher.
enum VersionCheck {
    package static func run(_ graph: RuleGraph, _ analysis: EnableabilityCheck.Analysis, _ messages: Messages) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let features = graph.pack.features
        for i in features.indices {
            guard let declared = features[i].declaredMinimum else { continue }
            let feature = features[i]
            for ref in feature.requires?.mandatoryFeatures ?? [] {
                guard let g = graph.featureIndex[ref.value], g != i, let needed = analysis.effectiveMinimum[g],
                    needed > declared.value
                else { continue }
                let source = features[Int(analysis.minimumSource[g])]
                let via = source.id.value == ref.value ? nil : source.id.value
                out.append(
                    Diagnostic(
                        code: "version-later", severity: .warning,
                        message: messages.versionLater(feature.id.value, declared: declared.value, requires: ref.value, needs: needed, through: via),
                        location: ref.location,
                        related: [RelatedLocation(declared.location, messages.declaredMinimum), RelatedLocation((source.minVersion ?? source.introducedIn)?.location ?? source.location, messages.versionComesFromHere(needed))],
                        help: messages.versionLaterHelp(feature.id.value, needed),
                        subject: feature.id.value))
            }
        }
        return out
    }
}
