import ArgumentParser
import Diagnostics
import Foundation
import PrereqCore

/// How a command prints its answer (`why`, `plan`).
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// `why --format`: an answer also as Markdown, for a pull-request comment or a wiki page.
enum AnswerFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, markdown
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
extension ColourChoice: ExpressibleByArgument {}

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

    @Option(
        name: .customLong("max-annotations"),
        help: ArgumentHelp("With --format github: annotations printed per severity, most severe first, then one notice for the rest (default: the config's githubAnnotations, else 10, what GitHub shows).", valueName: "n"))
    var maxAnnotations: Int?

    @Flag(help: "Text output: the summary line only (the exit code is unchanged).")
    var quiet = false

    @Option(
        name: .customLong("max-findings"),
        help: ArgumentHelp("Text output: show at most N findings, then how many were left out and the summary.", valueName: "n"))
    var maxFindings: Int?

    @Option(help: "Colour in text output: auto (a terminal, unless NO_COLOR is set or TERM=dumb), always or never.")
    var color: ColourChoice = .auto

    @Option(help: ArgumentHelp("Report only findings not recorded in this baseline (default: the config's baseline).", valueName: "file"))
    var baseline: String?

    @Option(
        name: .customLong("write-baseline"),
        help: ArgumentHelp("Record the current findings in FILE as the baseline, print them, and exit 0 (2, keeping the old file, if input is unreadable).", valueName: "file"))
    var writeBaseline: String?

    @Flag(name: .customLong("no-inline-ignores"), help: "Let no `# prereq-ignore CODE -- reason` comment suppress a finding.")
    var noInlineIgnores = false

    /// How the report is shaped and gated, for `command` (`lint` or `check`).
    func gate(_ command: String, config: ProjectConfig) -> ReportGate {
        ReportGate(
            config: config, command: command, format: formatOption, failOn: failOnOption?.severity, baseline: baseline,
            annotationLimit: maxAnnotations, textLimit: quiet ? 0 : maxFindings, noInlineIgnores: noInlineIgnores)
    }

    func validate() throws {
        if let maxAnnotations, maxAnnotations < 0 { throw ValidationError("--max-annotations must be 0 or more") }
        if let maxFindings, maxFindings < 0 { throw ValidationError("--max-findings must be 0 or more") }
    }

    /// Appends to a file (created when missing), as GitHub's step summary expects.
    static func append(_ text: String, to file: String) throws {
        // A file that cannot be created is reported by the open below.
        if !FileManager.default.fileExists(atPath: file) { _ = FileManager.default.createFile(atPath: file, contents: nil) }
        do {
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: file))
            defer { try? handle.close() }
            try handle.seekToEnd()
            try handle.write(contentsOf: Data(text.utf8))
        } catch {
            CLIOutput.stderr("prereq: error: cannot append to the step summary \(file): \(error.localizedDescription)\n")
            throw ExitCode(2)
        }
    }

    /// Gates the report (config, baseline), writes it (or the baseline) and ends the run with
    /// the documented exit code.
    func finish(_ result: FindingsReport, command: String, config: ProjectConfig) throws {
        let gate = gate(command, config: config)
        if let file = writeBaseline {
            let recorded: Baseline
            do {
                recorded = try gate.writeBaseline(for: result, to: file)
            } catch {
                // The findings say which input could not be read; then why the file was kept.
                let unreadable = result.unreadable ? gate.configured(result).findings : []
                throw CLIOutput.failure(error.message, unreadable, json: gate.format == .json)
            }
            let n = recorded.entries(for: command).count
            CLIOutput.stderr("prereq: wrote \(n) finding\(n == 1 ? "" : "s") to the baseline \(file)\n")
        }
        let outcome: ReportGate.Outcome
        do {
            outcome = try gate.gate(result)
        } catch {
            throw CLIOutput.failure(error.message, [error], json: gate.format == .json)
        }
        for note in outcome.notes where gate.format != .json || outcome.report.baseline == nil {
            CLIOutput.stderr("prereq: \(TerminalText.escape(note))\n")
        }
        try CLIOutput.printFindings(outcome.report, gate: gate, sources: outcome.sources, output: output, colour: color)
        if let summary = gate.stepSummary(outcome.report, environment: ProcessInfo.processInfo.environment) {
            try Self.append(summary.markdown, to: summary.file)
        }
        var code = gate.exitCode(outcome.report)
        if writeBaseline != nil && code == 1 { code = 0 }
        if code != 0 { throw ExitCode(code) }
    }
}
