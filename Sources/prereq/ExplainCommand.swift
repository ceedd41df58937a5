import Foundation
import ArgumentParser
import PrereqCore

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain a finding code: what it means, why it matters, an example and how to fix it.",
        discussion: """
            Examples:
              prereq explain requires-cycle
              prereq explain --list
              prereq explain requires-cycle --lang pt-BR
            """
    )

    @Argument(help: "A finding code, e.g. unknown-reference.")
    var code: String?

    @Flag(help: "List every code with its one-line summary.")
    var list = false

    @OptionGroup var languageOptions: LanguageOptions

    @OptionGroup var configOptions: ConfigOptions

    func validate() throws {
        if code == nil && !list { throw ValidationError("name a finding code, or use --list") }
    }

    func run() throws {
        let messages = Messages(languageOptions.language(config: try configOptions.understoodConfig()))
        if list || code == nil {
            CLIOutput.stdout(messages.findingCodeList(FindingCatalog.all))
            return
        }
        guard let code, let entry = FindingCatalog.entry(code) else {
            let suggestion = Suggestions.closest(to: code ?? "", in: FindingCatalog.all.map(\.code))
            CLIOutput.stderr(messages.unknownFindingCode(code ?? "", suggestion: suggestion))
            throw ExitCode(2)
        }
        CLIOutput.stdout(messages.explanation(of: entry))
    }
}
