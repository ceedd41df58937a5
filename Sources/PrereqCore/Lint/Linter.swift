import Diagnostics

/// Runs every check of `prereq lint` on a rule pack and returns the findings in output order.
public enum Linter {
    public static func lint(_ graph: RuleGraph, language: Language = .english) -> [Diagnostic] {
        let messages = Messages(language)
        let enableability = EnableabilityCheck.analyse(graph)
        var out: [Diagnostic] = []
        out += ReferenceCheck.run(graph, messages)
        out += CycleCheck.run(graph, messages)
        out += EnableabilityCheck.run(graph, enableability, messages)
        out += RedundancyCheck.run(graph, messages)
        out += VersionCheck.run(graph, enableability, messages)
        out += NameCheck.ambiguousNames(graph, messages)
        out += NameCheck.missingTranslations(graph, messages)
        out += UsageCheck.run(graph, messages)
        return out
    }
}
