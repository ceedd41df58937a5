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
            """
    )

    @Argument(help: "A finding code, e.g. unknown-reference.")
    var code: String?

    @Flag(help: "List every code with its one-line summary.")
    var list = false

    func validate() throws {
        if code == nil && !list { throw ValidationError("name a finding code, or use --list") }
    }

    func run() throws {
        if list || code == nil {
            let width = FindingCatalog.all.map(\.code.count).max() ?? 0
            for entry in FindingCatalog.all {
                CLIOutput.stdout(entry.code.padding(toLength: width + 2, withPad: " ", startingAt: 0) + entry.summary + "\n")
            }
            return
        }
        guard let code, let entry = FindingCatalog.entry(code) else {
            let suggestion = Suggestions.didYouMean(code ?? "", in: FindingCatalog.all.map(\.code))
            CLIOutput.stderr("prereq: unknown finding code \"\(code ?? "")\"\(suggestion); `prereq explain --list` shows them all\n")
            throw ExitCode(2)
        }
        CLIOutput.stdout(
            """
            \(entry.code) (\(entry.severity.rawValue)): \(entry.summary)

            What it means:
              \(entry.meaning)

            Why it matters:
              \(entry.whyItMatters)

            Example:
            \(entry.example.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n"))

            How to fix it:
              \(entry.fix)

            """)
    }
}

