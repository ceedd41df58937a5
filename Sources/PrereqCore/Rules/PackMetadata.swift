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
}
