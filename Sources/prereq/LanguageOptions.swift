import ArgumentParser
import Foundation
import PrereqCore

/// `--lang`: the language of answers and findings (English is the fallback).
struct LanguageOptions: ParsableArguments {
    @Option(name: .customLong("lang"), help: "Language of the output: en or pt-BR (default: the config's language, else from LANG, else en).")
    var lang: String?

    /// `--lang`, else the project config's `language`, else the environment's.
    func language(config: ProjectConfig) -> Language {
        Language.choose(flag: lang ?? config.language, environment: ProcessInfo.processInfo.environment)
    }
}
