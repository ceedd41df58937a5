import Diagnostics

/// `version-later` (a warning): a feature says it exists from version V but requires a feature
/// that exists only from a later version, so its real minimum is higher.
enum VersionCheck {
    static func run(_ graph: RuleGraph, _ analysis: EnableabilityCheck.Analysis) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let features = graph.pack.features
        for (i, feature) in features.enumerated() {
            guard let declared = [feature.introducedIn, feature.minVersion].compactMap({ $0 }).max(by: { $0.value < $1.value })
            else { continue }
            for ref in feature.requires?.mandatoryFeatures ?? [] {
                guard let g = graph.featureIndex[ref.value], g != i, let needed = analysis.effectiveMinimum[g],
                    needed > declared.value
                else { continue }
                let source = features[analysis.minimumSource[g]]
                let via = source.id.value == ref.value ? "" : " (through \(source.id.value))"
                out.append(
                    Diagnostic(
                        code: "version-later", severity: .warning,
                        message: "feature \(feature.id.value) is declared from \(declared.value) but requires \(ref.value), which needs \(needed)\(via); its real minimum is \(needed)",
                        location: ref.location,
                        related: [RelatedLocation(declared.location, "declared minimum"), RelatedLocation((source.minVersion ?? source.introducedIn)?.location ?? source.location, "\(needed) comes from here")],
                        help: "raise minVersion of \(feature.id.value) to \(needed), or correct the versions",
                        subject: feature.id.value))
            }
        }
        return out
    }
}
