import ArgumentParser
import Foundation
import PrereqCore

/// `--config`, taken by every command: the project config whose rules, language and gate
/// settings apply.
struct ConfigOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The project config file (default: .prereq.yml, looked for from here up).", valueName: "file"))
    var config: String?

    /// The project config this run uses (its problems are the caller's to report).
    func projectConfig() -> ProjectConfig {
        ProjectConfig.resolve(explicit: config)
    }

    /// The project config, or exit 2 with its problems when it cannot be understood (for the
    /// commands that print answers rather than a findings report).
    func understoodConfig() throws -> ProjectConfig {
        let config = projectConfig()
        CLIOutput.report(config.diagnostics, to: .stderr)
        if !config.understood { throw ExitCode(2) }
        return config
    }
}
