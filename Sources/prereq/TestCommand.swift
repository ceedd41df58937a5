import ArgumentParser
import PrereqCore

/// `--format` of `prereq test`.
enum TestFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, junit
}

struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run a rule pack's test cases: snapshots with the why, plan and check answers they must give.",
        discussion: """
            Each case file (`prereqTest: 1`, docs/pack-tests.md) lists cases: a snapshot (a file relative to the case file, or written inline), optional --assume style assumptions, and the expected answers (`why` verdict, root causes, plan and verdicts by channel; `plan` steps; `check` findings). Lists match exactly and in order unless written as `contains:`. Without DIR, the cases are read from the `tests` folder of the first rule folder (e.g. rules/tests). Rule loading skips case files, so they may live inside the pack.

            Exit 0 when every case passes, 1 when some case fails, 2 when a case file or the pack cannot be read or understood, or a case cannot run.

            Examples:
              prereq test --rules rules
              prereq test rules/tests/why-cant-enable.yaml --rules rules
              prereq test --rules rules --format junit > pack-tests.xml
            """
    )

    @Argument(help: "Case files or folders of them (default: the tests folder of the first rule folder).")
    var paths: [String] = []

    @OptionGroup var evaluation: EvaluationOptions

    @Option(help: "Output format: text, json or junit.")
    var format: TestFormat = .text

    func run() throws {
        let json = format == .json
        let config = try evaluation.configOptions.understoodConfig()
        let rules = try evaluation.loadRules(config: config, json: json)
        let language = evaluation.languageOptions.language(config: config)
        let folders = paths.isEmpty ? [PackTestRun.defaultFolder(rules: evaluation.rules.isEmpty ? config.rulePaths() : evaluation.rules)] : paths
        let loaded = PackTestRun.load(paths: folders, language: language)
        if !loaded.usable {
            throw CLIOutput.failure(Messages(language).packTestsUnusable, loaded.diagnostics, json: json)
        }
        CLIOutput.report(loaded.diagnostics, to: .stderr)
        let report = PackTestRun.run(loaded.cases, rules: rules, language: language)
        let renderer = PackTestRenderer(language: language)
        switch format {
        case .text:
            let colour = CLIOutput.wantsColour(.stdout)
            let problems = report.cases.flatMap { c -> [Diagnostic] in
                if case .error(let found) = c.outcome { return found }
                return []
            }
            CLIOutput.stdout(renderer.text(report, colour: colour, diagnostics: CLIOutput.textRenderer(colour: colour, showing: problems)))
        case .json: CLIOutput.stdout(renderer.json(report))
        case .junit: CLIOutput.stdout(renderer.junit(report, paths: config.repositoryPaths()))
        }
        if report.exitCode != 0 { throw ExitCode(report.exitCode) }
    }
}
