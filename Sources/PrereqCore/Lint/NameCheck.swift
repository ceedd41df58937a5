import Diagnostics

/// `ambiguous-name`: two features share a display name (or one's alias is the other's name) in
/// one language, so a snapshot that uses the name cannot say which it means.
/// `missing-translation`: a name or question lacks a language the pack promises.
enum NameCheck {
    static func ambiguousNames(_ graph: RuleGraph, _ messages: Messages) -> [Diagnostic] {
        var out: [Diagnostic] = []
        var owner: [String: (feature: Int, location: SourceLocation, text: String)] = [:]
        var reportedPairs = Set<[Int]>()
        for (i, f) in graph.pack.features.enumerated() {
            var names: [(String, SourceLocation)] = [(f.id.value, f.id.location)]
            names += (f.name?.allTexts ?? []).map { ($0, f.id.location) }
            names += f.aliases.map { ($0.value, $0.location) }
            for (text, location) in names {
                let key = NameIndex.key(text)
                if let first = owner[key] {
                    guard first.feature != i else { continue }
                    let pair = [min(first.feature, i), max(first.feature, i)]
                    guard reportedPairs.insert(pair).inserted else { continue }
                    let other = graph.pack.features[first.feature].id.value
                    out.append(
                        Diagnostic(
                            code: "ambiguous-name", severity: .warning,
                            message: messages.ambiguousFeatureName(other, f.id.value, name: text),
                            location: location, related: [RelatedLocation(first.location, messages.usesTheNameHere(other))],
                            help: messages.ambiguousFeatureNameHelp, subject: f.id.value))
                } else {
                    owner[key] = (i, location, text)
                }
            }
        }
        return out
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
        return out
    }
}
