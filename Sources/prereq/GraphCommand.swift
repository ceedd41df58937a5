import ArgumentParser
import PrereqCore

struct GraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graph",
        abstract: "Draw the rule graph (or the part behind one feature) as Graphviz DOT or Mermaid.",
        discussion: """
            Examples:
              prereq graph --rules rules | dot -Tsvg > pack.svg
              prereq graph async-customer-editing --format mermaid --lang pt-BR
            """
    )

    @Argument(help: "A feature (id, name or alias): draw only what it depends on.")
    var feature: String?

    @OptionGroup var evaluation: EvaluationOptions

    @Option(help: "Output format: dot or mermaid.")
    var format: GraphFormat = .dot

    func run() throws {
        let rules = try evaluation.loadRules()
        let f = try feature.map { try evaluation.feature($0, in: rules.graph) }
        let export = GraphExport(graph: rules.graph, language: evaluation.language)
        CLIOutput.stdout(export.render(format == .dot ? .dot : .mermaid, feature: f))
    }
}

enum GraphFormat: String, ExpressibleByArgument, CaseIterable {
    case dot, mermaid
}
