import ArgumentParser
import Diagnostics
import PrereqCore

struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check rule packs (and snapshots) on their own: schema, references, cycles, contradictions, names.",
        discussion: """
            Folders are read recursively (every .yaml and .yml file); all files and documents merge
            into one pack. `prereq explain CODE` describes each finding code.

            Examples:
              prereq lint rules/
              prereq lint --format json --fail-on warning rules/ extra-rules.yaml
            """
    )

    @Argument(help: "Rule files or folders (default: rules).")
    var paths: [String] = []

    @OptionGroup var report: ReportOptions

    func run() throws {
        let result = LintRun.run(paths: paths.isEmpty ? ["rules"] : paths)
        CLIOutput.printFindings(result, format: report.format)
        let code = result.exitCode(failOn: report.failOn.severity)
        if code != 0 { throw ExitCode(code) }
    }
}
