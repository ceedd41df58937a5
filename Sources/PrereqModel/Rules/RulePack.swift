import PrereqBasics

/// A rule pack: every rule file and document of a folder merged into one set of definitions,
/// each kind in the order written (files sorted by path).
public struct RulePack: Sendable {
    public var metadata: PackMetadata?
    public var features: [Feature] = []
    public var settings: [Setting] = []
    public var jobs: [Job] = []
    public var records: [RecordCheck] = []
    public var questions: [Question] = []
    /// Facts of the environment or its channels that conditions compare (`attributes`).
    public var attributes: [Attribute] = []
    /// What a person does by hand that requirements can need (`manualSteps`).
    public var manualSteps: [ManualStep] = []
    /// Parts of the product with versions of their own (`components`).
    public var components: [Component] = []
    /// The release train, oldest first (`releases`).
    public var releases: [Release] = []
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

    /// Room for the definitions of `others` too, so that appending them does not regrow the lists.
    package mutating func reserveCapacity(adding others: [RulePack]) {
        features.reserveCapacity(features.count + others.reduce(0) { $0 + $1.features.count })
        settings.reserveCapacity(settings.count + others.reduce(0) { $0 + $1.settings.count })
        jobs.reserveCapacity(jobs.count + others.reduce(0) { $0 + $1.jobs.count })
        records.reserveCapacity(records.count + others.reduce(0) { $0 + $1.records.count })
        questions.reserveCapacity(questions.count + others.reduce(0) { $0 + $1.questions.count })
        attributes.reserveCapacity(attributes.count + others.reduce(0) { $0 + $1.attributes.count })
        manualSteps.reserveCapacity(manualSteps.count + others.reduce(0) { $0 + $1.manualSteps.count })
        components.reserveCapacity(components.count + others.reduce(0) { $0 + $1.components.count })
        releases.reserveCapacity(releases.count + others.reduce(0) { $0 + $1.releases.count })
    }

    /// Moves the definitions of `other` after these, kind by kind, leaving `other` empty (no
    /// definition is copied).
    package mutating func append(movingFrom other: inout RulePack) {
        features.append(movingFrom: &other.features)
        settings.append(movingFrom: &other.settings)
        jobs.append(movingFrom: &other.jobs)
        records.append(movingFrom: &other.records)
        questions.append(movingFrom: &other.questions)
        attributes.append(movingFrom: &other.attributes)
        manualSteps.append(movingFrom: &other.manualSteps)
        components.append(movingFrom: &other.components)
        releases.append(movingFrom: &other.releases)
    }
}
