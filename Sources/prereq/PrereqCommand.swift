import ArgumentParser
import Foundation
import PrereqCore

@main
struct PrereqCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prereq",
        abstract: "Feature-flag dependency validator: lints rule packs, checks environment snapshots, explains why.",
        discussion: """
            Prereq reads YAML rule packs that say which features need which other features, settings, versions and jobs, and answers why a feature cannot be enabled or is on but not working.

            Exit codes: 0 nothing at or above the fail level, 1 findings at or above it, 2 the input could not be read or understood, or the command line is wrong.
            """,
        version: PrereqVersion.current,
        subcommands: [LintCommand.self, CheckCommand.self, WhyCommand.self, PlanCommand.self, FAQCommand.self, GraphCommand.self, SnapshotCommand.self, DiffCommand.self, ImpactCommand.self, TestCommand.self, ImportCommand.self, ExplainCommand.self, InspectCommand.self]
    )

    /// Runs the command; a usage error (unknown option, missing argument, bad value) exits 2
    /// with the usage message, as the documented exit codes say, instead of argument-parser's 64.
    static func main() {
        ProcessMemory.returnLargeBlocksWhenFreed()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                CLIOutput.stderr(fullMessage(for: error) + "\n")
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
