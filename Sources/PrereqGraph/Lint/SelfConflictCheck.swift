import Diagnostics
import PrereqMessages

/// `self-conflict`: a feature lists itself among its conflicts, so taken literally it can never
/// be on (usually a copied line or a typo for another id).
enum SelfConflictCheck {
    package static func run(_ graph: RuleGraph, _ messages: Messages) -> [Diagnostic] {
        graph.pack.features.flatMap { feature in
            feature.conflicts.filter { $0.value == feature.id.value }.prefix(1).map { reference in
                Diagnostic(
                    code: "self-conflict", severity: .error, message: messages.conflictsWithItself(feature.id.value),
                    location: reference.location, help: messages.conflictsWithItselfHelp, subject: feature.id.value)
            }
        }
    }
}
