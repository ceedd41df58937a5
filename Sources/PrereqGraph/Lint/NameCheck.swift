import Diagnostics
import PrereqMessages
import PrereqModel

/// `ambiguous-name`: two features share a display name (or one's alias is the other's name) in
/// one language, so a snapshot that uses the name cannot say which it means.
/// `missing-translation`: a name or question lacks a language the pack promises.
enum NameCheck {
    /// Reads the clashes off the features' names: each feature that claims a name another
    /// feature claimed first is reported once per pair.
    static func ambiguousNames(_ graph: RuleGraph, _ messages: Messages) -> [Diagnostic] {
        let features = graph.pack.features
        var out: [Diagnostic] = []
        var reportedPairs = Set<[Int]>()
        for (name, elements) in graph.featureNameClashes {
            let first = elements[0]
            let key = NameIndex.key(name)
            for other in elements.dropFirst() {
                guard reportedPairs.insert([min(first, other), max(first, other)]).inserted else { continue }
                out.append(
                    Diagnostic(
                        code: "ambiguous-name", severity: .warning,
                        message: messages.ambiguousFeatureName(features[first].id.value, features[other].id.value, name: spelling(key, in: features[other])),
                        location: location(key, in: features[other]),
                        related: [RelatedLocation(location(key, in: features[first]), messages.usesTheNameHere(features[first].id.value))],
                        help: messages.ambiguousFeatureNameHelp, subject: features[other].id.value))
            }
        }
        return out
    }

    /// Where a feature claims a name: the alias that spells it, else the feature's id.
    private static func location(_ key: String, in feature: Feature) -> SourceLocation {
        feature.aliases.first { NameIndex.key($0.value) == key }?.location ?? feature.location
    }

    /// How the feature spells the name.
    private static func spelling(_ key: String, in feature: Feature) -> String {
        let candidates = [feature.id.value] + (feature.name?.allTexts ?? []) + feature.aliases.map(\.value)
        return candidates.first { NameIndex.key($0) == key } ?? key
    }

    static func missingTranslations(_ graph: RuleGraph, _ messages: Messages) -> [Diagnostic] {
        let pack = graph.pack
        guard let metadata = pack.metadata, !metadata.languages.isEmpty else { return [] }
        var out: [Diagnostic] = []
        func check(_ text: LocalizedText?, _ what: String, _ subject: String, _ location: SourceLocation) {
            guard let text else { return }
            let missing = pack.languages.filter { !text.has($0) }
            guard !missing.isEmpty else { return }
            out.append(
                Diagnostic(
                    code: "missing-translation", severity: .warning,
                    message: messages.missingTranslation(what, languages: missing),
                    location: location,
                    related: [RelatedLocation(metadata.location, messages.packPromises(pack.languages))],
                    help: messages.missingTranslationHelp(pack.languages),
                    subject: subject))
        }
        for f in pack.features { check(f.name, messages.nameOf(.feature, f.id.value), f.id.value, f.location) }
        for s in pack.settings { check(s.name, messages.nameOf(.setting, s.id.value), s.id.value, s.location) }
        for j in pack.jobs { check(j.name, messages.nameOf(.job, j.id.value), j.id.value, j.location) }
        for r in pack.records { check(r.name, messages.nameOf(.recordCheck, r.id.value), r.id.value, r.location) }
        for q in pack.questions { check(q.text, messages.nameOf(.question, q.id.value), q.id.value, q.location) }
        for m in pack.manualSteps {
            check(m.name, messages.nameOf(.manualStep, m.id.value), m.id.value, m.location)
            check(m.text, messages.textOf(messages.element(.manualStep, m.id.value)), m.id.value, m.location)
        }
        return out
    }
}
