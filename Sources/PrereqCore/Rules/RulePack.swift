import Diagnostics

/// A rule pack: every rule file and document of a folder merged into one set of definitions,
/// each kind in the order written (files sorted by path).
public struct RulePack: Sendable {
    public var metadata: PackMetadata?
    public var features: [Feature] = []
    public var settings: [Setting] = []
    public var jobs: [Job] = []
    public var records: [RecordCheck] = []
    public var questions: [Question] = []
    /// Every rule file read, in order.
    public var files: [String] = []

    public init() {}

    /// The languages the pack promises (always including its default language).
    public var languages: [String] {
        var out: [String] = [metadata?.defaultLanguage ?? "en"]
        for l in metadata?.languages ?? [] where !out.contains(l.value) { out.append(l.value) }
        return out
    }

    public var defaultLanguage: String { metadata?.defaultLanguage ?? "en" }
}
