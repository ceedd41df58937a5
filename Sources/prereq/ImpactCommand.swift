import ArgumentParser
import PrereqCore

struct ImpactCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "impact",
        abstract: "What depends on a feature, job, setting or anything a condition names, and what would stop working if it were switched off.",
        discussion: """
            X is a feature, job, setting, attribute, component, record check or manual step, by id, display name (any language), alias or job code; `version` is the product version. A name of several kinds is an error listing them: add --kind.

            Without --snapshot: every feature that depends on X, through every kind of condition, directly and through other features and jobs, nearest first, each with how it depends and what X's change does to it (would break; might break, through an alternative, a group, a condition or a value; might be unblocked, where it needs X off; a recommendation only).

            With --snapshot (repeatable: one section per environment, e.g. every snapshot an import wrote): X switched off (--archive: archived, removed from its flag platform), or, for a job, stopped (no run after the snapshot's moment, schedule none), simulated on the snapshot and compared with it as it is: the features that would be blocked or not in effect, root cause first, in dependency order; those that would work better; those already affected. A stopped job also lists the features working now that need a run of it after an event (their switch, a setting's change, an update): they would not take effect again after the next one. Flags of a platform serve their off variation when a prerequisite stops holding, one after the other.

            Exit 0 when nothing would stop working, 1 when something would (with --snapshot: a verdict gets worse in some environment; without: some feature depends on X in a way its change can break), 2 when the input cannot be read or X names nothing. So `prereq impact FLAG --archive --snapshot …` fails a CI job when archiving the flag breaks something.

            Examples:
              prereq impact enhanced-async-customer-creation --rules rules
              prereq impact 1010 --rules rules --snapshot snapshots/prod.yaml
              prereq impact Read_Java --rules flags/rules --snapshot flags/snapshots/production.yaml --snapshot flags/snapshots/staging.yaml
              prereq impact legacy-export --archive --rules flags/rules --snapshot flags/snapshots/production.yaml --format json
            """
    )

    @Argument(help: "What to assess: a feature, job, setting, attribute, component, record check or manual step (`version`: the product version).")
    var subject: String

    @Option(help: "An environment snapshot to simulate the change on (repeatable; - reads standard input).")
    var snapshot: [String] = []

    @Flag(help: "Simulate archiving the flag (off and serving nothing) instead of switching it off.")
    var archive = false

    @Option(help: "Only this kind of element: feature, job, setting, attribute, component, records, manual-step, version.")
    var kind: String?

    @OptionGroup var evaluation: EvaluationOptions

    @Option(help: "Output format: text, json or markdown.")
    var format: DiffFormat = .text

    func run() throws {
        let json = format == .json
        let rules = try evaluation.loadRules(json: json)
        let element: PackElement
        switch ElementLookup.find(subject, kind: kind, in: rules.graph, language: evaluation.language) {
        case .success(let e): element = e
        case .failure(let d): throw CLIOutput.failure(d.message, [d], json: json)
        }
        var impact = Impact(of: element, in: DependencyIndex(rules.graph), language: evaluation.language)
        if !snapshot.isEmpty || archive {
            let change: Impact.Change
            switch Impact.change(for: element, archive: archive, language: evaluation.language) {
            case .success(let c): change = c
            case .failure(let d): throw CLIOutput.failure(d.message, [d], json: json)
            }
            for path in snapshot {
                impact.add(try evaluation.loadSnapshot(path, graph: rules.graph, json: json), change: change, language: evaluation.language)
            }
        }
        let renderer = ImpactRenderer(pack: rules.graph.pack, language: evaluation.language)
        switch format {
        case .text: CLIOutput.stdout(renderer.text(impact))
        case .json: CLIOutput.stdout(renderer.json(impact))
        case .markdown: CLIOutput.stdout(renderer.markdown(impact))
        }
        if impact.breaksSomething { throw ExitCode(1) }
    }
}
