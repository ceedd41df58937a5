import ArgumentParser
import PrereqCore

struct GraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graph",
        abstract: "Draw the rule graph (or the part behind one feature) as Graphviz DOT or Mermaid.",
        discussion: """
            Features are boxes, jobs ovals; all-of, any-of, exactly-one and not are small logic nodes; settings, attributes, versions and record checks have shapes of their own. With --snapshot, nodes are coloured by the environment (on, off, standing in the way, unknown, on but not in effect) and a legend explains the colours.

            Examples:
              prereq graph --rules rules | dot -Tsvg > pack.svg
              prereq graph async-customer-editing --format mermaid --lang pt-BR
              prereq graph async-customer-editing --snapshot snapshots/prod.yaml \\
                  --format mermaid > prod.mmd
            """
    )

    @Argument(help: "A feature (id, name or alias): draw only what it depends on.")
    var feature: String?

    @Option(help: "An environment snapshot (YAML or JSON, format v1; - reads standard input): colour the graph by it.")
    var snapshot: String?

    @OptionGroup var evaluation: EvaluationOptions

    @Option(help: "Output format: dot or mermaid.")
    var format: GraphFormat = .dot

    func run() throws {
        let rules = try evaluation.loadRules()
        let f = try feature.map { try evaluation.feature($0, in: rules.graph) }
        let facts = try snapshot.map { try evaluation.loadSnapshot($0, graph: rules.graph) }
        let export = GraphExport(graph: rules.graph, language: evaluation.language)
        CLIOutput.stdout(export.render(format == .dot ? .dot : .mermaid, feature: f, facts: facts))
    }
}

enum GraphFormat: String, ExpressibleByArgument, CaseIterable {
    case dot, mermaid
}
