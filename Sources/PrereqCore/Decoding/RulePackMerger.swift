import Diagnostics

/// Merges the definitions of several documents into one pack; an id defined twice (in any
/// file) is an error that names both places.
struct RulePackMerger {
    private(set) var pack = RulePack()
    private(set) var diagnostics: [Diagnostic] = []
    private var seen: [String: [String: SourceLocation]] = [:]

    mutating func add(_ fragment: RulePack) {
        pack.files += fragment.files
        if let metadata = fragment.metadata {
            if let first = pack.metadata {
                diagnostics.append(
                    .error(
                        "duplicate-id", "pack metadata is given twice", at: metadata.location,
                        related: [RelatedLocation(first.location, "first given here")],
                        help: "keep one `pack:` section for the whole pack"))
            } else {
                pack.metadata = metadata
            }
        }
        pack.features += fragment.features.filter { unique("feature", $0.id) }
        pack.settings += fragment.settings.filter { unique("setting", $0.id) }
        pack.jobs += fragment.jobs.filter { unique("job", $0.id) }
        pack.records += fragment.records.filter { unique("record check", $0.id) }
        pack.questions += fragment.questions.filter { unique("question", $0.id) }
    }

    private mutating func unique(_ kind: String, _ id: Located<String>) -> Bool {
        if let first = seen[kind]?[id.value] {
            diagnostics.append(
                Diagnostic(
                    code: "duplicate-id", severity: .error, message: "\(kind) \"\(id.value)\" is defined twice",
                    location: id.location, related: [RelatedLocation(first, "first defined here")],
                    help: "rename one of them, or remove the copy", subject: id.value))
            return false
        }
        seen[kind, default: [:]][id.value] = id.location
        return true
    }
}
