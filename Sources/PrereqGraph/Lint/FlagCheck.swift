import Diagnostics
import PrereqMessages
import PrereqModel

/// Checks of what flag platforms say about imported features (`flag:`):
/// `unknown-variation`, a condition on a value the flag cannot serve;
/// `prerequisite-archived`, a requirement on an archived flag; `platform-limit`, a feature
/// imported from a platform that allows one parent and one level (Unleash) given more.
enum FlagCheck {
    package static func run(_ graph: RuleGraph, _ messages: Messages) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let features = graph.pack.features
        // Every finding here is about a feature with flag facts or a requirement on one.
        guard features.indices.contains(where: { features[$0].flag != nil }) else { return [] }
        func flag(_ id: String) -> FlagFacts? { graph.featureIndex[id].flatMap { features[$0].flag } }
        for f in features {
            guard let requires = f.requires else { continue }
            let id = f.id.value
            for c in requires.valueConditions {
                guard case .feature(let target) = c.subject, case .serving(let value) = c.test,
                    let facts = flag(target.value), let variations = facts.variations, !facts.canServe(value)
                else { continue }
                out.append(
                    Diagnostic(
                        code: "unknown-variation", severity: .error,
                        message: messages.servingUnknownVariation(
                            id, target: target.value, value: value.description, has: variations.map(\.value.description)),
                        location: c.location, help: messages.servingUnknownVariationHelp, subject: id))
            }
            var named: [Located<String>] = []
            requires.forEachFeature { r, _ in if !named.contains(where: { $0.value == r.value }) { named.append(r) } }
            for r in named where flag(r.value)?.archived?.value == true {
                out.append(
                    Diagnostic(
                        code: "prerequisite-archived", severity: .warning, message: messages.prerequisiteArchived(id, target: r.value),
                        location: r.location, help: messages.prerequisiteArchivedHelp, subject: id))
            }
            guard let platform = f.flag?.platform, FlagFacts.singleLevelPlatforms.contains(platform.value) else { continue }
            if named.count > 1 {
                out.append(
                    Diagnostic(
                        code: "platform-limit", severity: .error,
                        message: messages.platformOneParent(id, platform: platform.value, parents: named.map(\.value)),
                        location: named[1].location, help: messages.platformLimitHelp, subject: id))
            }
            for r in named {
                guard let i = graph.featureIndex[r.value], let grand = features[i].requires?.featureReferences.first else { continue }
                out.append(
                    Diagnostic(
                        code: "platform-limit", severity: .error,
                        message: messages.platformParentHasParent(id, platform: platform.value, parent: r.value, grandparent: grand.value),
                        location: r.location, help: messages.platformLimitHelp, subject: id))
            }
        }
        return out
    }
}
