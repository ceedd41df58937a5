import ArgumentParser
import Diagnostics
import Foundation
import PrereqCore

/// How a command prints its answer (`why`, `plan`).
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// `--fail-on`: the lowest severity that makes the exit code 1.
enum FailLevel: String, ExpressibleByArgument, CaseIterable {
    case error, warning, note

    var severity: Severity {
        switch self {
        case .error: .error
        case .warning: .warning
        case .note: .note
        }
    }
}

extension ReportFormat: ExpressibleByArgument {}

/// Options shared by the commands that report findings (`lint`, `check`).
struct ReportOptions: ParsableArguments {
    @Option(
        name: .customLong("format"),
        help: "Output format: text, json, sarif, junit, github or markdown (default: the config's, else text).")
    var formatOption: ReportFormat?

    @Option(
        name: .customLong("fail-on"),
        help: "Lowest severity that fails the run (exit 1): error, warning or note (default: the config's, else error).")
    var failOnOption: FailLevel?

    @Option(help: ArgumentHelp("Write the report to FILE instead of standard output.", valueName: "file"))
    var output: String?

    @Option(help: ArgumentHelp("The project config file (default: .prereq.yml, looked for from here up).", valueName: "file"))
    var config: String?

    @Option(help: ArgumentHelp("Report only findings not recorded in this baseline (default: the config's baseline).", valueName: "file"))
    var baseline: String?

    @Option(
        name: .customLong("write-baseline"),
        help: ArgumentHelp("Record the current findings in FILE as the baseline, print them, and exit 0 (2, keeping the old file, if input is unreadable).", valueName: "file"))
    var writeBaseline: String?

    @Flag(name: .customLong("no-inline-ignores"), help: "Let no `# prereq-ignore CODE -- reason` comment suppress a finding.")
    var noInlineIgnores = false

    /// The project config this run uses.
    func projectConfig() -> ProjectConfig {
        ProjectConfig.resolve(explicit: config)
    }

    /// How the report is shaped and gated, for `command` (`lint` or `check`).
    func gate(_ command: String, config: ProjectConfig) -> ReportGate {
        ReportGate(
            config: config, command: command, format: formatOption, failOn: failOnOption?.severity, baseline: baseline,
            noInlineIgnores: noInlineIgnores)
    }

    /// The format in effect (options, then config, then text).
    var format: ReportFormat { formatOption ?? projectConfig().format ?? .text }

    /// The fail level in effect (options, then config, then error).
    var failOn: FailLevel { failOnOption ?? projectConfig().failOn.flatMap { FailLevel(rawValue: $0.rawValue) } ?? .error }

    /// Gates the report (config, baseline), writes it (or the baseline) and ends the run with
    /// the exit code of the brief.
    func finish(_ result: FindingsReport, command: String, config: ProjectConfig) throws {
        let gate = gate(command, config: config)
        if let file = writeBaseline {
            let recorded: Baseline
            do {
                recorded = try gate.writeBaseline(for: result, to: file)
            } catch {
                // The findings say which input could not be read; then why the file was kept.
                if result.unreadable { CLIOutput.report(gate.configured(result).findings, to: .stderr) }
                CLIOutput.report([error], to: .stderr)
                throw ExitCode(2)
            }
            let n = recorded.entries(for: command).count
            CLIOutput.stderr("prereq: wrote \(n) finding\(n == 1 ? "" : "s") to the baseline \(file)\n")
        }
        let outcome: ReportGate.Outcome
        do {
            outcome = try gate.gate(result)
        } catch {
            CLIOutput.report([error], to: .stderr)
            throw ExitCode(2)
        }
        for note in outcome.notes where gate.format != .json || outcome.report.baseline == nil {
            CLIOutput.stderr("prereq: \(TerminalText.escape(note))\n")
        }
        try CLIOutput.printFindings(outcome.report, gate: gate, output: output)
        var code = gate.exitCode(outcome.report)
        if writeBaseline != nil && code == 1 { code = 0 }
        if code != 0 { throw ExitCode(code) }
    }
}
