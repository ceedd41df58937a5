import ArgumentParser
import PrereqCore

struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "The ordered steps to get features switched on and in effect in an environment.",
        discussion: """
            Steps come in the order to perform them: provide missing data, upgrade, set settings, switch off conflicting features, switch on prerequisites in dependency order, run the jobs in an order that meets every `after` constraint, then wait for the settle time.

            Every plan is performed on a copy of the snapshot first and printed only if it gets every feature on and in effect; when none does, the answer says what cannot be fixed and the exit status is 1. --verify also shows the simulated end state.

            Example:
              prereq plan async-customer-editing --snapshot snapshots/prod.yaml
              prereq plan async-customer-editing --snapshot snapshots/prod.yaml --verify
            """
    )

    @Argument(help: "The features to get on and in effect.")
    var features: [String]

    @Option(help: "The environment snapshot (YAML or JSON, format v1; - reads standard input).")
    var snapshot: String

    @OptionGroup var evaluation: EvaluationOptions

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @OptionGroup var assume: AssumeOptions

    @Flag(help: "Also show the simulated end state: each feature's verdict after the steps, and what is still unmet.")
    var verify = false

    func run() throws {
        let json = format == .json
        let rules = try evaluation.loadRules(json: json)
        let indices = try features.map { try evaluation.feature($0, in: rules.graph, json: json) }
        let assumed = try assume.apply(to: evaluation.loadSnapshot(snapshot, graph: rules.graph, json: json), language: evaluation.language, json: json)
        var evaluator = Evaluator(facts: assumed.facts, language: evaluation.language)
        let plan = evaluator.plan(features: indices)
        switch format {
        case .json:
            let ids = indices.map { rules.graph.pack.features[$0].id.value }
            CLIOutput.stdout(AnswerJSON.plan(plan, features: ids, snapshot: snapshot, assumptions: assumed.described).serializedDocument())
        case .text:
            let renderer = ExplanationTextRenderer(language: evaluation.language)
            CLIOutput.stdout(renderer.assumingLine(assumed.described) + renderer.planText(plan) + (verify ? renderer.endStateText(plan) : ""))
        }
        if plan.verification?.outcome == .fails { throw ExitCode(1) }
    }
}
