import Diagnostics

/// What a pack says about itself (`pack:` in a rule file).
public struct PackMetadata: Sendable, Hashable {
    public var id: Located<String>?
    public var title: LocalizedText?
    public var product: String?
    public var source: String?
    /// Languages the pack promises a translation for, for every name and question.
    public var languages: [Located<String>]
    /// The language of plain-string names; `en` unless said.
    public var defaultLanguage: String
    public var location: SourceLocation

    public init(
        id: Located<String>? = nil,
        title: LocalizedText? = nil,
        product: String? = nil,
        source: String? = nil,
        languages: [Located<String>],
        defaultLanguage: String,
        location: SourceLocation
    ) {
        self.id = id
        self.title = title
        self.product = product
        self.source = source
        self.languages = languages
        self.defaultLanguage = defaultLanguage
        self.location = location
    }
}
