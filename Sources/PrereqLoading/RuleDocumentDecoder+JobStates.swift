import Diagnostics
import PrereqMessages
import PrereqModel
import PrereqYAML

/// A job's `after` list, whose entries are job ids or `{job: A, reached: Applied}` (either may
/// stand alone, without brackets).
extension RuleDocumentDecoder {
    static let jobStateOrderKeys = ["job", "reached"]

    /// The plain ids and the orders after a state, each in the order written.
    mutating func jobOrders(_ node: YAMLNode, _ what: String) -> (after: [Located<String>], reached: [JobStateOrder]) {
        let field = messages.field("after", of: what)
        // One order after a state may be written without brackets, like one id.
        guard let items = node.resolved.kind == .mapping ? [node] : decoder.list(node, field) else { return ([], []) }
        var after: [Located<String>] = []
        var reached: [JobStateOrder] = []
        for item in items {
            guard item.resolved.kind == .mapping else {
                if let id = decoder.identifier(item, field) { after.append(id) }
                continue
            }
            let f = decoder.fields(item, field, allowed: Self.jobStateOrderKeys)
            let job = f["job"].flatMap { decoder.identifier($0, messages.field("job", in: field)) }
            let state = f["reached"].flatMap { decoder.identifier($0, messages.field("reached", in: field)) }
            for key in Self.jobStateOrderKeys where f[key] == nil {
                decoder.report(.error("schema-missing", messages.needsKey(field, key), at: item.location))
            }
            if let job, let state { reached.append(JobStateOrder(job: job, state: state, location: item.location)) }
        }
        return (after, reached)
    }
}
