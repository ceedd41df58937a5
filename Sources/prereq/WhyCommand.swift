import ArgumentParser
import PrereqCore

struct WhyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "why",
        abstract: "Explain why a feature cannot be enabled, or why it is on but not in effect, with a fix plan.",
        discussion: """
            FEATURE is an id, a display name in any language, or an alias. Exit 0 when the feature can be enabled or is in effect, 1 when the verdict is blocked, not in effect or unknown, 2 when the input cannot be read or the name matches no feature.

            Examples:
              prereq why async-customer-editing --snapshot snapshots/prod.yaml
              prereq why "Habilitar edição de clientes no modo assíncrono" \\
                  --snapshot snapshots/prod.yaml --lang pt-BR
              prereq why async-customer-editing --snapshot snapshots/prod.yaml \\
                  --assume async-customer-address-creation=on --assume "job 1070 ran at 2026-11-20T10:05:00Z"
              prereq why async-customer-editing --snapshot snapshots/prod.yaml \\
                  --format markdown > comment.md
            """
    )

    @Argument(help: "The feature to explain.")
    var feature: String

    @Option(help: "The environment snapshot (YAML or JSON, format v1; - reads standard input).")
    var snapshot: String

    @OptionGroup var evaluation: EvaluationOptions

    @OptionGroup var assume: AssumeOptions

    @Option(help: "Output format: text, json, or markdown (with a Mermaid picture of what the feature depends on, coloured by the snapshot).")
    var format: AnswerFormat = .text

    func run() throws {
        let json = format == .json
        let rules = try evaluation.loadRules(json: json)
        let f = try evaluation.feature(feature, in: rules.graph, json: json)
        let assumed = try assume.apply(to: evaluation.loadSnapshot(snapshot, graph: rules.graph, json: json), language: evaluation.language, json: json)
        var evaluator = Evaluator(facts: assumed.facts, language: evaluation.language)
        var answer = evaluator.answer(feature: f)
        answer.assumptions = assumed.described
        switch format {
        case .json: CLIOutput.stdout(AnswerJSON.why(answer).serializedDocument())
        case .text: CLIOutput.stdout(ExplanationTextRenderer(language: evaluation.language).render(answer))
        case .markdown: CLIOutput.stdout(WhyMarkdownRenderer(language: evaluation.language).render(answer, picture: evaluator.picture(of: [f])))
        }
        if answer.verdict != .enableable && answer.verdict != .inEffect { throw ExitCode(1) }
    }
}
