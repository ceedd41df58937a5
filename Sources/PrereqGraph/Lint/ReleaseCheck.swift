import Diagnostics
import PrereqMessages
import PrereqModel

/// The release train (`releases`): `release-order` (an error) for a release declared after one
/// it is not newer than, and `minimum-out-of-service` (a warning) for a minimum version, of a
/// feature or of a component condition, whose release has reached its end of service by `now`.
enum ReleaseCheck {
    package static func run(_ graph: RuleGraph, _ messages: Messages, now: Timestamp?) -> [Diagnostic] {
        let releases = graph.pack.releases
        guard !releases.isEmpty else { return [] }
        var out: [Diagnostic] = []
        for i in releases.indices.dropFirst() where releases[i].version.value <= releases[i - 1].version.value {
            let (r, previous) = (releases[i], releases[i - 1])
            out.append(
                Diagnostic(
                    code: "release-order", severity: .error,
                    message: messages.releaseOutOfOrder(r.id.value, r.version.value, after: previous.id.value, previous.version.value),
                    location: r.version.location, related: [RelatedLocation(previous.version.location, messages.previousReleaseHere)],
                    help: messages.releaseOutOfOrderHelp, subject: r.id.value))
        }
        guard let now else { return out }
        for feature in graph.pack.features {
            let what = messages.element(.feature, feature.id.value)
            var minimums: [Located<VersionReference>] = [feature.introducedIn, feature.minVersion].compactMap { $0 }.map { Located(.version($0.value), at: $0.location) }
            for case .version(let c) in feature.requires?.gates ?? [] { if let bound = c.atLeast { minimums.append(bound) } }
            for bound in minimums {
                guard let v = graph.version(of: bound.value), let r = graph.release(covering: v), let end = releases[r].endOfService, end.value <= now else { continue }
                out.append(
                    Diagnostic(
                        code: "minimum-out-of-service", severity: .warning,
                        message: messages.minimumOutOfService(what, bound.value.description, release: releases[r].id.value, since: end.value),
                        location: bound.location, related: [RelatedLocation(end.location, messages.endOfServiceHere)],
                        help: messages.minimumOutOfServiceHelp(next: graph.supportedVersion(atLeast: v, at: now)), subject: feature.id.value))
            }
        }
        return out
    }
}
