import Diagnostics
import Foundation

/// Runs every check of `prereq lint` on a rule pack and returns the findings in output order.
public enum Linter {
    /// The checks run in two groups of about equal cost, in parallel when there are two cores
    /// (the checks only read the graph); the findings are put together in the same order
    /// either way.
    public static func lint(_ graph: RuleGraph, language: Language = .english) -> [Diagnostic] {
        let messages = Messages(language)
        let groups = ParallelWork.map(count: 2, workers: 2) { group -> [[Diagnostic]] in
            if group == 0 {
                return [RedundancyCheck.run(graph, messages), NameCheck.ambiguousNames(graph, messages)]
            }
            let enableability = EnableabilityCheck.analyse(graph)
            return [
                ReferenceCheck.run(graph, messages),
                CycleCheck.run(graph, messages),
                EnableabilityCheck.run(graph, enableability, messages),
                VersionCheck.run(graph, enableability, messages),
                NameCheck.missingTranslations(graph, messages),
                UsageCheck.run(graph, messages),
            ]
        }
        let (redundancy, ambiguous) = (groups[0][0], groups[0][1])
        let (reference, cycle, enableable, version, translations, usage) = (
            groups[1][0], groups[1][1], groups[1][2], groups[1][3], groups[1][4], groups[1][5]
        )
        return reference + cycle + enableable + redundancy + version + ambiguous + translations + usage
    }
}
