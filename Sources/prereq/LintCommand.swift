import ArgumentParser
import PrereqCore

struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check rule packs (and snapshots) on their own: schema, references, cycles, contradictions, names.",
        discussion: """
            Folders are read recursively (every .yaml and .yml file); all files and documents merge into one pack. `prereq explain CODE` describes each finding code. Without paths, the rule paths of the project config (.prereq.yml) are linted, else `rules`.

            Examples:
              prereq lint rules/
              prereq lint --format json --fail-on warning rules/ extra-rules.yaml
              prereq lint --format sarif --output lint.sarif
              prereq lint --baseline .prereq-baseline.json
            """
    )

    @Argument(help: "Rule files or folders (default: the config's rules, else rules).")
    var paths: [String] = []

    @OptionGroup var report: ReportOptions

    @OptionGroup var languageOptions: LanguageOptions

    @OptionGroup var configOptions: ConfigOptions

    func run() throws {
        let config = configOptions.projectConfig()
        let inputs = config.ruleInputs(paths.isEmpty ? config.rulePaths() : paths)
        let files = RulePackLoader.files(in: inputs)
        var result = LintRun.run(paths: inputs, language: languageOptions.language(config: config)).requiringInput(files: files)
        ProcessMemory.returnFreedMemory()
        result.inputs = files
        try report.finish(result, command: "lint", config: config)
    }
}
