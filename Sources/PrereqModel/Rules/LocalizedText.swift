
/// Text a person reads, in one or more languages (BCP 47 tags such as `en`, `pt-BR`).
/// Written either as a plain string (the pack's default language) or as a mapping
/// `{en: …, pt-BR: …}`.
public struct LocalizedText: Sendable, Hashable {
    /// The first text written, kept inline: most texts are written in one language only, and a
    /// pack of a million features would otherwise hold a million one-element arrays.
    private let first: (language: String, text: String)
    /// The texts written after the first, in order (empty for a plain string: no allocation).
    private let others: [(language: String, text: String)]

    /// A text in one language.
    public init(language: String, text: String) {
        self.first = (language, text)
        self.others = []
    }

    /// Texts in the order written; `nil` when there are none.
    public init?(_ translations: [(language: String, text: String)]) {
        guard let first = translations.first else { return nil }
        self.first = first
        self.others = Array(translations.dropFirst())
    }

    /// Language tag to text, in the order written.
    public var translations: [(language: String, text: String)] { [first] + others }

    /// Calls `body` with each language and text, in the order written, without building an array.
    public func forEachTranslation(_ body: (_ language: String, _ text: String) -> Void) {
        body(first.language, first.text)
        for t in others { body(t.language, t.text) }
    }

    /// How many languages the text is written in.
    public var count: Int { 1 + others.count }

    public static func == (lhs: LocalizedText, rhs: LocalizedText) -> Bool {
        lhs.first == rhs.first && lhs.others.count == rhs.others.count
            && zip(lhs.others, rhs.others).allSatisfy { $0 == $1 }
    }

    public func hash(into hasher: inout Hasher) {
        forEachTranslation { language, text in
            hasher.combine(language)
            hasher.combine(text)
        }
    }

    /// The text in `language`, falling back to its base language (`pt` for `pt-BR`), then
    /// English, then the first one written.
    public func text(in language: String) -> String? {
        // Tags are canonical on both sides in the common case: an exact match needs no Foundation.
        if first.language == language { return first.text }
        for t in others where t.language == language { return t.text }
        let translations = self.translations
        if let exact = translations.first(where: { $0.language.caseInsensitiveCompare(language) == .orderedSame }) {
            return exact.text
        }
        let base = language.split(separator: "-").first.map(String.init) ?? language
        if let near = translations.first(where: {
            ($0.language.split(separator: "-").first.map(String.init) ?? $0.language).lowercased() == base.lowercased()
        }) {
            return near.text
        }
        return translations.first(where: { $0.language.lowercased().hasPrefix("en") })?.text ?? first.text
    }

    /// Whether a text is written for exactly this language (no fallback).
    public func has(_ language: String) -> Bool {
        translations.contains { $0.language.caseInsensitiveCompare(language) == .orderedSame }
    }

    /// Every text in every language.
    public var allTexts: [String] { [first.text] + others.map(\.text) }
}
