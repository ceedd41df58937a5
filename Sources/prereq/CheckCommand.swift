import ArgumentParser
import Diagnostics
import PrereqCore

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Evaluate environment snapshots: prerequisites, features not in effect, job order, schedules, records, missing data.",
        discussion: """
            Every enabled feature is checked (its prerequisites still on; in effect once its jobs
            succeeded after it was switched on, per channel; settling within the settle time), then
            job order, recurring schedules and record checks. Each snapshot file may hold several
            documents (one snapshot each).

            Examples:
              prereq check --rules rules examples/snapshots/*.yaml
              prereq check --format json --fail-on warning examples/snapshots/not-in-effect-one-channel.yaml
            """
    )

    @Argument(help: "Snapshot files (YAML or JSON, format v1).")
    var snapshots: [String] = []

    @OptionGroup var evaluation: EvaluationOptions

    @OptionGroup var report: ReportOptions

    func validate() throws {
        if snapshots.isEmpty { throw ValidationError("give at least one snapshot file") }
    }

    func run() throws {
        let rules = try evaluation.loadRules()
        let result = CheckRun.run(snapshots: snapshots, rules: rules, language: evaluation.language)
        CLIOutput.printFindings(result, format: report.format)
        let code = result.exitCode(failOn: report.failOn.severity)
        if code != 0 { throw ExitCode(code) }
    }
}
