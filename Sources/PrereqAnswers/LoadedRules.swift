import Diagnostics
import PrereqGraph
import PrereqLoading
import PrereqMessages

/// A rule pack ready for questions: loaded, decoded and turned into a graph. `usable` is false
/// when it could not be read or understood (any error while loading or decoding, a reference to
/// something the pack does not define, a cycle): answers from a broken pack would mislead (a
/// typo in the pack would read as data missing from the snapshot), so commands stop with exit
/// code 2 and the reasons.
public struct LoadedRules: Sendable {
    public var graph: RuleGraph
    public var diagnostics: [Diagnostic]
    public var usable: Bool

    public static func load(paths: [String], loader: RulePackLoader = RulePackLoader()) -> LoadedRules {
        let result = loader.load(paths: paths)
        let errors = result.diagnostics.contains { $0.severity == .error }
        var diagnostics = result.diagnostics
        let pack = result.pack
        let defines = !pack.features.isEmpty || !pack.jobs.isEmpty || !pack.records.isEmpty || !pack.questions.isEmpty
        if !result.unreadable && !errors && !defines {
            diagnostics.append(
                .error(
                    "empty-pack", Messages(loader.language).noFeatureDefined(paths), at: nil,
                    help: Messages(loader.language).pointRulesAtAPack))
        }
        let graph = RuleGraph(result.pack)
        if !result.unreadable && !diagnostics.contains(where: { $0.severity == .error }) {
            diagnostics += soundnessErrors(graph, language: loader.language)
        }
        return LoadedRules(
            graph: graph, diagnostics: diagnostics,
            usable: !result.unreadable && !diagnostics.contains { $0.severity == .error })
    }

    /// The lint errors that make a pack's answers meaningless: unknown references and cycles.
    static func soundnessErrors(_ graph: RuleGraph, language: Language) -> [Diagnostic] {
        let messages = Messages(language)
        return (ReferenceCheck.run(graph, messages) + CycleCheck.run(graph, messages)).filter { $0.severity == .error }
    }
}
