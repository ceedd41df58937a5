import ArgumentParser
import PrereqCore

struct FAQCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "faq",
        abstract: "Answer every question of the pack's FAQ for one environment, as GitHub-flavoured Markdown.",
        discussion: """
            Examples:
              prereq faq --snapshot examples/snapshots/hq-missing-job-order.yaml
              prereq faq --snapshot snapshots/prod.yaml --lang pt-BR > FAQ.md
            """
    )

    @Option(help: "The environment snapshot (YAML or JSON, format v1; - reads standard input).")
    var snapshot: String

    @OptionGroup var evaluation: EvaluationOptions

    func run() throws {
        let rules = try evaluation.loadRules()
        let facts = try evaluation.loadSnapshot(snapshot, graph: rules.graph)
        var evaluator = Evaluator(facts: facts, language: evaluation.language)
        CLIOutput.stdout(FAQMarkdownRenderer(language: evaluation.language).render(evaluator.answerQuestions()))
    }
}
