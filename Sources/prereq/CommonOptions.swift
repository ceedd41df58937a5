import ArgumentParser
import Diagnostics

/// How a command prints its answer.
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

/// Options shared by the commands that report findings.
struct ReportOptions: ParsableArguments {
    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Option(name: .customLong("fail-on"), help: "Lowest severity that fails the run (exit 1): error, warning or note.")
    var failOn: FailLevel = .error
}
