import ArgumentParser
import Foundation
import PrereqCore

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Evaluate environment snapshots: prerequisites, features not in effect, job order, schedules, records, missing data.",
        discussion: """
            Every enabled feature is checked (its prerequisites still on; in effect once its jobs succeeded after it was switched on, per channel; settling within the settle time), then job order, recurring schedules and record checks. Each snapshot file may hold several documents (one snapshot each).

            Examples:
              prereq check --rules rules examples/snapshots/*.yaml
              prereq check --format json --fail-on warning snapshots/prod.yaml
              prereq check          (with a .prereq.yml listing rules and snapshots)
            """
    )

    @Argument(help: "Snapshot files or folders of them (YAML or JSON, format v1; - reads standard input; default: the project config's snapshot globs).")
    var snapshots: [String] = []

    @Option(help: "Snapshot files checked in parallel (default: one per active core).")
    var jobs: Int?

    @OptionGroup var evaluation: EvaluationOptions

    @OptionGroup var report: ReportOptions

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    func run() throws {
        let config = evaluation.configOptions.projectConfig()
        let paths = snapshots.isEmpty ? config.snapshotFiles() : SnapshotArguments.expand(snapshots).filter { !config.isExcluded($0) }
        let json = (report.formatOption ?? config.format) == .json
        if paths.isEmpty {
            throw CLIOutput.failure("no snapshot given, and no project config (.prereq.yml) lists any", [], json: json)
        }
        // A progress line only where a person watches it: never in a pipe or a CI log.
        let progress: CheckRun.Progress? = paths.count > 1 && isatty(2) == 1 ? Self.showProgress : nil
        var result = try CheckRun.run(
            snapshots: paths, loadingRules: { try evaluation.loadRules(config: config, json: json) },
            language: evaluation.languageOptions.language(config: config), jobs: jobs ?? CheckRun.defaultJobs, progress: progress)
        result.inputs = paths
        ProcessMemory.returnFreedMemory()
        try report.finish(result, command: "check", config: config)
    }

    /// Rewrites one stderr line ("checked 120/10000 snapshots"), at most every 1% of the files,
    /// and clears it at the end so that it never mixes with the report.
    @Sendable static func showProgress(done: Int, total: Int) {
        let step = max(1, total / 100)
        if done == total {
            CLIOutput.stderr("\r\u{1B}[K")
        } else if done % step == 0 {
            CLIOutput.stderr("\rchecked \(done)/\(total) snapshots")
        }
    }
}
