import ArgumentParser
import Foundation
import PrereqCore

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Read a flag platform's data (LaunchDarkly, Unleash, GrowthBook) into a rule pack and snapshots.",
        discussion: """
            Writes DIR/rules/imported-PLATFORM.yaml (a feature per flag, prerequisites as requirements) and DIR/snapshots/ENV.yaml (one per environment), ordinary Prereq files that lint, why, check and plan read. A new import rewrites only these files; rule files of your own in DIR/rules stay. What the pack cannot say becomes a note on the feature and a warning here (import-unsupported). A file not in the platform's format exits 2 with the file and the JSON path.

            Inputs: launchdarkly, the SDK flag data ({"flags": ..., "segments": ...}), one file per environment, named by the file or --environment; unleash, the feature export (features, featureEnvironments, dependencies), one or more exports, each naming its environments (--environment does not apply); growthbook, the SDK payload ({"features": ...}), one file per environment. docs/flag-platforms.md says how to get each file.

            Examples:
              prereq import launchdarkly production.json staging.json --out flags
              prereq lint flags/rules
              prereq why Write_Java --rules flags/rules --snapshot flags/snapshots/production.yaml
              prereq import unleash production.json development.json --out flags
              prereq import growthbook prod.json --environment production --out flags
            """
    )

    @Argument(help: "The platform: launchdarkly, unleash or growthbook.")
    var platform: String

    @Argument(help: "The platform's files (JSON).")
    var files: [String]

    @Option(name: .customLong("out"), help: "The folder to write rules/ and snapshots/ into (created if needed).")
    var out: String

    @Option(help: "The environment's name, for one LaunchDarkly or GrowthBook file (default: the file's name without extension).")
    var environment: String?

    @Option(name: .customLong("taken-at"), help: "The snapshots' takenAt, ISO 8601 (default: now).")
    var takenAt: String?

    @OptionGroup var languageOptions: LanguageOptions

    @OptionGroup var configOptions: ConfigOptions

    func validate() throws {
        guard FlagPlatform(rawValue: platform.lowercased()) != nil else {
            throw ValidationError("unknown platform '\(platform)': use \(FlagPlatform.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if files.isEmpty { throw ValidationError("give at least one file") }
        if environment != nil, platform.lowercased() == FlagPlatform.unleash.rawValue {
            throw ValidationError("--environment does not apply to unleash: each export names its environments")
        }
        if environment != nil, files.count > 1 { throw ValidationError("--environment names one file's environment: give one file") }
        if let takenAt, Timestamp.parse(takenAt) == nil { throw ValidationError("--taken-at is not an ISO 8601 time: \(takenAt)") }
    }

    func run() throws {
        guard let platform = FlagPlatform(rawValue: platform.lowercased()) else { throw ExitCode(2) }
        let messages = Messages(languageOptions.language(config: configOptions.projectConfig()))
        let time = takenAt.flatMap { Timestamp.parse($0)?.timestamp } ?? .current
        do {
            let result = try FlagImport.read(platform, files: files, environment: environment, messages: messages)
            let written = try FlagImport.write(result, sources: files, to: out, takenAt: time, messages: messages)
            CLIOutput.report(result.findings, to: .stderr)
            CLIOutput.stdout(
                TerminalText.escape(
                    messages.importSummary(flags: result.flags.count, environments: result.environments.map(\.name), findings: result.findings.count))
                    + "\n" + written.map { TerminalText.escape(messages.importWrote($0)) + "\n" }.joined())
        } catch let e as ImportError {
            CLIOutput.stderr("prereq: error[import-format]: \(TerminalText.escape(messages.importFailed(e.file, e.path, e.message)))\n")
            throw ExitCode(2)
        } catch {
            CLIOutput.stderr("prereq: error: \(TerminalText.escape(String(describing: error)))\n")
            throw ExitCode(2)
        }
    }
}
