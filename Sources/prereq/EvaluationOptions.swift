import ArgumentParser
import Diagnostics
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
    /// it cannot be used.
    func loadRules() throws -> LoadedRules {
        try loadRules(config: configOptions.understoodConfig())
    }

    /// The pack from `--rules`, else `config`'s rule paths, or exit 2 with the reasons.
    func loadRules(config: ProjectConfig) throws -> LoadedRules {
        let paths = config.ruleInputs(rules.isEmpty ? config.rulePaths() : rules)
        let loaded = LoadedRules.load(paths: paths, loader: RulePackLoader(language: languageOptions.language(config: config)))
        if !loaded.usable {
            CLIOutput.report(loaded.diagnostics, to: .stderr)
            CLIOutput.stderr("prereq: the rule pack cannot be used; `prereq lint` shows every problem\n")
            throw ExitCode(2)
        }
        return loaded
    }

    /// The one snapshot of a file, or exit 2 with the reasons.
    func loadSnapshot(_ path: String, graph: RuleGraph) throws -> EnvironmentFacts {
        let read = SnapshotReader(language: language).read(path: path)
        let errors = read.diagnostics.filter { $0.severity == .error }
        guard !read.unreadable, errors.isEmpty, read.snapshots.count == 1, let snapshot = read.snapshots.first else {
            CLIOutput.report(read.diagnostics, to: .stderr)
            if read.snapshots.count > 1 {
                CLIOutput.stderr("prereq: \(path) holds \(read.snapshots.count) snapshots; give a file with one\n")
            }
            throw ExitCode(2)
        }
        let facts = EnvironmentFacts(snapshot: snapshot, graph: graph, language: language)
        CLIOutput.report(read.diagnostics + facts.diagnostics, to: .stderr)
        return facts
    }

    /// A feature by id, name or alias, or exit 2 with a suggestion.
    func feature(_ name: String, in graph: RuleGraph) throws -> Int {
        switch FeatureLookup.find(name, in: graph, language: language) {
        case .success(let f): return f
        case .failure(let d):
            CLIOutput.report([d], to: .stderr)
            throw ExitCode(2)
        }
    }
}
