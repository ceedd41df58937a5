import Diagnostics

/// Runs every check of `prereq lint` on a rule pack and returns the findings in output order.
public enum Linter {
    public static func lint(_ graph: RuleGraph) -> [Diagnostic] {
        let enableability = EnableabilityCheck.analyse(graph)
        var out: [Diagnostic] = []
        out += ReferenceCheck.run(graph)
        out += CycleCheck.run(graph)
        out += EnableabilityCheck.run(graph, enableability)
        out += RedundancyCheck.run(graph)
        out += VersionCheck.run(graph, enableability)
        out += NameCheck.ambiguousNames(graph)
        out += NameCheck.missingTranslations(graph)
        out += UsageCheck.run(graph)
        return out
    }
}
