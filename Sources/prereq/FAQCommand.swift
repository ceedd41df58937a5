import ArgumentParser
import PrereqCore

struct FAQCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "faq",
        abstract: "Answer every question of the pack's FAQ for one environment, as GitHub-flavoured Markdown or JSON.",
        discussion: """
            Per question: the answer, its root causes with evidence, and the verified plan; in Markdown, a question about features that has a problem also gets a Mermaid picture of what they depend on, coloured by the snapshot (GitHub renders it).

            Exit 0 when every answer finds nothing wrong, 1 when any finds a problem or lacks the data to tell, 2 when the input cannot be read.

            Examples:
              prereq faq --snapshot examples/snapshots/hq-missing-job-order.yaml
              prereq faq --snapshot snapshots/prod.yaml --lang pt-BR --output FAQ.md
              prereq faq --snapshot snapshots/prod.yaml --format json
            """
    )

    @Option(help: "The environment snapshot (YAML or JSON, format v1; - reads standard input).")
    var snapshot: String

    @OptionGroup var evaluation: EvaluationOptions

    @Option(help: "Output format: markdown or json.")
    var format: FAQFormat = .markdown

    @Option(help: ArgumentHelp("Write the page to FILE instead of standard output.", valueName: "file"))
    var output: String?

    func run() throws {
        let json = format == .json
        let rules = try evaluation.loadRules(json: json)
        let facts = try evaluation.loadSnapshot(snapshot, graph: rules.graph, json: json)
        var evaluator = Evaluator(facts: facts, language: evaluation.language)
        let faq = evaluator.answerQuestions()
        switch format {
        case .markdown: try CLIOutput.deliver(FAQMarkdownRenderer(language: evaluation.language).render(faq), to: output)
        case .json: try CLIOutput.deliver(AnswerJSON.faq(faq).serializedDocument(), to: output)
        }
        if faq.hasProblem { throw ExitCode(1) }
    }
}

enum FAQFormat: String, ExpressibleByArgument, CaseIterable {
    case markdown, json
}
