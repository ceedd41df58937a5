import Diagnostics
import PrereqMessages
import PrereqModel

/// Merges the definitions of several documents into one pack; an id defined twice (in any
/// file) is an error that names both places.
struct RulePackMerger {
    private(set) var pack = RulePack()
    private var ids: IdRegistry
    package let messages: Messages

    init(language: Language) {
        messages = Messages(language)
        ids = IdRegistry(messages: messages)
    }

    /// Every problem found while merging.
    var diagnostics: [Diagnostic] { metadataDiagnostics + ids.diagnostics }
    private var metadataDiagnostics: [Diagnostic] = []

    mutating func add(_ fragment: RulePack) {
        pack.files += fragment.files
        if let metadata = fragment.metadata {
            if let first = pack.metadata {
                metadataDiagnostics.append(
                    .error(
                        "duplicate-id", messages.packMetadataTwice, at: metadata.location,
                        related: [RelatedLocation(first.location, messages.firstGivenHere)], help: messages.packMetadataTwiceHelp))
            } else {
                pack.metadata = metadata
            }
        }
        ids.merge(fragment.features, into: &pack.features, .feature) { fragment.features[$0].id }
        ids.merge(fragment.settings, into: &pack.settings, .setting) { fragment.settings[$0].id }
        ids.merge(fragment.jobs, into: &pack.jobs, .job) { fragment.jobs[$0].id }
        ids.merge(fragment.records, into: &pack.records, .recordCheck) { fragment.records[$0].id }
        ids.merge(fragment.questions, into: &pack.questions, .question) { fragment.questions[$0].id }
        ids.merge(fragment.attributes, into: &pack.attributes, .attribute) { fragment.attributes[$0].id }
        ids.merge(fragment.manualSteps, into: &pack.manualSteps, .manualStep) { fragment.manualSteps[$0].id }
        ids.merge(fragment.components, into: &pack.components, .component) { fragment.components[$0].id }
        ids.merge(fragment.releases, into: &pack.releases, .release) { fragment.releases[$0].id }
    }
}

/// The ids taken so far, per kind, and the findings for ids defined twice.
private struct IdRegistry {
    private var seen: [ElementKind: [String: SourceLocation]] = [:]
    private(set) var diagnostics: [Diagnostic] = []
    package let messages: Messages

    init(messages: Messages) {
        self.messages = messages
    }

    /// Appends the new definitions whose ids are not taken yet, in place (what was merged
    /// before is never copied again). Into an empty list, without a duplicate (the usual case
    /// for the first file), the new array is shared, not copied element by element.
    mutating func merge<T>(_ new: [T], into existing: inout [T], _ kind: ElementKind, id: (Int) -> Located<String>) {
        guard !new.isEmpty else { return }
        var rejected: Set<Int> = []
        // The kind's table is taken out while its ids are added, so that each id is hashed
        // once (an id seen before is put back with its first place).
        var taken = seen.removeValue(forKey: kind) ?? [:]
        // Room for the first file's ids at once; later files grow the table geometrically.
        if existing.isEmpty { taken.reserveCapacity(new.count) }
        for i in new.indices {
            let id = id(i)
            guard let first = taken.updateValue(id.location, forKey: id.value) else { continue }
            taken[id.value] = first
            rejected.insert(i)
            diagnostics.append(
                Diagnostic(
                    code: "duplicate-id", severity: .error, message: messages.definedTwice(kind, id.value),
                    location: id.location, related: [RelatedLocation(first, messages.firstDefinedHere)],
                    help: messages.definedTwiceHelp, subject: id.value))
        }
        seen[kind] = taken
        if rejected.isEmpty {
            if existing.isEmpty { existing = new } else { existing += new }
            return
        }
        for i in new.indices where !rejected.contains(i) { existing.append(new[i]) }
    }
}
