import ArgumentParser
import Foundation
import PrereqCore

/// `--rules`, `--lang` and `--config`, shared by the commands that read a rule pack. The project
/// config (`.prereq.yml`) supplies the rule paths and the language when the options do not.
struct EvaluationOptions: ParsableArguments {
    @Option(name: .customLong("rules"), help: "A rule file or folder (repeatable; default: the config's rules, else rules).")
    var rules: [String] = []

    @OptionGroup var languageOptions: LanguageOptions

    @OptionGroup var configOptions: ConfigOptions

    /// The language in effect (`--lang`, the config's, `LANG`, English).
    var language: Language { languageOptions.language(config: configOptions.projectConfig()) }

    /// The pack (from `--rules`, else the config's rule paths), or exit 2 with the reasons when
    /// it cannot be used (as one JSON document when `json`).
    func loadRules(json: Bool = false) throws -> LoadedRules {
        try loadRules(config: configOptions.understoodConfig(), json: json)
    }

    /// The pack from `--rules`, else `config`'s rule paths, or exit 2 with the reasons.
    func loadRules(config: ProjectConfig, json: Bool = false) throws -> LoadedRules {
        let paths = config.ruleInputs(rules.isEmpty ? config.rulePaths() : rules)
        let loaded = LoadedRules.load(paths: paths, loader: RulePackLoader(language: languageOptions.language(config: config)))
        if !loaded.usable {
            throw CLIOutput.failure("the rule pack cannot be used; `prereq lint` shows every problem", loaded.diagnostics, json: json)
        }
        return loaded
    }

    /// The one snapshot of a file, or exit 2 with the reasons (as one JSON document when `json`).
    func loadSnapshot(_ path: String, graph: RuleGraph, json: Bool = false) throws -> EnvironmentFacts {
        let read = SnapshotReader(language: language).read(path: path)
        let errors = read.diagnostics.filter { $0.severity == .error }
        guard !read.unreadable, errors.isEmpty, read.snapshots.count == 1, let snapshot = read.snapshots.first else {
            let message =
                read.snapshots.count > 1
                ? "\(path) holds \(read.snapshots.count) snapshots; give a file with one" : "the snapshot \(path) cannot be used"
            throw CLIOutput.failure(message, read.diagnostics, json: json)
        }
        let facts = EnvironmentFacts(snapshot: snapshot, graph: graph, language: language)
        CLIOutput.report(read.diagnostics + facts.diagnostics, to: .stderr)
        return facts
    }

    /// A feature by id, name or alias, or exit 2 with a suggestion (as one JSON document when
    /// `json`).
    func feature(_ name: String, in graph: RuleGraph, json: Bool = false) throws -> Int {
        switch FeatureLookup.find(name, in: graph, language: language) {
        case .success(let f): return f
        case .failure(let d): throw CLIOutput.failure(d.message, [d], json: json)
        }
    }
}
