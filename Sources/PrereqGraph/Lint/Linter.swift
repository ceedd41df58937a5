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
    /// `now` is the moment end-of-service dates are compared with (none: they are not). The
    /// findings follow `earlier` (what loading found), in one list: the lists of a big pack's
    /// findings are moved into it one by one, never copied whole.
    public static func lint(_ graph: RuleGraph, language: Language = .english, now: Timestamp? = nil, after earlier: [Diagnostic] = []) -> [Diagnostic] {
        let messages = Messages(language)
        let count = graph.pack.features.count
        var pieces = ParallelWork.map(count: 2 + redundancyPieces, workers: 2) { piece -> [[Diagnostic]] in
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
        // (piece, list) in output order: reference, cycle, self-conflict, setting values, the
        // structure checks, enableability, redundancy, version, ambiguous names, translations,
        // usage.
        let order = [(1, 0), (1, 1), (1, 2), (1, 6)] + (7..<pieces[1].count).map { (1, $0) } + [(0, 0)]
            + (2..<pieces.count).map { ($0, 0) } + [(0, 1), (1, 3), (1, 4), (1, 5)]
        var out = earlier
        out.reserveCapacity(earlier.count + pieces.reduce(0) { $0 + $1.reduce(0) { $0 + $1.count } })
        for (piece, list) in order {
            out += pieces[piece][list]
            pieces[piece][list] = []
        }
        return out
    }
}
