import ArgumentParser
import Foundation
import PrereqCore

/// `--lang`: the language of answers and findings (English is the fallback).
struct LanguageOptions: ParsableArguments {
    @Option(name: .customLong("lang"), help: "Language of the output: en or pt-BR (default: from LANG, else en).")
    var lang: String?

    var language: Language { Language.choose(flag: lang, environment: ProcessInfo.processInfo.environment) }
}
