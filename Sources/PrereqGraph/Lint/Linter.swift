import Diagnostics
import Foundation
import PrereqBasics
import PrereqMessages
import PrereqModel

/// Runs every check of `prereq lint` on a rule pack and returns the findings in output order.
public enum Linter {
    /// The redundancy search, the costliest check on big packs, runs in this many pieces (by
    /// feature) next to the other checks.
    static let redundancyPieces = 4

    /// The checks run in pieces, two at a time when there are two cores (the checks only read
    /// the graph): the other checks first, in two groups, then the pieces of the redundancy
    /// search, which fill whichever core is free. The findings are put together in the same
    /// order either way.
    /// `now` is the moment end-of-service dates are compared with (none: they are not).
    public static func lint(_ graph: RuleGraph, language: Language = .english, now: Timestamp? = nil) -> [Diagnostic] {
        let messages = Messages(language)
        let count = graph.pack.features.count
        let pieces = ParallelWork.map(count: 2 + redundancyPieces, workers: 2) { piece -> [[Diagnostic]] in
            switch piece {
            case 0:
                let enableability = EnableabilityCheck.analyse(graph)
                return [
                    EnableabilityCheck.run(graph, enableability, messages),
                    VersionCheck.run(graph, enableability, messages),
                ]
            case 1:
                return [
                    ReferenceCheck.run(graph, messages),
                    CycleCheck.run(graph, messages),
                    SelfConflictCheck.run(graph, messages),
                    NameCheck.ambiguousNames(graph, messages),
                    NameCheck.missingTranslations(graph, messages),
                    UsageCheck.run(graph, messages),
                    SettingValueCheck.run(graph, messages),
                    StructureCheck.run(graph, messages),
                    LifecycleCheck.run(graph, messages),
                    RecordLimitCheck.run(graph, messages),
                    ReleaseCheck.run(graph, messages, now: now),
                    ComponentWindowCheck.run(graph, messages),
                    StepRuleCheck.run(graph, messages),
                    FlagCheck.run(graph, messages),
                ]
            default:
                let part = piece - 2
                let features = (count * part / redundancyPieces)..<(count * (part + 1) / redundancyPieces)
                return [RedundancyCheck.run(graph, messages, features: features)]
            }
        }
        let (enableable, version) = (pieces[0][0], pieces[0][1])
        let (reference, cycle, selfConflict, ambiguous, translations, usage, settingValues) = (
            pieces[1][0], pieces[1][1], pieces[1][2], pieces[1][3], pieces[1][4], pieces[1][5], pieces[1][6]
        )
        let structure = Array(pieces[1][7...].joined())
        let redundancy = pieces[2...].flatMap { $0[0] }
        return reference + cycle + selfConflict + settingValues + structure + enableable + redundancy + version + ambiguous + translations + usage
    }
}
