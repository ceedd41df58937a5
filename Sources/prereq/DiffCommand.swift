import ArgumentParser
import PrereqCore

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two environments: every feature whose verdict differs, with the facts that make the difference.",
        discussion: """
            "It works in UAT, not in prod": each feature answered differently, with the root causes only one snapshot has (the worse side first), then the facts that differ without changing a verdict. Exit 0 when every verdict is the same, 1 when some differ, 2 when a file cannot be read.

            Examples:
              prereq diff snapshots/uat.yaml snapshots/prod.yaml --rules rules
              prereq diff uat.yaml prod.yaml --format markdown > diff.md
            """
    )

    @Argument(help: "The first snapshot (e.g. the environment where it works).")
    var a: String

    @Argument(help: "The second snapshot.")
    var b: String

    @OptionGroup var evaluation: EvaluationOptions

    @Option(help: "Output format: text, json or markdown.")
    var format: DiffFormat = .text

    func run() throws {
        let json = format == .json
        let rules = try evaluation.loadRules(json: json)
        let first = try evaluation.loadSnapshot(a, graph: rules.graph, json: json)
        let second = try evaluation.loadSnapshot(b, graph: rules.graph, json: json)
        let diff = SnapshotDiff.compare(first, second, language: evaluation.language)
        switch format {
        case .text: CLIOutput.stdout(SnapshotDiffRenderer.text(diff, language: evaluation.language))
        case .json: CLIOutput.stdout(SnapshotDiffRenderer.json(diff))
        case .markdown: CLIOutput.stdout(SnapshotDiffRenderer.markdown(diff, language: evaluation.language))
        }
        if !diff.features.isEmpty { throw ExitCode(1) }
    }
}

enum DiffFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, markdown
}
