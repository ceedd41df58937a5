import Diagnostics

/// Merges the definitions of several documents into one pack; an id defined twice (in any
/// file) is an error that names both places.
struct RulePackMerger {
    private(set) var pack = RulePack()
    private(set) var diagnostics: [Diagnostic] = []
    private var seen: [ElementKind: [String: SourceLocation]] = [:]
    let messages: Messages

    init(language: Language) {
        messages = Messages(language)
    }

    mutating func add(_ fragment: RulePack) {
        pack.files += fragment.files
        if let metadata = fragment.metadata {
            if let first = pack.metadata {
                diagnostics.append(
                    .error(
                        "duplicate-id", messages.packMetadataTwice, at: metadata.location,
                        related: [RelatedLocation(first.location, messages.firstGivenHere)], help: messages.packMetadataTwiceHelp))
            } else {
                pack.metadata = metadata
            }
        }
        pack.features = merged(pack.features, fragment.features, .feature) { fragment.features[$0].id }
        pack.settings = merged(pack.settings, fragment.settings, .setting) { fragment.settings[$0].id }
        pack.jobs = merged(pack.jobs, fragment.jobs, .job) { fragment.jobs[$0].id }
        pack.records = merged(pack.records, fragment.records, .recordCheck) { fragment.records[$0].id }
        pack.questions = merged(pack.questions, fragment.questions, .question) { fragment.questions[$0].id }
    }

    /// `existing` followed by the new definitions whose ids are not taken yet. Without a
    /// duplicate (the usual case) the new array is shared, not copied element by element.
    private mutating func merged<T>(_ existing: [T], _ new: [T], _ kind: ElementKind, id: (Int) -> Located<String>) -> [T] {
        var rejected: [Int] = []
        seen[kind, default: [:]].reserveCapacity(existing.count + new.count)
        for i in new.indices where !unique(kind, id(i)) { rejected.append(i) }
        if rejected.isEmpty { return existing.isEmpty ? new : existing + new }
        var out = existing
        for i in new.indices where !rejected.contains(i) { out.append(new[i]) }
        return out
    }

    private mutating func unique(_ kind: ElementKind, _ id: Located<String>) -> Bool {
        if let first = seen[kind]?[id.value] {
            diagnostics.append(
                Diagnostic(
                    code: "duplicate-id", severity: .error, message: messages.definedTwice(kind, id.value),
                    location: id.location, related: [RelatedLocation(first, messages.firstDefinedHere)],
                    help: messages.definedTwiceHelp, subject: id.value))
            return false
        }
        seen[kind, default: [:]][id.value] = id.location
        return true
    }
}
