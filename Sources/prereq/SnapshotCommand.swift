import ArgumentParser
import Foundation
import PrereqCore

/// `prereq snapshot template` and `prereq snapshot check`: what a snapshot must give for a pack.
struct SnapshotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snapshot",
        abstract: "Help produce the snapshot a rule pack needs: a template of its facts, and a check of what a snapshot lacks.",
        subcommands: [SnapshotTemplateCommand.self, SnapshotCheckCommand.self]
    )
}

struct SnapshotTemplateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "template",
        abstract: "Write a snapshot skeleton with every fact the pack needs for some features (all when none are named).",
        discussion: """
            Each fact comes with a comment saying what it is and, where the pack's `source` (a setting's `whereToFind`) says, where to find it. Replace each ~ and <…>; remove what you cannot give.

            Examples:
              prereq snapshot template --rules rules > snapshots/prod.yaml
              prereq snapshot template --rules rules async-customer-editing --output prod.yaml
            """
    )

    @Argument(help: "Features (id, name or alias) to answer about; default: every feature.")
    var features: [String] = []

    @OptionGroup var evaluation: EvaluationOptions

    @Option(help: "Write the template to this file instead of standard output.")
    var output: String?

    func run() throws {
        let rules = try evaluation.loadRules()
        let asked = try features.map { try evaluation.feature($0, in: rules.graph) }
        let needs = SnapshotNeeds.of(rules.graph, features: asked.isEmpty ? nil : asked)
        let ids = asked.map { rules.graph.pack.features[$0].id.value }
        let text = SnapshotTemplate(graph: rules.graph, needs: needs, language: evaluation.language).text(about: ids)
        guard let output else { return CLIOutput.stdout(text) }
        do {
            try AtomicFile.write(text, to: output)
        } catch {
            CLIOutput.stderr("prereq: error: \(error)\n")
            throw ExitCode(2)
        }
    }
}

struct SnapshotCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Say which facts the pack needs that snapshots do not give, in one list per snapshot.",
        discussion: """
            Exit 0 when every snapshot gives every fact, 1 when one lacks some, 2 when a snapshot or the pack cannot be read.

            Examples:
              prereq snapshot check snapshots/prod.yaml --rules rules
              prereq snapshot check prod.yaml --rules rules --feature async-customer-editing --format json
            """
    )

    @Argument(help: "Snapshot files (one snapshot each).")
    var snapshots: [String]

    @Option(name: .customLong("feature"), help: "Only what answers about this feature need (repeatable; default: every feature).")
    var features: [String] = []

    @OptionGroup var evaluation: EvaluationOptions

    @Option(help: "Output format: text or json.")
    var format: InspectFormat = .text

    func run() throws {
        let json = format == .json
        let rules = try evaluation.loadRules(json: json)
        let asked = try features.map { try evaluation.feature($0, in: rules.graph, json: json) }
        var results: [(file: String, gaps: [SnapshotGap])] = []
        for path in snapshots {
            let facts = try evaluation.loadSnapshot(path, graph: rules.graph, json: json)
            results.append((path, SnapshotGaps.find(facts, features: asked.isEmpty ? nil : asked, language: evaluation.language)))
        }
        CLIOutput.stdout(json ? SnapshotGapsRenderer.json(results) : SnapshotGapsRenderer.text(results, language: evaluation.language))
        if results.contains(where: { !$0.gaps.isEmpty }) { throw ExitCode(1) }
    }
}
