import Foundation
import PrereqBasics

/// The language of the tool's own sentences and of the pack's names in an answer.
public struct Language: Sendable, Hashable {
    /// A BCP 47 tag, e.g. `en` or `pt-BR`.
    public let tag: String

    public static let english = Language(tag: "en")
    public static let brazilianPortuguese = Language(tag: "pt-BR")
    /// Languages the tool's own sentences exist in.
    public static let supported = [english, brazilianPortuguese]

    public init(tag: String) {
        self.tag = LanguageTag.canonical(tag)
    }

    /// Whether the tool's sentences should be Portuguese.
    var isPortuguese: Bool { tag.lowercased().hasPrefix("pt") }

    /// `--lang` wins; otherwise `LC_ALL`, `LC_MESSAGES` or `LANG` (`pt_BR.UTF-8` → pt-BR);
    /// English when none is set or the language is not one of ours.
    public static func choose(flag: String?, environment: [String: String]) -> Language {
        if let flag, !flag.isEmpty { return Language(tag: flag) }
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[key], !value.isEmpty else { continue }
            let base = value.split(separator: ".").first.map(String.init) ?? value
            let tag = base.replacingOccurrences(of: "_", with: "-")
            if tag == "C" || tag == "POSIX" { return .english }
            return tag.lowercased().hasPrefix("pt") ? .brazilianPortuguese : .english
        }
        return .english
    }
}
