import Diagnostics

/// A rule pack ready for questions: loaded, decoded and turned into a graph. `usable` is false
/// when it could not be read or understood (any error while loading or decoding): answers
/// from a broken pack would mislead, so commands stop with exit code 2 and the reasons.
public struct LoadedRules: Sendable {
    public var graph: RuleGraph
    public var diagnostics: [Diagnostic]
    public var usable: Bool

    public static func load(paths: [String], loader: RulePackLoader = RulePackLoader()) -> LoadedRules {
        let result = loader.load(paths: paths)
        let errors = result.diagnostics.contains { $0.severity == .error }
        var diagnostics = result.diagnostics
        if !result.unreadable && !errors && result.pack.features.isEmpty {
            diagnostics.append(
                .error(
                    "empty-pack", Messages(loader.language).noFeatureDefined(paths), at: nil,
                    help: Messages(loader.language).pointRulesAtAPack))
        }
        return LoadedRules(
            graph: RuleGraph(result.pack), diagnostics: diagnostics,
            usable: !result.unreadable && !diagnostics.contains { $0.severity == .error })
    }
}
