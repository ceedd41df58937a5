import Diagnostics

/// The sentences `prereq explain` gives for a finding code, in one language.
public struct FindingText: Sendable, Hashable {
    /// One line, as SARIF's short description and the first line of `explain`.
    public var summary: String
    public var meaning: String
    public var whyItMatters: String
    public var fix: String

    public init(summary: String, meaning: String, whyItMatters: String, fix: String) {
        self.summary = summary
        self.meaning = meaning
        self.whyItMatters = whyItMatters
        self.fix = fix
    }
}

/// What `prereq explain CODE` says about a finding code: what it means, why it matters, an
/// example that triggers it and how to fix it, in English and Brazilian Portuguese.
public struct FindingCode: Sendable {
    public var code: String
    public var severity: Severity
    /// The English text: SARIF, golden files and `explain` without `--lang` use it.
    public var english: FindingText
    /// The Brazilian Portuguese text (`explain --lang pt-BR`).
    public var portuguese: FindingText
    /// YAML or a command line; the same in every language.
    public var example: String

    /// An entry with both texts; when `portuguese` is nil (codes outside the catalog), the
    /// English text stands in for it.
    public init(
        code: String, severity: Severity, summary: String, meaning: String, whyItMatters: String, example: String,
        fix: String, portuguese: FindingText? = nil
    ) {
        self.code = code
        self.severity = severity
        self.english = FindingText(summary: summary, meaning: meaning, whyItMatters: whyItMatters, fix: fix)
        self.portuguese = portuguese ?? english
        self.example = example
    }

    /// The text in `language` (Portuguese for `pt…`, English otherwise).
    public func text(in language: Language) -> FindingText {
        language.isPortuguese ? portuguese : english
    }

    // The English fields, as callers read them before the Portuguese text existed.
    public var summary: String {
        get { english.summary }
        set { english.summary = newValue }
    }
    public var meaning: String {
        get { english.meaning }
        set { english.meaning = newValue }
    }
    public var whyItMatters: String {
        get { english.whyItMatters }
        set { english.whyItMatters = newValue }
    }
    public var fix: String {
        get { english.fix }
        set { english.fix = newValue }
    }
}
