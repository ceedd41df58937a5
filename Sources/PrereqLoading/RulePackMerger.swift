import Diagnostics
import PrereqBasics
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

    /// Moves the definitions of `fragment` into the pack, leaving it without them.
    mutating func add(_ fragment: inout RulePack) {
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
        ids.merge(&fragment.features, into: &pack.features, .feature) { $0.id }
        ids.merge(&fragment.settings, into: &pack.settings, .setting) { $0.id }
        ids.merge(&fragment.jobs, into: &pack.jobs, .job) { $0.id }
        ids.merge(&fragment.records, into: &pack.records, .recordCheck) { $0.id }
        ids.merge(&fragment.questions, into: &pack.questions, .question) { $0.id }
        ids.merge(&fragment.attributes, into: &pack.attributes, .attribute) { $0.id }
        ids.merge(&fragment.manualSteps, into: &pack.manualSteps, .manualStep) { $0.id }
        ids.merge(&fragment.components, into: &pack.components, .component) { $0.id }
        ids.merge(&fragment.releases, into: &pack.releases, .release) { $0.id }
    }
}

/// The ids taken so far, per kind, and the findings for ids defined twice.
private struct IdRegistry {
    /// Per kind, the merged definitions by id: entry `k` of the slots is the kind's `k`th
    /// merged definition, which holds the id (no id is stored twice).
    private var taken: [ElementKind: HashSlots] = [:]
    private(set) var diagnostics: [Diagnostic] = []
    package let messages: Messages

    init(messages: Messages) {
        self.messages = messages
    }

    /// Moves the new definitions whose ids are not taken yet after the merged ones, in order,
    /// leaving `new` empty: nothing is copied (into an empty list, without a duplicate, the
    /// new array itself is kept).
    mutating func merge<T>(_ new: inout [T], into existing: inout [T], _ kind: ElementKind, id: (T) -> Located<String>) {
        guard !new.isEmpty else { return }
        // The kind's slots are taken out while its ids are added, so that they are not copied.
        var slots = taken.removeValue(forKey: kind) ?? HashSlots(capacity: new.count)
        // Entries from `base` on are the new definitions taken: `origin` holds where each is in `new`.
        let base = existing.count
        var origin: [Int32] = []
        origin.reserveCapacity(new.count)
        var rejected: [Bool] = []
        for i in new.indices {
            let newId = id(new[i])
            var probe = slots.probe(CanonicalASCII.hash(newId.value))
            var first: SourceLocation?
            while first == nil, let entry = slots.next(&probe) {
                let other = entry < base ? id(existing[entry]) : id(new[Int(origin[entry - base])])
                if other.value == newId.value { first = other.location }
            }
            if let first {
                if rejected.isEmpty { rejected = Array(repeating: false, count: new.count) }
                rejected[i] = true
                diagnostics.append(
                    Diagnostic(
                        code: "duplicate-id", severity: .error, message: messages.definedTwice(kind, newId.value),
                        location: newId.location, related: [RelatedLocation(first, messages.firstDefinedHere)],
                        help: messages.definedTwiceHelp, subject: newId.value))
                continue
            }
            // A full table (2³¹ entries) numbers no more: the later definitions are still merged.
            if let position = Int32(exactly: i), slots.add(at: probe) != nil { origin.append(position) }
        }
        taken[kind] = slots
        if rejected.isEmpty {
            existing.append(movingFrom: &new)
        } else {
            existing.append(movingFrom: &new) { !rejected[$0] }
        }
    }
}
