import Diagnostics
import PrereqMessages

/// `records-per-fixed` (a note): a record check counted per a field that its `where` already
/// fixes to one value, so that every row has the same key and the limit per key is the limit
/// of all the rows (usually a field meant for `per` left in `where`, or the other way round).
enum RecordLimitCheck {
    package static func run(_ graph: RuleGraph, _ messages: Messages) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for check in graph.pack.records {
            for field in check.per {
                guard let fixed = check.condition.first(where: { $0.field.caseInsensitiveCompare(field.value) == .orderedSame }) else { continue }
                out.append(
                    Diagnostic(
                        code: "records-per-fixed", severity: .note, message: messages.perFieldFixed(check.id.value, field: field.value, value: fixed.value),
                        location: field.location, related: [RelatedLocation(check.location, messages.recordCheckHere)],
                        help: messages.perFieldFixedHelp, subject: check.id.value))
            }
        }
        return out
    }
}
