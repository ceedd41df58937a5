
/// Text a person reads, in one or more languages (BCP 47 tags such as `en`, `pt-BR`).
/// Written either as a plain string (the pack's default language) or as a mapping
/// `{en: …, pt-BR: …}`.
public struct LocalizedText: Sendable, Hashable {
    /// Language tag to text, in the order written.
    public var translations: [(language: String, text: String)]

    public init(_ translations: [(language: String, text: String)]) {
        self.translations = translations
    }

    public static func == (lhs: LocalizedText, rhs: LocalizedText) -> Bool {
        lhs.translations.count == rhs.translations.count
            && zip(lhs.translations, rhs.translations).allSatisfy { $0.language == $1.language && $0.text == $1.text }
    }

    public func hash(into hasher: inout Hasher) {
        for t in translations {
            hasher.combine(t.language)
            hasher.combine(t.text)
        }
    }

    /// The text in `language`, falling back to its base language (`pt` for `pt-BR`), then
    /// English, then the first one written.
    public func text(in language: String) -> String? {
        // Tags are canonical on both sides in the common case: an exact match needs no Foundation.
        for t in translations where t.language == language { return t.text }
        if let exact = translations.first(where: { $0.language.caseInsensitiveCompare(language) == .orderedSame }) {
            return exact.text
        }
        let base = language.split(separator: "-").first.map(String.init) ?? language
        if let near = translations.first(where: {
            ($0.language.split(separator: "-").first.map(String.init) ?? $0.language).lowercased() == base.lowercased()
        }) {
            return near.text
        }
        return translations.first(where: { $0.language.lowercased().hasPrefix("en") })?.text ?? translations.first?.text
    }

    /// Whether a text is written for exactly this language (no fallback).
    public func has(_ language: String) -> Bool {
        translations.contains { $0.language.caseInsensitiveCompare(language) == .orderedSame }
    }

    /// Every text in every language.
    public var allTexts: [String] { translations.map(\.text) }
}
