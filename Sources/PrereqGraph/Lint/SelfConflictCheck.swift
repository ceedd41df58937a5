import Diagnostics
import PrereqMessages

/// `self-conflict`: a feature lists itself among its conflicts, so taken literally it can never
/// be on (usually a copied line or a typo for another id).
enum SelfConflictCheck {
    package static func run(_ graph: RuleGraph, _ messages: Messages) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for i in graph.pack.features.indices {
            let id = graph.pack.features[i].id.value
            guard let reference = graph.pack.features[i].conflicts.first(where: { $0.value == id }) else { continue }
            out.append(
                Diagnostic(
                    code: "self-conflict", severity: .error, message: messages.conflictsWithItself(id),
                    location: reference.location, help: messages.conflictsWithItselfHelp, subject: id))
        }
        return out
    }
}
